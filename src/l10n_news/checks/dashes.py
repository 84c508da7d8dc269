"""Dashes: a hyphen between spaces stands where a dash belongs.

In Russian and Kazakh a spaced hyphen is always a dash typed wrong («Кино - бұл өмір»); in
English it is reported where the source had a dash. Publishing turns a spaced hyphen into a
dash in ru and kk (publish/typography.py), but the catalog is what a translator fixes.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

_DASH_RE = re.compile(r"(?:^|(?<=\s))[—–](?=\s|$)|(?<=\w)—(?=\w)")
_SPACED_HYPHEN_RE = re.compile(r"(?:^|(?<=\s))-(?=\s)")


def check_dashes(item: CheckInput) -> list[str]:
    hyphens = len(_SPACED_HYPHEN_RE.findall(item.target))
    if not hyphens:
        return []
    if item.target_lang in ("ru", "kk"):
        return ["a hyphen between spaces stands for a dash: write «—»"]
    if len(_DASH_RE.findall(item.source)) > len(_DASH_RE.findall(item.target)):
        return ["a dash of the source is a hyphen here: write «–» or «—»"]
    return []
