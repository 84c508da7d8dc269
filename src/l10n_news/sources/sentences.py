"""Sentence segmentation with pysbd, mended for the abbreviations of Russian and Kazakh news.

pysbd has Russian rules but no Kazakh ones (Kazakh falls back to English), and both miss
abbreviations a desk editor reads past. After pysbd:

- a piece is joined to the next when it ends with an abbreviation that never ends a sentence
  («сағ. 19:00-де», «в г. Алматы», «т. е.», «им.», «ул.») or with an initial before a capital
  («Э. Байғазин», «А. С. Пушкин»);
- a piece is joined to the next when it ends with an abbreviation that may end a sentence
  («2013 ж.», «19 ч.», «т.б.», «млн.») and the next piece goes on in lowercase or with a digit;
- a dateline that opens a paragraph («Астана. 7 февраля. KAZAKHSTAN TODAY - …») is joined to
  the sentence it opens;
- a piece is cut after such an abbreviation when a capitalised word follows («…в 19 ч. 30 мин.
  Вход свободный»), which pysbd, taking «мин.» for an abbreviation, leaves whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Kazakh in Cyrillic and in both Latin alphabets (2018: á ǵ ń ó ú ý ı; 2021: ä ğ ñ ö ū ü ş İ).
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÁǴŃÓÚÝÄĞÑÖŪÜŞİ"
_LOWER = "a-zа-яёәғқңөұүһіáǵńóúýıäğñöūüş"

# Abbreviations that stand before what they qualify: never the end of a sentence.
_NEVER_FINAL = (
    r"сағ|т\.\s?е|т\.\s?к|им|ул|пр|просп|пер|мкр|обл|р-н|с|ст|стр|см|рис|тел|проф|акад|доц|"
    r"канд|д-р|көш|даң|шағ|ауд|тұрғ|напр|англ|каз|рус|қаз|ағыл|орыс|"
    r"(?<!\d )(?<!\d)г(?=\.\s*[{U}])"
).replace("{U}", _UPPER)
# Abbreviations that may end a sentence: joined only when the text goes on in lowercase.
_MAYBE_FINAL = (
    r"ж|жж|ғ|ғғ|г|гг|в|вв|ч|мин|сек|млн|млрд|трлн|тыс|руб|коп|тг|км|кг|т\.\s?б|т\.\s?с\.\s?с|"
    r"т\.\s?д|т\.\s?п|др|пр|б\.\s?з\.\s?б|б\.\s?з\.\s?д|н\.\s?э|до\s?н\.\s?э"
)
_ENDS_NEVER_FINAL = re.compile(rf"(?<![^\W\d_])(?:{_NEVER_FINAL})\.\s*$", re.IGNORECASE)
_ENDS_INITIAL = re.compile(rf"(?<![^\W\d_])[{_UPPER}]\.\s*$")
_ENDS_MAYBE_FINAL = re.compile(rf"(?<![^\W\d_])(?:{_MAYBE_FINAL})\.\s*$", re.IGNORECASE)
_STARTS_CAPITAL = re.compile(rf"^[\s«\"(]*[{_UPPER}]")  # no re.IGNORECASE below either
_CONTINUES = re.compile(rf"^[\s«\"(]*[{_LOWER}0-9]")
# «…30 мин. Вход свободный»: a sentence ends at a may-be-final abbreviation before a capital
# word (not an initial: «Вход», not «В.»), except «г.»/«ж.» before a place («г. Алматы»).
_CUT_AFTER_ABBREV = re.compile(
    rf"(?<![^\W\d_])(?:ч|мин|сек|т\.\s?б|т\.\s?с\.\s?с|т\.\s?д|т\.\s?п|др)\."
    rf"(\s+)(?=[{_UPPER}][{_LOWER}])"  # case matters here: no re.IGNORECASE
)


# A dateline opens a paragraph: «Астана. 7 февраля. KAZAKHSTAN TODAY - …», "TAShKENT. KAZINFORM –".
_DATELINE_RE = re.compile(
    rf"^[{_UPPER}][^\W\d_]+(?:-[^\W\d_]+)?\.(?:\s+\d{{1,2}}\s+[{_LOWER}]+\.)?$"
)


@lru_cache(maxsize=8)
def _segmenter(lang: str) -> Any:
    import pysbd  # only sentence segmentation needs it, not a paragraph workspace's publish

    try:
        return pysbd.Segmenter(language=lang, clean=False, char_span=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _joins(previous: str, piece: str, first: bool) -> bool:
    """Whether `piece` goes on the sentence `previous` began (`first`: the paragraph's first)."""
    if first and _DATELINE_RE.match(previous):
        return True
    if _ENDS_NEVER_FINAL.search(previous):
        return True
    if _ENDS_INITIAL.search(previous) and _STARTS_CAPITAL.match(piece):
        return True
    return bool(_ENDS_MAYBE_FINAL.search(previous) and _CONTINUES.match(piece))


def _cut(piece: str) -> list[str]:
    parts, start = [], 0
    for m in _CUT_AFTER_ABBREV.finditer(piece):
        parts.append(piece[start : m.start(1)])
        start = m.end(1)
    parts.append(piece[start:])
    return [p.strip() for p in parts if p.strip()]


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of one paragraph, stripped; joined with single spaces they give it back."""
    if not text.strip():
        return []
    pieces = [p.strip() for p in _segmenter(lang).segment(text) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and _joins(merged[-1], piece, len(merged) == 1):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    if lang not in ("ru", "kk"):
        return merged
    return [part for sentence in merged for part in _cut(sentence)]
