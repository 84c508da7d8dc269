"""`l10n-news run`: the whole pipeline with one summary."""

from __future__ import annotations

from pathlib import Path

import click

from l10n_news.cli.common import json_option, print_json, show_progress, workspace_option
from l10n_news.cli.publish import _formats
from l10n_news.engines.registry import ENGINES
from l10n_news.run import RunSummary, run_pipeline
from l10n_news.workspace import Workspace


@click.command("run")
@workspace_option
@click.option("--no-translate", is_flag=True, help="Skip machine translation (work offline).")
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="Translate with this engine only instead of the [translate] chain.",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Site folder.")
@click.option(
    "--format", "formats", default="html", show_default=True, callback=_formats,
    help="Comma-separated: html, markdown.",
)
@click.option("--allow-drafts", is_flag=True, help="Publish machine drafts, with a notice.")
@json_option
def run(
    ws: Workspace,
    no_translate: bool,
    engine: str | None,
    out: Path | None,
    formats: tuple[str, ...],
    allow_drafts: bool,
    as_json: bool,
) -> None:
    """Extract, update, translate, check, compile and publish, with one summary at the end.

    Per language the summary names the published articles (the first ten, then a count),
    every article held back and why, and how many drafts machine translation made. Exits 1
    when a check found errors, an engine failed, or a page would show text of the wrong
    language.

    Example:

        l10n-news run -C .
    """
    def stage(name: str) -> None:
        if show_progress() and not as_json:
            click.echo(f"… {name}", err=True)

    summary = run_pipeline(
        ws,
        translate=not no_translate,
        engine=engine,
        out=out,
        formats=formats,
        allow_drafts=allow_drafts,
        stage=stage,
    )
    if as_json:
        print_json(summary.as_dict())
    else:
        _print(ws, summary)
    if not summary.ok:
        raise SystemExit(1)


def _print(ws: Workspace, s: RunSummary) -> None:
    click.echo(
        f"extract: {len(s.extract.written)} template(s) written, "
        f"{len(s.extract.unchanged)} unchanged"
    )
    click.echo(
        f"update:  {len(s.update.created)} created, {len(s.update.written)} updated, "
        f"{len(s.update.unchanged)} unchanged"
    )
    if s.translate is None:
        click.echo("translate: skipped")
    else:
        t = s.translate.total
        click.echo(
            f"translate: {t.sent} sent, {t.cached} from cache, {t.memory} from memory, "
            f"{t.rejected} rejected, {t.failed} failed ({s.translate.requests} requests)"
        )
        for name, why in s.translate.unreachable.items():
            click.echo(f"  engine {name} is out of reach: {why}")
    click.echo(f"check:   {len(s.errors)} error(s), {len(s.findings) - len(s.errors)} warning(s)")
    for finding in s.errors[:10]:
        click.echo(f"  {finding.format_line()}")
    click.echo(f"compile: {len(s.compile.compiled)} compiled, {len(s.compile.unchanged)} unchanged")
    click.echo(f"publish: {ws.relative(s.publish.out)}/")
    for lang, row in s.languages.items():
        click.echo(f"  {lang}: published {_some(row['published'])}")
        for slug in row["published_as_drafts"]:
            click.echo(f"  {lang}: {slug} carries the machine-translation notice")
        for slug, why in row["held"].items():
            click.echo(f"  {lang}: held back {slug}: {why}")
        if row["drafts_made"]:
            click.echo(f"  {lang}: {row['drafts_made']} draft(s) made, awaiting review")
    for leak in s.publish.leaks[:10]:
        click.echo(f"  leak: {leak}")
    for error in s.broken:
        click.echo(f"l10n-news: {error}", err=True)  # a broken catalog, left as it is
    click.echo("ok" if s.ok else "finished with problems (see above)")


SHOWN_SLUGS = 10  # a newsroom's archive has thousands: name a few, count the rest (--json has all)


def _some(slugs: list[str]) -> str:
    if not slugs:
        return "nothing"
    shown = ", ".join(slugs[:SHOWN_SLUGS])
    rest = len(slugs) - SHOWN_SLUGS
    return f"{shown} and {rest} more ({len(slugs)} in all)" if rest > 0 else shown
