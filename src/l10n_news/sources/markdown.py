"""Cutting an article into translatable segments, and putting its translation back together.

Block structure comes from markdown-it-py. A unit's msgid is the block's inline Markdown with soft
line breaks turned into spaces. Link and image targets never reach translators: `[text](url)`
becomes `[text][1]` in the msgid and is put back from the source when the article is rebuilt, so
a translation cannot change a URL. Everything that is not a unit (code, HTML blocks, rules,
blank lines, the list and quote markers) is copied from the source byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

from l10n_news.sources.article import Article
from l10n_news.sources.sentences import split_sentences

# Roles, written as the `#.` comment of each entry.
TITLE, SUMMARY, CAPTION, SECTION, TAG, AUTHOR = (
    "title",
    "summary",
    "caption",
    "section",
    "tag",
    "author",
)
HEADING, PARAGRAPH, LIST_ITEM, QUOTE, TABLE_CELL = (
    "heading",
    "paragraph",
    "list item",
    "quote",
    "table cell",
)
# Front-matter names get a msgctxt so "Culture" the section never collides with a paragraph.
CONTEXT_OF_ROLE = {SECTION: "section", TAG: "tag", AUTHOR: "author"}

# Units are cut from the block structure alone: each block's inline text is taken as written,
# so the inline parser (half the cost of a parse) never runs.
_md = (
    MarkdownIt("commonmark")
    .enable("table")
    .enable("strikethrough")
    .disable(["inline", "text_join"])
)

_LINK_TARGET = re.compile(
    r"\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(\s+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)"
)
_LINK_REF = re.compile(r"\]\[(\d+)\]")


@dataclass(frozen=True)
class Segment:
    """One translatable unit: a plain record, as an extractor yields it."""

    text: str  # the msgid
    role: str
    line: int  # line in article.md
    context: str | None = None  # msgctxt
    links: tuple[str, ...] = ()  # targets of [..][1], [..][2], ... in order


@dataclass(frozen=True)
class _Block:
    role: str
    start: int  # 0-based line in the body
    end: int
    content: str  # inline source, soft breaks as spaces
    links: tuple[str, ...]
    prefix: str = ""
    keep_last_line: bool = False  # setext heading underline
    cell: str | None = None  # table cell text as written in its row


@dataclass
class TranslatedArticle:
    """The article in another language; `missing` lists units that had no translation."""

    title: str
    summary: str
    author: str
    section: list[str]
    tags: list[str]
    captions: list[str]
    body: str
    missing: list[Segment] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # the body's units as shown, in order


def protect_links(inline: str) -> tuple[str, tuple[str, ...]]:
    """`[a](u "t")` -> `[a][1]` and the targets `('u "t"',)`."""
    targets: list[str] = []

    def sub(m: re.Match[str]) -> str:
        targets.append(m.group(1) + (m.group(2) or ""))
        return f"][{len(targets)}]"

    return _LINK_TARGET.sub(sub, inline), tuple(targets)


def restore_links(text: str, links: tuple[str, ...]) -> str:
    if not links:
        return text

    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return f"]({links[n - 1]})" if 0 < n <= len(links) else m.group(0)

    return _LINK_REF.sub(sub, text)


@lru_cache(maxsize=64)
def _blocks(body: str) -> tuple[_Block, ...]:
    """The units of a body (cached: publishing rebuilds one article in every language)."""
    tokens = _md.parse(body)
    lines = body.split("\n")
    blocks: list[_Block] = []
    containers: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("list_item_open", "blockquote_open", "table_open"):
            containers.append(tok.type)
        elif tok.type in ("list_item_close", "blockquote_close", "table_close"):
            containers.pop()
        if tok.type != "inline" or not tok.map or not tok.content.strip():
            continue
        opener = tokens[i - 1]
        start, end = tok.map
        content = " ".join(part.strip() for part in tok.content.split("\n")).strip()
        protected, links = protect_links(content)
        if opener.type == "heading_open":
            role = HEADING
        elif opener.type in ("th_open", "td_open"):
            role = TABLE_CELL
        elif "list_item_open" in containers:
            role = LIST_ITEM
        elif "blockquote_open" in containers:
            role = QUOTE
        else:
            role = PARAGRAPH
        first = lines[start]
        if role == TABLE_CELL:
            block = _Block(role, start, start + 1, protected, links, cell=tok.content.strip())
        else:
            head = tok.content.split("\n")[0]
            pos = first.find(head) if head else -1
            setext = opener.type == "heading_open" and opener.markup in ("=", "-")
            block = _Block(
                role,
                start,
                # A setext heading's text ends above its underline; the block ends below it.
                opener.map[1] if setext and opener.map else end,
                protected,
                links,
                prefix=first[:pos] if pos >= 0 else "",
                keep_last_line=setext,
            )
        blocks.append(block)
    return tuple(blocks)


def unit_lines(body: str) -> tuple[tuple[int, int, bool], ...]:
    """(first line, end line, whether a table cell) of the text of each unit of `body`, in
    order (a setext heading's text ends above its underline)."""
    return tuple(
        (block.start, block.end - block.keep_last_line, block.cell is not None)
        for block in _blocks(body)
    )


def _split(block: _Block, mode: str, lang: str) -> list[str]:
    if mode == "sentence" and block.role in (PARAGRAPH, LIST_ITEM, QUOTE):
        return split_sentences(block.content, lang) or [block.content]
    return [block.content]


def segment_article(article: Article, mode: str = "paragraph") -> list[Segment]:
    """Every translatable unit of the article, in reading order."""
    segments: list[Segment] = []
    kl = article.key_lines
    segments.append(Segment(article.title, TITLE, kl.get("title", 2)))
    if article.summary:
        segments += [
            Segment(s, SUMMARY, kl.get("summary", 2))
            for s in _front_split(article.summary, mode, article.lang)
        ]
    for name in article.section:
        segments.append(Segment(name, SECTION, kl.get("section", 2), CONTEXT_OF_ROLE[SECTION]))
    for tag in article.tags:
        segments.append(Segment(tag, TAG, kl.get("tags", 2), CONTEXT_OF_ROLE[TAG]))
    if article.author:
        segments.append(
            Segment(article.author, AUTHOR, kl.get("author", 2), CONTEXT_OF_ROLE[AUTHOR])
        )
    for image in article.images:
        if image.caption:
            segments.append(Segment(image.caption, CAPTION, image.line))
    for block in _blocks(article.body):
        line = article.body_line + block.start
        for text in _split(block, mode, article.lang):
            segments.append(Segment(text, block.role, line, None, block.links))
    return segments


def _front_split(text: str, mode: str, lang: str) -> list[str]:
    text = " ".join(text.split())
    return (split_sentences(text, lang) or [text]) if mode == "sentence" else [text]


Lookup = Callable[[Segment], str | None]


def translate_article(
    article: Article, lookup: Lookup, mode: str = "paragraph"
) -> TranslatedArticle:
    """Rebuild the article with `lookup(segment)` giving each unit's translation (or None).

    A unit without a translation keeps its source text and is listed in `missing`: the
    caller (the publishing gate) decides whether such an article may be shown at all.
    """
    missing: list[Segment] = []

    def tr(seg: Segment) -> str:
        value = lookup(seg)
        if not value:
            missing.append(seg)
            return seg.text
        return restore_links(value, seg.links)

    kl = article.key_lines
    title = tr(Segment(article.title, TITLE, kl.get("title", 2)))
    summary = (
        " ".join(
            tr(Segment(s, SUMMARY, kl.get("summary", 2)))
            for s in _front_split(article.summary, mode, article.lang)
        )
        if article.summary
        else ""
    )
    section = [tr(Segment(s, SECTION, kl.get("section", 2), "section")) for s in article.section]
    tags = [tr(Segment(t, TAG, kl.get("tags", 2), "tag")) for t in article.tags]
    author = (
        tr(Segment(article.author, AUTHOR, kl.get("author", 2), "author")) if article.author else ""
    )
    captions = [
        tr(Segment(i.caption, CAPTION, i.line)) if i.caption else "" for i in article.images
    ]

    lines = article.body.split("\n")
    out: list[str] = []
    units: list[str] = []
    pos = 0
    for block in _blocks(article.body):
        line = article.body_line + block.start
        parts = [
            tr(Segment(t, block.role, line, None, block.links))
            for t in _split(block, mode, article.lang)
        ]
        text = " ".join(parts)
        units.append(text)
        if block.cell is not None:
            # Cells are edited in their row, which is copied out with the lines around it.
            lines[block.start] = lines[block.start].replace(block.cell, text, 1)
            continue
        out.extend(lines[pos : block.start])
        out.append(block.prefix + text)
        if block.keep_last_line:
            out.append(lines[block.end - 1])
        pos = block.end
    out.extend(lines[pos:])
    return TranslatedArticle(
        title=title,
        summary=summary,
        author=author,
        section=section,
        tags=tags,
        captions=captions,
        body="\n".join(out),
        missing=missing,
        units=units,
    )
