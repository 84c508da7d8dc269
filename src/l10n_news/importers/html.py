"""An HTML news page -> a PageDraft, with trafilatura finding the main text and the metadata.

trafilatura drops navigation, comments and most boilerplate; the chrome vocabulary then removes
what it keeps by mistake (share-button words, "Found a bug?"). The date comes from the page's
`article:published_time` when it has one (a full timestamp), otherwise from trafilatura's
metadata (a day, taken as midnight in the site's time zone). The section is the breadcrumb
trail without its home item (see `breadcrumbs`), or else the page's categories.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.metadata import extract_metadata

from l10n_news.errors import ImportFailed
from l10n_news.importers.breadcrumbs import Crumb, find_breadcrumbs, section_path
from l10n_news.importers.chrome import Chrome, find_shortcodes, normalize, strip_shortcodes
from l10n_news.importers.datelines import dateline
from l10n_news.importers.dates import find_dates, parse_date
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
    date: str  # the page's published-time meta tag, as written; "" when absent
    lang: str  # from <html lang>; "" when absent
    tags: list[str]
    categories: list[str]  # the page's own categories: the section when it has no breadcrumbs
    breadcrumbs: list[Crumb]  # the trail above the title, home item included
    figures: list[tuple[str, str]] = field(default_factory=list)  # (image src, caption)
    visible_date: str = ""  # a dateline the page shows in an element marked as a date
    guessed_date: str = ""  # trafilatura's guess (htmldate), when nothing better is given


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
    figures = _figures(tree)
    meta = extract_metadata(lxml.html.document_fromstring(html))
    return HtmlExtraction(
        markdown=markdown or "",
        title=(meta.title or "").strip() if meta else "",
        # trafilatura tidies author names ("Kazpravda.kz" -> "Kazpravda kz"): the page's own
        # spelling comes first.
        author=_meta_author(tree) or ((meta.author or "").strip() if meta else ""),
        date=_published_time(tree),
        lang=(tree.get("lang") or "").split("-")[0].lower(),
        tags=list(meta.tags or []) if meta else [],
        categories=list(meta.categories or []) if meta else [],
        breadcrumbs=find_breadcrumbs(tree),
        figures=figures,
        visible_date=_visible_date(tree),
        guessed_date=(meta.date or "") if meta else "",
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
    # The page's own metadata, then the dateline it shows (which has the time), then a guess.
    date_text = page.date or dateline(page.visible_date, chrome) or page.guessed_date
    when = parse_date(date_text, zone) if date_text else None
    if when is None and need_date:
        if not date_text:
            raise ImportFailed(
                "no publication date found in the page's metadata or text: give --date",
                path=path,
            )
        raise ImportFailed(f"unparseable date {date_text!r}: give --date", path=path)
    body = _ArticleLines(chrome, page.title)
    body.read(page.markdown.split("\n"))
    for _, caption in page.figures:
        body.forget(caption)
    dropped = body.dropped
    section, home = section_path(page.breadcrumbs, chrome, page.title)
    for crumb in home:
        label = chrome.home.get(normalize(crumb.name), crumb.name)
        dropped.append(DroppedLine(crumb.name, label, crumb.line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(body.kept)).strip("\n")
    language = lang or (page.lang if page.lang in ("ru", "en", "kk") else None)
    language = language or detect_language(f"{page.title}\n{text}")
    if language is None:
        raise ImportFailed("cannot tell the page's language: give --lang", path=path)
    draft = PageDraft(
        title=page.title,
        date=when,
        lang=language,
        body=text,
        author=page.author,
        section=section or page.categories,
        tags=page.tags,
        dropped=dropped,
    )
    for credit in body.credits:
        draft.add_credit(credit)
    for src, caption in page.figures:
        caption, credit = _split_credit(caption, chrome)
        draft.add_credit(credit)
        draft.images.append((src, caption))
    return draft


class _ArticleLines:
    """The article's Markdown lines from trafilatura, with the chrome it kept taken out."""

    def __init__(self, chrome: Chrome, title: str) -> None:
        self.chrome = chrome
        self.title = title
        self.kept: list[str] = []
        self.dropped: list[DroppedLine] = []
        self.credits: list[str] = []
        self._in_related = False

    def read(self, lines: list[str]) -> None:
        for n, line in enumerate(lines, start=1):
            self._line(line, n)

    def forget(self, text: str) -> None:
        """Drop a figure's caption that the extraction also kept as a paragraph."""
        if text:
            self.kept = [k for k in self.kept if k.strip() != text.strip()]

    def _drop(self, line: str, label: str, n: int) -> None:
        self.dropped.append(DroppedLine(line.strip(), label, n))

    def _line(self, line: str, n: int) -> None:
        rest, inner = strip_shortcodes(line)
        if rest != line:
            for code in find_shortcodes(line):
                self._drop(code, "shortcode", n)
            self.credits += [self.chrome.credit_of(t) or t for t in inner]
            line = rest
        plain = _HEADING_MARK.sub("", line).strip()
        if not plain:
            self.kept.append(line)
            return
        if self._in_related:
            if _is_related_item(line) and not self.chrome.label(plain):
                self._drop(line, "related headline", n)
                return
            self._in_related = False
        credit = self.chrome.credit_of(plain)
        label = self.chrome.label(plain) or (
            "dateline" if not "".join(self.kept).strip() and dateline(plain, self.chrome) else None
        )
        if credit:
            self.credits.append(credit)
            self._drop(line, "photo credit", n)
        elif label:
            self._in_related = self.chrome.is_related_heading(plain)
            self._drop(line, label, n)
        elif _same_text(line, self.title) and not "".join(self.kept).strip():
            return  # the title repeated as the first heading
        else:
            self.kept.append(line)


