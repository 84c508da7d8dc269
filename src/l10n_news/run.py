"""The editor's one command: extract -> update -> translate -> check -> compile -> publish.

Each stage is the library call its own command makes; this module only strings them together
under one workspace lock and gathers one summary. A failing network engine does not stop the
run: the stages after it still work with what is there, and the summary says what failed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news.catalogs.broken import catalog_problems
from l10n_news.checks.base import Finding, Severity
from l10n_news.checks.run import FindingsCache, check_workspace
from l10n_news.compile import CompileReport, compile_workspace
from l10n_news.errors import CatalogError
from l10n_news.extract import ExtractReport, extract_workspace
from l10n_news.publish import publish_workspace
from l10n_news.publish.site import PublishReport
from l10n_news.state import RunState
from l10n_news.translate import TranslateReport, TranslateSettings, translate_workspace
from l10n_news.update import UpdateSummary, update_workspace
from l10n_news.workspace import Workspace

Stage = Callable[[str], None]  # told the name of each stage as it starts


@dataclass
class RunSummary:
    extract: ExtractReport
    update: UpdateSummary
    translate: TranslateReport | None
    findings: list[Finding]
    compile: CompileReport
    publish: PublishReport
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)
    broken: list[CatalogError] = field(default_factory=list)  # left as they are, rest done

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def ok(self) -> bool:
        translated_ok = self.translate is None or self.translate.ok
        return translated_ok and not self.errors and not self.publish.problems and not self.broken

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "broken": [str(e) for e in self.broken],
            "languages": self.languages,
            "extract": self.extract.as_dict(),
            "update": self.update.as_dict(),
            "translate": self.translate.as_dict() if self.translate else None,
            "check": {
                "errors": len(self.errors),
                "warnings": sum(1 for f in self.findings if f.severity == Severity.WARNING),
                "ignored": sum(1 for f in self.findings if f.severity == Severity.IGNORED),
                "findings": [f.as_dict() for f in self.findings],
            },
            "compile": self.compile.as_dict(),
            "publish": self.publish.as_dict(),
        }


def run_pipeline(
    ws: Workspace,
    *,
    translate: bool = True,
    engine: str | None = None,
    out: Path | None = None,
    formats: tuple[str, ...] = ("html",),
    allow_drafts: bool = False,
    stage: Stage | None = None,
) -> RunSummary:
    def starting(name: str) -> None:
        if stage:
            stage(name)

    with ws.lock():
        starting("extract")
        extracted = extract_workspace(ws)
        starting("update")
        # What update merges is compiled from memory; compile then skips it (unless
        # translate changed the catalog in between).
        updated = update_workspace(ws, compile_fuzzy=allow_drafts)
        translated = None
        if translate:
            starting("translate")
            translated = translate_changed(ws, engine=engine)
        starting("check")
        # A catalog whose cached findings still hold reads: only the others are tried.
        kept = FindingsCache(ws)
        broken = catalog_problems(
            (p, ws.relative(p))
            for lang, domain, p in ws.catalog_paths()
            if not kept.is_current(lang, domain)
        )
        findings = check_workspace(ws, use_cache=kept, skip=set(broken))
        starting("compile")
        compiled = compile_workspace(ws, use_fuzzy=allow_drafts)
        starting("publish")
        published = publish_workspace(ws, out=out, formats=formats, allow_drafts=allow_drafts)
    summary = RunSummary(extracted, updated, translated, findings, compiled, published)
    summary.broken = list(broken.values())
    summary.languages = _per_language(ws, summary)
    return summary


def translate_changed(ws: Workspace, *, engine: str | None = None) -> TranslateReport:
    """translate_workspace over the catalogs that changed since a run left them with nothing
    to translate: a rerun reads no catalog it has no reason to."""
    state = RunState(ws.state_dir / "state.json")
    # A catalog in its domain's own source language has nothing to translate; recording it
    # as such is harmless, and sparing the template reads keeps the rerun fast.
    targets = [
        (f"{lang}/{domain}", domain, {"po": path}) for lang, domain, path in ws.catalog_paths()
    ]
    stale = sorted(
        {domain for key, domain, files in targets if not state.unchanged("translate", key, files)}
    )
    if not stale:
        chain = [engine] if engine else TranslateSettings.from_workspace(ws).engines
        return TranslateReport(engines=chain)
    report = translate_workspace(ws, engine=engine, domains=stale)
    if report.ok and not report.problems:
        # Every entry of these catalogs now has a translation or a draft.
        for key, domain, files in targets:
            if domain in stale:
                state.remember("translate", key, files)
        state.save()
    return report


def _per_language(ws: Workspace, summary: RunSummary) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for lang in ws.languages:
        pub = summary.publish.languages.get(lang)
        drafts = 0
        if summary.translate is not None and lang in summary.translate.languages:
            c = summary.translate.languages[lang]
            drafts = c.sent + c.cached + c.memory + c.local
        out[lang] = {
            "published": sorted(pub.published) if pub else [],
            "published_as_drafts": sorted(pub.drafts) if pub else [],
            "held": dict(sorted(pub.held.items())) if pub else {},
            "drafts_made": drafts,
            "check_errors": sum(1 for f in summary.errors if f.lang == lang),
        }
    return out
