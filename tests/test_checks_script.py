"""Script: Latin words in ru/kk text, Cyrillic words in en text, except names."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.script import check_script


def script(source: str, target: str, src: str, tgt: str, names: frozenset[str] = frozenset()):
    return check_script(CheckInput(source, target, src, tgt, names=names))


def test_kept_brands_and_names_are_fine() -> None:
    assert script("Join Telegram", "Telegram-дағы арнамызға жазылыңыз", "en", "kk") == []
    assert script("Shown on Netflix", "Показан на Netflix", "en", "ru") == []
    assert script("See https://kino.kz", "См. https://kino.kz", "en", "ru") == []


def test_untranslated_latin_words_in_russian() -> None:
    assert script("The film premiere", "Фильм premiere", "en", "ru") == [
        "Latin words in Russian text: premiere (add names to the glossary)"
    ]


def test_cyrillic_left_in_english_text() -> None:
    assert script("Реклама", "Реклама", "ru", "en") == [
        "Cyrillic words in English text: Реклама (add names to the glossary)"
    ]
    assert script("Одноклассники", "Одноклассники", "ru", "en", frozenset({"Одноклассники"})) == []


def test_a_latin_homoglyph_inside_a_cyrillic_word_is_left_to_the_homoglyphs_check() -> None:
    from l10n_news.checks.homoglyphs import check_homoglyphs

    # The second letter is Latin "a": reported once, with the fix, by the homoglyphs check.
    assert script("Samara", "Сaмара", "en", "ru") == []
    assert check_homoglyphs(CheckInput("Samara", "Сaмара", "en", "ru")) == [
        "«Сaмара» mixes scripts: a U+0061 (write «Самара»)"
    ]
