"""How well HTML extraction does against a reference: word-level precision and recall.

Used by bench/measure_import.py and its test; counts words as a multiset, so a paragraph
extracted twice costs precision and a paragraph missed costs recall.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import lxml.html

_WORD = re.compile(r"\w+")
_MARKDOWN_LINK = re.compile(r"\]\([^)]*\)")


@dataclass(frozen=True)
class Overlap:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def html_words(html: str) -> list[str]:
    """The words of an HTML fragment's text."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    # Blocks touch in the markup ("</p><p>"): join text pieces with spaces, not glue them.
    return words(" ".join(root.itertext()))


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(_MARKDOWN_LINK.sub("]", text))]


def word_overlap(found: list[str], expected: list[str]) -> Overlap:
    common = sum((Counter(found) & Counter(expected)).values())
    return Overlap(
        precision=common / len(found) if found else 0.0,
        recall=common / len(expected) if expected else 0.0,
    )
