"""Spelling, the language of every word, Kazakh letters, agreement after numbers, dashes.

These read Debian's Hunspell dictionaries (hunspell-ru, -kk, -en-us, -en-gb); .ci/run installs
them. Without them the checks report nothing, which the first test pins down.
"""

from __future__ import annotations

import pytest

from conftest import require, require_module
from l10n_news.checks import dictionaries, spelling
from l10n_news.checks.agreement import check_agreement
from l10n_news.checks.base import CheckInput
from l10n_news.checks.dashes import check_dashes
from l10n_news.checks.spelling import (
    check_kazakh_letters,
    check_spelling,
    check_wrong_language,
    is_kazakh_loanword,
    kazakh_spelling,
)


@pytest.fixture(autouse=True)
def _dictionaries() -> None:
    missing = [lang for lang in ("ru", "kk", "en") if not dictionaries.available(lang)]
    require(not missing, f"no Hunspell dictionary for {missing}", ".ci/run must install it")


def item(source: str, target: str, src: str, tgt: str, **kw) -> CheckInput:
    return CheckInput(source, target, src, tgt, **kw)


def test_a_russian_word_in_kazakh_text_is_the_wrong_language() -> None:
    unit = item("Показы также бесплатны.", "Көрсетілімдер также тегін.", "ru", "kk")
    assert check_wrong_language(unit) == ["«также» is a Russian word, not Kazakh"]
    assert check_spelling(unit) == [] and check_kazakh_letters(unit) == []
    capital = item("Shows are free too.", "Также көрсетілімдер тегін.", "en", "kk")
    assert check_wrong_language(capital) == ["«Также» is a Russian word, not Kazakh"]


def test_a_kazakh_word_in_russian_text_is_the_wrong_language() -> None:
    unit = item("Shows are free.", "Показы тегін.", "en", "ru")
    assert check_wrong_language(unit) == ["«тегін» is a Kazakh word, not Russian"]


def test_a_kazakh_word_typed_with_russian_letters_gets_its_spelling() -> None:
    unit = item("Показы бесплатны.", "Корсетилимдер тегін.", "ru", "kk")
    assert check_kazakh_letters(unit) == [
        "«Корсетилимдер» is typed without Kazakh letters: write «Көрсетілімдер»"
    ]
    assert kazakh_spelling("олардын") == "олардың"
    # Known only once endings are taken off (облыс+ын+ын): the dictionary's own word wins.
    assert kazakh_spelling("облысынын") == "облысының"
    assert kazakh_spelling("жарыстарда") is None  # a Kazakh word with no Kazakh letters
    assert kazakh_spelling("қазақ") is None  # already has Kazakh letters


def test_a_final_n_that_may_be_an_ending_is_a_warning_not_an_error() -> None:
    # «залын» (its hall, accusative) is right; «залың» (your hall) too: no certain fix.
    unit = item("The hall was full.", "Кинотеатр залын толтырды.", "en", "kk")
    assert check_kazakh_letters(unit) == []
    assert check_spelling(unit) == ["«залын» may stand for «залың»: check the ending"]


def test_names_glossary_terms_and_loanwords_are_never_flagged() -> None:
    # Names of the source, with or without a Kazakh ending; a Russian personal name.
    assert check_spelling(item("The Aimanov festival", "Аймановтың фестивалі", "en", "kk")) == []
    names = item("Vladimir Smirnov won.", "Владимир Смирнов жеңді.", "en", "kk")
    assert check_wrong_language(names) == [] and check_spelling(names) == []
    guarded = item("Berlinale", "Бирлинале фестивалі", "en", "kk", names=frozenset({"Бирлинале"}))
    assert check_spelling(guarded) == []
    # Russian nouns borrowed into Kazakh, bare or with Kazakh endings; not Russian endings.
    assert is_kazakh_loanword("проектор") and is_kazakh_loanword("субтитрлерді")
    assert not is_kazakh_loanword("проекторов")  # «проекторы» is Kazakh too: "its projector"
    assert check_wrong_language(item("subtitles", "субтитрлерді көрсетеді", "en", "kk")) == []


