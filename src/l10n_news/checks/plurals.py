"""Plural forms: as many msgstr[N] as the catalog's Plural-Forms says, each filled; and the
rule itself computes, as msgfmt --check requires (`plural=n/0` is refused)."""

from __future__ import annotations

from functools import lru_cache

from l10n_news.catalogs.catalog import Catalog
from l10n_news.catalogs.mofile import included_in_mo
from l10n_news.catalogs.plural_forms import PluralFormsError, validated_plural_rule
from l10n_news.checks.base import CheckInput, Finding, Severity


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


def plural_rule_problem(catalog: Catalog, *, use_fuzzy: bool = False) -> str | None:
    """What msgfmt --check says of the catalog's plural rule, or None if it has nothing.

    Like libintl it looks for `nplurals=` and `plural=` anywhere in the header; once a
    translated plural entry goes into the .mo they must be there, and for n = 0..1000 the
    rule must give a form below nplurals without dividing by zero."""
    header = catalog.header_msgstr()
    has_plurals = any(m.pluralizable and included_in_mo(m, use_fuzzy) for m in catalog)
    if "nplurals=" not in header or "plural=" not in header.replace("nplurals=", ""):
        if has_plurals and header:
            return "plural entries, but the header has no Plural-Forms with nplurals= and plural="
        return None
    try:
        validated_plural_rule(header)
    except PluralFormsError as exc:
        return f"Plural-Forms: {exc}"
    return None


def plural_rule_findings(catalog: Catalog, file: str, lang: str | None) -> list[Finding]:
    """The rule's problem as a finding on the header (for `check`; compile refuses it)."""
    problem = plural_rule_problem(catalog, use_fuzzy=True)
    if problem is None:
        return []
    return [
        Finding(
            file, catalog.header_lineno, None, "", lang, "plural-forms", Severity.ERROR, problem
        )
    ]


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

    from l10n_news.languages import LANGUAGES

    lang = item.target_lang
    if lang not in LANGUAGES or not item.target:
        return []
    return list(_header_problems(lang, item.target, item.nplurals))


@lru_cache(maxsize=64)  # an archive has thousands of catalogs and a handful of headers
def _header_problems(lang: str, value: str, nplurals_written: int | None) -> tuple[str, ...]:
    from l10n_news.checks.dictionaries import remembered
    from l10n_news.languages import LANGUAGES

    # Kept with the spelling verdicts: a rerun reads no CLDR locale data.
    want = remembered("cldr-plural", lang, "", lambda: list(cldr_plural_indexes(lang)))
    nplurals = max(want) + 1
    name = LANGUAGES[lang].name
    if nplurals_written != nplurals:
        return (
            f"Plural-Forms says nplurals={nplurals_written}, but {name} has {nplurals} "
            f"(CLDR); write: {LANGUAGES[lang].plural_forms}",
        )
    try:
        # msgfmt's own test first: a rule that fails it (plural=n/0) is reported on its own
        # (`plural_rule_findings`) and must not be evaluated here.
        formula = validated_plural_rule(value)
    except PluralFormsError:
        return ()
    for n, index in zip(_SAMPLE_COUNTS, want, strict=True):
        got = formula(n)
        if got != index:
            return (
                f"Plural-Forms picks form {got} for n={n}, CLDR's {name} rule form {index}; "
                f"write: {LANGUAGES[lang].plural_forms}",
            )
    return ()
