"""Look-alike letters: a word that mixes scripts («Мəдениет» with a Latin ə, «КИНO» with a
Latin O) passes a reader's eye but no search, spell-checker or translation memory.

A mixed word the source itself writes the same way is left alone (it is quoted, not typed).
"""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.scripts import mixed_words
from l10n_news.checks.text import prose
from l10n_news.languages import LANGUAGES


def check_homoglyphs(item: CheckInput) -> list[str]:
    lang = LANGUAGES.get(item.target_lang or "")
    expected = lang.script if lang else None
    if not mixed_words(item.target):
        return []  # (cheap: a text in one script is seen to have none at once)
    in_source = {w.word for w in mixed_words(item.source)}
    found = [
        w
        for w in mixed_words(prose(item.target), expected, item.target_lang)
        if w.word not in in_source
    ]
    return [w.describe() for w in dict((w.word, w) for w in found).values()]
