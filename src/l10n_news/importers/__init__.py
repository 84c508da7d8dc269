"""Importing news pages (scraped text, HTML, Markdown) as articles, and translations of them.

`import_page` turns one page into `articles/<slug>/article.md`; `import_translation` (in
`translation`) aligns a translated page with an existing article and fills its catalog.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import Catalog
from l10n_news.errors import ImportFailed, L10nError
from l10n_news.fileio import atomic_write_text
from l10n_news.importers.chrome import Chrome, load_chrome, normalize
from l10n_news.importers.dates import PageDate, date_option, format_page_date
from l10n_news.importers.detect import ALPHABET_NAMES, detect_kazakh_latin_alphabet
from l10n_news.importers.draft import DroppedLine, PageDraft, render_article, slugify
from l10n_news.sources import parse_article
from l10n_news.workspace import UI_DOMAIN, Workspace, check_slug

KINDS = ("text", "html", "markdown")
# Loaded when a page of that kind comes: trafilatura and dateparser take a while to import,
# and every other command would pay for it.
_PARSERS = {
    "text": ("l10n_news.importers.text", "parse_text_page"),
    "html": ("l10n_news.importers.html", "parse_html_page"),
    "markdown": ("l10n_news.importers.markdown", "parse_markdown_page"),
}
_SUFFIX_KIND = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown"}
_SUFFIX_KIND[".markdown"] = "markdown"


@dataclass
class ImportReport:
    path: str  # the page imported
    kind: str  # text, html or markdown
    slug: str
    article: str  # the article.md written, relative to the workspace
    title: str
    lang: str
    date: str
    section: list[str] = field(default_factory=list)
    dropped: list[dict[str, object]] = field(default_factory=list)  # {text, label, line}
    missing_in_ui: list[str] = field(default_factory=list)  # dropped labels with no ui entry
    replaced: bool = False  # an existing article was overwritten (--force)
    credit: str = ""  # photo credits moved to the front matter

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def chrome_for(ws: Workspace) -> Chrome:
    return load_chrome(ws.section("import"), ws.config_path)


def read_page(path: Path) -> str:
    """The page's text; empty, binary or undecodable pages are refused."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed("no such file", path=path) from None
    except IsADirectoryError:
        raise ImportFailed("is a folder, not a page", path=path) from None
    if b"\x00" in data[:8192]:
        raise ImportFailed("binary file, not a news page", path=path)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = _decode_legacy(data, path)
    if not text.strip():
        raise ImportFailed("empty page", path=path)
    return text


def _decode_legacy(data: bytes, path: Path) -> str:
    # Old Russian and Kazakh sites still serve windows-1251; an HTML page says so itself.
    head = data[:4096].decode("ascii", "replace").lower()
    for charset in ("windows-1251", "cp1251", "koi8-r", "iso-8859-1", "windows-1252"):
        if f"charset={charset}" in head or f'charset="{charset}"' in head:
            return data.decode(charset, "replace")
    raise ImportFailed("not UTF-8 text (and no charset declared)", path=path)


# A text or Markdown page larger than this is no single news article.
MAX_TEXT_PAGE_BYTES = 8 << 20


def read_head(path: Path, size: int = 4096) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(size)
    except FileNotFoundError:
        raise ImportFailed("no such file", path=path) from None
    except IsADirectoryError:
        raise ImportFailed("is a folder, not a page", path=path) from None


def read_page_text(path: Path) -> tuple[str, str]:
    """(kind, text) of a page; an HTML page is read streaming, in bounded memory (see slim)."""
    head = read_head(path)
    kind = page_kind(path, head.decode("utf-8", "replace").removeprefix("\ufeff"))
    if kind == "html" and b"\x00" not in head:
        from l10n_news.importers.slim import slim_html

        return kind, slim_html(path)
    if path.stat().st_size > MAX_TEXT_PAGE_BYTES:
        raise ImportFailed(
            f"the page is over {MAX_TEXT_PAGE_BYTES >> 20} MB: not a news article", path=path
        )
    text = read_page(path)
    return page_kind(path, text), text


def page_kind(path: Path, text: str) -> str:
    kind = _SUFFIX_KIND.get(path.suffix.lower())
    if kind:
        return kind
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "markdown" if head.startswith("---") else "text"


def parse_page(
    ws: Workspace,
    path: Path,
    *,
    lang: str | None = None,
    need_date: bool = True,
    date: str | None = None,
    title: str | None = None,
) -> tuple[str, PageDraft]:
    """(kind, draft) for a page; nothing is written.

    With `need_date=False` (a translation of an article, whose date and title are the
    article's) a missing or unreadable date leaves `draft.date` None instead of refusing the
    page, and a scraped page's first line is its title whatever it reads like.
    `date` (`--date`, YYYY-MM-DD or YYYY-MM-DDTHH:MM) replaces whatever the page says;
    `title` (`--title`) is the title of a page that has none, or replaces the one it has.
    """
    supplied = _date_given(date, ws.time_zone) if date is not None else None
    an_article = need_date  # not a translation, whose date and title are its article's
    need_date = need_date and supplied is None
    if lang is not None:
        ws.check_language(lang)
    kind, text = read_page_text(path)
    module, name = _PARSERS[kind]
    parser = getattr(importlib.import_module(module), name)
    # A scraped page's headline is a line of its text: the parser must know whether it has one.
    headline = {"title": title, "need_headline": an_article} if kind == "text" else {}
    draft: PageDraft = parser(
        text,
        chrome_for(ws),
        zone=ws.time_zone,
        lang=lang,
        path=path,
        need_date=need_date,
        **headline,
    )
    if supplied is not None:
        draft.date = supplied
    if title is not None:
        draft.title = title
    refuse_latin_kazakh(f"{draft.title}\n{draft.summary}\n{draft.body}", path)
    if draft.lang not in ws.languages:
        raise ImportFailed(
            f"the page is in {draft.lang!r}, which the workspace does not list "
            f"(languages: {', '.join(ws.languages)}); give --lang if detection was wrong",
            path=path,
        )
    return kind, draft


