"""Sentence segmentation with pysbd, mended for ru and kk year abbreviations.

pysbd ends a Kazakh sentence after «ж.» («2013 ж.» = "year 2013") and a Russian one after
«г.» or «гг.»; when the next piece goes on in lowercase or with a digit, it is the same sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

_YEAR_ABBREV = re.compile(r"(?:\d{3,4}(?:[-–]\d{2,4})?\s*(?:ж|жж|г|гг)\.)\s*$")
_CONTINUES = re.compile(r"^[\s«\"(]*[a-zа-яёәғқңөұүһі0-9]")


@lru_cache(maxsize=8)
def _segmenter(lang: str) -> pysbd.Segmenter:
    try:
        return pysbd.Segmenter(language=lang, clean=False, char_span=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of one paragraph, stripped; joined with single spaces they give it back."""
    if not text.strip():
        return []
    pieces = [p.strip() for p in _segmenter(lang).segment(text) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and _YEAR_ABBREV.search(merged[-1]) and _CONTINUES.match(piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged
