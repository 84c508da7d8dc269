"""Spelling and the language of every word, against the Hunspell dictionaries of ru, kk and en.

For each word of the translation written in the target language's script:
1. known in the target language's dictionary: fine;
2. (kk) typed on a Russian keyboard — «Корсетилимдер» for «Көрсетілімдер»: when putting
   ә ғ қ ң ө ұ ү һ і back where а г к н о у х и ы stand gives a known Kazakh word, the word is
   reported with that spelling (`kazakh-letters`, an error: the fix is certain);
3. known in another of our languages («также» in Kazakh text): `wrong-language`, an error —
   a page must be wholly in its language, and on real ru and kk news this raised no false alarm
   (names are left out, below);
4. known nowhere: `spelling`, a warning (the kk dictionary misses some real words).

Never flagged: glossary names and do-not-translate terms; any word the unit's source has (names
kept as written), or one that begins with a source word of 4+ letters (a name with a Kazakh
ending, «Аймановтың»); mixed-script words (the homoglyphs check reports them); all-capital
abbreviations. A capitalised word unknown to the target dictionary is taken for a name, except
that in Kazakh text one known in Russian is still reported unless Russian morphology
(pymorphy3) reads it as a name, surname or place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import Any

from l10n_news.checks import dictionaries
from l10n_news.checks.base import HAS_DIGIT, CheckInput
from l10n_news.checks.scripts import mixed_word, script_of
from l10n_news.checks.text import prose, remove_names
from l10n_news.languages import LANGUAGES

_KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# What a Russian keyboard puts for a Kazakh letter, by vowel harmony (front or back word).
_FRONT = {"а": "ә", "о": "ө", "у": "үу", "ы": "і", "и": "іи", "н": "нң", "х": "хһ"}
_BACK = {"у": "ұу", "и": "ыи", "к": "қк", "г": "ғг", "н": "нң", "х": "хһ"}
_MAX_CANDIDATES = 4096


# «80-летия», «53-й», «20-dan»: an ending hyphened to a number is no word of its own.
_NUMBER_ENDING_RE = re.compile(r"\d+-[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _words(item: CheckInput) -> list[str]:
    """The target's words to judge, in order (a word may come more than once)."""
    target = item.target
    text = _NUMBER_ENDING_RE.sub(" ", target) if "-" in target and HAS_DIGIT(target) else target
    # The letter runs of the prose: «Telegram-дағы» gives its two parts, judged one by one.
    parts = _LETTERS.findall(remove_names(prose(text), item.names))
    if item.context == "brand":  # a brand name stays as the brand writes it
        parts = [p for p in parts if not p[:1].isupper()]
    return parts


def _source_stems(item: CheckInput) -> tuple[frozenset[str], tuple[str, ...]]:
    """Source words that are names: capitalised, or unknown to the source language. A plain
    source word copied into the translation («также» left in Kazakh) is judged like any other."""
    return _names_of_source(item.source, item.source_lang or "")


