"""The editor's one command: extract -> update -> translate -> check -> compile -> publish.

Each stage is the library call its own command makes; this module only strings them together
under one workspace lock and gathers one summary. A failing network engine does not stop the
run: the stages after it still work with what is there, and the summary says what failed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news import __version__
from l10n_news import checks as checks_package
from l10n_news.catalogs.broken import catalog_problems
from l10n_news.checks.base import Finding, Severity
from l10n_news.checks.run import check_workspace
from l10n_news.compile import CompileReport, compile_workspace
from l10n_news.errors import CatalogError
from l10n_news.extract import ExtractReport, extract_workspace
from l10n_news.glossary import DEFAULT_PATH as DEFAULT_GLOSSARY
from l10n_news.publish import publish_workspace
from l10n_news.publish.site import PublishReport
from l10n_news.state import RunState, signature
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
        return translated_ok and not self.errors and not self.publish.leaks and not self.broken

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
                "warnings": len(self.findings) - len(self.errors),
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
        findings, broken = check_changed(ws)
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


def _check_inputs(ws: Workspace, domain: str) -> dict[str, Path]:
    # A domain's entries are checked against each other across languages, so every
    # language's catalog of the domain is an input.
    return {lang: ws.po_path(lang, domain) for lang in ws.languages}


def _check_settings(ws: Workspace) -> dict[str, Any]:
    glossary = ws.section("glossary").get("path", DEFAULT_GLOSSARY)
    return {
        "version": __version__,
        "code": _checks_code(),
        "config": signature(ws.config_path),
        "glossary": signature(ws.root / glossary) if isinstance(glossary, str) else repr(glossary),
    }


def _checks_code() -> str:
    """When the checks' own code last changed: a developer's edit re-checks everything."""
    folder = Path(checks_package.__file__).parent
    return str(max(p.stat().st_mtime_ns for p in folder.glob("*.py")))


def check_changed(ws: Workspace) -> tuple[list[Finding], dict[Path, CatalogError]]:
    """The findings of every catalog, and the catalogs that cannot be read, checking again
    only the domains whose catalogs (or the glossary, the configuration, the checks
    themselves) changed since they were last checked; the others' findings come from the run
    records, kept beside the record of what was checked. A broken catalog is read on every
    run, so it is always reported.
    """
    # Its own file: the findings kept beside the records can be many, and the other stages
    # need not parse them.
    state = RunState(ws.state_dir / "check-state.json")
    settings = _check_settings(ws)
    paths_of: dict[str, list[tuple[str, Path]]] = {}
    for lang, domain, path in ws.catalog_paths():
        paths_of.setdefault(domain, []).append((lang, path))
    stale: dict[str, list[str]] = {}  # lang -> domains to check
    findings: list[Finding] = []
    for domain, paths in paths_of.items():
        if state.unchanged("check", domain, _check_inputs(ws, domain), settings):
            findings += _stored_findings(state.noted("check", domain))
            continue
        for lang, _ in paths:
            stale.setdefault(lang, []).append(domain)
    checked = {domain for chosen in stale.values() for domain in chosen}
    # A catalog that was checked was read then, and has not changed since: only the others
    # can be broken.
    broken = catalog_problems(
        (path, ws.relative(path)) for domain in sorted(checked) for _, path in paths_of[domain]
    )
    fresh: list[Finding] = []
    for lang, chosen in stale.items():
        fresh += check_workspace(ws, langs=[lang], domains=chosen, skip=set(broken))
    broken_files = {ws.relative(path) for path in broken}
    for domain in checked:
        files = _check_inputs(ws, domain)
        shown = {ws.relative(path) for path in files.values()}
        if shown & broken_files:
            continue
        mine = [f.as_dict() for f in fresh if f.file in shown]
        state.remember("check", domain, files, settings)
        state.note("check", domain, json.dumps(mine, ensure_ascii=False) if mine else None)
    state.save()
    # In catalog order (locales/<lang>/LC_MESSAGES/<domain>.po), each in file order.
    return sorted(findings + fresh, key=lambda f: f.file), broken


def _stored_findings(text: str | None) -> list[Finding]:
    if not text:
        return []
    return [
        Finding(**{**item, "severity": Severity(item["severity"])}) for item in json.loads(text)
    ]


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
