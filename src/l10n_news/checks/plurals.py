"""Plural forms: as many msgstr[N] as the catalog's Plural-Forms says, each filled."""

from __future__ import annotations

import re
from functools import lru_cache

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


# Header check (separate from the plural-expression validation above): a catalog's
# Plural-Forms against CLDR's rule for its language, through Babel's locale data.
_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
# CLDR's integer rules for our languages repeat every 100: two periods and a few larger n.
_SAMPLE_COUNTS = (*range(200), *range(1000, 1030))


@lru_cache(maxsize=8)
def cldr_plural_indexes(lang: str) -> tuple[int, ...]:
    """For each sample n, the msgstr index CLDR's rule for `lang` gives (CLDR's order)."""
    from babel import Locale

    rule = Locale.parse(lang).plural_form
    categories = [rule(n) for n in _SAMPLE_COUNTS]
    used = [c for c in _CLDR_ORDER if c in categories]
    return tuple(used.index(c) for c in categories)


def check_plural_header(item: CheckInput) -> list[str]:
    """`item.target` is the catalog's Plural-Forms value, `item.target_lang` its language."""
    import gettext

    from l10n_news.languages import LANGUAGES

    lang = item.target_lang
    if lang not in LANGUAGES or not item.target:
        return []
    from l10n_news.checks.dictionaries import remembered

    # Kept with the spelling verdicts: a rerun reads no CLDR locale data.
    want = remembered("cldr-plural", lang, "", lambda: list(cldr_plural_indexes(lang)))
    nplurals = max(want) + 1
    name = LANGUAGES[lang].name
    if item.nplurals != nplurals:
        return [
            f"Plural-Forms says nplurals={item.nplurals}, but {name} has {nplurals} "
            f"(CLDR); write: {LANGUAGES[lang].plural_forms}"
        ]
    match = re.search(r"plural\s*=\s*([^;]+)", item.target)
    try:
        formula = gettext.c2py(match.group(1).strip()) if match else None
    except (ValueError, SyntaxError):
        return []  # an unreadable expression is the plural-expression check's business
    if formula is None:
        return []
    for n, index in zip(_SAMPLE_COUNTS, want, strict=True):
        got = formula(n)
        if got != index:
            return [
                f"Plural-Forms picks form {got} for n={n}, CLDR's {name} rule form {index}; "
                f"write: {LANGUAGES[lang].plural_forms}"
            ]
    return []
