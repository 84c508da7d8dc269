"""Whitespace and punctuation at the ends, doubled words and spaces."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.spacing import (
    check_doubled_spaces,
    check_doubled_words,
    check_ends_punctuation,
    check_ends_whitespace,
)


def item(source: str, target: str) -> CheckInput:
    return CheckInput(source, target, "en", "ru")


def test_ends_whitespace() -> None:
    assert check_ends_whitespace(item("Title:\n", "Заголовок:\n")) == []
    assert check_ends_whitespace(item("Title: ", "Заголовок:")) == [
        "the translation does not end with the same whitespace as the source"
    ]
    assert check_ends_whitespace(item(" x", "y")) == [
        "the translation does not start with the same whitespace as the source"
    ]


def test_ends_punctuation() -> None:
    assert check_ends_punctuation(item('He said "yes."', "Он сказал «да.»")) == []
    assert check_ends_punctuation(item("Wait...", "Подождите…")) == []
    assert check_ends_punctuation(item("Ready?", "Готово.")) == [
        "the source ends with '?', the translation ends with '.'"
    ]
    assert check_ends_punctuation(item("Ready?", "Готово ?")) == ["a space before the final '?'"]


def test_doubled_words() -> None:
    assert check_doubled_words(item("the film", "фильм фильм")) == ["the word 'фильм' is repeated"]
    assert check_doubled_words(item("%s %s", "%s %s")) == []
    assert check_doubled_words(item("software by", "ПО по")) == []
    assert check_doubled_words(item("very very", "очень очень")) == []


def test_doubled_spaces() -> None:
    assert check_doubled_spaces(item("a b", "а  б")) == [
        "two spaces in a row inside the translation"
    ]
    assert check_doubled_spaces(item("a  b", "а б")) == []  # fixing the source's typo is fine
