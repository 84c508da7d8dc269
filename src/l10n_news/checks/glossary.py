"""Glossary: required renderings used, known wrong ones absent (rules in glossary.csv)."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput


def check_glossary(item: CheckInput) -> list[str]:
    if item.glossary is None or item.source_lang is None or item.target_lang is None:
        return []
    problems = item.glossary.check(item.source, item.source_lang, item.target_lang, item.target)
    # The glossary prefixes its messages with "glossary:"; the finding already names the check.
    return [p.removeprefix("glossary:").strip() for p in problems]
