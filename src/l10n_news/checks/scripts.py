"""Which script a letter belongs to, and words that mix look-alike letters of two scripts.

A Kazakh word typed as «Мəдениет» (with ə, U+0259 LATIN SMALL LETTER SCHWA) or «OТAНДЫҚ» (Latin
O and A) looks right on the page but defeats search, spelling and translation memory. Letters
are classified by their Unicode name, so every Latin block counts (IPA Extensions, Latin
Extended-A..E, Additional), not only U+0000..U+024F; Greek counts too, since ο and α pass for o/а.

This module has no dependencies so that the leak check (`publish/leaks.py`) can call it too:

- `script_of(ch)` -> "Cyrl", "Latn", "Grek" or None (not a letter of those scripts);
- `mixed_words(text, expected)` -> every `MixedWord` of `text`, with the suggested spelling in
  the word's main script (`expected`, "Cyrl" or "Latn", settles a tie);
- `lookalike(ch, script, lang)` -> the letter of `script` that `ch` passes for, or None;
- `only_basic_letters(text, script)` -> whether all letters are in that script's basic block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SCRIPT_PREFIXES = (("CYRILLIC", "Cyrl"), ("LATIN", "Latn"), ("GREEK", "Grek"))

# Letters that pass for a letter of another script, by the script they are read as.
_AS_CYRILLIC = dict(
    zip(
        "aceopxyiјhsəɵæ" "ABCEHKMOPTXIƏƟ" "αοεκρτχΑΒΕΗΚΜΟΡΤΧ",
        "асеорхуіјһѕәөӕ" "АВСЕНКМОРТХІӘӨ" "аоекртхАВЕНКМОРТХ",
        strict=True,
    )
)
_AS_LATIN = dict(
    zip(
        "аеорсхуіјһѕԁәө" "АВЕКМНОРСТХІЈЅ" "αοερχΑΒΕΗΚΜΟΡΤΧ",
        "aeopcxyijhsdəɵ" "ABEKMHOPCTXIJS" "aoepxABEHKMOPTX",
        strict=True,
    )
)
# Latin Y stands for Kazakh Ү (straight u) in Kazakh, for У in Russian.
_AS_CYRILLIC_BY_LANG = {"kk": {"Y": "Ү", "y": "у"}, "ru": {"Y": "У", "y": "у"}}

_WORD_RE = re.compile(r"[^\W\d_]+")
# A letter outside the basic Cyrillic block (U+0400-U+04FF, where every Russian and Kazakh
# letter is), or outside basic Latin.
_OUTSIDE_BASIC = {
    "Cyrl": re.compile(r"[^\W\d_\u0400-\u04ff]"),
    "Latn": re.compile(r"[^\W\d_A-Za-z]"),
}


def only_basic_letters(text: str, script: str) -> bool:
    """Whether every letter of `text` is in the basic block of `script` ("Cyrl" or "Latn"):
    a look that spares most texts the letter-by-letter `script_of`."""
    return _OUTSIDE_BASIC[script].search(text) is None


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """"Cyrl", "Latn" or "Grek" for a letter of that script (any Unicode block); else None."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return None


def lookalike(ch: str, script: str, lang: str | None = None) -> str | None:
    """The letter of `script` ("Cyrl" or "Latn") that `ch` passes for, or None."""
    if script == "Cyrl":
        found = _AS_CYRILLIC_BY_LANG.get(lang or "", {}).get(ch) or _AS_CYRILLIC.get(ch)
    elif script == "Latn":
        found = _AS_LATIN.get(ch)
    else:
        return None
    return found or None


@dataclass(frozen=True)
class MixedWord:
    """A word whose letters come from more than one script."""

    word: str
    start: int  # offset in the text
    script: str  # the word's main script ("Cyrl" or "Latn")
    foreign: tuple[str, ...]  # the letters of other scripts, in order
    suggestion: str | None  # the word with every foreign letter replaced, when each has a twin

    def describe(self) -> str:
        letters = ", ".join(f"{ch} U+{ord(ch):04X}" for ch in dict.fromkeys(self.foreign))
        fix = f" (write «{self.suggestion}»)" if self.suggestion else ""
        return f"«{self.word}» mixes scripts: {letters}{fix}"


def _main_script(word: str, counts: dict[str, int], expected: str | None, lang: str | None) -> str:
    """The script the word is written in: one whose look-alikes can stand for every other
    letter («oдaқтac» is Cyrillic, for қ and д have no Latin twin); then `expected`; then most."""

    def fits(script: str) -> bool:
        return all(
            lookalike(ch, script, lang) for ch in word if script_of(ch) not in (None, script)
        )

    candidates = [s for s in counts if s in ("Cyrl", "Latn") and fits(s)] or list(counts)
    if expected in candidates:
        return expected  # type: ignore[return-value]
    return max(candidates, key=lambda s: (counts[s], s == "Cyrl"))


@lru_cache(maxsize=65536)  # words recur across units and languages; the answer is immutable
def mixed_word(word: str, expected: str | None = None, lang: str | None = None) -> MixedWord | None:
    """`word` as a MixedWord when it mixes scripts, else None."""
    counts: dict[str, int] = {}
    for ch in word:
        script = script_of(ch)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if len(counts) < 2:
        return None
    main = _main_script(word, counts, expected, lang)
    foreign = tuple(ch for ch in word if script_of(ch) not in (None, main))
    fixed = [lookalike(ch, main, lang) if script_of(ch) not in (None, main) else ch for ch in word]
    suggestion = None if None in fixed else "".join(fixed)  # type: ignore[arg-type]
    return MixedWord(word, 0, main, foreign, suggestion)


def mixed_words(text: str, expected: str | None = None, lang: str | None = None) -> list[MixedWord]:
    """Every word of `text` that mixes scripts (hyphened parts such as «Telegram-дағы» apart)."""
    if only_basic_letters(text, "Cyrl") or only_basic_letters(text, "Latn"):
        return []  # one script
    if len({script_of(ch) for ch in set(text)} - {None}) < 2:
        return []  # a text in one script has no word in two
    found = []
    for m in _WORD_RE.finditer(text):
        word = mixed_word(m.group(0), expected, lang)
        if word is not None:
            found.append(
                MixedWord(word.word, m.start(), word.script, word.foreign, word.suggestion)
            )
    return found
