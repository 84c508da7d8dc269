"""An HTML news page -> a PageDraft, with trafilatura finding the main text and the metadata.

trafilatura drops navigation, comments and most boilerplate; the chrome vocabulary then removes
what it keeps by mistake (share-button words, "Found a bug?"). The date comes from the page's
`article:published_time` when it has one (a full timestamp), otherwise from trafilatura's
metadata (a day, taken as midnight in the site's time zone). The section is the breadcrumb
trail without its home item (see `breadcrumbs`), or else the page's categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.metadata import extract_metadata

from l10n_news.errors import ImportFailed
from l10n_news.importers.breadcrumbs import Crumb, find_breadcrumbs, section_path
from l10n_news.importers.chrome import Chrome, normalize
from l10n_news.importers.dates import parse_date
from l10n_news.importers.detect import detect_language
from l10n_news.importers.draft import DroppedLine, PageDraft

_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "date",
    "dc.date",
)


@dataclass
class HtmlExtraction:
    """What trafilatura found: the article as Markdown, and the page's metadata."""

    markdown: str
    title: str
    author: str
    date: str  # as the page gives it; "" when absent
    lang: str  # from <html lang>; "" when absent
    tags: list[str]
    categories: list[str]  # the page's own categories: the section when it has no breadcrumbs
    breadcrumbs: list[Crumb]  # the trail above the title, home item included


def extract_html(html: str, *, path: Path | None = None) -> HtmlExtraction:
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, etree.ParserError) as exc:
        raise ImportFailed(f"not an HTML page: {exc}", path=path) from None
    markdown = trafilatura.extract(
        tree,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=False,
        deduplicate=False,
    )
    meta = extract_metadata(lxml.html.document_fromstring(html))
    return HtmlExtraction(
        markdown=markdown or "",
        title=(meta.title or "").strip() if meta else "",
        author=(meta.author or "").strip() if meta else "",
        date=_published_time(tree) or ((meta.date or "") if meta else ""),
        lang=(tree.get("lang") or "").split("-")[0].lower(),
        tags=list(meta.tags or []) if meta else [],
        categories=list(meta.categories or []) if meta else [],
        breadcrumbs=find_breadcrumbs(tree),
    )


def parse_html_page(
    html: str,
    chrome: Chrome,
    *,
    zone: str,
    lang: str | None = None,
    path: Path | None = None,
    need_date: bool = True,
) -> PageDraft:
    page = extract_html(html, path=path)
    if not page.title:
        raise ImportFailed("no title found in the page's metadata or headings", path=path)
    if not page.markdown.strip():
        raise ImportFailed("no article text found in the page", path=path)
    when = parse_date(page.date, zone) if page.date else None
    if when is None and need_date:
        if not page.date:
            raise ImportFailed("no publication date found in the page's metadata", path=path)
        raise ImportFailed(f"unparseable date {page.date!r}", path=path)
    kept: list[str] = []
    dropped: list[DroppedLine] = []
    for n, line in enumerate(page.markdown.split("\n"), start=1):
        label = chrome.label(line) if line.strip() else None
        if label:
            dropped.append(DroppedLine(line.strip(), label, n))
        elif _same_text(line, page.title) and not "".join(kept).strip():
            continue  # the title repeated as the first heading
        else:
            kept.append(line)
    section, home = section_path(page.breadcrumbs, chrome, page.title)
    for crumb in home:
        label = chrome.home.get(normalize(crumb.name), crumb.name)
        dropped.append(DroppedLine(crumb.name, label, crumb.line))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    language = lang or (page.lang if page.lang in ("ru", "en", "kk") else None)
    language = language or detect_language(f"{page.title}\n{body}")
    if language is None:
        raise ImportFailed("cannot tell the page's language: give --lang", path=path)
    return PageDraft(
        title=page.title,
        date=when,
        lang=language,
        body=body,
        author=page.author,
        section=section or page.categories,
        tags=page.tags,
        dropped=dropped,
    )


def _published_time(tree: lxml.html.HtmlElement) -> str:
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if name in _PUBLISHED and (meta.get("content") or "").strip():
            return meta.get("content", "").strip()
    return ""


def _same_text(line: str, title: str) -> bool:
    return line.lstrip("# ").strip().casefold() == title.strip().casefold()
