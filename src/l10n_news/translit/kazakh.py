"""Kazakh Cyrillic -> Latin transliteration (2021 or 2018 alphabet), and back where unambiguous.

The letters come from the tables in `kazakh_latin.toml` (their source is named there); the
rules here are what a letter table cannot say on its own:

- capitals: a capital letter written with two Latin letters is "Sh"/"İa" in a capitalised word
  and "SH"/"İA" in an ALL-CAPS word; the two i's capitalise as the alphabet says (2021: i -> İ).
- look-alikes: Kazakh pages mix Latin A, O, C, ... into Cyrillic words ("КCРO"); inside a
  Cyrillic word such a letter is read as its Cyrillic twin ("KSRO", not "KCRO").
- ъ ь are dropped; ё ю я, ц ч щ (Russian loanwords) are written with two letters.
- Latin words (brands, names, domains) and what `engines.protect` protects (URLs, numbers,
  Markdown, HTML, placeholders, and the `keep` terms) pass untouched.

The way back is ambiguous for whole classes of words (2021 "i" is и or й, "h" is х or һ, "e"
is е or э; 2018 capital "I" is и, й or і; a dropped ь cannot come back), so
`latin_to_cyrillic` answers only when every word has a single reading, and `reverse_problems`
says which words do not. One orthographic fact narrows the readings: Cyrillic Kazakh writes э
only at the start of a word or after a vowel, so "e" after a consonant is е.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from l10n_news.engines.protect import protect
from l10n_news.errors import ConfigError

ALPHABETS = ("2021", "2018")
DEFAULT_ALPHABET = "2021"

# A word: letters with any combining marks (a decomposed й is и + U+0306).
_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Latin letters that look like a Cyrillic one, as Kazakh pages mix them into Cyrillic words.
HOMOGLYPHS = {
    "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н",
    "I": "І", "i": "і", "K": "К", "M": "М", "O": "О", "o": "о", "P": "Р", "p": "р",
    "T": "Т", "X": "Х", "x": "х", "y": "у", "Y": "Ү", "h": "һ",
}  # fmt: skip

# Names of the rules, as counted by `transliterate`.
RULE_LOOKALIKE = "look-alike letter"
RULE_CAPITAL_PAIR = "capital written with two letters"
RULE_ALL_CAPS = "ALL-CAPS word"
RULE_SIGN = "ъ/ь dropped"
RULE_IOTATED = "ё/ю/я as two letters"
RULE_LOAN_LETTER = "ц/ч/щ as loanword letters"
RULE_I_MERGED = "и/й written alike"
RULE_I_CAPITAL = "capital i as the alphabet writes it"
# Rules that depend on the letter's neighbours, not on the letter alone.
CONTEXT_RULES = (RULE_LOOKALIKE, RULE_CAPITAL_PAIR, RULE_ALL_CAPS)


@dataclass(frozen=True)
class Alphabet:
    code: str
    name: str
    source: str
    letters: dict[str, str]  # lowercase Cyrillic letter -> lowercase Latin
    capitals: dict[str, str]  # Latin lowercase -> capital where str.upper is wrong (i -> İ)
    variants: dict[str, str]  # other sites' letters -> the official one (read back only)

    def upper(self, latin: str) -> str:
        return "".join(self.capitals.get(ch, ch.upper()) for ch in latin)

    def capitalize(self, latin: str) -> str:
        return self.upper(latin[:1]) + latin[1:]


@cache
def load_alphabet(code: str = DEFAULT_ALPHABET) -> Alphabet:
    """The letter table of one alphabet; ConfigError for an unknown one."""
    code = str(code)
    if code not in ALPHABETS:
        raise ConfigError(f"unknown Kazakh Latin alphabet {code!r} (known: {', '.join(ALPHABETS)})")
    data = tomllib.loads(files(__package__).joinpath("kazakh_latin.toml").read_text("utf-8"))
    table = data[code]
    return Alphabet(
        code=code,
        name=table["name"],
        source=" ".join(table["source"].split()),
        letters=dict(table["letters"]),
        capitals=dict(table["capitals"]),
        variants=dict(table["variants"]),
    )


@dataclass
class Transliteration:
    """The Latin text, and which rules its Cyrillic words needed (rule -> number of words)."""

    text: str
    words: int = 0  # Cyrillic words transliterated
    rules: Counter[str] = field(default_factory=Counter)
    context_words: int = 0  # words that needed at least one of CONTEXT_RULES
    examples: dict[str, str] = field(default_factory=dict)  # rule -> first word it changed


def transliterate(
    text: str, alphabet: str = DEFAULT_ALPHABET, *, keep: Iterable[str] = ()
) -> Transliteration:
    """`text` in Latin-script Kazakh, with the rules each word needed."""
    table = load_alphabet(alphabet)
    protected = protect(text, keep_terms=tuple(keep))
    result = Transliteration("")
    matches = list(_WORD.finditer(protected.text))
    caps = _all_caps_words([m.group() for m in matches])
    pieces: list[str] = []
    end = 0
    for match, all_caps in zip(matches, caps, strict=True):
        pieces.append(protected.text[end : match.start()])
        end = match.end()
        original = match.group()
        if not _CYRILLIC.search(original):
            pieces.append(original)  # a Latin word, a token: not ours to change
            continue
        latin, rules = _word_to_latin(unicodedata.normalize("NFC", original), table, all_caps)
        pieces.append(latin)
        result.words += 1
        result.rules.update(rules)
        for rule in rules:
            result.examples.setdefault(rule, original)
        if rules & set(CONTEXT_RULES):
            result.context_words += 1
    pieces.append(protected.text[end:])
    result.text = protected.restore("".join(pieces))
    return result


def _all_caps_words(words: list[str]) -> list[bool]:
    """Which words are written in capitals: two or more capitals and no small letter, or a
    lone capital beside such a word («Ш.АЙМАНОВ», «Я ЖӘНЕ СЕН» are headings, «Ш.Айманов» not).
    """
    cased = [[ch for ch in word if ch.isupper() or ch.islower()] for word in words]
    long_caps = [len(c) > 1 and all(ch.isupper() for ch in c) for c in cased]
    result = list(long_caps)
    for i, letters in enumerate(cased):
        if len(letters) == 1 and letters[0].isupper():
            result[i] = (i > 0 and long_caps[i - 1]) or (i + 1 < len(words) and long_caps[i + 1])
    return result


def cyrillic_to_latin(
    text: str, alphabet: str = DEFAULT_ALPHABET, *, keep: Iterable[str] = ()
) -> str:
    """`text` in Latin-script Kazakh; Latin words, URLs, numbers, markup and `keep` untouched."""
    return transliterate(text, alphabet, keep=keep).text


def _word_to_latin(word: str, table: Alphabet, all_caps: bool) -> tuple[str, set[str]]:
    rules: set[str] = set()
    letters = list(word)
    latin_letters = [ch for ch in letters if not _CYRILLIC.match(ch)]
    if latin_letters and all(ch in HOMOGLYPHS for ch in latin_letters):
        letters = [HOMOGLYPHS.get(ch, ch) for ch in letters]
        rules.add(RULE_LOOKALIKE)
    out: list[str] = []
    for ch in letters:
        lower = ch.lower()
        latin = table.letters.get(lower)
        if latin is None:
            out.append(ch)  # a Latin letter kept from a mixed word, or a letter we do not know
            continue
        rules.update(_letter_rules(lower))
        if ch == lower or not latin:
            out.append(latin)
        elif len(latin) == 1:
            out.append(table.upper(latin))
            if latin in table.capitals:
                rules.add(RULE_I_CAPITAL)  # str.upper would write "I" for 2021 и
        elif all_caps:
            out.append(table.upper(latin))
            rules.add(RULE_ALL_CAPS)
        else:
            out.append(table.capitalize(latin))
            rules.add(RULE_CAPITAL_PAIR)
    return "".join(out), rules


def _letter_rules(lower: str) -> set[str]:
    if lower in "ъь":
        return {RULE_SIGN}
    if lower in "ёюя":
        return {RULE_IOTATED}
    if lower in "цчщ":
        return {RULE_LOAN_LETTER}
    if lower in "ий":
        return {RULE_I_MERGED}
    return set()


# --- the way back --------------------------------------------------------------------------

# Letters only one of the alphabets has (adyrna.kz/lt's ŋ ǧ count for 2021).
_ONLY_IN = {"2021": set("äğñöūüşİŋǧÄĞÑÖŪÜŞŊǦ"), "2018": set("áǵńóúýÁǴŃÓÚÝ")}


def guess_alphabet(text: str) -> str | None:
    """Which Latin alphabet a Kazakh text is written in, by the letters only one of them has;
    None when it has none of them, or as many of one as of the other."""
    counts = {code: sum(ch in letters for ch in text) for code, letters in _ONLY_IN.items()}
    best = max(counts, key=lambda code: counts[code])
    others = [n for code, n in counts.items() if code != best]
    return best if counts[best] and all(counts[best] > n for n in others) else None


@dataclass(frozen=True)
class ReverseProblem:
    word: str
    why: str

    def __str__(self) -> str:
        return f"«{self.word}» {self.why}"


@cache
def _reverse_table(alphabet: str) -> dict[str, frozenset[str]]:
    """Latin spelling (as written: lower, Capitalised, ALL CAPS) -> the Cyrillic it can be."""
    table = load_alphabet(alphabet)
    readings: dict[str, set[str]] = {}
    for cyr, latin in table.letters.items():
        if not latin:
            continue  # ъ ь leave nothing to read back
        for spelled, letter in (
            (latin, cyr),
            (table.capitalize(latin), cyr.upper()),
            (table.upper(latin), cyr.upper()),
        ):
            readings.setdefault(spelled, set()).add(letter)
    return {k: frozenset(v) for k, v in readings.items()}


_LATIN_VOWELS = frozenset("aäeiıoöuūüyáóúýAÄEIİOÖUŪÜYÁÓÚÝ")


def _readings(word: str, alphabet: str, limit: int = 2) -> set[str]:
    """Up to `limit` distinct Cyrillic spellings of one Latin word (empty: not Kazakh Latin)."""
    table = _reverse_table(alphabet)
    longest = max(len(k) for k in table)
    # ways[i]: the spellings of word[i:], at most `limit` of them.
    ways: list[set[str]] = [set() for _ in range(len(word) + 1)]
    ways[len(word)] = {""}
    for start in range(len(word) - 1, -1, -1):
        found: set[str] = set()
        for size in range(1, longest + 1):
            piece = word[start : start + size]
            if len(piece) < size or piece not in table:
                continue
            for cyr in _plausible(table[piece], word, start):
                for rest in ways[start + size]:
                    if len(found) < limit:
                        found.add(cyr + rest)
        ways[start] = found
    return ways[0]


def _plausible(letters: frozenset[str], word: str, start: int) -> frozenset[str] | set[str]:
    """Cyrillic orthography writes э only at the start of a word or after a vowel."""
    if len(letters) > 1 and start > 0 and word[start - 1] not in _LATIN_VOWELS:
        return {ch for ch in letters if ch not in "эЭ"}
    return letters


def reverse_problems(
    text: str, alphabet: str = DEFAULT_ALPHABET, *, keep: Iterable[str] = ()
) -> list[ReverseProblem]:
    """The words of a Latin-script Kazakh text that have no single Cyrillic reading."""
    load_alphabet(alphabet)
    protected = protect(_official_letters(text, alphabet), keep_terms=tuple(keep))
    problems: list[ReverseProblem] = []
    for match in _WORD.finditer(protected.text):
        word = match.group()
        if _CYRILLIC.search(word) or re.fullmatch(r"X\d*X?", word):
            continue
        readings = _readings(word, alphabet)
        if not readings:
            problems.append(ReverseProblem(word, "is not Kazakh Latin (a name to keep?)"))
        elif len(readings) > 1:
            problems.append(ReverseProblem(word, f"reads as {' or '.join(sorted(readings))}"))
    return problems


def latin_to_cyrillic(
    text: str, alphabet: str = DEFAULT_ALPHABET, *, keep: Iterable[str] = ()
) -> str | None:
    """Cyrillic Kazakh for a Latin-script text, or None when any word has several readings.

    For the importer of Latin-script pages: None means "ambiguous, ask a person" (see
    `reverse_problems` for which words). Protected spans and `keep` terms pass untouched.
    """
    if reverse_problems(text, alphabet, keep=keep):
        return None
    protected = protect(_official_letters(text, alphabet), keep_terms=tuple(keep))

    def word(match: re.Match[str]) -> str:
        found = match.group()
        if _CYRILLIC.search(found) or re.fullmatch(r"X\d*X?", found):
            return found
        return next(iter(_readings(found, alphabet)))

    return protected.restore(_WORD.sub(word, protected.text))


def _official_letters(text: str, alphabet: str) -> str:
    variants = load_alphabet(alphabet).variants
    text = unicodedata.normalize("NFC", text)
    return "".join(variants.get(ch, ch) for ch in text) if variants else text
