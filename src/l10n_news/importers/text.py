"""Scraped page text -> a PageDraft: breadcrumbs, title with date, lead, body; chrome dropped.

The shape is the one a scraper gives of a news page (see the seed page): an ad banner, numbered
breadcrumbs, the title with the date at the end of its line (or on the next line), the lead,
share buttons as a bullet list, then the body, then more chrome.
"""

from __future__ import annotations

import re
from pathlib import Path

from l10n_news.errors import ImportFailed
from l10n_news.importers.chrome import Chrome, find_shortcodes, normalize, strip_shortcodes
from l10n_news.importers.datelines import dateline, is_only_dateline
from l10n_news.importers.dates import parse_date, split_trailing_date
from l10n_news.importers.detect import detect_kazakh_latin_alphabet, detect_language
from l10n_news.importers.draft import DroppedLine, PageDraft, escape_paragraph

_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^[•·▪◦‣*+\-–—]\s+(\S.*)$")
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»/→]\s+")
# A bullet list is chrome (share buttons) when at least this share of its items are known words.
CHROME_LIST_SHARE = 0.5
CHROME_ITEM_MAX_WORDS = 4
HEADLINE_MAX_WORDS = 20
# A first line longer than this, or of several sentences and longer than HEADLINE_MAX_WORDS,
# is a paragraph: the page (an excerpt, a copy of the text alone) has no headline.
TITLE_MAX_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?…][»”\"]?\s+(?=[^\W\d_])")


def reads_as_paragraph(line: str) -> bool:
    words = len(line.split())
    sentences = len(_SENTENCE_END.findall(line)) + 1
    return words > TITLE_MAX_WORDS or (sentences > 2 and words > HEADLINE_MAX_WORDS)


def parse_text_page(
    text: str,
    chrome: Chrome,
    *,
    zone: str,
    lang: str | None = None,
    path: Path | None = None,
    need_date: bool = True,
    title: str | None = None,
    need_headline: bool = True,
) -> PageDraft:
    """The page as an article draft. Its headline is its first line of text; a page without
    one (its first line reads as a paragraph) is refused unless `title` is given, which then
    keeps that line as the first paragraph. `need_headline=False` takes the first line as it
    comes (a translation's units are aligned with the article's whatever they are)."""
    page = _TextPage(chrome)
    lines = text.splitlines()
    page.masthead_until = _repeated_headline(lines)
    page.read(lines)
    if page.title is None or not page.title.strip():
        raise ImportFailed("no title found: the page has only site chrome", path=path)
    if title is not None:
        page.paragraphs.insert(0, escape_paragraph(page.title.strip()))
        page.title = title
    elif (
        need_headline
        and reads_as_paragraph(page.title)
        # Kazakh in Latin letters is refused for that, whatever its headline (parse_page).
        and detect_kazakh_latin_alphabet(page.title) is None
    ):
        raise ImportFailed(
            f"no headline: the first line of text is a paragraph "
            f"({len(page.title.split())} words); give --title",
            path=path,
            line=page.title_line,
        )
    when = parse_date(page.date_text, zone) if page.date_text is not None else None
    if when is None and need_date:
        if page.date_text is None:
            raise ImportFailed(
                "no date found (expected beside the title or on a dateline): give --date",
                path=path,
                line=page.title_line,
            )
        raise ImportFailed(
            f"unparseable date {page.date_text!r}: give --date", path=path, line=page.title_line
        )
    dropped = page.dropped
    section = []
    for n, (crumb, crumb_line) in enumerate(page.crumbs):
        if n == 0 and chrome.is_home(crumb):
            dropped.append(DroppedLine(crumb, chrome.home[normalize(crumb)], crumb_line))
        elif crumb:
            section.append(crumb)
    paragraphs = page.paragraphs
    # The lead (the first paragraph after the title) becomes the summary, which is what a
    # news site shows as the standfirst; a page with a single paragraph keeps it as the body.
    has_lead = len(paragraphs) > 1 and not paragraphs[0].startswith("- ")
    summary = paragraphs.pop(0) if has_lead else ""
    language = lang or detect_language(" ".join([page.title, summary, *paragraphs]))
    if language is None:
        raise ImportFailed("cannot tell the page's language: give --lang", path=path)
    draft = PageDraft(
        title=page.title.strip(),
        date=when,
        lang=language,
        body="\n\n".join(paragraphs),
        section=section,
        summary=summary.lstrip("\\"),
        dropped=sorted(dropped, key=lambda d: d.line),
    )
    for credit in page.credits:
        draft.add_credit(credit)
    return draft


