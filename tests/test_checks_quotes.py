"""Quotes: «» in Russian and Kazakh, no «» in English."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.quotes import check_quotes


def quotes(source: str, target: str, tgt: str = "ru") -> list[str]:
    return check_quotes(CheckInput(source, target, "en", tgt))


def test_guillemets_in_russian_and_kazakh() -> None:
    assert quotes('The film "Steppe"', "Фильм «Степь»") == []
    assert quotes('The film "Steppe"', "«Дала» фильмі", "kk") == []
    assert quotes('The film "Steppe"', 'Фильм "Степь"') == [
        "quotes of another language: use «» in Russian text"
    ]
    assert quotes("The film “Steppe”", "Фильм Степь") == [
        "the source quotes and the translation has no «»: use «» in Russian text"
    ]


def test_english_text_has_no_guillemets() -> None:
    assert quotes("Фильм «Степь»", 'The film "Steppe"', "en") == []
    assert quotes("Фильм «Степь»", "The film «Steppe»", "en") == [
        'quotes of another language: use “” or "" in English text'
    ]


def test_quotes_in_markup_are_not_text() -> None:
    assert quotes('<a href="/x">film</a>', '<a href="/x">фильм</a>') == []
