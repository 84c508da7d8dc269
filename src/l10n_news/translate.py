"""Stage 3: fill the untranslated entries of the catalogs with machine-translated drafts.

For every catalog `locales/<lang>/LC_MESSAGES/<domain>.po`, each entry with no translation at
all is sent through the engine chain (`[translate] engines`, default memory then google) from
the domain's source language into `lang`. A result becomes a draft: `#, fuzzy` plus the
translator comment `mt: <engine> <src>→<tgt> <date>`. Reviewed entries and existing fuzzy
translations are never touched. Catalogs are saved as results arrive (every `save_every`
seconds) and once more whatever happens, so an interrupted run keeps its finished drafts and
a rerun picks up the rest (the cache makes it free for what was already sent).

An engine that uses context (`llm`) also gets, per entry, what `_ContextBuilder` finds in the
catalogs: the article's headline and lead, the neighbouring entries, the entry's role, the
glossary terms it uses, and a reviewed translation into the third language (the pivot).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import MT_COMMENT_PREFIX, Catalog, Message, State
from l10n_news.engines.base import Engine, Translation
from l10n_news.engines.context import Document, TermHint, UnitContext
from l10n_news.engines.registry import create_engine
from l10n_news.errors import CatalogError, ConfigError
from l10n_news.glossary import Glossary
from l10n_news.languages import refuse_derived
from l10n_news.workspace import Workspace

DEFAULT_CHAIN = ("memory", "google")
DEFAULT_SAVE_EVERY = 2.0
Progress = Callable[[int, int], None]

# How a filled entry is counted: the engine's status, the memory apart.
_FILLED_AS = {"sent": "sent", "cached": "cached"}


@dataclass
class LanguageCounts:
    sent: int = 0  # filled from a request made in this run
    cached: int = 0  # filled from the translation cache: no request
    memory: int = 0  # filled from the translation memory
    local: int = 0  # filled by another local engine (pseudo), or copied (numbers only)
    rejected: int = 0  # an answer came back with broken placeholders: left untranslated
    failed: int = 0  # no answer (network, quota, key...): left untranslated
    unsupported: int = 0  # no engine of the chain translates this pair
    no_match: int = 0  # only local engines tried, and none had anything

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class Problem:
    """An entry left untranslated, and why."""

    path: str
    line: int | None
    msgid: str
    engine: str
    status: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        short = self.msgid if len(self.msgid) <= 50 else self.msgid[:47] + "..."
        return f"{where}: {self.status} by {self.engine}: {self.reason} ({short!r})"


@dataclass
class TranslateReport:
    engines: list[str]
    languages: dict[str, LanguageCounts] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreachable: dict[str, str] = field(default_factory=dict)  # engine -> why
    requests: int = 0
    texts_sent: int = 0  # distinct texts the requests carried: requests / texts_sent per text
    written: list[str] = field(default_factory=list)
    glossary_misses: list[Problem] = field(default_factory=list)  # drafts kept, `check` reports
    usage: dict[str, dict[str, int]] = field(default_factory=dict)  # engine -> tokens
    broken: list[CatalogError] = field(default_factory=list)  # catalogs left as they are

    def counts(self, lang: str) -> LanguageCounts:
        return self.languages.setdefault(lang, LanguageCounts())

    @property
    def total(self) -> LanguageCounts:
        total = LanguageCounts()
        for counts in self.languages.values():
            for key, value in counts.as_dict().items():
                setattr(total, key, getattr(total, key) + value)
        return total

    @property
    def ok(self) -> bool:
        """False when anything failed (rejections are reported, but are not failures)."""
        return self.total.failed == 0 and not self.unreachable and not self.broken

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "engines": self.engines,
            "requests": self.requests,
            "texts_sent": self.texts_sent,
            "total": self.total.as_dict(),
            "languages": {lang: c.as_dict() for lang, c in sorted(self.languages.items())},
            "unreachable": self.unreachable,
            "problems": [p.__dict__ for p in self.problems],
            "glossary_misses": [p.__dict__ for p in self.glossary_misses],
            "usage": self.usage,
            "written": self.written,
            "broken": [str(e) for e in self.broken],
        }


@dataclass
class TranslateSettings:
    engines: list[str]
    trust_memory: bool = False
    save_every: float = DEFAULT_SAVE_EVERY

    @classmethod
    def from_workspace(cls, ws: Workspace) -> TranslateSettings:
        section = ws.section("translate")
        where = ws.config_path
        unknown = sorted(set(section) - {"engines", "trust_memory", "save_every"})
        if unknown:
            raise ConfigError(f"[translate]: unknown key {unknown[0]!r}", path=where)
        chain = section.get("engines", list(DEFAULT_CHAIN))
        if not isinstance(chain, list) or not chain or not all(isinstance(e, str) for e in chain):
            raise ConfigError("[translate] engines must list engine names", path=where)
        trust = section.get("trust_memory", False)
        if not isinstance(trust, bool):
            raise ConfigError("[translate] trust_memory must be true or false", path=where)
        every = section.get("save_every", DEFAULT_SAVE_EVERY)
        if isinstance(every, bool) or not isinstance(every, int | float) or every <= 0:
            raise ConfigError("[translate] save_every must be a number of seconds", path=where)
        return cls(list(chain), trust, float(every))


@dataclass(eq=False)
class _Job:
    """One catalog being filled."""

    lang: str
    domain: str
    path: Path
    catalog: Catalog
    dirty: bool = False


@dataclass(eq=False)
class _Entry:
    job: _Job
    message: Message
    texts: list[str]  # msgid, and msgid_plural for a plural entry
    context: UnitContext | None = None


def translate_workspace(
    ws: Workspace,
    *,
    langs: list[str] | None = None,
    engine: str | None = None,
    domains: list[str] | None = None,
    progress: Progress | None = None,
) -> TranslateReport:
    """Fill untranslated entries with drafts from the engine chain, or from `engine` only."""
    settings = TranslateSettings.from_workspace(ws)
    chain = [create_engine(ws, name) for name in ([engine] if engine else settings.engines)]
    report = TranslateReport(engines=[e.name for e in chain])
    glossary = _protect_glossary_terms(ws, chain)
    only_langs = {refuse_derived(ws.check_language(lang)) for lang in langs} if langs else None
    try:
        with ws.lock():
            run = _Run(ws, settings, chain, report, progress, glossary)
            try:
                run.collect(only_langs, set(domains) if domains else None)
                run.translate_all()
            finally:
                run.save(force=True)
    finally:
        for e in chain:
            report.requests += e.requests_made
            report.texts_sent += e.texts_sent
            if e.usage:
                report.usage[e.label] = dict(e.usage)
            if e.unreachable is not None:
                report.unreachable[e.name] = e.unreachable.message
            e.close()
    return report


def _protect_glossary_terms(ws: Workspace, chain: list[Engine]) -> Glossary:
    """Do-not-translate glossary terms travel as tokens, so no engine can translate them."""
    glossary = Glossary.load(ws)
    terms = tuple(
        dict.fromkeys(
            form
            for term in glossary.do_not_translate_terms()
            for forms in term.forms.values()
            for form in forms
        )
    )
    for e in chain:
        if e.network:
            e.keep_terms = terms
        if e.uses_context:
            e.glossary = glossary
    return glossary


class _Run:
    def __init__(
        self,
        ws: Workspace,
        settings: TranslateSettings,
        chain: list[Engine],
        report: TranslateReport,
        progress: Progress | None,
        glossary: Glossary,
    ) -> None:
        self.glossary = glossary
        self.ws = ws
        self.settings = settings
        self.chain = chain
        self.report = report
        self.progress = progress
        self.jobs: list[_Job] = []
        self.pairs: dict[tuple[str, str], list[_Entry]] = {}
        self.last_save = time.monotonic()
        self.today = dt.date.today().isoformat()
        self.done = 0
        self.total = 0
        wants_context = any(e.uses_context for e in chain)
        self.contexts = _ContextBuilder(ws, glossary) if wants_context else None

    # --- what to translate ---------------------------------------------------------------
    def collect(self, langs: set[str] | None, domains: set[str] | None) -> None:
        for lang, domain, path in self.ws.catalog_paths():
            if (langs and lang not in langs) or (domains and domain not in domains):
                continue
            source = self.ws.domain_source_language(domain)
            if lang == source:
                continue
            catalog = try_read_catalog(path, self.ws.relative(path))
            if isinstance(catalog, CatalogError):
                self.report.broken.append(catalog)  # left as it is; the others go on
                continue
            job = _Job(lang, domain, path, catalog)
            self.jobs.append(job)
            units = [m for m in job.catalog if m.msgid and not m.obsolete]
            document = self.contexts.document(domain, units) if self.contexts else None
            for k, message in enumerate(units):
                if any(message.strings) or message.state is not State.UNTRANSLATED:
                    continue  # something a person or msgmerge wrote
                texts = [message.msgid]
                if message.msgid_plural is not None:
                    texts.append(message.msgid_plural)
                entry = _Entry(job, message, texts)
                if self.contexts is not None:
                    entry.context = self.contexts.unit(document, units, k, source, lang)
                self.pairs.setdefault((source, lang), []).append(entry)
        self.total = sum(len(entries) for entries in self.pairs.values())

    # --- translating ---------------------------------------------------------------------------
    def translate_all(self) -> None:
        for (source, target), entries in self.pairs.items():
            self._translate_pair(source, target, entries)

    def _translate_pair(self, source: str, target: str, entries: list[_Entry]) -> None:
        found: dict[str, Translation] = {}
        last: dict[str, Translation] = {}  # the last failure of a text still without translation
        waiting: dict[str, list[_Entry]] = {}
        for entry in entries:
            for text in entry.texts:
                waiting.setdefault(text, []).append(entry)
        context_of = {text: users[0].context for text, users in waiting.items()}

        for engine in self.chain:
            pending = [t for t in waiting if t not in found]
            if not pending:
                break

            def on_result(i: int, tr: Translation, pending: list[str] = pending) -> None:
                text = pending[i]
                if tr.text is None:
                    last[text] = tr
                    return
                found[text] = tr
                for entry in waiting[text]:
                    if all(t in found for t in entry.texts):
                        self._fill(entry, [found[t] for t in entry.texts], source, target)
                self.save()

            contexts = [context_of[t] for t in pending] if engine.uses_context else None
            engine.translate(pending, source, target, on_result=on_result, contexts=contexts)

        for entry in entries:
            if all(t in found for t in entry.texts):
                continue
            miss = next((last[t] for t in entry.texts if t in last), None)
            if miss is not None:
                self._count_miss(entry, miss)

    def _fill(self, entry: _Entry, results: list[Translation], source: str, target: str) -> None:
        first = results[0]
        strings = [r.text or "" for r in results]
        if first.engine not in ("memory", "pseudo") and len(self.glossary):
            # Required renderings of glossary terms replace known wrong ones in MT output.
            strings = [
                self.glossary.enforce(src, source, target, text)
                for src, text in zip(entry.texts, strings, strict=True)
            ]
            self._note_glossary_misses(entry, first.engine, strings[0], source, target)
        message = entry.message
        if message.pluralizable:
            nplurals = entry.job.catalog.nplurals
            plural = strings[1] if len(strings) > 1 else strings[0]
            message.set_translation([strings[0]] + [plural] * (nplurals - 1))
        else:
            message.set_translation(strings[0])
        exact_memory = first.engine == "memory" and (first.score or 0) >= 100
        message.fuzzy = not (exact_memory and self.settings.trust_memory)
        # The note (a memory match's score and origin, a pivot language) helps the reviewer.
        note = f" ({first.note})" if first.note else ""
        message.set_comment(
            MT_COMMENT_PREFIX, f"{first.engine} {source}→{target} {self.today}{note}"
        )
        entry.job.dirty = True
        counts = self.report.counts(entry.job.lang)
        if first.engine == "memory":
            counts.memory += 1
        elif first.status in _FILLED_AS:
            kind = _FILLED_AS[first.status]
            setattr(counts, kind, getattr(counts, kind) + 1)
        else:
            counts.local += 1
        self._advance()

    def _note_glossary_misses(
        self, entry: _Entry, engine: str, draft: str, source: str, target: str
    ) -> None:
        """A draft that still breaks the glossary is kept; the report (and `check`) say so."""
        problems = self.glossary.check(entry.message.msgid, source, target, draft)
        if problems:
            self.report.glossary_misses.append(
                Problem(
                    path=self.ws.relative(entry.job.path),
                    line=entry.message.lineno,
                    msgid=entry.message.msgid,
                    engine=engine,
                    status="glossary",
                    reason="; ".join(p.removeprefix("glossary:").strip() for p in problems),
                )
            )

    def _count_miss(self, entry: _Entry, miss: Translation) -> None:
        counts = self.report.counts(entry.job.lang)
        status = miss.status if miss.status in ("rejected", "failed", "unsupported") else "no_match"
        setattr(counts, status, getattr(counts, status) + 1)
        if status != "no_match":
            self.report.problems.append(
                Problem(
                    path=self.ws.relative(entry.job.path),
                    line=entry.message.lineno,
                    msgid=entry.message.msgid,
                    engine=miss.engine,
                    status=status,
                    reason=miss.reason or status,
                )
            )
        self._advance()

    def _advance(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    # --- saving ------------------------------------------------------------------------------
    def save(self, *, force: bool = False) -> None:
        """Write the catalogs that changed, at most every `save_every` seconds unless forced."""
        if not force and time.monotonic() - self.last_save < self.settings.save_every:
            return
        for job in self.jobs:
            if job.dirty:
                if self.ws.write_catalog(job.path, job.catalog):
                    rel = self.ws.relative(job.path)
                    if rel not in self.report.written:
                        self.report.written.append(rel)
                job.dirty = False
        self.last_save = time.monotonic()


class _ContextBuilder:
    """What an engine that uses context is told about each entry, read from the catalogs."""

    def __init__(self, ws: Workspace, glossary: Glossary) -> None:
        self.ws = ws
        self.glossary = glossary
        self._pivot_catalogs: dict[tuple[str, str], Catalog | None] = {}

    def document(self, domain: str, units: list[Message]) -> Document:
        """The headline and lead: the entries extract marks `title` and `summary`."""

        def first(role: str) -> str | None:
            return next((m.msgid for m in units if role in m.extracted_comments), None)

        return Document(domain, headline=first("title"), lead=first("summary"))

    def unit(
        self, document: Document, units: list[Message], k: int, source: str, target: str
    ) -> UnitContext:
        message = units[k]
        pivot_lang, pivot_text = self._pivot(document.domain, message, source, target)
        return UnitContext(
            document=document,
            before=units[k - 1].msgid if k > 0 else None,
            after=units[k + 1].msgid if k + 1 < len(units) else None,
            role="; ".join(message.extracted_comments) or None,
            terms=self._terms(message.msgid, source, target),
            pivot_lang=pivot_lang,
            pivot_text=pivot_text,
        )

    def _terms(self, text: str, source: str, target: str) -> tuple[TermHint, ...]:
        if not len(self.glossary):
            return ()
        hints = []
        for term in self.glossary.terms_in(text, source):
            required = term.rendering(target)
            if required is None or term.do_not_translate:
                continue  # do-not-translate terms travel as protected tokens
            written = term.forms.get(source, (term.label,))[0]
            hints.append(TermHint(written, required, term.note))
        return tuple(hints)

    def _pivot(
        self, domain: str, message: Message, source: str, target: str
    ) -> tuple[str | None, str | None]:
        """The reviewed translation of the same entry in the workspace's third language."""
        for lang in self.ws.languages:
            if lang in (source, target) or message.pluralizable:
                continue
            catalog = self._catalog(lang, domain)
            found = catalog.get(message.msgid, message.msgctxt) if catalog else None
            if found is not None and found.state is State.REVIEWED:
                return lang, found.msgstr
        return None, None

    def _catalog(self, lang: str, domain: str) -> Catalog | None:
        if (lang, domain) not in self._pivot_catalogs:
            path = self.ws.po_path(lang, domain)
            found = try_read_catalog(path, self.ws.relative(path)) if path.is_file() else None
            self._pivot_catalogs[lang, domain] = found if isinstance(found, Catalog) else None
        return self._pivot_catalogs[lang, domain]
