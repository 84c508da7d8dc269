"""Hunspell dictionaries of our languages, loaded once and only when a check asks for a word.

Debian's `hunspell-ru`, `hunspell-kk` and `hunspell-en-us` put ru_RU, kk_KZ and en_US in
/usr/share/hunspell. They are read through the `hunspell` binding (pyhunspell, libhunspell:
a dictionary loads in ~50 ms) when it is installed, else through `spylls`, a pure-Python
Hunspell that always installs but takes seconds to load a dictionary. Without the dictionary
files the spelling checks report nothing (`available(lang)` says so).

The Kazakh dictionary knows stems and a few endings, but not the stacked endings of real text
(«көшесіне», «жарыстарда»): `known("kk", word)` also accepts a word whose stem, once common
inflectional endings are taken off, is in the dictionary.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DICTIONARY_NAMES = {"ru": "ru_RU", "kk": "kk_KZ", "en": "en_US"}

# Plural, possessive, case and common verb/derivation endings, longest first.
_KK_ENDING_LIST = (
    "лар лер дар дер тар тер ым ім м ың ің ң ы і сы сі мыз міз ымыз іміз ңыз ңіз "
    "ыңыз іңіз ның нің дың дің тың тің ға ге қа ке а е на не ны ні ды ді ты ті н "
    "да де та те нда нде дан ден тан тен нан нен мен бен пен ған ген қан кен дық "
    "дік тық тік лық лік шы ші сыз сіз ғы гі қы кі дағы дегі тағы тегі ндағы ндегі "
    "ады еді йды йді мақ мек бақ бек пақ пек у ып іп п атын етін йтын йтін уда уде "
    "ушы уші сын сін ылған ілген лған лген етін атын мыз міз ймыз йміз уі уы ын ін "
    "ша ше ла ле"
)
_KK_ENDINGS = tuple(sorted(set(_KK_ENDING_LIST.split(" ")), key=len, reverse=True))
_MIN_STEM = 3


class SpellDictionary(Protocol):
    def lookup(self, word: str) -> bool: ...


class _HunspellBinding:
    def __init__(self, base: Path) -> None:
        import hunspell  # type: ignore[import-not-found]

        self._dic = hunspell.HunSpell(str(base.with_suffix(".dic")), str(base.with_suffix(".aff")))

    def lookup(self, word: str) -> bool:
        return bool(self._dic.spell(word))


class _Spylls:
    def __init__(self, base: Path) -> None:
        from spylls.hunspell import Dictionary

        self._dic = Dictionary.from_files(str(base))

    def lookup(self, word: str) -> bool:
        return bool(self._dic.lookup(word))


def dictionary_path(lang: str) -> Path | None:
    """The path (without .dic/.aff) of `lang`'s Hunspell dictionary, or None."""
    name = DICTIONARY_NAMES.get(lang)
    if name is None:
        return None
    for folder in DICTIONARY_DIRS:
        if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
            return folder / name
    return None


def available(lang: str) -> bool:
    return dictionary_path(lang) is not None


@cache
def dictionary(lang: str) -> SpellDictionary | None:
    """`lang`'s dictionary, loaded on first use and kept for the process."""
    base = dictionary_path(lang)
    if base is None:
        return None
    try:
        return _HunspellBinding(base)
    except ImportError:
        return _Spylls(base)


@lru_cache(maxsize=65536)
def known(lang: str, word: str) -> bool:
    """Whether `lang`'s dictionary knows `word` (as written, or lowercased at a capital)."""
    dic = dictionary(lang)
    if dic is None:
        return False
    if dic.lookup(word) or (word[:1].isupper() and dic.lookup(word.lower())):
        return True
    return lang == "kk" and _known_stem(word.lower(), 3)


@lru_cache(maxsize=65536)
def _known_stem(word: str, depth: int) -> bool:
    dic = dictionary("kk")
    assert dic is not None
    for ending in _KK_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            # A loanword drops its soft sign before an ending: фестиваль -> фестивалі.
            if dic.lookup(stem) or dic.lookup(stem + "ь"):
                return True
            if depth > 1 and _known_stem(stem, depth - 1):
                return True
    return False