def _date_given(value: str, zone: str) -> PageDate:
    try:
        return date_option(value, zone)
    except ValueError as exc:
        raise ImportFailed(str(exc)) from None


def refuse_latin_kazakh(text: str, path: Path) -> None:
    """Refuse a page of Kazakh in Latin letters, saying which alphabet it found.

    The workspace keeps Kazakh in Cyrillic (`kk`) and derives the Latin edition from it when
    publishing; taken in as it is, the page would read as English or as Kazakh in the wrong
    script, and the 2018 spelling cannot be turned back into Cyrillic without guessing.
    """
    alphabet = detect_kazakh_latin_alphabet(text)
    if alphabet is not None:
        raise ImportFailed(
            f"the page is Kazakh in {ALPHABET_NAMES[alphabet]}, not English: the workspace "
            "keeps Kazakh in Cyrillic and derives the Latin edition when publishing; import "
            "the site's Cyrillic edition of this page instead",
            path=path,
        )


def import_page(
    ws: Workspace,
    path: Path,
    *,
    slug: str | None = None,
    lang: str | None = None,
    force: bool = False,
    date: str | None = None,
    title: str | None = None,
) -> ImportReport:
    """Write the page as articles/<slug>/article.md; refuse to overwrite unless `force`."""
    return import_pages(ws, [path], slug=slug, lang=lang, force=force, date=date, title=title)[0]


def import_pages(
    ws: Workspace,
    paths: list[Path],
    *,
    slug: str | None = None,
    lang: str | None = None,
    force: bool = False,
    date: str | None = None,
    title: str | None = None,
) -> list[ImportReport]:
    """Import several pages: every one is checked before any article is written."""
    if slug and len(paths) > 1:
        raise ImportFailed("--slug names one article: give one page with it")
    if date and len(paths) > 1:
        raise ImportFailed("--date is one article's date: give one page with it")
    if title is not None and len(paths) > 1:
        raise ImportFailed("--title is one article's title: give one page with it")
    if title is not None and not title.strip():
        raise ImportFailed("--title is empty")
    planned: list[tuple[Path, str, PageDraft, str, Path]] = []
    for path in paths:
        kind, draft = parse_page(ws, path, lang=lang, date=date, title=title)
        name = slug or slugify(draft.title)
        if not name:
            raise ImportFailed("cannot derive a slug from the title: give --slug", path=path)
        try:
            target = ws.article_path(check_slug(name))
        except L10nError as exc:
            raise ImportFailed(exc.message, path=path) from None
        if any(t == target for *_, t in planned):
            raise ImportFailed(f"two pages would both become {ws.relative(target)}", path=path)
        text = render_article(draft)
        # The article must load back before anything reaches the disk.
        parse_article(text, name, path=target)
        planned.append((path, kind, draft, text, target))
    reports: list[ImportReport] = []
    with ws.lock():
        for path, _, _, _, target in planned:
            if target.exists() and not force:
                raise ImportFailed(
                    f"{ws.relative(target)} already exists: use --force to replace it, or --slug",
                    path=path,
                )
        for path, kind, draft, text, target in planned:
            replaced = target.exists()
            atomic_write_text(target, text)
            reports.append(_report(ws, path, kind, draft, target, replaced))
    return reports


def _report(
    ws: Workspace, path: Path, kind: str, draft: PageDraft, target: Path, replaced: bool
) -> ImportReport:
    return ImportReport(
        path=str(path),
        kind=kind,
        slug=target.parent.name,
        article=ws.relative(target),
        title=draft.title,
        lang=draft.lang,
        date=format_page_date(draft.date) if draft.date else "",
        credit="; ".join(draft.credits),
        section=draft.section,
        dropped=[{"text": d.text, "label": d.label, "line": d.line} for d in draft.dropped],
        missing_in_ui=_missing_in_ui(ws, _vocabulary_labels(ws, draft.dropped)),
        replaced=replaced,
    )


def _vocabulary_labels(ws: Workspace, dropped: list[DroppedLine]) -> list[str]:
    """The labels that are vocabulary words: a shape's name ("view counter") is no UI text."""
    chrome = chrome_for(ws)
    tables = (chrome.banner, chrome.lines, chrome.home, chrome.related)
    return [d.label for d in dropped if any(normalize(d.label) in t for t in tables)]


def ui_msgids(ws: Workspace) -> set[str]:
    """Normalised msgids of the ui domain: its template, or else its catalogs."""
    paths = [ws.pot_path(UI_DOMAIN)]
    if not paths[0].is_file():
        paths = [ws.po_path(lang, UI_DOMAIN) for lang in ws.languages]
    msgids: set[str] = set()
    for p in paths:
        if p.is_file():
            catalog: Catalog = ws.read_catalog(p)
            msgids |= {normalize(m.msgid) for m in catalog}
    return msgids


def _missing_in_ui(ws: Workspace, labels: list[str]) -> list[str]:
    known = ui_msgids(ws)
    missing: list[str] = []
    for label in labels:
        if normalize(label) not in known and label not in missing:
            missing.append(label)
    return missing
