"""Numbers, URLs, e-mails and phones: values kept, in the target language's own notation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_news.checks.base import CheckInput
from l10n_news.checks.numbers import (
    check_emails,
    check_numbers,
    check_phones,
    check_urls,
    format_number,
    numbers_in,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def numbers(source: str, target: str, src: str = "en", tgt: str = "ru") -> list[str]:
    return check_numbers(CheckInput(source, target, src, tgt))


@pytest.mark.parametrize(
    ("source", "target", "tgt"),
    [
        ("2,500 people came", f"Пришли 2{NBSP}500 человек", "ru"),
        ("2,500 people came", f"2{NNBSP}500 адам келді", "kk"),
        ("2,500 people came", "Пришли 2 500 человек", "ru"),
        ("2,500 people came", "Пришли 2500 человек", "ru"),
        ("It costs 3.5 million", "Это стоит 3,5 млн", "ru"),
        ("On February 19, 2013, at 21:00", "2013 жылғы 19 ақпанда сағат 21:00-де", "kk"),
        ("1,234,567.89 tenge", f"1{NBSP}234{NBSP}567,89 теңге", "ru"),
        ("Digits 0,1,2,3", "Цифры 0,1,2,3", "ru"),
        ("Version 1.2.3", "Нұсқа 1.2.3", "kk"),
        ("Call +7 727 123-45-67", "Звоните +7 727 123-45-67", "ru"),
        ("Read the %d comments in [part 2][1]", "Прочтите %d комментариев в [части 2][1]", "ru"),
    ],
)
def test_no_false_alarm(source: str, target: str, tgt: str) -> None:
    assert numbers(source, target, tgt=tgt) == []


def test_a_lost_or_changed_number() -> None:
    assert numbers("12 films", "10 фильмов") == [
        "the number 12 of the source is not in the translation"
    ]


def test_the_source_notation_kept_in_russian_is_reported_with_the_fix() -> None:
    assert numbers("2,500 people", "2,500 человек") == [
        f"the number 2,500 is written the source's way; in Russian write 2{NBSP}500"
    ]


def test_russian_source_into_english() -> None:
    assert numbers("Рост на 12,5 %", "A rise of 12.5%", "ru", "en") == []
    assert numbers("Рост на 12,5 %", "A rise of 12,5%", "ru", "en") == [
        "the number 12,5 is written the source's way; in English write 12.5"
    ]


def test_times_may_change_notation() -> None:
    assert numbers("Сеансы с 21:00", "Screenings from 9 pm", "ru", "en") == []
    assert numbers("Сеансы с 21:00", "Screenings from 8 pm", "ru", "en") == [
        "the time 21:00 of the source is not in the translation"
    ]


def test_numbers_in_reads_each_language() -> None:
    assert numbers_in("1,000", "en") == {Decimal(1000): 1}
    assert numbers_in("1,5", "ru") == {Decimal("1.5"): 1}
    assert format_number(Decimal("2500.5"), "kk") == f"2{NBSP}500,5"
    assert format_number(Decimal("2500.5"), "en") == "2,500.5"


def test_urls_emails_phones() -> None:
    item = CheckInput(
        "Write to desk@kino.kz or see https://kino.kz/a.", "Пишите на desk@kino.kz", "en", "ru"
    )
    assert check_urls(item) == ["the address https://kino.kz/a is missing or changed"]
    assert check_emails(item) == []
    assert check_emails(CheckInput("desk@kino.kz", "desk@kino.ru")) == [
        "the e-mail address desk@kino.kz is missing or changed"
    ]
    assert check_phones(CheckInput("Call +7 727 123-45-67", "Звоните +7 727 123-45-76")) == [
        "the phone number +7 727 123-45-67 is missing or changed"
    ]


def test_news_scale_words_stand_for_their_numbers() -> None:
    from l10n_news.checks.base import CheckInput
    from l10n_news.checks.numbers import check_numbers

    def check(source: str, target: str, src: str, tgt: str) -> list[str]:
        return check_numbers(CheckInput(source, target, src, tgt))

    assert (
        check("1,000,000 tenge, 18,500,000 tenge", "1 млн тенге, 18,5 млн тенге", "en", "ru") == []
    )
    assert (
        check("1,000,000 tenge, 18,500,000 tenge", "1 млн теңге, 18,5 млн теңге", "en", "kk") == []
    )
    assert check("2,8 трлн тенге, 1 миллиард", "2.8 trillion tenge, 1 billion", "ru", "en") == []
    assert check("1.5 billion", "1,5 млрд", "en", "ru") == []
    assert check("5 мың адам", "5,000 people", "kk", "en") == []
    assert check("18,500,000 tenge", "18 млн теңге", "en", "kk") == [
        "the number 18,500,000 of the source is not in the translation"
    ]
    assert check("a 3 m screen", "экран 3 м", "en", "ru") == []  # metres, not millions


@given(st.text(alphabet="0123456789 .,-%{}xаz\u00a0млнthousand", max_size=40))
def test_numbers_read_at_the_digits_are_those_a_full_scan_finds(text: str) -> None:
    """The digit-anchored reading gives what scanning every place of the text gives."""
    from collections import Counter

    from l10n_news.checks import numbers

    rest = numbers._PHONE_RE.sub(" ", text)  # what _read_numbers takes out first
    rest = numbers.times_in(rest)[1]
    if "%" in rest or "{" in rest:
        rest = numbers._NOT_NUMBERS_RE.sub(" ", rest)
    for lang, pattern in (("ru", numbers._COMMA_NUMBER_AT), ("en", numbers._EN_NUMBER_AT)):
        expected: Counter = Counter()
        for m in pattern.finditer(rest):
            expected.update(numbers._scaled(numbers._value(m.group(0), lang), rest, m.end()))
        assert numbers._read_numbers(text, lang) == expected
