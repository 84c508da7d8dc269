"""Plural forms: the count against Plural-Forms, each form filled."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.plurals import check_plural_forms


def plurals(strings: tuple[str, ...], nplurals: int) -> list[str]:
    return check_plural_forms(
        CheckInput(
            "%d film",
            strings[0],
            "en",
            "ru",
            nplurals=nplurals,
            plural_strings=strings,
            plural_form=0,
        )
    )


def test_plural_forms() -> None:
    assert plurals(("%d фильм", "%d фильма", "%d фильмов"), 3) == []
    assert plurals(("%d фильм", "%d фильма"), 3) == [
        "2 plural forms, but the catalog's Plural-Forms asks for 3"
    ]
    assert plurals(("%d фильм", "", "%d фильмов"), 3) == ["plural form(s) msgstr[1] are empty"]


def test_not_a_plural_entry() -> None:
    assert check_plural_forms(CheckInput("film", "фильм")) == []
