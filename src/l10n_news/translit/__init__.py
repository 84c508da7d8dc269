"""Transliteration between scripts: Kazakh Cyrillic <-> Latin (the kk-Latn variant)."""

from l10n_news.translit.kazakh import (
    ALPHABETS,
    DEFAULT_ALPHABET,
    cyrillic_to_latin,
    guess_alphabet,
    latin_to_cyrillic,
    reverse_problems,
    transliterate,
)

__all__ = [
    "ALPHABETS",
    "DEFAULT_ALPHABET",
    "cyrillic_to_latin",
    "guess_alphabet",
    "latin_to_cyrillic",
    "reverse_problems",
    "transliterate",
]
