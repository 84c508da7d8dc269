"""Datelines: a line that is only the date, its time, an offset and the page's counters.

Real pages put them above or below the headline: «07.02.2026, 21:26 11921» (a view counter
after the time), «• 24.06.2019 • 236 рет оқылды • Пікір жоқ» (as bullets), «17:40, 06 Shilde
2021 | GMT +6». The line gives the article's date; the rest of it is chrome.
"""

from __future__ import annotations

import re

from l10n_news.importers.chrome import Chrome
from l10n_news.importers.dates import find_dates

# Words that only introduce a date (and the " date " field a search index puts first).
_DATE_WORDS = re.compile(
    r"\b(?:date|дата|опубликовано|обновлено|published|updated|posted|жарияланды|"
    r"жарияланған|жаңартылды|jarııalandy|jariyalandy)\b:?",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"[\s|•·,;:/–—-]+")


def dateline(line: str, chrome: Chrome) -> str | None:
    """The date a dateline gives (its timed one when it gives two); None if it is no dateline."""
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for found in dates:
        rest = rest.replace(found, " | ", 1)
    rest = _DATE_WORDS.sub(" | ", rest)
    for piece in re.split(r"[|•·]", rest):
        piece = piece.strip(" ,;:–—-")
        if piece and not piece.isdigit() and not chrome.label(piece):
            return None
    timed = [d for d in dates if re.search(r"\d\s?:\s?\d{2}", d)]
    return (timed or dates)[0]


def is_only_dateline(items: list[str], chrome: Chrome) -> bool:
    """Whether every item of a short list is a dateline or counter-like chrome."""
    return any(dateline(t, chrome) for t in items) and all(
        dateline(t, chrome) or chrome.label(t) for t in items
    )
