from __future__ import annotations

import datetime as dt

import pytest

from l10n_news.errors import ConfigError
from l10n_news.publish.dates import format_article_date, format_short_date

MOMENT = dt.datetime.fromisoformat("2013-02-19T19:05:00+06:00")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "February 19, 2013, 19:05"),
        ("ru", "19 февраля 2013\u00a0г., 19:05"),
        ("kk", "2013\u00a0ж. 19 ақпан, 19:05"),
    ],
)
def test_article_date_in_each_language(lang: str, expected: str) -> None:
    assert format_article_date(MOMENT, lang, "Asia/Almaty") == expected


def test_article_date_is_shown_in_the_given_time_zone() -> None:
    utc = dt.datetime(2013, 2, 19, 22, 30, tzinfo=dt.UTC)
    assert format_article_date(utc, "en", "Asia/Almaty") == "February 20, 2013, 04:30"
    assert format_article_date(utc, "ru", "Europe/Moscow") == "20 февраля 2013\u00a0г., 02:30"


def test_short_date_and_unknown_zone() -> None:
    assert format_short_date(MOMENT, "kk", "Asia/Almaty") == "2013\u00a0ж. 19 ақпан"
    with pytest.raises(ConfigError, match="Mars/Olympus"):
        format_article_date(MOMENT, "en", "Mars/Olympus")
