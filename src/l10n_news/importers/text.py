"""Scraped page text -> a PageDraft: breadcrumbs, title with date, lead, body; chrome dropped.

The shape is the one a scraper gives of a news page (see the seed page): an ad banner, numbered
breadcrumbs, the title with the date at the end of its line (or on the next line), the lead,
share buttons as a bullet list, then the body, then more chrome.
"""

from __future__ import annotations

import re
from pathlib import Path

from l10n_news.errors import ImportFailed
from l10n_news.importers.chrome import Chrome, normalize
from l10n_news.importers.dates import is_date_line, parse_date, split_trailing_date
from l10n_news.importers.detect import detect_language
from l10n_news.importers.draft import DroppedLine, PageDraft, escape_paragraph

_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^[•·▪◦‣*+\-–—]\s+(\S.*)$")
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»/→]\s+")
# A bullet list is chrome (share buttons) when at least this share of its items are known words.
CHROME_LIST_SHARE = 0.5
CHROME_ITEM_MAX_WORDS = 4


def parse_text_page(
    text: str,
    chrome: Chrome,
    *,
    zone: str,
    lang: str | None = None,
    path: Path | None = None,
    need_date: bool = True,
) -> PageDraft:
    lines = text.splitlines()
    dropped: list[DroppedLine] = []
    crumbs: list[tuple[str, int]] = []
    title: str | None = None
    title_line = 0
    date_text: str | None = None
    paragraphs: list[str] = []
    i = 0
    while i < len(lines):
        line, lineno = lines[i].strip(), i + 1
        i += 1
        if not line:
            continue
        banner = chrome.banner_label(line)
        if banner:
            dropped.append(DroppedLine(line, banner, lineno))
            continue
        numbered = _NUMBERED.match(line)
        if title is None and numbered:
            crumbs.append((numbered.group(1).strip(), lineno))
            continue
        if title is None and _is_crumb_line(line):
            crumbs += [(c.strip(), lineno) for c in _CRUMB_SEPARATOR.split(line)]
            continue
        if _BULLET.match(line):
            items = [(line, lineno)]
            while i < len(lines) and _BULLET.match(lines[i].strip()):
                items.append((lines[i].strip(), i + 1))
                i += 1
            if _is_chrome_list(items, chrome):
                dropped += [DroppedLine(t, chrome.label(t) or _item(t), n) for t, n in items]
            else:
                paragraphs.append("\n".join(f"- {_item(t)}" for t, _ in items))
            continue
        label = chrome.line_label(line)
        if label:
            dropped.append(DroppedLine(line, label, lineno))
        elif title is None:
            title, date_text = split_trailing_date(line)
            title_line = lineno
        elif date_text is None and not paragraphs and is_date_line(line):
            date_text = line
        else:
            paragraphs.append(escape_paragraph(line))
    if title is None or not title.strip():
        raise ImportFailed("no title found: the page has only site chrome", path=path)
    when = parse_date(date_text, zone) if date_text is not None else None
    if when is None and need_date:
        if date_text is None:
            raise ImportFailed(
                "no date found: expected it at the end of the title line or on the next line",
                path=path,
                line=title_line,
            )
        raise ImportFailed(f"unparseable date {date_text!r}", path=path, line=title_line)
    section = []
    for n, (crumb, crumb_line) in enumerate(crumbs):
        if n == 0 and chrome.is_home(crumb):
            dropped.append(DroppedLine(crumb, chrome.home[normalize(crumb)], crumb_line))
        elif crumb:
            section.append(crumb)
    # The lead (the first paragraph after the title) becomes the summary, which is what a
    # news site shows as the standfirst; a page with a single paragraph keeps it as the body.
    has_lead = len(paragraphs) > 1 and not paragraphs[0].startswith("- ")
    summary = paragraphs.pop(0) if has_lead else ""
    language = lang or detect_language(" ".join([title, summary, *paragraphs]))
    if language is None:
        raise ImportFailed("cannot tell the page's language: give --lang", path=path)
    return PageDraft(
        title=title.strip(),
        date=when,
        lang=language,
        body="\n\n".join(paragraphs),
        section=section,
        summary=summary.lstrip("\\"),
        dropped=sorted(dropped, key=lambda d: d.line),
    )


def _item(line: str) -> str:
    m = _BULLET.match(line)
    return m.group(1).strip() if m else line


def _is_crumb_line(line: str) -> bool:
    parts = _CRUMB_SEPARATOR.split(line)
    return len(parts) >= 2 and all(0 < len(p.split()) <= CHROME_ITEM_MAX_WORDS for p in parts)


def _is_chrome_list(items: list[tuple[str, int]], chrome: Chrome) -> bool:
    known = sum(1 for text, _ in items if chrome.label(text))
    short = all(len(_item(text).split()) <= CHROME_ITEM_MAX_WORDS for text, _ in items)
    return short and known >= CHROME_LIST_SHARE * len(items)
