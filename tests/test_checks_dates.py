"""Dates read in any of our languages and compared by day, month and year."""

from __future__ import annotations

import pytest

from l10n_news.checks.base import CheckInput
from l10n_news.checks.dates import Date, check_dates, dates_in


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("19 февраля 2013 г.", Date(2, 19, 2013)),
        ("2013 жылғы 19 ақпан", Date(2, 19, 2013)),
        ("қазанның 15-і", Date(10, 15)),
        ("20 қарашадан бастап", Date(11, 20)),
        ("February 19, 2013", Date(2, 19, 2013)),
        ("on 5 Sept. 2020", Date(9, 5, 2020)),
        ("19.02.2013", Date(2, 19, 2013)),
        ("2013-02-19", Date(2, 19, 2013)),
        ("1 мамырда", Date(5, 1)),
        ("в 19 ч. 30 мин. 5 мая", Date(5, 5)),
    ],
)
def test_a_date_in_any_language(text: str, date: Date) -> None:
    assert dates_in(text) == [date]


def test_a_month_name_without_a_day_is_no_date() -> None:
    assert dates_in("в октябре 2020 года; Қазан қаласы; 5 Мартин") == []


def check(source: str, target: str, src: str, tgt: str) -> list[str]:
    return check_dates(CheckInput(source, target, src, tgt))


def test_a_changed_month_is_reported_whatever_words_spell_it() -> None:
    assert check("Фестиваль 15 қазанда ашылады", "Фестиваль откроется 15 ноября", "kk", "ru") == [
        "the date 15.10 of the source is not in the translation (the translation has 15.11)"
    ]
    assert (
        check("Фестиваль 15 қазанда ашылады", "The festival opens on October 15", "kk", "en") == []
    )
    assert check("19 февраля 2013 г.", "2013 жылғы 19 ақпан", "ru", "kk") == []


def test_a_changed_day_or_year() -> None:
    assert check("19 февраля 2013 г.", "2013 жылғы 18 ақпан", "ru", "kk") != []
    assert check("19 февраля 2013 г.", "2012 жылғы 19 ақпан", "ru", "kk") != []
    assert check("19 февраля", "19.02.2013", "ru", "en") == []  # a year added is no change
