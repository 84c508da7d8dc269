"""Dates as news pages write them (ru, kk in Cyrillic and Latin letters, en).

A page that gives a day without a time keeps a date-only value (`datetime.date`): inventing
00:00 would publish a time nobody wrote. A page that gives a time gets an aware datetime in the
site's time zone; an explicit offset on the page («GMT +6», «+05:00») says which instant the
wall-clock time is and wins over the zone. zoneinfo gives the offset the zone had *on that
date* (Almaty was UTC+6 in 2013 and UTC+5 since March 2024), so a fixed offset would be wrong.

The shapes are read by our own small grammar (day, month word or number, year, time, offset),
which knows the month names of the three languages, Kazakh in both Latin alphabets included;
dateparser is only asked about a line the grammar does not know.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from l10n_news.errors import ConfigError
from l10n_news.languages import MONTHS

PageDate = dt.datetime | dt.date  # a datetime when the page gives a time, else a date

# Month-name stems (languages.MONTHS), compared with the start of a folded word.
_MONTH_STEMS = {
    month: (*names.ru, *names.kk, *names.kk_latn, *names.en)
    for month, names in enumerate(MONTHS, start=1)
}
_WHOLE_WORDS = frozenset(word for names in MONTHS for word in names.whole_words)
_LATIN_FOLD = str.maketrans(
    {
        "á": "a", "ä": "a", "ǵ": "g", "ğ": "g", "ǧ": "g", "ń": "n", "ñ": "n", "ŋ": "n",
        "ó": "o", "ö": "o", "ú": "u", "ü": "u", "ū": "u", "ý": "u", "ı": "i", "ş": "sh",
        "ç": "ch", "\u0307": "",
    }
)  # fmt: skip

_MONTH = r"[^\W\d_]{3,}\.?"
_TIME = r"\d{1,2}\s?:\s?\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
_DAY_MONTH_YEAR = (
    r"\d{1,2}\s+" + _MONTH + r",?\s+\d{4}(?:\s*(?:г\.|года|год|жыл[ыа]?|ж\.|jyly|j\.))?"
)
_MONTH_DAY_YEAR = r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
_YEAR_DAY_MONTH = r"\d{4}\s*(?:ж\.|жылғы|jylǵy|jylğy|jylgy|j\.)?\s*\d{1,2}\s+" + _MONTH
_NUMERIC = r"\d{1,2}[./]\d{1,2}[./]\d{4}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_OFFSET = r"(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
_DAY = f"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_YEAR_DAY_MONTH}|{_NUMERIC}|{_ISO})"
# A dateline: the day, a time before or after it, an offset after both.
DATE_PATTERN = re.compile(
    rf"(?:{_TIME},?\s+)?{_DAY}(?:,?\s*(?:в\s+|at\s+)?{_TIME})?(?:\s*[|,]?\s*{_OFFSET})?"
)
TRAILING_DATE = re.compile(r"\s*[|,–—-]?\s*(" + DATE_PATTERN.pattern + r")\s*$")

_ISO_RE = re.compile(_ISO)
_NUMERIC_RE = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_DMY_RE = re.compile(r"(\d{1,2})\s+(" + _MONTH + r"),?\s+(\d{4})")
_MDY_RE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_YDM_RE = re.compile(r"(\d{4})\s*(?:ж\.|жылғы|jyl\w*|j\.)?\s*(\d{1,2})\s+(" + _MONTH + ")")
_TIME_RE = re.compile(r"(\d{1,2})\s?:\s?(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?")
_OFFSET_RE = re.compile(r"(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?")


def site_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {name!r} (use an IANA name such as Asia/Almaty)"
        ) from None


def fold_month_word(word: str) -> str:
    """A word as the month table spells it: lowercase, Latin Kazakh letters made plain."""
    text = unicodedata.normalize("NFC", word.lower()).translate(_LATIN_FOLD)
    return text.rstrip(".")


def month_number(word: str) -> int | None:
    """1-12 for a month name in ru, kk (either script) or en, in any case form; else None."""
    folded = fold_month_word(word)
    best: tuple[int, int] | None = None  # (stem length, month)
    for month, stems in _MONTH_STEMS.items():
        for stem in stems:
            whole = stem in _WHOLE_WORDS
            matches = (folded == stem) if whole else folded.startswith(stem)
            if matches and (best is None or len(stem) > best[0]):
                best = (len(stem), month)
    return best[1] if best else None


def parse_date(text: str, zone: str = "Asia/Almaty") -> PageDate | None:
    """The date a page gives: an aware datetime in `zone` when it has a time, else a date.

    None when `text` holds no date. An offset written on the page (ISO or «GMT +6») places
    the time; without one, the time is the zone's wall-clock time on that day.
    """
    tz = site_zone(zone)
    text = " ".join(text.split())
    iso = _from_iso(text, tz)
    if iso is not None:
        return iso
    day = _day(text)
    if day is None:
        return _from_dateparser(text, tz)
    time, rest = _time(text)
    if time is None:
        return day
    when = dt.datetime.combine(day, time)
    offset = _offset(rest)
    if offset is not None:
        return when.replace(tzinfo=offset).astimezone(tz)
    return when.replace(tzinfo=tz)


def _from_iso(text: str, tz: ZoneInfo) -> PageDate | None:
    m = _ISO_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        when = dt.datetime.fromisoformat(m.group(0).replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(m.group(0)) == 10:
        return when.date()
    return when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)


def _day(text: str) -> dt.date | None:
    for pattern, order in ((_NUMERIC_RE, "dmy"), (_DMY_RE, "dmy"), (_YDM_RE, "ydm")):
        for m in pattern.finditer(text):
            day = _make_day(m.groups(), order)
            if day is not None:
                return day
    for m in _MDY_RE.finditer(text):
        day = _make_day(m.groups(), "mdy")
        if day is not None:
            return day
    m = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if m:
        try:
            return dt.date.fromisoformat(m.group(0))
        except ValueError:
            return None
    return None


def _make_day(parts: tuple[str, ...], order: str) -> dt.date | None:
    values = dict(zip(order, parts, strict=True))
    month = values["m"]
    number = int(month) if month.isdigit() else month_number(month)
    if number is None:
        return None
    try:
        return dt.date(int(values["y"]), number, int(values["d"]))
    except ValueError:
        return None


def _time(text: str) -> tuple[dt.time | None, str]:
    """The time of day in `text` (not a part of its date), and the text after it."""
    for m in _TIME_RE.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2))
        second = int(m.group(3) or 0)
        meridiem = (m.group(4) or "").lower()
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second), text[m.end() :] + " " + text[: m.start()]
    return None, text


def _offset(text: str) -> dt.timezone | None:
    m = _OFFSET_RE.search(text)
    if not m:
        return None
    sign = -1 if m.group(1) in "-−" else 1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _from_dateparser(text: str, tz: ZoneInfo) -> PageDate | None:
    # Only for shapes the grammar above does not know; imported here because it is slow.
    import dateparser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY", "STRICT_PARSING": True}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about pytz internals
        parsed = dateparser.parse(text, languages=["ru", "kk", "en"], settings=settings)
    if parsed is None:
        return None
    if not _TIME_RE.search(text):
        return parsed.date()
    return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)


def date_option(value: str, zone: str) -> PageDate:
    """`import --date`: YYYY-MM-DD (a date-only article) or YYYY-MM-DDTHH:MM[:SS][±HH:MM]."""
    text = value.strip()
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--date {value!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM (e.g. 2025-10-01T18:00)"
        ) from None
    if len(text) == 10:
        return when.date()
    tz = site_zone(zone)
    return when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)


def format_page_date(when: PageDate) -> str:
    """As front matter writes it: 2019-06-24, or 2026-02-07T21:26:00+05:00."""
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="seconds")
    return when.isoformat()


def split_trailing_date(line: str) -> tuple[str, str | None]:
    """'Title 19 февраля 2013, 19:05' -> ('Title', '19 февраля 2013, 19:05')."""
    m = TRAILING_DATE.search(line)
    if not m or m.start() == 0 or not _looks_like_date(m.group(1)):
        return line, None
    return line[: m.start()].rstrip(" ,|–—-"), m.group(1)


def _looks_like_date(text: str) -> bool:
    """Written as a date (a month word, or digits in a date's pattern), valid or not."""
    if _NUMERIC_RE.search(text) or re.search(r"\d{4}-\d{2}-\d{2}", text):
        return True
    return any(month_number(w) for w in re.findall(r"[^\W\d_]{3,}", text))


def is_date_line(line: str) -> bool:
    text = " ".join(line.split()).strip(" .")
    return bool(DATE_PATTERN.fullmatch(text)) and parse_date(text) is not None


def find_dates(line: str) -> list[str]:
    """Every date written in `line` (with its time and offset), in order."""
    return [m.group(0) for m in DATE_PATTERN.finditer(line) if _day(m.group(0)) is not None]
