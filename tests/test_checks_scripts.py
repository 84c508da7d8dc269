"""Look-alike letters: mixed-script words across Unicode, with the letter to write."""

from __future__ import annotations

from pathlib import Path

from l10n_news.checks.base import CheckInput
from l10n_news.checks.homoglyphs import check_homoglyphs
from l10n_news.checks.scripts import lookalike, mixed_words, script_of


def test_letters_are_classified_by_unicode_name_beyond_latin_extended_b() -> None:
    assert script_of("ə") == "Latn"  # U+0259, IPA Extensions
    assert script_of("ɵ") == "Latn"  # U+0275
    assert script_of("ә") == script_of("і") == "Cyrl"
    assert script_of("ο") == "Grek"
    assert script_of("1") is None and script_of("-") is None


def test_the_suggested_letter_is_the_twin_in_the_words_script() -> None:
    assert lookalike("ə", "Cyrl") == "ә"
    assert lookalike("ɵ", "Cyrl") == "ө"
    assert lookalike("і", "Latn") == "i"
    assert lookalike("Y", "Cyrl", "kk") == "Ү" and lookalike("Y", "Cyrl", "ru") == "У"
    assert lookalike("ж", "Latn") is None


def test_ipa_schwa_and_barred_o_in_kazakh_words() -> None:
    found = check_homoglyphs(CheckInput("Culture", "Мəдениет пен Ɵнер", "en", "kk"))
    assert found == [
        "«Мəдениет» mixes scripts: ə U+0259 (write «Мәдениет»)",
        "«Ɵнер» mixes scripts: Ɵ U+019F (write «Өнер»)",
    ]


def test_cyrillic_letters_in_a_latin_word_and_greek_omicron() -> None:
    [word] = mixed_words("Іs-sharanyń", "Latn")
    assert (word.script, word.suggestion) == ("Latn", "Is")
    assert check_homoglyphs(CheckInput("Кино", "Film Ρrogramme", "ru", "en")) == [
        "«Ρrogramme» mixes scripts: Ρ U+03A1 (write «Programme»)"
    ]


def test_the_script_whose_twins_cover_the_other_letters_wins() -> None:
    # Four Latin letters, three Cyrillic, but қ д т have no Latin twin: a Cyrillic word.
    [word] = mixed_words("oдaқтac", "Latn", "kk")
    assert (word.script, word.suggestion) == ("Cyrl", "одақтас")


def test_a_mixed_word_the_source_has_is_quoted_not_typed() -> None:
    assert check_homoglyphs(CheckInput("«КИНO» журналы", "журнал «КИНO»", "kk", "ru")) == []
    assert check_homoglyphs(CheckInput("Telegram", "Telegram-дағы арна", "en", "kk")) == []


def test_every_mixed_word_of_the_real_kazakh_page(shared: Path) -> None:
    text = (shared / "corpus/news/kk-kazgazeta-aqiqat-otandyq-kino.txt").read_text("utf-8")
    found = mixed_words(text, "Cyrl", "kk")
    assert len(found) == 84  # PROVENANCE.txt counts 84 word tokens
    assert all(w.script == "Cyrl" and w.suggestion for w in found)
    assert all(script_of(ch) == "Cyrl" for w in found for ch in w.suggestion or "")
    # The other real pages: only the stray Cyrillic І of the 2018-alphabet Kazakh page.
    others = [
        (p.name, w.word)
        for p in sorted((shared / "corpus/news").glob("*-*.txt"))
        if "kazgazeta" not in p.name
        for w in mixed_words(p.read_text("utf-8"))
    ]
    assert others == [("kk-latn-qz-inform-kazakh-cinema-uzbekistan.txt", "Іs")]


def test_only_basic_letters() -> None:
    from l10n_news.checks.scripts import only_basic_letters

    assert only_basic_letters("Қазақстан, 2024 ж. «Әнші» — үш", "Cyrl")
    assert not only_basic_letters("Мəдениет", "Cyrl")  # a Latin schwa
    assert not only_basic_letters("КИНO", "Cyrl")  # a Latin O
    assert only_basic_letters("Hello, world 42!", "Latn")
    assert not only_basic_letters("Café", "Latn")  # then asked letter by letter
    assert mixed_words("Мəдениет")  # which still finds the mixed word