class _TextPage:
    """One pass over a scraped page's lines, sorting each into title, date, body or chrome."""

    def __init__(self, chrome: Chrome) -> None:
        self.chrome = chrome
        self.dropped: list[DroppedLine] = []
        self.crumbs: list[tuple[str, int]] = []
        self.title: str | None = None
        self.title_line = 0
        self.date_text: str | None = None
        self.paragraphs: list[str] = []
        self.credits: list[str] = []
        self._in_related = False
        self._related_items = 0
        self.masthead_until = 0  # lines above a repeated headline: the site's masthead

    def read(self, lines: list[str]) -> None:
        i = 0
        while i < len(lines):
            line, lineno = lines[i].strip(), i + 1
            i += 1
            if not line:
                # A blank line ends a related-headline block once it has its headlines.
                self._in_related = self._in_related and not self._related_items
                continue
            if _BULLET.match(line):
                items = [(line, lineno)]
                while i < len(lines) and _BULLET.match(lines[i].strip()):
                    items.append((lines[i].strip(), i + 1))
                    i += 1
                self._bullets(items)
                continue
            self._line(line, lineno)

    def drop(self, line: str, label: str, lineno: int) -> None:
        self.dropped.append(DroppedLine(line, label, lineno))

    def _line(self, line: str, lineno: int) -> None:
        chrome = self.chrome
        line = self._shortcodes(line, lineno)
        if not line:
            return
        if lineno < self.masthead_until and self.title is None:
            self._masthead(line, lineno)
            return
        if self._in_related:
            if _is_headline(line) and not chrome.label(line):
                self.drop(line, "related headline", lineno)
                self._related_items += 1
                return
            self._in_related = False
        banner = chrome.banner_label(line)
        if banner:
            self.drop(line, banner, lineno)
            return
        numbered = _NUMBERED.match(line)
        if self.title is None and numbered:
            self.crumbs.append((numbered.group(1).strip(), lineno))
            return
        if self.title is None and _is_crumb_line(line):
            self.crumbs += [(c.strip(), lineno) for c in _CRUMB_SEPARATOR.split(line)]
            return
        if self._meta(line, lineno):
            return
        if self.title is None:
            self.title, beside = split_trailing_date(line)
            self.date_text = beside or self.date_text
            self.title_line = lineno
        else:
            self.paragraphs.append(escape_paragraph(line))

    def _masthead(self, line: str, lineno: int) -> None:
        """A line above the headline: a breadcrumb trail (ending with the headline) or chrome."""
        if _is_crumb_line(line) or _CRUMB_SEPARATOR.search(f" {line}"):
            crumbs = [c.strip() for c in _CRUMB_SEPARATOR.split(f" {line} ") if c.strip()]
            self.crumbs += [(c, lineno) for c in crumbs[:-1]]  # the last is the headline
            self.drop(line, "breadcrumbs", lineno)
        elif not self._meta(line, lineno):
            self.drop(line, "above the headline", lineno)

    def _meta(self, line: str, lineno: int) -> bool:
        """Drop and report a line that is not article text; True if it was one."""
        chrome = self.chrome
        if not self.paragraphs:
            date = dateline(line, chrome)
            if date is not None:
                if self.date_text is None:
                    self.date_text = date
                self.drop(line, "dateline", lineno)
                return True
        credit = chrome.credit_of(line)
        if credit:
            self.credits.append(credit)
            self.drop(line, "photo credit", lineno)
            return True
        label = chrome.label(line)
        if label:
            self._in_related = chrome.is_related_heading(line)
            self._related_items = 0
            self.drop(line, label, lineno)
            return True
        if self.title is not None and _repeats_title(line, self.title):
            self.drop(line, "title repeated", lineno)
            return True
        return False

    def _shortcodes(self, line: str, lineno: int) -> str:
        rest, inner = strip_shortcodes(line)
        if rest == line:
            return line
        for text in inner:
            self.credits.append(self.chrome.credit_of(text) or text)
        for code in find_shortcodes(line):
            self.drop(code, "shortcode", lineno)
        return rest

    def _bullets(self, items: list[tuple[str, int]]) -> None:
        texts = [_item(t) for t, _ in items]
        if self._in_related and all(_is_headline(t) for t in texts):
            for text, lineno in items:
                self.drop(text, "related headline", lineno)
            self._related_items += len(items)
            return
        self._in_related = False
        if is_only_dateline(texts, self.chrome):
            for (text, lineno), item in zip(items, texts, strict=True):
                date = dateline(item, self.chrome)
                if date is not None and self.date_text is None:
                    self.date_text = date
                self.drop(text, "dateline" if date else self.chrome.label(item) or item, lineno)
        elif _is_chrome_list(items, self.chrome):
            for text, lineno in items:
                self.drop(text, self.chrome.label(text) or _item(text), lineno)
        else:
            self.paragraphs.append("\n".join(f"- {item}" for item in texts))


# How far down a page its headline may appear a second time.
_HEADLINE_SEARCH_LINES = 12


def _repeated_headline(lines: list[str]) -> int:
    """The line number of a headline shown twice near the top (masthead, trail, headline), or 0.

    Sites print the headline in the breadcrumb trail and again above the article: the second
    copy is the title, and whatever stands above it is the site's, not the article's.
    """
    seen: list[tuple[str, int]] = []
    for n, raw in enumerate(lines[: _HEADLINE_SEARCH_LINES * 3], start=1):
        line = raw.strip()
        if not line:
            continue
        key = normalize(line)
        for earlier, _ in seen:
            if len(key.split()) >= 2 and (earlier == key or earlier.endswith(" " + key)):
                return n
        seen.append((key, n))
        if len(seen) >= _HEADLINE_SEARCH_LINES:
            break
    return 0


def _is_headline(line: str) -> bool:
    """A line of a related-headline block: short, and not ending a sentence."""
    return len(line.split()) <= HEADLINE_MAX_WORDS and not line.rstrip().endswith((".", ":"))


def _repeats_title(line: str, title: str) -> bool:
    """The headline again: alone (in capitals or not), or after a short SEO prefix and colon."""
    folded, wanted = normalize(line), normalize(title)
    if folded == wanted:
        return True
    head, sep, rest = folded.partition(":")
    return bool(sep) and rest.strip() == wanted and len(head.split()) <= 4


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
