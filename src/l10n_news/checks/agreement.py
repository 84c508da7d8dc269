"""The noun after a number written in digits, in the form the number asks for.

Russian (pymorphy3 with its OpenCorpora dictionary): after 1, 21, 31… a singular; after 2–4,
22–24… a genitive singular («2 фильма») or, in an oblique case, a plural («о 3 фильмах»);
after 0, 5–20, 25… a plural in any case but the nominative («48 фильмов», not «48 фильма»).
A word that is not first of all a noun, an indeclinable one («10 тенге»), a month or «год»
after a number (a date: «19 февраля», «2013 года») and a number after «№» are left alone.

Kazakh: a noun after a number stays singular («5 пікір», not «5 пікірлер»). There is no Kazakh
morphological analyser on PyPI or in Debian, so the plural ending is found by its shape
(-лар/-лер/-дар/-дер/-тар/-тер, then any endings) and the word without it must be in the
Hunspell dictionary; «1990 жылдары» ("in the 1990s") is idiomatic and left alone.
English is not checked («1 films» is rare in translation and needs a tagger).
"""

from __future__ import annotations

import re
from functools import lru_cache

from l10n_news.checks import dictionaries
from l10n_news.checks.base import DIGIT_RUNS, HAS_DIGIT, CheckInput

_NUMBER_WORD_RE = re.compile(
    r"(?<![\d,.\u00a0\u202f№-])(?<!№ )(?<!№\u00a0)(\d+)[ \u00a0]([^\W\d_]+)(?![-\w])"
)
_MONTHS = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
_RU_SKIP_LEMMAS = frozenset(("год", *_MONTHS.split(" ")))
_NON_NOMINATIVE = frozenset({"gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "acc2"})
_KK_PLURAL_RE = re.compile(
    r"^(?P<stem>[^\W\d_]{2,})(?P<plural>лар|лер|дар|дер|тар|тер)(?P<rest>\w*)$"
)
# The last number of a list («№ 4, 34, 102 бағдарлары»; «2 и 3 фильма») governs no noun alone.
_LIST_BEFORE_RE = re.compile(r"\d\s*(?:[,;–-]|и|мен|және|немесе|или)\s*$")
_LIST_WINDOW = 64  # characters before a number where the end of a list is looked for


def _allowed(n: int, number: str, case: str) -> bool:
    """Whether a noun in `number` and `case` may follow the digits `n` (Russian)."""
    if n % 10 == 1 and n % 100 != 11:
        return number == "sing"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 and (number, case) == ("sing", "gent"):
        return True
    return number == "plur" and case in _NON_NOMINATIVE


def russian_agreement(n: int, word: str) -> str | None:
    """The form `word` should take after `n`, when the one written cannot follow it; else None."""
    # Only the last two digits matter to the rule: 48 and 1048 agree alike.
    key = f"{n % 100 + (100 if n >= 100 else 0)} {word.lower()}"
    found = dictionaries.remembered("agree", "ru", key, lambda: _agreement(n, word) or "")
    return found or None


@lru_cache(maxsize=4096)
def _agreement(n: int, word: str) -> str | None:
    morphology = dictionaries.russian_morphology()
    # Only the dictionary's own readings count (below); a word it lacks would be guessed by
    # analogy, which costs more than the whole check of a unit.
    if not morphology.word_is_known(word.lower()):
        return None
    parses = morphology.parse(word.lower())
    if not parses or "NOUN" not in parses[0].tag:
        return None
    nouns = [p for p in parses if "NOUN" in p.tag and p.is_known]  # no guesses («тенге»)
    if not nouns:
        return None
    for p in nouns:
        tag = p.tag
        if p.normal_form in _RU_SKIP_LEMMAS or {"Fixd", "Pltm", "Abbr"} & tag.grammemes:
            return None
        if len({form.word for form in p.lexeme}) == 1:
            return None  # indeclinable («тенге»)
        if _allowed(n, str(tag.number), str(tag.case)):
            return None
    best = nouns[0].inflect({"sing", "nomn"}) or nouns[0]
    agreed = best.make_agree_with_number(n)
    return agreed.word if agreed else None


@lru_cache(maxsize=4096)
def kazakh_singular(word: str) -> str | None:
    """The plural ending of `word` when it is a plural noun, else None."""
    m = _KK_PLURAL_RE.match(word.lower())
    if m is None or not dictionaries.available("kk"):
        return None
    stem, rest = m.group("stem"), m.group("rest")
    if stem.startswith("жыл") or not dictionaries.known("kk", stem):
        return None
    if dictionaries.known("kk", word.lower()) and not dictionaries.known("kk", stem + rest):
        return None  # a word that merely ends like a plural
    return m.group("plural")


def check_agreement(item: CheckInput) -> list[str]:
    lang = item.target_lang
    if lang not in ("ru", "kk") or not HAS_DIGIT(item.target):
        return []
    problems = []
    text = item.target
    # Tried at the start of each run of digits only, where a match can begin (the pattern
    # refuses a digit before it): cheaper than scanning every place of the text.
    found = (_NUMBER_WORD_RE.match(text, run.start()) for run in DIGIT_RUNS.finditer(text))
    for m in filter(None, found):
        n, word = int(m.group(1)), m.group(2)
        if _LIST_BEFORE_RE.search(text, max(0, m.start() - _LIST_WINDOW), m.start()):
            continue
        if lang == "ru":
            fixed = russian_agreement(n, word)
            if fixed and fixed != word.lower():
                problems.append(f"«{n} {word}»: after {n} write «{n} {fixed}»")
        else:
            plural = kazakh_singular(word)
            if plural:
                problems.append(
                    f"«{n} {word}»: a noun after a number is singular (without -{plural})"
                )
    return problems
