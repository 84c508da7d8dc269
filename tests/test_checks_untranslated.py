"""Untranslated: the source (or another language's translation) again."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.untranslated import check_untranslated


def untranslated(source: str, target: str, src: str = "en", tgt: str = "ru", **kw) -> list[str]:
    return check_untranslated(CheckInput(source, target, src, tgt, **kw))


def test_identical_prose_is_reported() -> None:
    assert untranslated("Join us", "Join us") == [
        "the translation is the source text, untranslated"
    ]


def test_names_numbers_acronyms_are_not() -> None:
    for text in ("WhatsApp", "ownCloud", "BBC", "2013", "X", "https://kino.kz"):
        assert untranslated(text, text) == [], text
    assert untranslated("netflix", "netflix", names=frozenset({"netflix"})) == []
    assert untranslated("Telegram", "Telegram", context="brand") == []
    assert untranslated("Астана", "Астана", "ru", "kk") == []
    assert untranslated("Culture", "Culture") == [
        "the translation is the source text, untranslated (if it is a name, add it to the "
        "glossary as do-not-translate)"
    ]


def test_russian_and_kazakh_share_words() -> None:
    assert untranslated("фестиваль", "фестиваль", "ru", "kk") == []
    assert untranslated("Кино, Музыка", "Кино, Музыка", "ru", "kk") == []
    assert untranslated(
        "фильм показали вчера вечером", "фильм показали вчера вечером", "ru", "kk"
    ) == ["the translation is the source text, untranslated"]


def test_same_as_another_languages_translation() -> None:
    kk = "Фестиваль ашылды кеше кешке"
    assert untranslated("The festival opened", kk, "en", "kk", other_translations={"ru": kk}) == [
        "the translation is the same as the Russian translation of this entry"
    ]
    assert (
        untranslated("Festival", "фестиваль", "en", "kk", other_translations={"ru": "фестиваль"})
        == []
    )
