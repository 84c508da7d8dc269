"""Anchors: what a unit and its translation visibly share, whatever the two languages.

Three kinds, from weakest to strongest evidence that two units render each other:

- **names**: capitalised words not opening a sentence, romanised (Cyrillic to Latin) and
  compared whole with rapidfuzz, so "Abenova" meets "Абеновой" and "Medeu" meets
  "Медеуском", while "Saule" does not meet "Sauran";
- **numbers**, which a translation keeps as they are;
- **glossary terms**: a term on the source side whose required (or accepted) rendering is on
  the target side, e.g. "Harmony Lessons" and «Уроки гармонии». Lowercase words and quoted
  titles escape the name test, so the glossary is what pairs them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from l10n_news.glossary import Glossary
from l10n_news.importers.draft import transliterate

# Two romanised names are the same when this similar (0-100), whole or once the longer one is
# cut to the shorter's length (Russian and Kazakh add case endings: Abenova, Abenovoi).
NAME_SIMILARITY = 84.0
NAME_MIN_LETTERS = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_OPENERS = '.!?:«"“—„('
# English capitalises months and weekdays, Russian and Kazakh do not: they are no names.
_NOT_NAMES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


# Spellings that differ between romanisations of one name (Kazakhstan, Қазақстан -> qazaqstan;
# Yerlan, Ерлан -> erlan): folded the same way on both sides before comparing.
_FOLDS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("q", "k"), ("ts", "c"), ("y", "i"), ("w", "v"))


def fold(name: str) -> str:
    for spelling, folded in _FOLDS:
        name = name.replace(spelling, folded)
    return name


def numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUMBER.findall(text)}


def names(text: str) -> list[str]:
    """Romanised, lowercased, folded names: capitalised words that do not open a sentence."""
    found: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        before = text[: m.start()].rstrip()[-1:]
        if not before or before in _SENTENCE_OPENERS:
            continue
        capitalised = word[0].isupper() and len(word) >= NAME_MIN_LETTERS
        if capitalised and word.lower() not in _NOT_NAMES:
            found.append(fold(transliterate(word)))
    return found


@functools.lru_cache(maxsize=65536)  # an article repeats its names in many units
def same_name(a: str, b: str) -> bool:
    """Whether two romanised names are one name, allowing a case ending on either."""
    if fuzz.ratio(a, b) >= NAME_SIMILARITY:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and fuzz.ratio(short, long_[: len(short)]) >= NAME_SIMILARITY


def shared_names(source: list[str], target: list[str]) -> int:
    """How many names pair up one to one between the two sides."""
    left = list(dict.fromkeys(target))
    count = 0
    for name in dict.fromkeys(source):
        match = next((t for t in left if same_name(name, t)), None)
        if match is not None:
            left.remove(match)
            count += 1
    return count


@dataclass(frozen=True)
class UnitAnchors:
    """The anchors of one unit (or of consecutive units joined)."""

    numbers: frozenset[str]
    names: tuple[str, ...]
    terms: frozenset[int]  # indexes of glossary terms found (see GlossaryAnchors)

    def __or__(self, other: UnitAnchors) -> UnitAnchors:
        return UnitAnchors(
            self.numbers | other.numbers, self.names + other.names, self.terms | other.terms
        )


NO_ANCHORS = UnitAnchors(frozenset(), (), frozenset())


class GlossaryAnchors:
    """Finds, in each language of a pair, the glossary terms that have a form in both."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str) -> None:
        self.glossary = glossary
        self.langs = (source_lang, target_lang)
        # Only terms with a form on both sides can anchor: the others would always disagree.
        self._index = {
            id(term): n
            for n, term in enumerate(glossary.terms)
            if term.accepted(source_lang) and term.accepted(target_lang)
        }

    def find(self, text: str, side: int) -> tuple[frozenset[int], str]:
        """(indexes of the terms in `text`, `text` with those terms masked).

        Masking keeps a term's capitalised words ("Harmony Lessons") from also counting as
        names that the other side, which renders them in lowercase, could never match.
        """
        if not self._index:
            return frozenset(), text
        found: set[int] = set()
        masked = text
        for match in reversed(self.glossary.find(text, self.langs[side])):
            n = self._index.get(id(match.term))
            if n is not None:
                found.add(n)
                masked = masked[: match.start] + "term" + masked[match.end :]
        return frozenset(found), masked


def unit_anchors(text: str, glossary: GlossaryAnchors | None = None, side: int = 0) -> UnitAnchors:
    """The anchors of `text`; `side` is 0 for the source language, 1 for the target."""
    terms, text = glossary.find(text, side) if glossary else (frozenset(), text)
    return UnitAnchors(frozenset(numbers(text)), tuple(names(text)), terms)


def overlap(a: UnitAnchors, b: UnitAnchors) -> float | None:
    """Jaccard overlap of all anchors, names matched fuzzily; None when neither side has any."""
    exact_a = a.numbers | {f"term{t}" for t in a.terms}
    exact_b = b.numbers | {f"term{t}" for t in b.terms}
    matched_names = shared_names(list(a.names), list(b.names))
    shared = len(exact_a & exact_b) + matched_names
    total = len(exact_a | exact_b) + len(set(a.names)) + len(set(b.names)) - matched_names
    return shared / total if total else None


def number_overlap(a: UnitAnchors, b: UnitAnchors) -> float | None:
    union = a.numbers | b.numbers
    return len(a.numbers & b.numbers) / len(union) if union else None
