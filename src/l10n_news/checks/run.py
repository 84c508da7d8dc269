"""Running the checks: over one catalog entry, or over every catalog of a workspace."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Collection, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.checks import dictionaries
from l10n_news.checks.base import (
    Check,
    CheckInput,
    Finding,
    GlossaryLike,
    Severity,
    ignored_checks,
)
from l10n_news.checks.registry import BY_ID, CHECKS, HEADER_CHECKS
from l10n_news.errors import ConfigError
from l10n_news.fileio import atomic_write_text
from l10n_news.workers import in_workers, worker_count
from l10n_news.workspace import UI_DOMAIN, Workspace


def protected_names(glossary: GlossaryLike | None, lang: str | None) -> frozenset[str]:
    """Names that may stay as written in `lang`: glossary forms in another script and the
    glossary's do-not-translate terms."""
    if glossary is None or lang is None:
        return frozenset()
    cached = getattr(glossary, "protected_names", None)
    if cached is not None:  # a large glossary computes them once per language
        return cached(lang)
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


# What the checks found in an entry, by everything they read of it (see check_message).
CheckMemo = dict[tuple[Any, ...], tuple[tuple[Check, str], ...]]


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
    domain: str | None = None,
    memo: CheckMemo | None = None,
) -> list[Finding]:
    """Every finding for one entry (none for an obsolete or empty one, or one ignored whole).

    `memo`: problems already found, by everything the checks read of an entry: an entry met
    again (a tag, a section, a credit line in every article) is checked once. One memo is for
    one glossary."""
    if message.obsolete or not any(message.strings):
        return []
    chosen = None if only is None else frozenset(only)
    others = dict(other_translations or {})
    key = None
    problems = None
    if memo is not None:
        key = (
            message.msgctxt,
            message.msgid,
            message.msgid_plural,
            tuple(message.strings),
            tuple(message.flags),
            source_lang,
            target_lang,
            nplurals,
            domain == UI_DOMAIN,  # what a check may ask of the domain (CheckInput.domain)
            tuple(sorted(others.items())),
            chosen,
        )
        problems = memo.get(key)
    if problems is None:
        base = {
            "source_lang": source_lang,
            "target_lang": target_lang,
            "flags": tuple(message.flags),
            "glossary": glossary,
            "nplurals": nplurals,
            "other_translations": others,
            "names": protected_names(glossary, target_lang),
            "context": message.msgctxt,
            "domain": domain,
        }
        problems = _problems(message, base, _selected(chosen))
        if memo is not None:
            memo[key] = problems
    ignored = ignored_checks(message.translator_comments)
    return [
        Finding(
            file=file,
            line=message.lineno,
            msgctxt=message.msgctxt,
            msgid=message.msgid,
            lang=target_lang,
            check=check.id,
            severity=(
                Severity.IGNORED if check.id in ignored or "all" in ignored else check.severity
            ),
            message=text,
        )
        for check, text in problems
    ]


def _problems(
    message: Message, base: dict[str, Any], selected: tuple[Check, ...]
) -> tuple[tuple[Check, str], ...]:
    """(check, problem) for every problem of the entry, each once."""
    found: dict[tuple[str, str], tuple[Check, str]] = {}
    for item, first in _inputs(message, base):
        for check in selected:
            if check.per_entry and not first:
                continue
            for text in check.func(item):
                # the same problem in two plural forms is reported once
                found.setdefault((check.id, text), (check, text))
    return tuple(found.values())


@lru_cache(maxsize=16)  # asked once per entry: a catalog has hundreds
def _selected(only: frozenset[str] | None) -> tuple[Check, ...]:
    """The checks to run, in registry order; a ConfigError for an id no check has."""
    unknown = sorted(c for c in only or () if c not in BY_ID)
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r} (known: {', '.join(BY_ID)})")
    return tuple(check for check in CHECKS if only is None or check.id in only)


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


