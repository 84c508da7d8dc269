"""An article's date as a reader of the page's language writes it, from CLDR via Babel.

The shape is CLDR's long date joined to a 24-hour time by the locale's own date-time glue:
"February 19, 2013, 19:05", «19 февраля 2013 г., 19:05», «2013 ж. 19 ақпан, 19:05».
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_time, get_datetime_format

from l10n_news.errors import ConfigError

# A news site shows the clock time the same way in all three languages.
TIME_PATTERN = "HH:mm"


def local_time(moment: dt.datetime, time_zone: str) -> dt.datetime:
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {time_zone!r} (use an IANA name)") from None
    return moment.astimezone(zone)


def format_article_date(moment: dt.datetime, lang: str, time_zone: str) -> str:
    """The date and time of `moment` in `time_zone`, written for `lang`."""
    local = local_time(moment, time_zone)
    date_text = format_date(local, "long", locale=lang)
    time_text = format_time(local, TIME_PATTERN, locale=lang)
    # CLDR writes the glue as "{1}, {0}" (date, time) for these locales; take it from the data.
    glue = str(get_datetime_format("long", locale=lang))
    text = glue.replace("{1}", date_text).replace("{0}", time_text)
    # CLDR puts a narrow no-break space in «2013 г.»; an ordinary no-break space renders the same
    # in every font a news site uses and is what readers and search engines expect.
    return text.replace("\u202f", "\u00a0")


def format_short_date(moment: dt.datetime, lang: str, time_zone: str) -> str:
    """The date alone (CLDR long date), for the index pages."""
    return format_date(local_time(moment, time_zone), "long", locale=lang).replace(
        "\u202f", "\u00a0"
    )
