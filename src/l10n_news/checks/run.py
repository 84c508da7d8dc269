"""Running the checks: over one catalog entry, or over every catalog of a workspace."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.checks import dictionaries
from l10n_news.checks.base import CheckInput, Finding, GlossaryLike, ignored_checks
from l10n_news.checks.registry import BY_ID, CHECKS, HEADER_CHECKS
from l10n_news.errors import ConfigError
from l10n_news.workspace import Workspace


def protected_names(glossary: GlossaryLike | None, lang: str | None) -> frozenset[str]:
    """Names that may stay as written in `lang`: glossary forms in another script and the
    glossary's do-not-translate terms."""
    if glossary is None or lang is None:
        return frozenset()
    names = set(glossary.allowed_names(lang))
    for term in getattr(glossary, "do_not_translate_terms", list)():
        names.update(term.accepted(lang))
    return frozenset(names)


def _inputs(message: Message, base: dict) -> Iterator[tuple[CheckInput, bool]]:
    """(input, per_entry) pairs: one per filled msgstr, the first also runs per-entry checks."""
    if not message.pluralizable:
        yield CheckInput(source=message.msgid, target=message.msgstr, **base), True
        return
    strings = tuple(message.msgstr_plural)
    first = True
    for form, text in enumerate(strings):
        if not text:
            continue
        source = message.msgid if form == 0 else message.msgid_plural or message.msgid
        yield (
            CheckInput(
                source=source,
                target=text,
                plural_strings=strings,
                plural_form=form,
                plural_source=message.msgid_plural,
                **base,
            ),
            first,
        )
        first = False


def check_message(
    message: Message,
    *,
    source_lang: str | None,
    target_lang: str | None,
    glossary: GlossaryLike | None = None,
    nplurals: int | None = None,
    file: str = "",
    other_translations: dict[str, str] | None = None,
    only: Collection[str] | None = None,
) -> list[Finding]:
    """Every finding for one entry (none for an obsolete or empty one, or one ignored whole)."""
    if message.obsolete or not any(message.strings):
        return []
    ignored = ignored_checks(message.translator_comments)
    if "all" in ignored:
        return []
    unknown = [c for c in only or () if c not in BY_ID]
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r} (known: {', '.join(BY_ID)})")
    base = {
        "source_lang": source_lang,
        "target_lang": target_lang,
        "flags": tuple(message.flags),
        "glossary": glossary,
        "nplurals": nplurals,
        "other_translations": dict(other_translations or {}),
        "names": protected_names(glossary, target_lang),
        "context": message.msgctxt,
    }
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for item, first in _inputs(message, base):
        for check in CHECKS:
            if check.id in ignored or (only is not None and check.id not in only):
                continue
            if check.per_entry and not first:
                continue
            for text in check.func(item):
                if (check.id, text) in seen:
                    continue  # the same problem in two plural forms is reported once
                seen.add((check.id, text))
                findings.append(
                    Finding(
                        file=file,
                        line=message.lineno,
                        msgctxt=message.msgctxt,
                        msgid=message.msgid,
                        lang=target_lang,
                        check=check.id,
                        severity=check.severity,
                        message=text,
                    )
                )
    return findings


def check_header(
    catalog: Catalog, *, lang: str, file: str = "", only: Collection[str] | None = None
) -> list[Finding]:
    """Findings about the catalog as a whole (its header), such as a Plural-Forms against CLDR."""
    item = CheckInput(
        source="",
        target=catalog.header.get("Plural-Forms", ""),
        target_lang=lang,
        nplurals=catalog.nplurals,
    )
    return [
        Finding(file, None, None, "", lang, check.id, check.severity, text)
        for check in HEADER_CHECKS
        if only is None or check.id in only
        for text in check.func(item)
    ]


def load_glossary(ws: Workspace) -> GlossaryLike | None:
    """The workspace glossary, or None when this installation has no glossary module."""
    try:
        from l10n_news.glossary import Glossary
    except ImportError:  # pragma: no cover - the glossary arrives with the MT drafts issue
        return None
    return Glossary.load(ws)


def check_workspace(
    ws: Workspace,
    *,
    langs: Collection[str] | None = None,
    domains: Collection[str] | None = None,
    only: Collection[str] | None = None,
    skip: Collection[Path] = (),
) -> list[Finding]:
    """Findings for every translated or draft entry of the chosen catalogs, in file order.

    Catalogs in `skip` (broken ones, see catalogs.broken) are neither checked nor compared."""
    for lang in langs or ():
        ws.check_language(lang)
    unknown = [c for c in only or () if c not in BY_ID]
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r} (known: {', '.join(BY_ID)})")
    paths = [
        (lang, domain, path)
        for lang, domain, path in ws.catalog_paths()
        if (not langs or lang in langs) and (not domains or domain in domains) and path not in skip
    ]
    if domains:
        known = {domain for _, domain, _ in ws.catalog_paths()}
        missing = [d for d in domains if d not in known]
        if missing:
            raise ConfigError(f"no catalog for domain {missing[0]!r}", path=ws.locales_dir)
    glossary = load_glossary(ws)
    # The spelling checks' verdicts from past runs: a rerun loads no dictionary it can spare.
    dictionaries.open_cache(ws.state_dir / "spelling-cache.json")
    cache: dict[Path, Catalog] = {}

    def catalog_at(path: Path) -> Catalog:
        if path not in cache:
            cache[path] = ws.read_catalog(path)
        return cache[path]

    findings: list[Finding] = []
    for lang, domain, path in paths:
        source_lang = ws.domain_source_language(domain)
        if lang == source_lang:
            continue
        catalog = catalog_at(path)
        findings += check_header(catalog, lang=lang, file=ws.relative(path), only=only)
        siblings = {
            other: catalog_at(ws.po_path(other, domain))
            for other in ws.languages
            if other not in (lang, source_lang)
            and ws.po_path(other, domain).is_file()
            and ws.po_path(other, domain) not in skip
        }
        for message in catalog:
            others = {}
            for other, sibling in siblings.items():
                twin = sibling.get(message.msgid, message.msgctxt)
                if twin is not None and not twin.pluralizable and twin.msgstr:
                    others[other] = twin.msgstr
            findings += check_message(
                message,
                source_lang=source_lang,
                target_lang=lang,
                glossary=glossary,
                nplurals=catalog.nplurals,
                file=ws.relative(path),
                other_translations=others,
                only=only,
            )
    dictionaries.save_cache()
    return findings