def test_a_word_unknown_everywhere_is_a_spelling_warning() -> None:
    assert check_spelling(item("Shows are free.", "Показы бесплатнны.", "en", "ru")) == [
        "«бесплатнны» is not in the Russian dictionary"
    ]
    assert check_spelling(item("Показы", "The programme was free", "ru", "en")) == []  # en_GB
    assert check_spelling(item("Показы", "The programe was free", "ru", "en")) == [
        "«programe» is not in the English dictionary"
    ]


def test_agreement_after_a_number_in_russian() -> None:
    def ru(text: str) -> list[str]:
        return check_agreement(item("x", text, "en", "ru"))

    assert ru("Покажут 48 фильма.") == ["«48 фильма»: after 48 write «48 фильмов»"]
    assert ru("Покажут 48 фильмов, 2 фильма, 21 фильм; о 48 фильмах; 5 человек.") == []
    assert ru("19 февраля 2013 года, 10 тенге, № 4 автобуса, 2 и 3 фильма.") == []
    assert ru("Пришли 5 зрители.") == ["«5 зрители»: after 5 write «5 зрителей»"]


def test_a_noun_after_a_number_is_singular_in_kazakh() -> None:
    def kk(text: str) -> list[str]:
        return check_agreement(item("x", text, "en", "kk"))

    assert kk("5 пікірлер қалды.") == [
        "«5 пікірлер»: a noun after a number is singular (without -лер)"
    ]
    assert kk("5 пікір қалды, 14 фильм көрсетіледі, 1990 жылдары.") == []
    assert kk("№ 4, 34, 102 бағдарлары өзгереді.") == []


def test_a_dash_made_a_hyphen() -> None:
    assert check_dashes(item("Кино — это жизнь", "Кино - бұл өмір", "ru", "kk")) == [
        "a hyphen between spaces stands for a dash: write «—»"
    ]
    assert check_dashes(item("Film is life", "Кино - бұл өмір", "en", "kk")) != []
    assert check_dashes(item("Кино — это жизнь", "Film - life", "ru", "en")) == [
        "a dash of the source is a hyphen here: write «–» or «—»"
    ]
    assert check_dashes(item("Film - life", "Film - life", "en", "en")) == []
    assert check_dashes(item("Кино — это жизнь", "Кино — бұл өмір", "ru", "kk")) == []
    assert check_dashes(item("Алматы - Астана", "Алматы-Астана", "ru", "kk")) == []


def test_the_pure_python_reader_agrees_with_the_binding() -> None:
    # spylls is the fallback when the `hunspell` binding cannot be built (seconds to load).
    [kk] = dictionaries.dictionary_paths("kk")
    pure = dictionaries._Spylls(kk)
    require_module("hunspell", "the C Hunspell binding")
    binding = dictionaries._HunspellBinding(kk)
    words = ("тегін", "көрсетілім", "также", "корсетилимдер", "қазан", "жарыстарда")
    assert [pure.lookup(w) for w in words] == [True, True, False, False, True, False]
    assert [pure.lookup(w) for w in words] == [binding.lookup(w) for w in words]


def test_a_rerun_loads_no_dictionary(sample_ws) -> None:
    from l10n_news.checks.run import check_workspace
    from l10n_news.workspace import Workspace

    ws = Workspace.load(sample_ws)
    first = check_workspace(ws)
    assert (ws.state_dir / "spelling-cache.json").is_file()
    dictionaries.dictionaries.cache_clear()
    assert check_workspace(ws) == first
    assert dictionaries.dictionaries.cache_info().currsize == 0  # every verdict was kept
    # A cache made with other dictionary files (or rules) is not used.
    path = ws.state_dir / "spelling-cache.json"
    path.write_text(path.read_text("utf-8").replace('"fingerprint": "', '"fingerprint": "0'))
    spelling._names_of_source.cache_clear()  # as in a new process
    assert check_workspace(ws) == first
    assert dictionaries.dictionaries.cache_info().currsize > 0