def load_checkers(langs: Collection[str]) -> None:
    """Load the dictionaries and the morphology that checking `langs` needs, now rather than
    on first use (a caller about to fork workers lets them share one copy)."""
    for lang in langs:
        if dictionaries.available(lang):
            dictionaries.dictionaries(lang)
    if {"ru", "kk"} & set(langs):  # Russian morphology: agreement, and loanwords in Kazakh
        dictionaries.russian_morphology()


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
    use_cache: bool | FindingsCache = False,
    skip: Collection[Path] = (),
    jobs: int | None = None,
) -> list[Finding]:
    """Findings for every translated or draft entry of the chosen catalogs, in file order.

    Catalogs in `skip` (broken ones, see catalogs.broken) are neither checked nor compared.
    With `use_cache`, a catalog none of whose inputs changed since the last cached check
    gives its findings from `.l10n-news/check-findings.json` (only for a full check).
    `jobs`: processes to check in (default: one per CPU when many catalogs are to check).
    """
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

    kept = None
    if use_cache and only is None:
        kept = use_cache if isinstance(use_cache, FindingsCache) else FindingsCache(ws)
    found: dict[tuple[str, str], list[Finding]] = {}
    fresh: set[tuple[str, str]] = set()  # found this time, to be kept
    to_check = []
    for lang, domain, path in paths:
        # A cached record covers the domain's template too: no need to read its header.
        record = kept.get(lang, domain) if kept is not None else None
        if record is not None:
            found[lang, domain] = record
        elif lang == ws.domain_source_language(domain):
            found[lang, domain] = []  # a catalog in its own source language has nothing to check
            fresh.add((lang, domain))
        else:
            to_check.append((lang, domain, path))

    memo: CheckMemo = {}

    def check_one(item: tuple[str, str, Path]) -> tuple[list[Finding], dict[str, object]]:
        lang, domain, path = item
        findings = check_header(catalog_at(path), lang=lang, file=ws.relative(path), only=only)
        findings += check_catalog(
            ws, lang, domain, catalog_at, glossary=glossary, only=only, skip=skip, memo=memo
        )
        return findings, dictionaries.take_fresh()  # a worker's verdicts, sent back

    workers = worker_count(len(to_check), jobs)
    if workers > 1:
        load_checkers(sorted({lang for lang, _, _ in to_check}))  # once, before the fork
    checked = in_workers(check_one, to_check, workers)
    for (lang, domain, _), (findings, verdicts) in zip(to_check, checked, strict=True):
        dictionaries.adopt(verdicts)
        found[lang, domain] = findings
        fresh.add((lang, domain))
    if kept is not None:
        for lang, domain in sorted(fresh):
            kept.put(lang, domain, found[lang, domain])
        kept.save()
    dictionaries.save_cache()
    return [f for lang, domain, _ in paths for f in found[lang, domain]]


