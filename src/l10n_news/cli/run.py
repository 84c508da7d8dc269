"""`l10n-news run`: the whole pipeline with one summary.

A rerun with nothing changed is recognised first (`l10n_news.rerun`, a stat of each file), and
prints the summary the last quiet run kept: the pipeline and its render stack are imported only
when there is something to do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from l10n_news.cli.common import json_option, parse_formats, show_progress, workspace_option
from l10n_news.config import engine_names
from l10n_news.workspace import Workspace

if TYPE_CHECKING:
    from l10n_news.rerun import Replay
    from l10n_news.run import RunSummary


@click.command("run")
@workspace_option
@click.option("--no-translate", is_flag=True, help="Skip machine translation (work offline).")
@click.option(
    "--engine",
    type=click.Choice(engine_names()),
    default=None,
    help="Translate with this engine only instead of the [translate] chain.",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Site folder.")
@click.option(
    "--format", "formats", default="html", show_default=True, callback=parse_formats,
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

    A rerun with nothing changed (no article, image, catalog, template, setting, page of the
    site or installed version) prints the summary of the last run that had nothing to do, kept
    in .l10n-news/, without running the pipeline again.

    Example:

        l10n-news run -C .
    """
    from l10n_news.rerun import RerunRecord

    options = {
        "translate": not no_translate,
        "engine": engine,
        "out": str(out.resolve()) if out is not None else None,
        "formats": list(formats),
        "allow_drafts": allow_drafts,
        "json": as_json,
    }
    with ws.lock():
        record = RerunRecord.look(ws, options, out)
        replay = record.replay()
        if replay is not None:
            if show_progress() and not as_json:
                click.echo("… nothing changed since the last run", err=True)
        else:
            from l10n_news.run import run_pipeline

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
            replay = _replay(ws, summary, as_json)
            record.keep(replay, summary.translate.as_dict() if summary.translate else None)
    for line in replay.lines:
        click.echo(line)
    for line in replay.stderr:
        click.echo(line, err=True)
    if not replay.ok:
        raise SystemExit(1)


def _replay(ws: Workspace, summary: RunSummary, as_json: bool) -> Replay:
    """What to print, kept as it is for the next rerun."""
    from l10n_news.rerun import Replay

    if as_json:
        text = json.dumps(summary.as_dict(), ensure_ascii=False, indent=2, default=str)
        return Replay([text], ok=summary.ok)
    # A catalog that cannot be read is left as it is, and named on stderr.
    broken = [f"l10n-news: {error}" for error in summary.broken]
    return Replay(_lines(ws, summary), broken, summary.ok)


def _lines(ws: Workspace, s: RunSummary) -> list[str]:
    """The text summary, line by line."""
    lines: list[str] = []
    say = lines.append
    say(
        f"extract: {len(s.extract.written)} template(s) written, "
        f"{len(s.extract.unchanged)} unchanged"
    )
    say(
        f"update:  {len(s.update.created)} created, {len(s.update.written)} updated, "
        f"{len(s.update.unchanged)} unchanged"
    )
    if s.translate is None:
        say("translate: skipped")
    else:
        t = s.translate.total
        say(
            f"translate: {t.sent} sent, {t.cached} from cache, {t.memory} from memory, "
            f"{t.rejected} rejected, {t.failed} failed ({s.translate.requests} requests)"
        )
        for name, why in s.translate.unreachable.items():
            say(f"  engine {name} is out of reach: {why}")
    say(f"check:   {len(s.errors)} error(s), {len(s.findings) - len(s.errors)} warning(s)")
    for finding in s.errors[:10]:
        say(f"  {finding.format_line()}")
    say(f"compile: {len(s.compile.compiled)} compiled, {len(s.compile.unchanged)} unchanged")
    say(f"publish: {ws.relative(s.publish.out)}/")
    for lang, row in s.languages.items():
        say(f"  {lang}: published {_some(row['published'])}")
        for slug in row["published_as_drafts"]:
            say(f"  {lang}: {slug} carries the machine-translation notice")
        for slug, why in row["held"].items():
            say(f"  {lang}: held back {slug}: {why}")
        if row["drafts_made"]:
            say(f"  {lang}: {row['drafts_made']} draft(s) made, awaiting review")
    for leak in s.publish.leaks[:10]:
        say(f"  leak: {leak}")
    say("ok" if s.ok else "finished with problems (see above)")
    return lines


SHOWN_SLUGS = 10  # a newsroom's archive has thousands: name a few, count the rest (--json has all)


def _some(slugs: list[str]) -> str:
    if not slugs:
        return "nothing"
    shown = ", ".join(slugs[:SHOWN_SLUGS])
    rest = len(slugs) - SHOWN_SLUGS
    return f"{shown} and {rest} more ({len(slugs)} in all)" if rest > 0 else shown
