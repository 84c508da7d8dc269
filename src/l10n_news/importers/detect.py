"""Which of ru, en, kk a text is written in: its script first, then its common words.

Russian and Kazakh share the Cyrillic script; Kazakh has nine letters of its own (ә ғ қ ң ө ұ ү һ і)
and a handful of very frequent words, which settle the question for any real paragraph.
"""

from __future__ import annotations

import re

_KAZAKH_LETTERS = set("әғқңөұүһі")
_KAZAKH_WORDS = {"және", "бұл", "деп", "мен", "үшін", "болып", "бойынша", "екен", "еді", "осы"}
_RUSSIAN_WORDS = {"и", "в", "не", "на", "что", "это", "по", "как", "для", "был", "его", "он"}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """'ru', 'en' or 'kk'; None when the text has too few letters to tell."""
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if len(letters) < 3:
        return None
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in letters if ch.isascii())
    if latin >= cyrillic:
        return "en"
    words = _WORD.findall(text.lower())
    kazakh_score = sum(1 for ch in letters if ch in _KAZAKH_LETTERS) / max(cyrillic, 1) * 20
    kazakh_score += sum(1 for w in words if w in _KAZAKH_WORDS)
    russian_score = sum(1 for w in words if w in _RUSSIAN_WORDS)
    # Russian text has none of the Kazakh letters except the rare borrowed і in names.
    return "kk" if kazakh_score > russian_score * 0.5 and kazakh_score >= 1 else "ru"
