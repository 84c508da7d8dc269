"""Quotes: Russian and Kazakh text quotes with «ёлочки» („лапки“ inside), English with “” or "".

Besides the kind of marks, the translation's marks must pair up: every « closed by a », every
„ by a “ (ru, kk), every “ by a ” (en), properly nested. A source whose own quotes do not pair
(a quotation running over several sentences, cut into segments) excuses its translation.
Quotes inside HTML tags (attribute values) and `code` spans are not text and are skipped.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

_GUILLEMET_LANGS = {"ru", "kk"}
_NOT_TEXT_RE = re.compile(r"<[^<>]*>|`[^`]*`|\]\([^)]*\)")
_ANY_QUOTE_RE = re.compile(r"[\"“”„«»]|(?<!\w)'(?=\w)[^']*(?<=\w)'(?!\w)")
# Opening mark -> its closing mark, per language. In ru and kk “ closes „; in en it opens.
_PAIRS = {
    "ru": {"«": "»", "„": "“"},
    "kk": {"«": "»", "„": "“"},
    "en": {"“": "”"},
}
# Marks of another language. A ru/kk “ is foreign only when it closes no „ (see check_quotes).
_FOREIGN_QUOTES = {
    "ru": re.compile(r"[\"”]"),
    "kk": re.compile(r"[\"”]"),
    "en": re.compile("[«»„]"),
}
_ADVICE = {
    "ru": "use «» in Russian text",
    "kk": "use «» in Kazakh text",
    "en": 'use “” or "" in English text',
}


def _text_only(text: str) -> str:
    return _NOT_TEXT_RE.sub(" ", text)


def unpaired_quotes(text: str, pairs: dict[str, str]) -> tuple[list[str], list[str]]:
    """(opening marks never closed, closing marks that close nothing), in text order.

    A closing mark that skips an inner opening one (« „ ») closes the outer quote and leaves
    the inner one unclosed.
    """
    openers_of = {close: open_ for open_, close in pairs.items()}
    stack: list[str] = []
    unclosed: list[str] = []
    stray: list[str] = []
    for char in text:
        if char in pairs:
            stack.append(char)
        elif char in openers_of:
            opener = openers_of[char]
            if opener not in stack:
                stray.append(char)
                continue
            while stack[-1] != opener:
                unclosed.append(stack.pop())
            stack.pop()
    return unclosed + stack, stray


def _source_pairs_up(item: CheckInput) -> bool:
    pairs = _PAIRS.get(item.source_lang or "", {"«": "»"})
    text = _text_only(item.source)
    unclosed, stray = unpaired_quotes(text, pairs)
    return not unclosed and not stray and text.count('"') % 2 == 0


def _balance_problems(target: str, lang: str) -> tuple[list[str], bool]:
    """Messages about marks that do not pair, and whether a foreign-language “ was met."""
    pairs = _PAIRS[lang]
    unclosed, stray = unpaired_quotes(target, pairs)
    foreign_mark = False
    if lang in _GUILLEMET_LANGS and "“" in stray:
        stray = [mark for mark in stray if mark != "“"]  # an English opening mark: foreign
        foreign_mark = True
    problems = []
    for mark in dict.fromkeys(unclosed):
        problems.append(f"unbalanced quotes: {mark} is never closed with {pairs[mark]}")
    closers = {close: open_ for open_, close in pairs.items()}
    for mark in dict.fromkeys(stray):
        problems.append(f"unbalanced quotes: {mark} closes no {closers[mark]}")
    return problems, foreign_mark


def check_quotes(item: CheckInput) -> list[str]:
    lang = item.target_lang
    if lang not in _FOREIGN_QUOTES:
        return []
    source, target = _text_only(item.source), _text_only(item.target)
    balance, foreign_mark = _balance_problems(target, lang)
    problems = []
    if foreign_mark or _FOREIGN_QUOTES[lang].search(target):
        problems.append(f"quotes of another language: {_ADVICE[lang]}")
    elif lang in _GUILLEMET_LANGS and _ANY_QUOTE_RE.search(source) and "«" not in target:
        problems.append(f"the source quotes and the translation has no «»: {_ADVICE[lang]}")
    if balance and _source_pairs_up(item):
        problems += balance
    return problems
