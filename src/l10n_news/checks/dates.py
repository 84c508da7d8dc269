"""Dates: day and month (and year, when written) of every date of the source, in the translation.

A date is read whatever language spells it: «19 февраля 2013 г.», «2013 жылғы 19 ақпан»,
«қазанның 15-і», "February 19, 2013", "19.02.2013", "2013-02-19". So «15 қазан» translated as
«15 ноября» is reported, however well the numbers check likes it (15 is there).

Month names are matched by stem, so every case ending counts («февраля», «феврале»,
«ақпанда», «қарашадан»). A month name counts only beside a day number: «қазан» alone is
also a cauldron, «в октябре» names no date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from l10n_news.checks.base import HAS_DIGIT, CheckInput
from l10n_news.languages import MONTHS, MonthNames

# Per month (languages.MONTHS): a Russian stem and a case ending, a Kazakh stem and any
# suffixes, an English name or abbreviation and nothing but a full stop.
_RU_END = r"(?:ь|я|е|ю|а|у|ом|ем|ём)?"


def _month_re(names: MonthNames) -> re.Pattern[str]:
    ru, kk, en = ("|".join(forms) for forms in (names.ru, names.kk, names.en))
    return re.compile(
        rf"(?:(?:{ru}){_RU_END}|(?:{kk})[^\W\d_]*|(?:{en})\.?)(?![^\W\d_])", re.IGNORECASE
    )


_STEM_RES = [_month_re(names) for names in MONTHS]
_ANY_MONTH = "|".join(f"(?:{r.pattern})" for r in _STEM_RES)
_MONTH = rf"(?P<month>{_ANY_MONTH})"
_MONTH2 = _MONTH.replace("<month>", "<month2>")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_DAY_AFTER = r"(?P<day2>[12]\d|3[01]|0?[1-9])"
_YEAR_BEFORE = r"(?:(?P<year>\d{4})\s*(?:ж\.|жылғы|жылы|жыл)?\s*)?"
_YEAR_AFTER = r"(?:,?\s*(?P<year2>\d{4}))?"
_DAY_SUFFIX = r"(?:-?(?:ші|шы|і|ы|го|е|st|nd|rd|th))?"
_GAP = r"[\s\u00a0\u202f]*"

_WORDY_DATE_RE = re.compile(
    # «2013 жылғы 19 ақпан», «19 февраля 2013», "19 February 2013", «5-6 июля»
    rf"(?<![\d.,]){_YEAR_BEFORE}{_DAY}(?:[-–]\d{{1,2}})?{_DAY_SUFFIX}{_GAP}{_MONTH}{_YEAR_AFTER}"
    # "February 19, 2013", «қазанның 15-і»
    rf"|(?<![^\W\d_]){_MONTH2}{_GAP}{_DAY_AFTER}{_DAY_SUFFIX}(?![\d:.,]\d)(?:,?\s*(?P<year3>\d{{4}}))?",
    re.IGNORECASE,
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d.])(?P<d>[0-2]?\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>\d{4})(?![\d.]\d)"
    r"|(?<![\d-])(?P<iy>\d{4})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2]\d|3[01])(?![\d-])"
)


@dataclass(frozen=True, order=True)
class Date:
    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        shown = f"{self.day:02d}.{self.month:02d}"
        return f"{shown}.{self.year}" if self.year else shown


def _month_of(word: str) -> int:
    return next(n for n, form in enumerate(_STEM_RES, start=1) if form.fullmatch(word))


# What a text needs for a date: "19.02" or "2013-02", or a month's stem (as plain text: a
# cheap look before the costly pattern, which most units of prose would fail everywhere).
_NUMERIC_MARK = re.compile(r"\d[.-]\d")
_MONTH_MARKS = tuple(
    sorted(
        {stem[:3] for names in MONTHS for stem in (*names.ru, *names.kk)}
        | {name for names in MONTHS for name in names.en}
    )
)


def dates_in(text: str) -> list[Date]:
    """Every date of `text` that names a day and a month, in order of appearance."""
    return list(_dates_in(text))


@lru_cache(maxsize=4096)  # a source unit is read once per language it is checked in
def _dates_in(text: str) -> tuple[Date, ...]:
    found: list[tuple[int, Date]] = []
    if not HAS_DIGIT(text):
        return ()
    lowered = text.lower()
    wordy = any(mark in lowered for mark in _MONTH_MARKS)
    if not wordy and not _NUMERIC_MARK.search(text):
        return ()
    for m in _NUMERIC_DATE_RE.finditer(text):
        if m.group("d"):
            date = Date(int(m.group("m")), int(m.group("d")), int(m.group("y")))
        else:
            date = Date(int(m.group("im")), int(m.group("id")), int(m.group("iy")))
        found.append((m.start(), date))
    for m in _WORDY_DATE_RE.finditer(text) if wordy else ():
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2") or m.group("year3")
        month = _month_of(m.group("month") or m.group("month2"))
        found.append((m.start(), Date(month, int(day), int(year) if year else None)))
    return tuple(date for _, date in sorted(found))


def _matches(want: Date, have: Date) -> bool:
    same_day = (want.month, want.day) == (have.month, have.day)
    return same_day and (want.year is None or have.year is None or want.year == have.year)


def check_dates(item: CheckInput) -> list[str]:
    want = dates_in(item.source) if HAS_DIGIT(item.source) else []
    if not want:
        return []
    have = dates_in(item.target)
    left = list(have)
    missing = []
    for date in want:
        twin = next((d for d in left if _matches(date, d)), None)
        if twin is None:
            missing.append(date)
        else:
            left.remove(twin)
    problems = []
    for date in missing:
        instead = f" (the translation has {', '.join(map(str, left))})" if left else ""
        problems.append(f"the date {date} of the source is not in the translation{instead}")
    return problems


def date_counts(text: str) -> Counter[tuple[int, int]]:
    """(month, day) pairs of `text`, for callers that ignore years."""
    return Counter((d.month, d.day) for d in dates_in(text))