@lru_cache(maxsize=16384)  # a source unit is checked once per language it is translated into
def _names_of_source(source: str, lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    words = frozenset(
        w.lower()
        for w in _LETTERS.findall(source)
        if w[:1].isupper() or not dictionaries.known(lang, w)
    )
    return words, tuple(w for w in words if len(w) >= 4)


def _from_source(word: str, source_words: frozenset[str], stems: tuple[str, ...]) -> bool:
    """A name of the source, as written or with an ending («Аймановтың»)."""
    lower = word.lower()
    return lower in source_words or lower.startswith(stems)


def _judgeable(word: str, script: str) -> bool:
    """A word of two letters or more, not an abbreviation, all in `script`."""
    if len(word) < 2 or word.isupper() or mixed_word(word) is not None:
        return False
    return all(script_of(ch) == script for ch in word)


def _restore_case(like: str, word: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _candidates(word: str, options: dict[str, str]) -> list[str]:
    choices = [options.get(ch, ch) for ch in word]
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > _MAX_CANDIDATES:
        return []
    return ["".join(letters) for letters in product(*choices)]


def kazakh_spelling(word: str) -> str | None:
    """The Kazakh word `word` stands for when typed with Russian letters, if one is known.

    A word the dictionary knows only once endings are taken off («облысынын» = облыс+ын+ын)
    gives way to a spelling the dictionary knows as it stands («облысының»)."""
    lower = word.lower()
    if _KAZAKH_ONLY & set(lower) or dictionaries.in_dictionary("kk", lower):
        return None
    found = dictionaries.remembered("s", "kk", lower, lambda: _kazakh_spelling(lower) or "")
    return _restore_case(word, found) if found else None


def _kazakh_spelling(lower: str) -> str | None:
    loosely_known = dictionaries.known("kk", lower)
    for options in (_FRONT, _BACK):
        for candidate in _candidates(lower, options):
            if candidate == lower:
                continue
            if dictionaries.in_dictionary("kk", candidate, remember=False) or (
                not loosely_known and dictionaries.known("kk", candidate, remember=False)
            ):
                return candidate
    return None


def is_kazakh_loanword(word: str) -> bool:
    """Whether `word` is a Russian noun borrowed into Kazakh: its nominative singular alone
    («проектор») or with Kazakh endings («субтитрлерді», «сеанстың»). Kazakh takes loans in
    that form only, so «проекторы» or «фильма» (Russian endings) are no loans."""
    lower = word.lower()
    stems = (lower, *dictionaries.kazakh_stems(lower))
    return dictionaries.remembered(
        "loan", "kk", lower, lambda: any(_is_russian_lemma_noun(stem) for stem in stems)
    )


@lru_cache(maxsize=65536)
def _is_russian_lemma_noun(word: str) -> bool:
    if not dictionaries.known("ru", word, remember=False):
        return False
    def lemma_noun(p) -> bool:  # type: ignore[no-untyped-def]
        grammemes = p.tag.grammemes
        indeclinable = "Fixd" in grammemes  # «медиа», «кафе»
        nominative = {"nomn", "sing"} <= grammemes and p.word == p.normal_form
        return p.is_known and "NOUN" in grammemes and (nominative or indeclinable)

    return any(lemma_noun(p) for p in dictionaries.russian_morphology().parse(word))


def _is_russian_name(word: str) -> bool:
    tags = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}

    def name() -> bool:
        parses = dictionaries.russian_morphology().parse(word)
        return any(tags & p.tag.grammemes for p in parses)

    return dictionaries.remembered("name", "ru", word, name)


def _other_language(word: str, lang: str) -> str | None:
    """Another of our languages (same script) whose dictionary knows `word`."""
    for other, info in LANGUAGES.items():
        same_script = info.script == LANGUAGES[lang].script
        if other != lang and same_script and dictionaries.known(other, word):
            return other
    return None


def _only_final_n(word: str, fixed: str) -> bool:
    """Whether `fixed` differs from `word` only by a final н written ң."""
    return word[:-1].lower() == fixed[:-1].lower() and (word[-1:], fixed[-1:]) in (
        ("н", "ң"),
        ("Н", "Ң"),
    )


def _verdict(word: str, lang: str) -> tuple[str, str] | None:
    """None for a good word, else (check id, message)."""
    if lang == "kk":
        fixed = kazakh_spelling(word)
        if fixed and _only_final_n(word, fixed) and dictionaries.known("kk", word):
            # -н and -ң are both endings («залын» accusative, «залың» your hall): no certain fix
            return "spelling", f"«{word}» may stand for «{fixed}»: check the ending"
        if fixed:
            return "kazakh-letters", f"«{word}» is typed without Kazakh letters: write «{fixed}»"
    if dictionaries.known(lang, word) or (lang == "kk" and is_kazakh_loanword(word)):
        return None
    other = _other_language(word, lang)
    if other and (word[:1].islower() or (lang == "kk" and not _is_russian_name(word))):
        name, where = LANGUAGES[other].name, LANGUAGES[lang].name
        return "wrong-language", f"«{word}» is a {name} word, not {where}"
    if word[:1].islower() and other is None:
        return "spelling", f"«{word}» is not in the {LANGUAGES[lang].name} dictionary"
    return None


def _findings(item: CheckInput, check_id: str) -> list[str]:
    lang = item.target_lang
    if lang not in LANGUAGES or not dictionaries.available(lang):
        return []
    key = (item.source, item.target, item.source_lang, lang, item.names, item.context)
    return [message for kind, message in _all_findings(*key) if kind == check_id]


@lru_cache(maxsize=16)
def _all_findings(
    source: str,
    target: str,
    source_lang: str | None,
    lang: str,
    names: frozenset[str],
    context: str | None,
) -> tuple[tuple[str, str], ...]:
    """(check id, message) for every word of one unit: the three checks share one pass."""
    item = CheckInput(source, target, source_lang, lang, names=names, context=context)
    script = LANGUAGES[lang].script
    words = _words(item)
    good = _GOOD_WORDS.setdefault((script, lang), set())
    if good.issuperset(words):
        return ()  # most units: every word already judged good, asked of the set at once
    source_names: tuple[frozenset[str], tuple[str, ...]] | None = None
    found = []
    verdicts = _WORD_VERDICTS.setdefault((script, lang), {})
    for word in dict.fromkeys(words):
        # The source's names are read only for a word that is not good.
        verdict = verdicts.get(word, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = verdicts[word] = _verdict(word, lang) if _judgeable(word, script) else None
        if verdict is None:
            good.add(word)
            continue
        if source_names is None:
            source_names = _source_stems(item)
        if not _from_source(word, *source_names):
            found.append(verdict)
    return tuple(found)


# (script, lang) -> word -> its verdict (None: a good word, or one not judged): each word is
# judged once per process.
_WORD_VERDICTS: dict[tuple[str, str], dict[str, Any]] = {}
_GOOD_WORDS: dict[tuple[str, str], set[str]] = {}  # the words whose verdict is None
_UNSEEN = object()


def check_spelling(item: CheckInput) -> list[str]:
    found = _findings(item, "spelling")
    if len(found) > 3:
        return [*found[:3], f"and {len(found) - 3} more unknown words"]
    return found


def check_wrong_language(item: CheckInput) -> list[str]:
    return _findings(item, "wrong-language")


def check_kazakh_letters(item: CheckInput) -> list[str]:
    return _findings(item, "kazakh-letters")
