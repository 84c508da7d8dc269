"""Untranslated: a translation that is the source (or another language's translation) again.

Names, numbers, acronyms, addresses and glossary do-not-translate terms may stay as they are,
so a string made only of those is not reported; nor is one of capitalised words only (a place,
a brand) between Russian and Kazakh, or in an entry whose msgctxt says it is a brand or name.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput
from l10n_news.checks.text import prose_words
from l10n_news.languages import LANGUAGES

# Russian and Kazakh share many words ("фестиваль", "кино"): between them only a longer string
# that is identical is surely untranslated.
_SAME_SCRIPT_MIN_WORDS = 3
_NAME_CONTEXT_RE = re.compile(r"brand|name|person|place", re.IGNORECASE)


def _words_to_translate(item: CheckInput) -> list[str]:
    """Words a translator would translate: not acronyms, brands or (where they may be) names."""
    words = [w for w in prose_words(item.target, item.names) if len(w) > 1 and not w.isupper()]
    # A capital inside a word (ownCloud, WhatsApp) marks a brand.
    words = [w for w in words if not any(ch.isupper() for ch in w[1:])]
    # Capitalised words only ("Астана", "Telegram") are names when the entry says so, or when
    # both languages share a script, where names are written alike; "Culture" left in Russian
    # text is still reported.
    names_here = _same_script(item.source_lang, item.target_lang) or bool(
        item.context and _NAME_CONTEXT_RE.search(item.context)
    )
    if names_here and all(w[0].isupper() for w in words):
        return []
    return words


def _script(lang: str | None) -> str | None:
    return LANGUAGES[lang].script if lang in LANGUAGES else None


def _same_script(lang_a: str | None, lang_b: str | None) -> bool:
    return _script(lang_a) is not None and _script(lang_a) == _script(lang_b)


def _enough(words: list[str], lang_a: str | None, lang_b: str | None) -> bool:
    return len(words) >= (_SAME_SCRIPT_MIN_WORDS if _same_script(lang_a, lang_b) else 1)


def _same(a: str, b: str) -> bool:
    first_a, first_b = a.split(None, 1)[:1], b.split(None, 1)[:1]
    if [w.casefold() for w in first_a] != [w.casefold() for w in first_b]:
        return False  # (most texts differ from the first word: no need to fold them whole)
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check_untranslated(item: CheckInput) -> list[str]:
    same_as_source = _same(item.source, item.target)
    copies = sorted(
        (lang, other)
        for lang, other in item.other_translations.items()
        if lang != item.target_lang and other and _same(other, item.target)
    )
    if not same_as_source and not copies:
        return []  # the usual case: a text of its own, no need to look at its words
    words = _words_to_translate(item)
    if not words:
        return []
    if same_as_source and _enough(words, item.source_lang, item.target_lang):
        if all(w[0].isupper() for w in words):
            return [
                "the translation is the source text, untranslated (if it is a name, add it "
                "to the glossary as do-not-translate)"
            ]
        return ["the translation is the source text, untranslated"]
    for lang, _ in copies:
        if _enough(words, lang, item.target_lang):
            name = LANGUAGES[lang].name if lang in LANGUAGES else lang
            return [f"the translation is the same as the {name} translation of this entry"]
    return []
