"""`l10n-news publish`: the site from every variant that passes the gate."""

from __future__ import annotations

from pathlib import Path

import click

from l10n_news.cli.common import (
    json_option,
    parse_formats,
    print_json,
    show_progress,
    workspace_option,
)
from l10n_news.errors import CheckFailed
from l10n_news.publish import publish_workspace
from l10n_news.publish.site import PublishReport
from l10n_news.workspace import Workspace


@click.command()
@workspace_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site. Default: [publish] out_dir, else site/.",
)
@click.option(
    "--format",
    "formats",
    default="html",
    show_default=True,
    callback=parse_formats,
    help="Comma-separated: html, markdown (the translated article.md with front matter).",
)
@click.option(
    "--allow-drafts",
    is_flag=True,
    help="Also publish machine drafts, with a visible notice and robots noindex.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to judge and render in. Default: one per CPU, when enough articles changed.",
)
@json_option
def publish(
    ws: Workspace,
    out: Path | None,
    formats: tuple[str, ...],
    allow_drafts: bool,
    jobs: int | None,
    as_json: bool,
) -> None:
    """Render every article variant that passes the review gate into a static site.

    A variant (article, language) is published only when its article catalog and the ui
    catalog are reviewed ([publish] threshold, default 100%), nothing is untranslated, and
    no unit it shows has an error finding, is unsafe or leaks another language. Everything
    is rendered first and written at once; pages of variants that do not pass are removed.
    Exits 1 if a variant was held back for a problem (not merely for being unreviewed).

    Example:

        l10n-news publish --format html,markdown
    """
    bar = None
    if show_progress() and not as_json:
        bar = click.progressbar(length=0, label="publishing", file=click.get_text_stream("stderr"))

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.length = total
            bar.update(done - bar.pos)

    report = publish_workspace(
        ws, out=out, formats=formats, allow_drafts=allow_drafts, progress=progress, jobs=jobs
    )
    if bar is not None:
        bar.render_finish()
    if as_json:
        print_json(report.as_dict())
    else:
        _print(ws, report)
    if report.problems:
        raise CheckFailed(
            f"{len(report.problems)} variant(s) held back for errors, refusals or leaks",
            path=ws.relative(report.out),
        )


def _print(ws: Workspace, report: PublishReport) -> None:
    click.echo(
        f"site: {ws.relative(report.out)} ({len(report.rendered)} files written, "
        f"{len(report.removed)} removed)"
    )
    for lang, lr in report.languages.items():
        drafts = f", {len(lr.drafts)} as drafts" if lr.drafts else ""
        shown = len(lr.published) + len(lr.drafts)
        made = f" (made from {lr.derived_from})" if lr.derived_from else ""
        click.echo(f"{lang}{made}: {shown} published{drafts}, {len(lr.held)} held back")
        for slug, why in sorted(lr.held.items()):
            click.echo(f"  held back {slug}: {why}")
    # One line per leaking word, however many pages show it.
    for group in report.leaks:
        click.echo(f"leak: {group}", err=True)
