"""Hunspell dictionaries of our languages, loaded once and only when a check asks for a word.

Debian's `hunspell-ru`, `hunspell-kk`, `hunspell-en-us` and `hunspell-en-gb` put ru_RU, kk_KZ,
en_US and en_GB in /usr/share/hunspell (English may be spelt either way: «programme»). They
are read through the `hunspell` binding (pyhunspell over libhunspell: a dictionary loads in
~50 ms) when it is installed, else through `spylls`, a pure-Python Hunspell that always
installs but takes seconds to load a dictionary. Without the dictionary files the spelling
checks report nothing (`available(lang)` says so).

Verdicts are kept in a workspace cache (`open_cache` / `save_cache`, called by `check`), so a
rerun that meets no new word loads no dictionary at all.

The Kazakh dictionary knows stems and a few endings, but not the stacked endings of real text
(«көшесіне», «жарыстарда»): `known("kk", word)` also accepts a word whose stem, once common
inflectional endings are taken off, is in the dictionary.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DICTIONARY_NAMES = {"ru": ("ru_RU",), "kk": ("kk_KZ",), "en": ("en_US", "en_GB")}

# Plural, possessive, case and common verb/derivation endings, longest first.
_KK_ENDING_LIST = (
    "лар лер дар дер тар тер ым ім м ың ің ы і сы сі мыз міз ымыз іміз ңыз ңіз "
    "ыңыз іңіз ның нің дың дің тың тің ға ге қа ке а е на не ны ні ды ді ты ті "
    "да де та те нда нде дан ден тан тен нан нен мен бен пен ған ген қан кен дық "
    "дік тық тік лық лік шы ші сыз сіз ғы гі қы кі дағы дегі тағы тегі ндағы ндегі "
    "ады еді йды йді мақ мек бақ бек пақ пек у ып іп п атын етін йтын йтін уда уде "
    "ушы уші сын сін ылған ілген лған лген етін атын мыз міз ймыз йміз уі уы ын ін "
    "ша ше ла ле май мей бай бей пай пей са се сақ сек сам сем дай дей тай тей ыш іш"
)
# A stem's last consonant voices before a vowel ending: саябақ -> саябағында, жабдық -> жабдығы.
_VOICED = {"ғ": "қ", "г": "к", "б": "п"}
_KK_ENDINGS = tuple(sorted(set(_KK_ENDING_LIST.split(" ")), key=len, reverse=True))
_MIN_STEM = 3
# Compounds news writes as one word: «киноклуб», «медиахолдинг», «телеарна».
_PREFIXES = (
    "кино", "видео", "фото", "медиа", "теле", "радио", "аудио", "авто", "эко", "веб", "пост",
    "тепло", "электро", "гидро", "энерго",
)  # fmt: skip


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


def dictionary_paths(lang: str) -> list[Path]:
    """The paths (without .dic/.aff) of `lang`'s Hunspell dictionaries that are installed."""
    found = []
    for name in DICTIONARY_NAMES.get(lang, ()):
        for folder in DICTIONARY_DIRS:
            if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
                found.append(folder / name)
                break
    return found


@cache  # asked once per unit checked; what is installed does not change while we run
def available(lang: str) -> bool:
    return bool(dictionary_paths(lang))


def _load(base: Path) -> SpellDictionary:
    try:
        return _HunspellBinding(base)
    except ImportError:
        return _Spylls(base)


@cache
def russian_morphology():  # type: ignore[no-untyped-def]
    """pymorphy3's Russian analyser (OpenCorpora), loaded once, on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@cache
def dictionaries(lang: str) -> tuple[SpellDictionary, ...]:
    """`lang`'s dictionaries, loaded on first use and kept for the process."""
    return tuple(_load(base) for base in dictionary_paths(lang))


def _lookup(lang: str, word: str) -> bool:
    return any(dic.lookup(word) for dic in dictionaries(lang))


