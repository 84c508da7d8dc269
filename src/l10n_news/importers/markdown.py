"""A Markdown page, with or without YAML front matter -> a PageDraft.

Front matter gives what it has (title, date, lang, section, author, summary, tags); what it lacks
comes from the text: the first `# heading` is the title, a date line under it is the date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from l10n_news.errors import ImportFailed
from l10n_news.importers.chrome import Chrome, find_shortcodes, strip_shortcodes
from l10n_news.importers.dates import is_date_line, parse_date, split_trailing_date
from l10n_news.importers.detect import detect_language
from l10n_news.importers.draft import DroppedLine, PageDraft

_FENCE = re.compile(r"^---\s*$")
_ATX_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def split_front_matter(text: str, path: Path | None) -> tuple[dict[str, Any], list[str], int]:
    """(front matter, body lines, line number of the first body line)."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return {}, lines, 1
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        raise ImportFailed("front matter is not closed by a '---' line", path=path, line=1)
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ImportFailed(
            f"front matter: {getattr(exc, 'problem', None) or 'invalid YAML'}",
            path=path,
            line=mark.line + 2 if mark is not None else 1,
        ) from None
    if not isinstance(meta, dict):
        raise ImportFailed("front matter must be a mapping of keys to values", path=path, line=2)
    return meta, lines[end + 1 :], end + 2


def parse_markdown_page(
    text: str,
    chrome: Chrome,
    *,
    zone: str,
    lang: str | None = None,
    path: Path | None = None,
    need_date: bool = True,
) -> PageDraft:
    meta, body_lines, first_line = split_front_matter(text, path)
    title = _text(meta, "title", path)
    date_value: Any = meta.get("date")
    kept: list[str] = []
    dropped: list[DroppedLine] = []
    credits: list[str] = []
    for n, line in enumerate(body_lines):
        lineno = first_line + n
        line, inner = _without_shortcodes(line, lineno, chrome, dropped)
        credits += inner
        heading = _ATX_TITLE.match(line)
        label = chrome.label(line) if line.strip() else None
        credit = chrome.credit_of(line) if line.strip() else None
        if heading and not title:
            title, found = split_trailing_date(heading.group(1))
            date_value = date_value or found
        elif credit:
            credits.append(credit)
            dropped.append(DroppedLine(line.strip(), "photo credit", lineno))
        elif label:
            dropped.append(DroppedLine(line.strip(), label, lineno))
        elif date_value is None and title and not "".join(kept).strip() and is_date_line(line):
            date_value = line.strip()
        else:
            kept.append(line)
    if not title:
        raise ImportFailed("no title found: no 'title' in front matter, no '# heading'", path=path)
    when = _date(date_value, zone) if date_value is not None else None
    if when is None and need_date:
        if date_value is None:
            raise ImportFailed("no date found: add 'date' to the front matter", path=path)
        raise ImportFailed(f"unparseable date {date_value!r}", path=path)
    body = "\n".join(kept).strip("\n")
    language = lang or meta.get("lang") or detect_language(f"{title}\n{body}")
    if not isinstance(language, str):
        raise ImportFailed("cannot tell the page's language: give --lang", path=path)
    section = meta.get("section", [])
    draft = PageDraft(
        title=title,
        date=when,
        lang=language,
        body=body,
        section=[section] if isinstance(section, str) else _strings(meta, "section", path),
        author=_text(meta, "author", path),
        summary=_text(meta, "summary", path),
        tags=_strings(meta, "tags", path),
        dropped=dropped,
    )
    for credit in credits:
        draft.add_credit(credit)
    return draft


def _without_shortcodes(
    line: str, lineno: int, chrome: Chrome, dropped: list[DroppedLine]
) -> tuple[str, list[str]]:
    """The line without WordPress shortcodes, and the credits or captions they held."""
    rest, inner = strip_shortcodes(line)
    if rest == line:
        return line, []
    dropped += [DroppedLine(code, "shortcode", lineno) for code in find_shortcodes(line)]
    return rest, [chrome.credit_of(text) or text for text in inner]


def _date(value: Any, zone: str) -> dt.datetime | None:
    if isinstance(value, dt.date):  # datetime too: YAML reads unquoted dates itself
        value = value.isoformat()
    return parse_date(str(value), zone)


def _text(meta: dict[str, Any], key: str, path: Path | None) -> str:
    value = meta.get(key) or ""
    if not isinstance(value, str):
        raise ImportFailed(f"front matter: {key} must be text", path=path)
    return " ".join(value.split())


def _strings(meta: dict[str, Any], key: str, path: Path | None) -> list[str]:
    value = meta.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ImportFailed(f"front matter: {key} must be a list of names", path=path)
    return [v.strip() for v in value]