class FindingsCache:
    """Findings of each catalog, kept while every file they depend on is unchanged.

    `.l10n-news/check-findings.json`: per catalog, the signatures (mtime, size, inode) of the
    catalog, its siblings in the other languages, the domain's template, the glossary and the
    configuration, and the findings. A rerun of `run` with nothing changed reads no catalog.
    """

    NAME = "check-findings.json"

    def __init__(self, ws: Workspace) -> None:
        from l10n_news import __version__

        self.ws = ws
        # Findings depend on the rules and on the dictionaries installed (a new hunspell-kk
        # changes the spelling verdicts): either changing discards every record.
        self.version = f"{__version__}|{dictionaries.fingerprint()}"
        self.path = ws.state_dir / self.NAME
        self.dirty = False
        self.fresh: dict[str, Any] = {}  # records put since the last `take_fresh`
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            data = {}
        ok = isinstance(data, dict) and data.get("version") == self.version
        self.table: dict[str, Any] = data.get("catalogs", {}) if ok else {}
        glossary = ws.section("glossary").get("path", "glossary.csv")
        self._seen: dict[str, str] = {}
        self._records: dict[tuple[str, str], str] = {}
        self._po_dirs = [os.fspath(ws.po_path(lang, "x").parent) for lang in ws.languages]
        self._pot_dir = os.fspath(ws.pot_path("x").parent)
        shared = [ws.config_path, ws.root / (glossary if isinstance(glossary, str) else "")]
        self._shared_files = [os.fspath(path) for path in shared]
        self._shared = [self._signature(path) for path in shared]

    def _files(self, domain: str) -> list[str]:
        # Strings, not Paths: a rerun of a 2,000-article archive asks for 16,000 of these.
        files = [os.path.join(folder, f"{domain}.po") for folder in self._po_dirs]
        return [*files, os.path.join(self._pot_dir, f"{domain}.pot"), *self._shared_files]

    def _signatures(self, lang: str, domain: str) -> str:
        key = (lang, domain)
        if key not in self._records:
            self._records[key] = ";".join(map(self._signature, self._files(domain)))
        return self._records[key]

    def _holds(self, record: dict[str, Any] | None, lang: str, domain: str) -> bool:
        """Whether a record was made from the files as they are now. A file that was racy
        when recorded (written within seconds: its signature carries its content's hash) and
        has settled since holds when its content is the same: `run` writes catalogs, checks
        them, and publishes seconds later."""
        if not record:
            return False
        recorded = str(record.get("files", ""))
        if recorded == self._signatures(lang, domain):
            return True
        from l10n_news.state import still_matches

        then, now = recorded.split(";"), self._signatures(lang, domain).split(";")
        files = self._files(domain)
        if len(then) != len(files):
            return False
        return all(
            old == new or still_matches(old, Path(path))
            for old, new, path in zip(then, now, files, strict=True)
        )

    def _signature(self, path: str | Path) -> str:
        """One file's signature, asked once per run: a catalog is a sibling of two others."""
        key = os.fspath(path)
        if key not in self._seen:
            from l10n_news.state import MISSING, RACY_NS, signature

            try:
                st = os.stat(key)
            except (FileNotFoundError, NotADirectoryError):
                self._seen[key] = MISSING
                return MISSING
            if time.time_ns() - st.st_mtime_ns < RACY_NS:
                self._seen[key] = signature(Path(key))  # with its content hash
            else:
                self._seen[key] = f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}"
        return self._seen[key]

    def is_current(self, lang: str, domain: str) -> bool:
        """Whether the record of this catalog still holds (so the catalog reads, too)."""
        return self._holds(self.table.get(f"{lang}/{domain}"), lang, domain)

    def get(self, lang: str, domain: str, *, errors_only: bool = False) -> list[Finding] | None:
        """The kept findings, or None. A record of the error checks alone (what the publishing
        gate needs) is given only to a caller that asks for no more (`errors_only`)."""
        record = self.table.get(f"{lang}/{domain}")
        if record is None or not self._holds(record, lang, domain):
            return None
        if record.get("errors_only") and not errors_only:
            return None
        return [
            Finding(**dict(item, severity=Severity(item["severity"])))
            for item in record["findings"]
        ]

    def put(
        self, lang: str, domain: str, findings: list[Finding], *, errors_only: bool = False
    ) -> None:
        record: dict[str, Any] = {
            "files": self._signatures(lang, domain),
            "findings": [f.as_dict() for f in findings],
        }
        if errors_only:
            record["errors_only"] = True
        self.table[f"{lang}/{domain}"] = self.fresh[f"{lang}/{domain}"] = record
        self.dirty = True

    def take_fresh(self) -> dict[str, Any]:
        """The records put since the last call (what a worker process sends back)."""
        fresh, self.fresh = self.fresh, {}
        return fresh

    def adopt(self, records: dict[str, Any]) -> None:
        """Records another process put."""
        if records:
            self.table.update(records)
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            text = json.dumps({"version": self.version, "catalogs": self.table}, ensure_ascii=False)
            atomic_write_text(self.path, text)


def check_catalog(
    ws: Workspace,
    lang: str,
    domain: str,
    catalog_at: Callable[[Path], Catalog],
    *,
    glossary: GlossaryLike | None,
    keys: Collection[tuple[str | None, str]] | None = None,
    only: Collection[str] | None = None,
    source_lang: str | None = None,
    skip: Collection[Path] = (),
    memo: CheckMemo | None = None,
) -> list[Finding]:
    """Findings for one catalog (only the entries with `keys` (msgctxt, msgid), if given).

    `catalog_at` reads a catalog (the caller may cache them): the other languages' catalogs of
    the domain are read too, for the check that a translation is not another's again.
    """
    source_lang = source_lang or ws.domain_source_language(domain)
    path = ws.po_path(lang, domain)
    catalog = catalog_at(path)
    siblings = {
        other: catalog_at(ws.po_path(other, domain))
        for other in ws.languages
        if other not in (lang, source_lang)
        and ws.po_path(other, domain).is_file()
        and ws.po_path(other, domain) not in skip
    }
    wanted = None if keys is None else set(keys)
    shown = ws.relative(path)
    findings: list[Finding] = []
    for message in catalog:
        if wanted is not None and (message.msgctxt, message.msgid) not in wanted:
            continue
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
            file=shown,
            other_translations=others,
            only=only,
            domain=domain,
            memo=memo,
        )
    return findings
