"""Kazakh Cyrillic -> Latin (2021 and 2018 alphabets), checked on real Kazakh news text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from l10n_news.errors import ConfigError
from l10n_news.translit.kazakh import (
    CONTEXT_RULES,
    RULE_ALL_CAPS,
    RULE_LOOKALIKE,
    cyrillic_to_latin,
    guess_alphabet,
    latin_to_cyrillic,
    load_alphabet,
    reverse_problems,
    transliterate,
)

KAZAKH_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# The letters each alphabet writes (c only in the digraph ch).
ALPHABET_LETTERS = {
    "2021": set("abdefghijklmnopqrstuvyzäğıñöşūü") | {"c"},
    "2018": set("abdefghijklmnopqrstuvyzáǵıńóúý") | {"c"},
}
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def news(shared: Path, pattern: str) -> list[Path]:
    return sorted((shared / "corpus" / "news").glob(pattern))


def cyrillic_excerpts(shared: Path) -> list[Path]:
    return [p for p in news(shared, "kk-*.txt") if not p.name.startswith("kk-latn-")]


@pytest.mark.parametrize("alphabet", ["2021", "2018"])
def test_every_kazakh_letter_has_a_latin_spelling(alphabet: str) -> None:
    table = load_alphabet(alphabet)
    assert set(table.letters) == set(KAZAKH_CYRILLIC)
    written = {ch for latin in table.letters.values() for ch in latin}
    assert written <= ALPHABET_LETTERS[alphabet]
    assert table.source  # the table names where it comes from


def test_unknown_alphabet_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="2021, 2018"):
        load_alphabet("1929")


@pytest.mark.parametrize("alphabet", ["2021", "2018"])
def test_real_excerpts_come_out_wholly_latin(shared: Path, alphabet: str) -> None:
    for path in cyrillic_excerpts(shared):
        original = path.read_text("utf-8")
        latin = cyrillic_to_latin(original, alphabet)
        assert not CYRILLIC.search(latin), path.name
        # A word with letters outside the alphabet was Latin already (a domain, a shortcode).
        table = load_alphabet(alphabet)
        letters = ALPHABET_LETTERS[alphabet] | {
            table.upper(ch) for ch in ALPHABET_LETTERS[alphabet]
        }
        foreign = {w for w in WORD.findall(latin) if set(w) - letters}
        assert foreign <= set(WORD.findall(original)), (path.name, foreign)


def test_words_that_latin_news_sites_also_wrote_match_their_spelling(shared: Path) -> None:
    """Words the Cyrillic excerpts share with the Latin ones come out as those sites wrote them."""
    cyrillic = " ".join(p.read_text("utf-8") for p in cyrillic_excerpts(shared))
    pairs = {
        # adyrna.kz/lt writes the 2021 letters (with ŋ ǧ for ñ ğ, which we read as those).
        "2021": ("kk-latn-adyrna-*.txt", ["және", "Қазақстан", "үшін", "ғана", "дейін", "ұлттық"]),
        # qz.inform.kz writes the 2018 acute letters.
        "2018": ("kk-latn-qz-*.txt", ["хабарлайды", "туралы", "дейін", "мәдени", "үшін", "қауым"]),
    }
    for alphabet, (pattern, words) in pairs.items():
        (latin_path,) = news(shared, pattern)
        variants = load_alphabet(alphabet).variants
        site = "".join(variants.get(ch, ch) for ch in latin_path.read_text("utf-8"))
        site_words = set(WORD.findall(site))
        ours = {
            cyrillic_to_latin(w, alphabet) for w in WORD.findall(cyrillic) if CYRILLIC.search(w)
        }
        for word in words:
            assert word in cyrillic, word
            assert cyrillic_to_latin(word, alphabet) in site_words, word
        # And not by chance: dozens of words agree, none of them look-alike mistakes.
        assert len(ours & site_words) >= {"2021": 15, "2018": 30}[alphabet]


def test_lookalike_latin_letters_inside_cyrillic_words(shared: Path) -> None:
    (path,) = news(shared, "kk-kazgazeta-*.txt")
    text = path.read_text("utf-8")
    result = transliterate(text, "2021")
    # PROVENANCE counts 84 word tokens with Latin A, O, C mixed in; each one needed the rule.
    assert result.rules[RULE_LOOKALIKE] == 84
    assert "KSRO ydyrap, odaqtas respublikalar" in result.text
    assert result.text.startswith("OTANDYQ KİNO jäne ŞÄKEN AİMANOV")
    assert cyrillic_to_latin("KCPO", "2021") == "KCPO"  # no Cyrillic: a Latin word stays


def test_capitals_in_titles_and_all_caps_words() -> None:
    assert cyrillic_to_latin("Шәкен ШӘКЕН", "2018") == "Sháken SHÁKEN"
    assert cyrillic_to_latin("Ташкент ТАШКЕНТ", "2018") == "Tashkent TASHKENT"
    # adyrna.kz/lt writes ALL-CAPS names with the dotted İ: "SİTORA NAZAROVA".
    assert cyrillic_to_latin("СИТОРА НАЗАРОВА, Ситора", "2021") == "SİTORA NAZAROVA, Sitora"
    assert cyrillic_to_latin("Ямайка ЯМАЙКА Юлия ЁЛКА", "2021") == "İamaika İAMAİKA İuliia İOLKA"
    assert cyrillic_to_latin("Ямайка ЯМАЙКА", "2018") == "Iamaıka IAMAIKA"
    assert cyrillic_to_latin("Іле ІЛЕ іле", "2021") == "Ile ILE ıle"
    result = transliterate("ШӘКЕН АЙМАНОВ", "2018")
    assert result.rules[RULE_ALL_CAPS] == 1 and result.context_words == 1


def test_loanword_letters_and_signs() -> None:
    assert cyrillic_to_latin("фильм, объект, Израиль", "2021") == "film, obekt, İzrail"
    assert cyrillic_to_latin("фильмі", "2018") == "fılmi"  # qz.inform.kz: "fılmi"
    assert cyrillic_to_latin("лицей, чемпион, щётка", "2021") == "litsei, chempion, şşiotka"
    assert cyrillic_to_latin("Латвияда, Азия", "2018") == "Latvııada, Azııa"  # as qz.inform.kz
    assert cyrillic_to_latin("Армения, энергиясын", "2021") == "Armeniia, energiiasyn"  # adyrna


def test_protected_spans_pass_untouched() -> None:
    text = (
        "**Астана** [сайт](https://astana.kz/жаңа) %(count)s фильм, 2,8 трлн {name} "
        "<b>Steppe Shorts</b>-та, info@кино.kz"
    )
    latin = cyrillic_to_latin(text, "2021", keep=["Steppe Shorts"])
    assert latin == (
        "**Astana** [sait](https://astana.kz/жаңа) %(count)s film, 2,8 trln {name} "
        "<b>Steppe Shorts</b>-ta, info@кино.kz"
    )


def test_keep_terms_keep_their_spelling() -> None:
    # A glossary name kept as written, even when it mixes scripts like a look-alike word would.
    assert cyrillic_to_latin("Ethnotronica-да", "2021") == "Ethnotronica-da"
    assert cyrillic_to_latin("Кино Club", "2021", keep=["Кино Club"]) == "Кино Club"


@pytest.mark.parametrize("alphabet", ["2021", "2018"])
def test_words_with_one_reading_round_trip(shared: Path, alphabet: str) -> None:
    words = {
        w
        for p in cyrillic_excerpts(shared)
        for w in WORD.findall(p.read_text("utf-8"))
        if CYRILLIC.search(w) and not re.search("[a-zA-Z]", w)
    }
    back = 0
    for word in sorted(words):
        latin = cyrillic_to_latin(word, alphabet)
        cyrillic = latin_to_cyrillic(latin, alphabet)
        if cyrillic is not None:
            assert cyrillic == word, (word, latin)
            back += 1
        else:
            assert reverse_problems(latin, alphabet)
    assert back >= 50  # a good share of real words has one reading


def test_the_way_back_says_when_it_is_ambiguous() -> None:
    assert latin_to_cyrillic("Qazaqstan ülken", "2021") == "Қазақстан үлкен"
    assert latin_to_cyrillic("Olimpiada", "2021") is None  # и or й
    (problem,) = reverse_problems("habar", "2021")  # х or һ
    assert "хабар" in str(problem) and "һабар" in str(problem)
    assert latin_to_cyrillic("Ishaq", "2018") is None  # capital I: и, й or і
    assert reverse_problems("Ethnotronica", "2021")[0].why.startswith("is not Kazakh Latin")
    assert latin_to_cyrillic("Ethnotronica festivalı", "2021", keep=["Ethnotronica"]) is None
    assert latin_to_cyrillic("Ethnotronica körermenı", "2021", keep=["Ethnotronica"]) == (
        "Ethnotronica көрерменı".replace("ı", "і")
    )
    assert latin_to_cyrillic("ekran", "2021") is None  # е or э at the start of a word
    # adyrna.kz/lt's ŋ and ǧ are read as the official ñ and ğ.
    assert latin_to_cyrillic("alaŋy saǧat", "2021") == "алаңы сағат"
    assert latin_to_cyrillic("2 kún, https://qz.inform.kz/news", "2018") == (
        "2 күн, https://qz.inform.kz/news"
    )


def test_real_latin_pages_are_ambiguous_and_say_where(shared: Path) -> None:
    for path in news(shared, "kk-latn-*.txt"):
        alphabet = "2018" if "qz-inform" in path.name else "2021"
        text = path.read_text("utf-8")
        assert latin_to_cyrillic(text, alphabet) is None
        problems = reverse_problems(text, alphabet)
        assert problems and all(p.word in text or "ŋ" in text for p in problems)


UNAMBIGUOUS_2021 = "аәбвгғджзкқлмнңоөпрстуұүфшыі"


@given(st.text(alphabet=UNAMBIGUOUS_2021, min_size=1, max_size=12))
def test_letters_with_one_reading_round_trip(word: str) -> None:
    # "ts" is also ц and "şş" also щ: those pairs have two readings
    assume("тс" not in word and "шш" not in word)
    assert latin_to_cyrillic(cyrillic_to_latin(word, "2021"), "2021") == word
    assert latin_to_cyrillic(cyrillic_to_latin(word.upper(), "2021"), "2021") == word.upper()


def test_context_rules_are_named() -> None:
    assert set(CONTEXT_RULES) >= {RULE_LOOKALIKE, RULE_ALL_CAPS}


def test_a_lone_capital_beside_capitals_is_written_in_capitals() -> None:
    assert cyrillic_to_latin("Ш.АЙМАНОВ мен Ш.Айманов", "2018") == "SH.AIMANOV men Sh.Aımanov"
    assert cyrillic_to_latin("Я ЖӘНЕ СЕН", "2021") == "İA JÄNE SEN"
    assert cyrillic_to_latin("Я да", "2021") == "İa da"


def test_latin_letters_typed_for_kazakh_ones() -> None:
    # Kazakh keyboards long lacked і, ү, һ: Latin i, Y, h stand in for them inside words.
    assert cyrillic_to_latin("бiлiм, шаhар, Yкімет", "2021") == "bılım, şahar, Ükımet"


KAZAKH_TEXT = st.text(
    # No braces: "{Ё}" is a placeholder, which passes untouched by design; nor "][" or "](":
    # "[a][Ё]" is a link whose label must still match its definition, and "[a](Ё)" one whose
    # address must still lead where it did (tests below).
    alphabet=KAZAKH_CYRILLIC + KAZAKH_CYRILLIC.upper() + " .,-«»:0123456789%()[]*_#/abcXYZ",
    max_size=60,
).filter(lambda text: "][" not in text and "](" not in text)


def test_a_link_label_stays_as_its_definition_has_it() -> None:
    assert cyrillic_to_latin("[сілтеме][Ё] мен [мына][1]", "2021") == "[sılteme][Ё] men [myna][1]"


def test_a_link_address_stays_as_written() -> None:
    assert (
        cyrillic_to_latin("[сілтеме](https://мысал.kz/жол) мен", "2021")
        == "[sılteme](https://мысал.kz/жол) men"
    )


@given(KAZAKH_TEXT)
def test_any_kazakh_text_comes_out_latin(text: str) -> None:
    for alphabet in ("2021", "2018"):
        assert not CYRILLIC.search(cyrillic_to_latin(text, alphabet))


def test_the_alphabet_of_a_latin_page_is_recognised(shared: Path) -> None:
    (adyrna,) = news(shared, "kk-latn-adyrna-*.txt")
    (qz,) = news(shared, "kk-latn-qz-*.txt")
    assert guess_alphabet(adyrna.read_text("utf-8")) == "2021"
    assert guess_alphabet(qz.read_text("utf-8")) == "2018"
    assert guess_alphabet("Almaty") is None
    for path in cyrillic_excerpts(shared):
        for alphabet in ("2021", "2018"):
            text = cyrillic_to_latin(path.read_text("utf-8"), alphabet)
            assert guess_alphabet(text) == alphabet
