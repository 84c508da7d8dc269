"""`l10n-news import`: news pages into articles, or a published translation into a catalog."""

from __future__ import annotations

from pathlib import Path

import click

from l10n_news.cli.common import json_option, print_json, workspace_option
from l10n_news.errors import ImportFailed
from l10n_news.importers import ImportReport, import_pages
from l10n_news.importers.translation import AlignReport, import_translation
from l10n_news.workspace import Workspace


@click.command("import")
@workspace_option
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--slug", help="The article's slug (one page only). Default: from the title.")
@click.option(
    "--lang", metavar="LANG", help="The page's language (ru, en, kk). Default: detected."
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace an article that already exists; with --translation-of, import a page that "
    "does not read as a translation (every pair then a fuzzy draft).",
)
@click.option(
    "--date",
    "date",
    metavar="DATE",
    help="The article's date when the page lacks it or has it wrong: 2025-10-01 (a day) or "
    "2025-10-01T18:00 (in the workspace's time zone).",
)
@click.option(
    "--title",
    metavar="TEXT",
    help="The article's title when the page has none (scraped text whose first line is "
    "already a paragraph) or has it wrong.",
)
@click.option(
    "--translation-of",
    "translation_of",
    metavar="SLUG",
    help="Import PAGE as a translation of this article into its catalog (needs --lang).",
)
@json_option
def import_(
    ws: Workspace,
    pages: tuple[Path, ...],
    slug: str | None,
    lang: str | None,
    force: bool,
    date: str | None,
    title: str | None,
    translation_of: str | None,
    as_json: bool,
) -> None:
    """Import news pages (scraped text, HTML or Markdown) as articles.

    Each PAGE becomes articles/<slug>/article.md: site chrome (ad banners, share buttons,
    breadcrumb home items) is dropped and listed, the breadcrumbs become the section, the
    date is put in the workspace's time zone (a page that gives only the day keeps only the
    day). Photo credits and captions go to the front matter. With --translation-of, PAGE is
    a published translation of an existing article: it is first checked to be one at all,
    then its paragraphs are aligned with the article's and written into
    locales/<LANG>/LC_MESSAGES/<SLUG>.po: certain pairs as translations, every other pair as
    a fuzzy draft (`# aligned: <score> from <file>`) for review; reviewed entries are never
    changed.

    Example:

        l10n-news import ../shared/seed/tengrinews-harmony-lessons-operator.txt

        l10n-news import --date 2025-10-01T18:00 page.txt

        l10n-news import --translation-of festival-opens --lang ru page-ru.html
    """
    if translation_of:
        if not lang or len(pages) != 1 or slug or date or title:
            raise ImportFailed(
                "--translation-of takes one PAGE and --lang (no --slug, --date, --title)"
            )
        report = import_translation(ws, translation_of, lang, pages[0], force=force)
        _show_alignment(report, as_json)
        return
    reports = import_pages(
        ws, list(pages), slug=slug, lang=lang, force=force, date=date, title=title
    )
    if as_json:
        print_json([r.as_dict() for r in reports])
        return
    for report in reports:
        _show_import(report)


def _show_import(report: ImportReport) -> None:
    verb = "replaced" if report.replaced else "wrote"
    click.echo(f"{verb} {report.article} ({report.kind}, {report.lang}, {report.date})")
    click.echo(f"  title: {report.title}")
    if report.section:
        click.echo(f"  section: {' / '.join(report.section)}")
    if report.credit:
        click.echo(f"  credit (front matter): {report.credit}")
    for line in report.dropped:
        click.echo(f"  dropped line {line['line']}: {line['text']}")
    if report.missing_in_ui:
        click.echo(f"  not in the ui catalog yet: {', '.join(report.missing_in_ui)}")


def _show_alignment(report: AlignReport, as_json: bool) -> None:
    if as_json:
        print_json(report.as_dict())
        return
    state = "wrote" if report.written else "unchanged"
    click.echo(f"the page reads as: {report.verdict} (score {report.score:.2f})")
    for reason in report.reasons:
        click.echo(f"  {reason}")
    click.echo(
        f"{state} {report.catalog}: {report.translated} translated, {report.fuzzy} fuzzy "
        f"drafts to review, {report.kept_reviewed} reviewed kept"
    )
    for text in report.unpaired_source:
        click.echo(f"  no translation found for: {text[:70]}")
    for text in report.unpaired_target:
        click.echo(f"  no source found for: {text[:70]}")
