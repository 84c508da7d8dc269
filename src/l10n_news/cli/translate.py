"""translate: fill untranslated entries with machine-translated drafts."""

from __future__ import annotations

import click

from l10n_news.cli.catalogs import progress_bar
from l10n_news.cli.common import (
    domain_option,
    json_option,
    language_option,
    print_json,
    workspace_option,
)
from l10n_news.engines.registry import ENGINES
from l10n_news.translate import TranslateReport, translate_workspace
from l10n_news.workspace import Workspace

_SHOWN_PROBLEMS = 20  # an offline run fails every entry: the first few say enough


@click.command()
@workspace_option
@language_option
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=None,
    help="Use only this engine instead of the chain of [translate] engines.",
)
@domain_option
@json_option
def translate(
    ws: Workspace,
    langs: tuple[str, ...],
    engine: str | None,
    domains: tuple[str, ...],
    as_json: bool,
) -> None:
    """Fill untranslated entries with machine-translated drafts (fuzzy, marked `mt:`).

    Each entry with no translation is tried with the engines of `[translate] engines`
    (default: memory, then google) from its domain's source language. Reviewed entries and
    existing fuzzy translations are never touched. Requests are cached in
    .l10n-news/mt-cache.sqlite3, so a rerun sends only what is still missing. Exits 1 when
    anything failed; the catalogs keep every draft finished before the failure.

    Example:

        l10n-news translate -C . -l kk --engine pseudo
    """
    with progress_bar("translate") as progress:
        report = translate_workspace(
            ws,
            langs=list(langs) or None,
            engine=engine,
            domains=list(domains) or None,
            progress=progress,
        )
    if as_json:
        print_json(report.as_dict())
    else:
        _print_summary(report)
    if report.broken:
        from l10n_news.catalogs.broken import BrokenCatalogs

        raise BrokenCatalogs(report.broken)  # exit 2, one line per catalog left as it was
    if not report.ok:
        click.get_current_context().exit(1)


def _print_summary(report: TranslateReport) -> None:
    for problem in report.problems[:_SHOWN_PROBLEMS]:
        click.echo(f"l10n-news: {problem}", err=True)
    if len(report.problems) > _SHOWN_PROBLEMS:
        more = len(report.problems) - _SHOWN_PROBLEMS
        click.echo(f"l10n-news: ... and {more} more (--json lists them all)", err=True)
    for miss in report.glossary_misses[:_SHOWN_PROBLEMS]:
        click.echo(f"l10n-news: {miss} (kept as a draft)", err=True)
    for name, why in report.unreachable.items():
        click.echo(f"l10n-news: engine {name} is out of reach this run: {why}", err=True)
    for path in report.written:
        click.echo(f"wrote {path}")
    for lang, c in sorted(report.languages.items()):
        click.echo(
            f"{lang}: {c.sent} sent, {c.cached} from cache, {c.memory} from memory, "
            f"{c.local} local, {c.rejected} rejected, {c.failed} failed, "
            f"{c.unsupported} unsupported"
            + (f", {c.no_match} without a match" if c.no_match else "")
        )
    for label, tokens in report.usage.items():
        click.echo(
            f"{label}: {tokens.get('prompt_tokens', 0)} prompt + "
            f"{tokens.get('completion_tokens', 0)} completion tokens"
        )
    t = report.total
    per_text = ""
    if report.texts_sent:
        rate = report.requests / report.texts_sent
        per_text = f" for {report.texts_sent} distinct texts ({rate:.2f} a text)"
    click.echo(
        f"translate ({' -> '.join(report.engines)}): {report.requests} requests{per_text}; "
        f"{t.sent + t.cached + t.memory + t.local} drafts, "
        f"{t.rejected + t.failed + t.unsupported + t.no_match} left untranslated"
    )
