"""Length: a translation far shorter or longer than is usual for the language pair.

A finding means "look again" (a machine draft cut short, or a phrase repeated), hence a warning.
"""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.text import prose

# Median characters of translation per character of source, measured on the reviewed
# (non-fuzzy, non-plural) entries of 40+ characters of the GNOME Calculator, Calendar and
# Software and BleachBit catalogs in ../shared/corpus/po/ (translator-credits left out):
# en→ru and en→kk from msgid/msgstr (559 and 557 entries), ru/kk→en from the same pairs read
# the other way (686, 650), ru↔kk from the ru and kk entries of one msgid (684, 650).
# tests/test_checks_length.py recomputes them from the corpus.
USUAL_RATIO = {
    ("en", "ru"): 1.115,
    ("en", "kk"): 1.07,
    ("ru", "en"): 0.863,
    ("ru", "kk"): 0.933,
    ("kk", "en"): 0.884,
    ("kk", "ru"): 1.014,
}
MIN_SOURCE_CHARS = 40  # shorter strings (titles, labels) vary too much to judge
# Bounds as a share of the usual ratio. On the corpus above, 0.5% of reviewed pairs fall
# below 0.52 and 0.5% above 1.61; these bounds flag 16 of 3,786 pairs (0.4%), mostly
# keyword lists ("kilogram,kilograms,kg" → "килограмм, кг"), not translations.
TOO_SHORT, TOO_LONG = 0.5, 1.8


def comparable_text(text: str) -> str:
    """The prose of `text` with its whitespace collapsed: what the length check counts."""
    return " ".join(prose(text).split())


def check_length(item: CheckInput) -> list[str]:
    source, target = comparable_text(item.source), comparable_text(item.target)
    if len(source) < MIN_SOURCE_CHARS or not target:
        return []
    usual = USUAL_RATIO.get((item.source_lang or "", item.target_lang or ""), 1.0)
    relative = len(target) / len(source) / usual
    if relative < TOO_SHORT:
        return [
            f"the translation is much shorter than usual ({len(target)} characters "
            f"for {len(source)}): is something left out?"
        ]
    if relative > TOO_LONG:
        return [
            f"the translation is much longer than usual ({len(target)} characters "
            f"for {len(source)}): is something added or repeated?"
        ]
    return []
