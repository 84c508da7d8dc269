"""Quotes: «» in Russian and Kazakh, no «» in English."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.quotes import check_quotes


def quotes(source: str, target: str, tgt: str = "ru", src: str = "en") -> list[str]:
    return check_quotes(CheckInput(source, target, src, tgt))


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


def test_unbalanced_guillemets_are_reported() -> None:
    source = 'The film "Steppe" opens the week.'
    assert quotes(source, "Неделю открывает фильм «Степь».") == []
    assert quotes(source, "Неделю открывает фильм «Степь.") == [
        "unbalanced quotes: « is never closed with »"
    ]
    assert quotes(source, "Апта «Дала» фильмімен» ашылады.", "kk") == [
        "unbalanced quotes: » closes no «"
    ]


def test_nested_marks_pair_in_their_own_order() -> None:
    source = "The poster reads \"Festival 'Steppe'\"."
    assert quotes(source, "На афише «Фестиваль „Степь“».") == []
    # » closes the outer quote while „ is still open.
    assert quotes(source, "На афише «Фестиваль „Степь».") == [
        "unbalanced quotes: „ is never closed with “"
    ]
    # An English opening “ in Russian text is a foreign mark, not a closing one.
    assert quotes(source, "На афише «Фестиваль “Степь”».") == [
        "quotes of another language: use «» in Russian text"
    ]


def test_english_curly_quotes_pair_up() -> None:
    assert quotes("Фильм «Степь» открывает неделю.", "The film “Steppe” opens.", "en") == []
    assert quotes("Фильм «Степь» открывает неделю.", "The film “Steppe opens.", "en") == [
        "unbalanced quotes: “ is never closed with ”"
    ]
    assert quotes("Фильм «Степь» открывает неделю.", "The film Steppe” opens.", "en") == [
        "unbalanced quotes: ” closes no “"
    ]


def test_a_quotation_cut_by_the_segmenter_is_not_unbalanced() -> None:
    # The source's own quote does not close in this segment: neither may the translation's.
    assert quotes('She said: "The jury has chosen.', "Она сказала: «Жюри сделало выбор.") == []
    assert quotes("Он сказал: «Жюри выбрало.", "He said: “The jury has chosen.", "en", "ru") == []