_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+)?\[([^\]]+)\]\([^)]*\)\s*$")
_HEADLINE_MAX_WORDS = 20


def _is_related_item(line: str) -> bool:
    """A line of a related-headline block: a link alone, or a short list item.

    A plain short line is not enough in HTML, where the article's own subheadings look the
    same once extracted.
    """
    m = _LINK_ONLY.match(line)
    if m:
        text = m.group(1)
    elif re.match(r"^\s*[-*+]\s+\S", line):
        text = line.strip().lstrip("-*+ ")
    else:
        return False
    return len(text.split()) <= _HEADLINE_MAX_WORDS and not text.endswith((".", ":"))


_CREDIT_MARKERS = ("Фото:", "Photo:", "Сурет:", "©")


def _split_credit(caption: str, chrome: Chrome) -> tuple[str, str]:
    """'Новая школа. Фото: Минпросвещения' -> ('Новая школа.', 'Минпросвещения')."""
    whole = chrome.credit_of(caption)
    if whole:
        return "", whole
    for marker in _CREDIT_MARKERS:
        at = caption.find(marker)
        credit = chrome.credit_of(caption[at:]) if at > 0 else None
        if credit:
            return caption[:at].rstrip(), credit
    return caption, ""


def _figures(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(src, caption) of the article's figures; only http(s) or relative sources."""
    found = []
    for figure in tree.iter("figure"):
        img = figure.find(".//img")
        caption = figure.find(".//figcaption")
        src = (img.get("src") or "").strip() if img is not None else ""
        text = " ".join(caption.text_content().split()) if caption is not None else ""
        if src and _safe_src(src):
            found.append((src, text))
    return found


def _safe_src(src: str) -> bool:
    scheme = src.split(":", 1)[0].lower() if ":" in src.split("/", 1)[0] else ""
    return scheme in ("", "http", "https")


def _meta_author(tree: lxml.html.HtmlElement) -> str:
    """The author as the page writes it: a meta tag, else the article's JSON-LD author."""
    for meta in tree.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        # article:author is often a profile URL, which is no name.
        if name in ("author", "article:author", "dc.creator") and content and "://" not in content:
            return content
    return _json_ld_author(tree)


def _json_ld_author(tree: lxml.html.HtmlElement) -> str:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        nodes = data if isinstance(data, list) else [data]
        nodes += [n for d in nodes if isinstance(d, dict) for n in d.get("@graph", [])]
        for node in nodes:
            if isinstance(node, dict) and "author" in node:
                names = _names(node["author"])
                if names:
                    return ", ".join(names)
    return ""


def _names(value: object) -> list[str]:
    """Names in a JSON-LD author value: a string, a {name} object, or a list of them."""
    if isinstance(value, str):
        return [" ".join(value.split())] if value.strip() and "://" not in value else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _visible_date(tree: lxml.html.HtmlElement) -> str:
    """The publication date the page shows, when its metadata has none.

    Only a `<time>` or an element marked as a date (`itemprop="datePublished"`, a class with
    "date", "time" or "publish") inside the article counts, and its text must hold a date: a
    sidebar's list of other stories carries dates too, and taking one of them would invent
    the article's date.
    """
    for n, element in enumerate(_article_scope(tree).iter()):
        if n > _MAX_ELEMENTS_FOR_DATE:
            break
        if not isinstance(element.tag, str) or not _marks_a_date(element):
            continue
        if element.tag == "time" and (element.get("datetime") or "").strip():
            return element.get("datetime", "").strip()
        text = " ".join(element.text_content().split())
        if 6 <= len(text) <= 80 and find_dates(text):
            return text
    return ""


def _article_scope(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The page's <article> with the headline (or its <main>), where its own dateline is."""
    articles = list(tree.iter("article"))
    for article in articles:
        if article.find(".//h1") is not None:
            return article
    if articles:
        return articles[0]
    return next(tree.iter("main"), tree)


def _marks_a_date(element: lxml.html.HtmlElement) -> bool:
    if element.tag == "time":
        return True
    marks = f"{element.get('itemprop') or ''} {element.get('class') or ''}".lower()
    return bool(_DATE_MARK.search(marks))


_DATE_MARK = re.compile(r"datepublished|date|time|publish|posted")
_MAX_ELEMENTS_FOR_DATE = 3000


def _published_time(tree: lxml.html.HtmlElement) -> str:
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if name in _PUBLISHED and (meta.get("content") or "").strip():
            return meta.get("content", "").strip()
    return ""


def _same_text(line: str, title: str) -> bool:
    return line.lstrip("# ").strip().casefold() == title.strip().casefold()
