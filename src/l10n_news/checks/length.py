"""Length: a translation far shorter or longer than is usual for the language pair.

The usual ratios (characters of the translation per character of the source) are rough
figures for news prose; a finding means "look again", hence a warning.
"""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.text import prose

USUAL_RATIO = {
    ("en", "ru"): 1.15,
    ("en", "kk"): 1.2,
    ("ru", "en"): 0.87,
    ("ru", "kk"): 1.05,
    ("kk", "en"): 0.83,
    ("kk", "ru"): 0.95,
}
MIN_SOURCE_CHARS = 40  # shorter strings (titles, labels) vary too much to judge
TOO_SHORT, TOO_LONG = 0.5, 2.0  # as a share of the usual ratio


def check_length(item: CheckInput) -> list[str]:
    source, target = " ".join(prose(item.source).split()), " ".join(prose(item.target).split())
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
