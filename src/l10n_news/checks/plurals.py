"""Plural forms: as many msgstr[N] as the catalog's Plural-Forms says, each filled."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput


def check_plural_forms(item: CheckInput) -> list[str]:
    strings, nplurals = item.plural_strings, item.nplurals
    if strings is None or nplurals is None:
        return []
    problems = []
    if len(strings) != nplurals:
        problems.append(
            f"{len(strings)} plural forms, but the catalog's Plural-Forms asks for {nplurals}"
        )
    empty = [str(n) for n, text in enumerate(strings) if not text]
    if empty and len(empty) < len(strings):
        problems.append(f"plural form(s) msgstr[{', '.join(empty)}] are empty")
    return problems
