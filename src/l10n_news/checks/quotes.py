"""Quotes: Russian and Kazakh text quotes with «ёлочки», English text with “” or "".

Quotes inside HTML tags (attribute values) and `code` spans are not text and are skipped.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

_GUILLEMET_LANGS = {"ru", "kk"}
_NOT_TEXT_RE = re.compile(r"<[^<>]*>|`[^`]*`|\]\([^)]*\)")
_ANY_QUOTE_RE = re.compile(r"[\"“”„«»]|(?<!\w)'(?=\w)[^']*(?<=\w)'(?!\w)")
_FOREIGN_QUOTES = {
    "ru": re.compile(r"[\"“”]"),
    "kk": re.compile(r"[\"“”]"),
    "en": re.compile("[«»]"),
}
_ADVICE = {
    "ru": "use «» in Russian text",
    "kk": "use «» in Kazakh text",
    "en": 'use “” or "" in English text',
}


def _text_only(text: str) -> str:
    return _NOT_TEXT_RE.sub(" ", text)


def check_quotes(item: CheckInput) -> list[str]:
    lang = item.target_lang
    if lang not in _FOREIGN_QUOTES:
        return []
    source, target = _text_only(item.source), _text_only(item.target)
    problems = []
    if _FOREIGN_QUOTES[lang].search(target):
        problems.append(f"quotes of another language: {_ADVICE[lang]}")
    elif lang in _GUILLEMET_LANGS and _ANY_QUOTE_RE.search(source) and "«" not in target:
        problems.append(f"the source quotes and the translation has no «»: {_ADVICE[lang]}")
    return problems
