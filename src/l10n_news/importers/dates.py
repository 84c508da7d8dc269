"""Dates as news pages write them (ru, kk, en) -> aware datetimes in the site's time zone.

dateparser reads the words; zoneinfo gives the offset the zone had *on that date* (Almaty was
UTC+6 in 2013 and UTC+5 since March 2024), so a fixed offset would be wrong for old articles.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from l10n_news.errors import ConfigError

LANGUAGES = ["ru", "kk", "en"]
_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY", "STRICT_PARSING": True}

_TIME = r"(?:,?\s*(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
_YEAR_WORD = r"(?:\s*(?:г\.|года|жыл[ыа]?|ж\.))?"
# Date forms found at the end of a title line, or alone on a line.
DATE_PATTERN = re.compile(
    "(?:"
    + r"\d{1,2}\s+[^\W\d_]{3,}\.?\s+\d{4}" + _YEAR_WORD + _TIME  # 19 февраля 2013, 19:05
    + r"|\d{4}\s+(?:ж\.|жылғы)?\s*\d{1,2}\s+[^\W\d_]{3,}" + _TIME  # 2013 ж. 19 ақпан
    + r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}" + _TIME  # February 19, 2013 7:05 pm
    + r"|\d{1,2}[./]\d{1,2}[./]\d{4}" + _TIME  # 19.02.2013 19:05
    + r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"  # 2013-02-19T19:05
    + ")"
)
TRAILING_DATE = re.compile(r"\s*[|,–—-]?\s*(" + DATE_PATTERN.pattern + r")\s*$")


def site_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {name!r} (use an IANA name such as Asia/Almaty)"
        ) from None


def parse_date(text: str, zone: str = "Asia/Almaty") -> dt.datetime | None:
    """The date a page gives, in `zone`; None when it is not a date.

    An ISO 8601 date with an offset is converted to the zone; a local one is taken as the
    zone's wall-clock time.
    """
    text = " ".join(text.split())
    tz = site_zone(zone)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # dateparser warns about pytz internals
            parsed = dateparser.parse(text, languages=LANGUAGES, settings=_SETTINGS)
        if parsed is None:
            return None
        when = parsed
    if when.tzinfo is None:
        return when.replace(tzinfo=tz)
    return when.astimezone(tz)


def split_trailing_date(line: str) -> tuple[str, str | None]:
    """'Title 19 февраля 2013, 19:05' -> ('Title', '19 февраля 2013, 19:05')."""
    m = TRAILING_DATE.search(line)
    if not m or m.start() == 0:
        return line, None
    return line[: m.start()].rstrip(" ,|–—-"), m.group(1)


def is_date_line(line: str) -> bool:
    return bool(DATE_PATTERN.fullmatch(" ".join(line.split()).strip(" .")))