# Verdicts kept between runs: "kind lang word" -> a JSON value, for one set of dictionary
# files and one version of the rules here and in spelling.py (raise CACHE_VERSION on change).
CACHE_VERSION = 1
_verdicts: dict[str, object] = {}
_fresh: dict[str, object] = {}  # verdicts found since the last `take_fresh`
_cache_state: dict[str, object] = {"path": None, "dirty": False}


@cache  # asked by every findings cache and spelling cache of a run; installs do not change
def fingerprint() -> str:
    """The installed dictionary files (names, sizes, times) and the rules' version."""
    files = sorted(
        f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for lang in DICTIONARY_NAMES
        for base in dictionary_paths(lang)
        for p in (base.with_suffix(".dic"), base.with_suffix(".aff"))
    )
    return f"{CACHE_VERSION}|" + "|".join(files)


def open_cache(path: Path) -> None:
    """Use the verdicts saved at `path` (a stale or unreadable file is ignored)."""
    _cache_state.update(path=path, dirty=False)
    _verdicts.clear()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("fingerprint") == fingerprint():
        _verdicts.update(data.get("verdicts") or {})


def save_cache() -> None:
    """Write the verdicts back (atomically) if any were added since `open_cache`."""
    from l10n_news.fileio import atomic_write_bytes

    path = _cache_state["path"]
    if not isinstance(path, Path) or not _cache_state["dirty"]:
        return
    data = {"fingerprint": fingerprint(), "verdicts": _verdicts}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    _cache_state["dirty"] = False


def remembered(kind: str, lang: str, word: str, compute: Callable[[], T]) -> T:
    """`compute()`, or the value kept for (kind, lang, word) in this run or a past one."""
    key = f"{kind} {lang} {word}"
    if key not in _verdicts:
        _verdicts[key] = _fresh[key] = compute()
        _cache_state["dirty"] = True
    return _verdicts[key]  # type: ignore[return-value]


def take_fresh() -> dict[str, object]:
    """The verdicts found since the last call (what a worker process sends back)."""
    fresh = dict(_fresh)
    _fresh.clear()
    return fresh


def adopt(verdicts: dict[str, object]) -> None:
    """Verdicts another process found, kept as if found here."""
    if verdicts:
        _verdicts.update(verdicts)
        _cache_state["dirty"] = True


def in_dictionary(lang: str, word: str, *, remember: bool = True) -> bool:
    """Whether the dictionary itself knows `word` (its affix rules, no endings taken off)."""

    def lookup() -> bool:
        return _lookup(lang, word) or (word[:1].isupper() and _lookup(lang, word.lower()))

    return remembered("d", lang, word, lookup) if remember else lookup()


def known(lang: str, word: str, *, remember: bool = True) -> bool:
    """Whether `lang`'s dictionary knows `word` (as written, or lowercased at a capital).
    `remember=False` for the many guesses a search tries: they are not kept between runs."""
    if not remember:
        return _known(lang, word)
    return remembered("k", lang, word, lambda: _known(lang, word))


def _known(lang: str, word: str) -> bool:
    if in_dictionary(lang, word, remember=False):
        return True
    lower = word.lower()
    for prefix in _PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 3:
            return known(lang, lower[len(prefix) :], remember=False)
    return lang == "kk" and _known_stem(word.lower(), 3)


def kazakh_stems(word: str, depth: int = 3) -> list[str]:
    """`word`'s possible stems once Kazakh endings are taken off, longest first."""
    stems: list[str] = []
    for ending in _KK_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            stems.append(stem)
            if stem[-1] in _VOICED:
                stems.append(stem[:-1] + _VOICED[stem[-1]])
            # A loanword drops its soft sign before an ending: фестиваль -> фестивалі.
            stems.append(stem + "ь")
            if depth > 1:
                stems.extend(kazakh_stems(stem, depth - 1))
    return list(dict.fromkeys(stems))


@lru_cache(maxsize=65536)
def _known_stem(word: str, depth: int) -> bool:
    return any(_lookup("kk", stem) for stem in kazakh_stems(word, depth))
