"""The `pseudo` engine: pseudo-localisation, to see a layout in "another language" offline.

"Save the date" becomes "[Šååṽéé ţĥéé ðååţé]": every letter accented (so untranslated
text stands out), about 30% longer (so truncation shows), bracketed (so a cut-off end shows).
It is deterministic: the same text always gives the same result, so reruns change nothing.
The base protects placeholders and markup as `[X0X]` tokens; they pass through untouched.
"""

from __future__ import annotations

import math
import re
from typing import ClassVar

from l10n_news.engines.base import Answer, Engine
from l10n_news.languages import LANGUAGES

EXPANSION = 0.3
_TOKEN_RE = re.compile(r"\[X\d+X\]")

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZаеиоуыэяюгжзкчАЕИОУЫЭЯЮГЖЗКЧ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽӓёйӧўӹӭѩѭґӝӟќӵӒЁЙӦЎӸӬѨѬҐӜӞЌӴ",
)
# Doubling vowels lengthens words the way long translations do, without adding spaces.
_VOWELS = set("aeiouyAEIOUYаеёиоуыэюяәөұүіАЕЁИОУЫЭЮЯӘӨҰҮІ")


def pseudo_localise(text: str) -> str:
    """The pseudo-translation of `text`; `[X0X]` tokens are copied as they are."""
    budget = math.ceil(len(_TOKEN_RE.sub("", text)) * EXPANSION)
    out: list[str] = []
    pos = 0
    for match in _TOKEN_RE.finditer(text):
        piece, budget = _stretch(text[pos : match.start()], budget)
        out += [piece, match.group()]
        pos = match.end()
    piece, budget = _stretch(text[pos:], budget)
    out.append(piece)
    padding = "~" * budget  # too few vowels (short words, digits): pad the end
    return "[" + "".join(out) + (" " + padding if padding else "") + "]"


def _stretch(piece: str, budget: int) -> tuple[str, int]:
    chars = []
    for ch in piece:
        chars.append(ch.translate(_ACCENTED))
        if budget > 0 and ch in _VOWELS:
            chars.append(ch.translate(_ACCENTED))
            budget -= 1
    return "".join(chars), budget


class PseudoEngine(Engine):
    """Accented, longer, bracketed text for any pair; no network, no cache needed."""

    name: ClassVar[str] = "pseudo"
    network: ClassVar[bool] = False
    protect: ClassVar[bool] = True
    max_chars: ClassVar[int] = 1_000_000  # no provider limit: one bracketed result per text
    batch_size: ClassVar[int] = 1000

    def supports(self, source: str, target: str) -> bool:
        return source in LANGUAGES and target in LANGUAGES

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Answer]:
        return [pseudo_localise(text) for text in texts]
