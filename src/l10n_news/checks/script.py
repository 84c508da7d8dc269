"""Script: Latin words in Russian or Kazakh text, Cyrillic words in English text.

Glossary names (and their do-not-translate terms) may stand in another script. So may a
capitalised Latin word the source itself writes in Latin — a brand or a name ("Netflix",
"BBC") kept as in the original — but never a Cyrillic word left in English text: that is the
«Реклама» that escaped localisation.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput
from l10n_news.checks.scripts import mixed_word, script_of
from l10n_news.checks.text import prose_words
from l10n_news.languages import LANGUAGES


def check_script(item: CheckInput) -> list[str]:
    lang = LANGUAGES.get(item.target_lang or "")
    if lang is None:
        return []
    foreign = "Latn" if lang.script == "Cyrl" else "Cyrl"
    if not any(script_of(ch) == foreign for ch in set(item.target)):
        return []  # not one letter of the other script: nothing to look for word by word
    source_words = set(prose_words(item.source))
    stray: list[str] = []
    # "Telegram-дағы": a Kazakh ending hyphened to a kept name; judge the parts one by one.
    parts = [p for w in prose_words(item.target, item.names) for p in re.split(r"[-'’]", w) if p]
    for word in parts:
        if len(word) < 2 or word in stray or not any(script_of(ch) == foreign for ch in word):
            continue
        if mixed_word(word) is not None:
            continue  # a look-alike letter: the homoglyphs check reports it with the fix
        kept_brand = lang.script == "Cyrl" and word in source_words and not word.islower()
        if not kept_brand:
            stray.append(word)
    if not stray:
        return []
    script = "Latin" if lang.script == "Cyrl" else "Cyrillic"
    listed = ", ".join(stray[:5]) + (" …" if len(stray) > 5 else "")
    return [f"{script} words in {lang.name} text: {listed} (add names to the glossary)"]
