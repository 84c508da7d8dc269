"""extract, update, compile, stats: the gettext core of the pipeline."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from l10n_news.catalogs.broken import raise_if_broken
from l10n_news.cli.common import (
    domain_option,
    json_option,
    language_option,
    print_json,
    show_progress,
    workspace_option,
)

if TYPE_CHECKING:
    from l10n_news.workspace import Workspace

# Each command imports its own stage inside its function: `stats` must not load the
# Markdown and template stack that `extract` needs.


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator:
    """A callback `(done, total)` that draws a bar on a terminal, and does nothing elsewhere."""
    if not show_progress():
        yield None
        return
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=click.get_text_stream("stderr"))
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@click.command()
@click.argument("slugs", nargs=-1)
@workspace_option
@json_option
def extract(ws: Workspace, slugs: tuple[str, ...], as_json: bool) -> None:
    """Write locales/<slug>.pot for each article (and locales/ui.pot for the site's UI).

    One entry per unit: title, summary, captions, section names, tags, author, each heading,
    paragraph, list item and quote, with a reference to its line and a comment naming its role.
    Unchanged articles are skipped; a template that would differ only by date is not rewritten.

    Example:

        l10n-news extract -C .
    """
    from l10n_news.extract import extract_workspace

    with progress_bar("extract") as progress:
        report = extract_workspace(ws, slugs=list(slugs) or None, progress=progress)
    if as_json:
        print_json(report.as_dict())
        return
    for domain in report.written:
        click.echo(f"wrote {ws.relative(ws.pot_path(domain))}")
    click.echo(f"extract: {len(report.written)} written, {len(report.unchanged)} unchanged")


@click.command()
@workspace_option
@language_option
@domain_option
@json_option
def update(ws: Workspace, langs: tuple[str, ...], domains: tuple[str, ...], as_json: bool) -> None:
    """Merge each template into the catalogs of every target language (msgmerge semantics).

    An unchanged source keeps its translation; a changed one gets the closest old translation
    as fuzzy with the previous source (#|); entries that left the template become obsolete (#~),
    never deleted. Missing catalogs are created with the right Plural-Forms.

    Example:

        l10n-news update -l kk
    """
    from l10n_news.update import update_workspace

    with progress_bar("update") as progress:
        summary = update_workspace(
            ws, langs=list(langs) or None, domains=list(domains) or None, progress=progress
        )
    if as_json:
        print_json(summary.as_dict())
        raise_if_broken(summary.problems)
        return
    for key, counts in summary.catalogs.items():
        lang, domain = key.split("/", 1)
        shown = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        click.echo(f"{ws.relative(ws.po_path(lang, domain))}: {shown or 'empty'}")
    click.echo(
        f"update: {len(summary.created)} created, {len(summary.written)} updated, "
        f"{len(summary.unchanged)} unchanged"
    )
    raise_if_broken(summary.problems)  # exit 2, one line per catalog left as it was


@click.command("compile")
@workspace_option
@click.option("--use-fuzzy", is_flag=True, help="Also compile fuzzy entries (drafts).")
@json_option
def compile_(ws: Workspace, use_fuzzy: bool, as_json: bool) -> None:
    """Compile every .po under locales/ into a .mo beside it (fuzzy entries left out).

    Example:

        l10n-news compile
    """
    from l10n_news.compile import compile_workspace

    with progress_bar("compile") as progress:
        report = compile_workspace(ws, use_fuzzy=use_fuzzy, progress=progress)
    if as_json:
        print_json(report.as_dict())
        raise_if_broken(report.problems)
        return
    click.echo(f"compile: {len(report.compiled)} compiled, {len(report.unchanged)} unchanged")
    raise_if_broken(report.problems)  # exit 2, one line per catalog whose .mo was kept


@click.command()
@workspace_option
@language_option
@domain_option
@json_option
def stats(ws: Workspace, langs: tuple[str, ...], domains: tuple[str, ...], as_json: bool) -> None:
    """Show, per language and domain: total, reviewed, drafts, needs review, untranslated,
    obsolete and words. Fuzzy entries are never counted as translated.

    Example:

        l10n-news stats --json
    """
    from l10n_news.stats import workspace_stats

    found = workspace_stats(ws, langs=list(langs) or None, domains=list(domains) or None)
    rows = found.rows
    if as_json:
        print_json([r.as_dict() for r in rows])
        raise_if_broken(found.problems)
        return
    if not rows and not found.problems:
        click.echo("no catalogs yet: run 'l10n-news extract' and 'l10n-news update'")
        return
    width = max(5, *(len(r.lang) + 1 for r in rows))  # "kk-Latn" is wider than "kk"
    head = (
        f"{'lang':<{width}}{'domain':<32}{'total':>6}{'reviewed':>9}{'drafts':>7}{'review':>7}"
        f"{'untr.':>6}{'obs.':>5}{'words':>7}{'%':>7}"
    )
    click.echo(head)
    for r in rows:
        click.echo(
            f"{r.lang:<{width}}{r.domain[:31]:<32}{r.total:>6}{r.translated:>9}{r.drafts:>7}"
            f"{r.needs_review:>7}{r.untranslated:>6}{r.obsolete:>5}{r.words:>7}{r.percent:>6.1f}%"
            + (f"  (from {r.derived_from})" if r.derived_from else "")
        )
    raise_if_broken(found.problems)
