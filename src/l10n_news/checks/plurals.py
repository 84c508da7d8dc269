"""Plural forms: as many msgstr[N] as the catalog's Plural-Forms says, each filled; and the
rule itself computes, as msgfmt --check requires (`plural=n/0` is refused)."""

from __future__ import annotations

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
