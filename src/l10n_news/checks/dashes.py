"""Dashes: a dash of the source («—», «–» between spaces) is not a hyphen in the translation.

Publishing turns a spaced hyphen into a dash in ru and kk (publish/typography.py), but the
catalog is what a translator fixes, and English keeps its hyphens as written.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

_DASH_RE = re.compile(r"(?:^|(?<=\s))[—–](?=\s|$)|(?<=\w)—(?=\w)")
_SPACED_HYPHEN_RE = re.compile(r"(?:^|(?<=\s))-(?=\s)")


def check_dashes(item: CheckInput) -> list[str]:
    want = len(_DASH_RE.findall(item.source))
    have = len(_DASH_RE.findall(item.target))
    hyphens = len(_SPACED_HYPHEN_RE.findall(item.target))
    if want > have and hyphens:
        return ["a dash of the source is a hyphen here: write «—» (or «–» in English)"]
    return []
