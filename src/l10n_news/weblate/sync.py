"""`weblate sync`: the workspace and a Weblate project brought into step, in four steps.

1. `ensure_project` and `ensure_components`: the project and one component per domain exist
   with our file layout (`components.plan_components`); components of removed articles are
   reported, and deleted only with `prune`.
2. `refresh_repository`: Weblate pulls what the newsroom pushed, then commits and pushes what
   its translators did.
3. `pull_translations`: every translation's units come back through the API and are merged
   into our catalogs (`merge.merge_units`), in the name of whoever made the change.
4. `post_findings`: our check errors are posted once each as comments on the Weblate unit,
   where the translator sees them beside the string.

What the last sync saw is kept in `.l10n-news/weblate.json`; deleting it is safe (the next
sync then treats every difference on a reviewed entry as a conflict rather than guessing).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from l10n_news.errors import L10nError
from l10n_news.fileio import atomic_write_text
from l10n_news.weblate.client import WeblateClient, WeblateError
from l10n_news.weblate.components import ComponentPlan, plan_components
from l10n_news.weblate.merge import Conflict, WeblateUnit, merge_units
from l10n_news.weblate.settings import WeblateSettings, load_settings
from l10n_news.workspace import Workspace

STATE_FILE = "weblate.json"
PAGE_SIZE = 1000  # units per page (Weblate's large pagination allows this many)
# Weblate checks that do not hold a variant back: whether a translation may equal its source
# is decided by our own `untranslated` check, which knows names and brands; `reused` and
# `multiple_failures` are hints about consistency, not errors in the text. Translators still
# see them in Weblate.
NON_BLOCKING_CHECKS = ("same", "reused", "multiple_failures")
BLOCKING_QUERY = "has:check" + "".join(f" AND NOT check:{name}" for name in NON_BLOCKING_CHECKS)


@dataclass
class SyncReport:
    project: str
    created: list[str] = field(default_factory=list)  # components made this time
    updated: list[str] = field(default_factory=list)  # components whose layout we corrected
    removed: list[str] = field(default_factory=list)  # in Weblate, no longer in the workspace
    pruned: list[str] = field(default_factory=list)  # of those, deleted (--prune)
    files: dict[str, dict[str, int]] = field(default_factory=dict)  # per catalog: counts
    conflicts: list[Conflict] = field(default_factory=list)
    comments: int = 0  # check errors posted to Weblate this time
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "created": self.created,
            "updated": self.updated,
            "removed": self.removed,
            "pruned": self.pruned,
            "files": self.files,
            "conflicts": [
                {"file": c.file, "line": c.line, "msgctxt": c.key[0], "msgid": c.key[1],
                 "ours": list(c.ours), "theirs": list(c.theirs), "reason": c.reason}
                for c in self.conflicts
            ],
            "comments": self.comments,
            "problems": self.problems,
        }


# --- the sync record ---------------------------------------------------------------------
def load_record(ws: Workspace, settings: WeblateSettings) -> dict[str, Any]:
    path = ws.state_dir / STATE_FILE
    empty: dict[str, Any] = {"server": settings.url, "project": settings.project,
                             "units": {}, "comments": []}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or (data.get("server"), data.get("project")) != (
        settings.url, settings.project
    ):
        return empty  # another server or project: what we saw there says nothing here
    data.setdefault("units", {})
    data.setdefault("comments", [])
    return data


def save_record(ws: Workspace, record: dict[str, Any]) -> None:
    ws.state_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(ws.state_dir / STATE_FILE, json.dumps(record, ensure_ascii=False))


# --- step 1: project and components ------------------------------------------------------
def ensure_project(client: WeblateClient, settings: WeblateSettings) -> dict[str, Any]:
    project = client.get_or_none(f"projects/{settings.project}/")
    if project is None:
        project = client.post(
            "projects/",
            {"name": settings.project_name, "slug": settings.project, "web": settings.website},
        )
    return project


def ensure_components(
    client: WeblateClient,
    settings: WeblateSettings,
    plans: list[ComponentPlan],
    report: SyncReport,
    *,
    prune: bool,
) -> None:
    existing = {
        c["slug"]: c for c in client.pages(f"projects/{settings.project}/components/")
    }
    existing.pop("glossary", None)  # Weblate gives every project a glossary of its own
    main = next((p.slug for p in plans if p.slug in existing), None)
    for plan in plans:
        found = existing.get(plan.slug)
        if found is None:
            client.post(
                f"projects/{settings.project}/components/",
                plan.create_payload(settings, main),
            )
            report.created.append(plan.slug)
            main = main or plan.slug
            continue
        source = (found.get("source_language") or {}).get("code")
        if source and source != plan.source_language:
            report.problems.append(
                f"component {plan.slug!r} has source language {source!r} in Weblate but "
                f"{plan.source_language!r} here: Weblate cannot change it; remove the "
                "component in Weblate (its translations are in our catalogs) and sync again"
            )
        changes = plan.differences(found)
        if changes:
            client.patch(f"components/{settings.project}/{plan.slug}/", changes)
            report.updated.append(plan.slug)
    planned = {p.slug for p in plans}
    for slug in sorted(set(existing) - planned):
        report.removed.append(slug)
        if prune:
            client.request("DELETE", f"components/{settings.project}/{slug}/")
            report.pruned.append(slug)


# --- step 2: the repository ---------------------------------------------------------------
def refresh_repository(client: WeblateClient, settings: WeblateSettings, report: SyncReport):
    """Weblate pulls, commits and pushes; a refused push is reported, the sync goes on."""
    path = f"projects/{settings.project}/repository/"
    for operation in ("pull", "commit", "push"):
        try:
            answer = client.post(path, {"operation": operation})
        except WeblateError as exc:
            report.problems.append(f"Weblate could not {operation} the repository: {exc.message}")
            continue
        if isinstance(answer, dict) and answer.get("result") is False:
            report.problems.append(
                f"Weblate could not {operation} the repository: {answer.get('detail', '')}".strip()
            )


# --- step 3: translations back into our catalogs ------------------------------------------
class _Authors:
    """Display names of Weblate users, asked once each."""

    def __init__(self, client: WeblateClient) -> None:
        self.client = client
        self.names: dict[str, str] = {}

    def name(self, user_url: str | None) -> str | None:
        if not user_url:
            return None
        username = user_url.rstrip("/").rsplit("/", 1)[-1]
        if username not in self.names:
            try:
                user = self.client.get_or_none(f"users/{username}/") or {}
            except WeblateError:
                user = {}  # only admins may read users; the username will do
            self.names[username] = (user.get("full_name") or "").strip() or username
        return self.names[username]


def _last_authors(
    client: WeblateClient, path: str, since: str | None, authors: _Authors
) -> dict[int, str]:
    """unit id -> the display name of whoever changed it last (since the last sync)."""
    params: dict[str, Any] = {"page_size": PAGE_SIZE}
    if since:
        params["timestamp_after"] = since
    latest: dict[int, tuple[str, str | None]] = {}
    for change in client.pages(f"{path}changes/", **params):
        unit = change.get("unit")
        if not unit:
            continue
        unit_id = int(unit.rstrip("/").rsplit("/", 1)[-1])
        stamp = change.get("timestamp") or ""
        if unit_id not in latest or stamp > latest[unit_id][0]:
            latest[unit_id] = (stamp, change.get("author") or change.get("user"))
    return {
        unit_id: name
        for unit_id, (_, url) in latest.items()
        if (name := authors.name(url)) is not None
    }


def _blocking_check_units(client: WeblateClient, path: str, units: list[WeblateUnit]) -> set[int]:
    """Ids of the units whose failing Weblate checks hold them back (see NON_BLOCKING_CHECKS)."""
    if not any(u.failing_checks for u in units):
        return set()
    found = client.pages(f"{path}units/", q=BLOCKING_QUERY, page_size=PAGE_SIZE)
    return {int(u["id"]) for u in found}


def pull_translations(
    ws: Workspace,
    client: WeblateClient,
    settings: WeblateSettings,
    plans: list[ComponentPlan],
    record: dict[str, Any],
    *,
    review_required: bool,
    today: str,
    report: SyncReport,
) -> dict[tuple[str, str], dict[tuple[str | None, str], int]]:
    """Merge every translation; returns (lang, domain) -> entry key -> Weblate unit id."""
    authors = _Authors(client)
    unit_ids: dict[tuple[str, str], dict[tuple[str | None, str], int]] = {}
    for plan in plans:
        for lang in plan.languages:
            po = ws.po_path(lang, plan.domain)
            if not po.is_file():
                continue
            file = ws.relative(po)
            path = f"translations/{settings.project}/{plan.slug}/{lang}/"
            if client.get_or_none(path) is None:
                report.problems.append(f"{file}: Weblate has no {lang} translation of {plan.slug}"
                                       " (is the catalog pushed to the repository?)")
                continue
            units = [WeblateUnit.from_api(u) for u in client.pages(f"{path}units/",
                                                                      page_size=PAGE_SIZE)]
            names = _last_authors(client, path, record.get("last_sync"), authors)
            blocked = _blocking_check_units(client, path, units)
            for unit in units:
                unit.author = names.get(unit.id)
                unit.failing_checks = unit.id in blocked
            unit_ids[(lang, plan.domain)] = {u.key: u.id for u in units}
            try:
                catalog = ws.read_catalog(po)
            except L10nError as exc:
                report.problems.append(str(exc))  # a broken file is left as it is
                continue
            result = merge_units(
                catalog,
                units,
                file=file,
                records=record["units"].get(file, {}),
                review_required=review_required,
                today=today,
            )
            if result.changed:
                ws.write_catalog(po, catalog)
            record["units"][file] = result.records
            report.conflicts += result.conflicts
            report.files[file] = {
                "reviewed_from_weblate": result.taken_reviewed,
                "needs_review_from_weblate": result.taken_fuzzy,
                "kept": result.kept,
                "conflicts": len(result.conflicts),
                "unknown_in_weblate": len(result.missing),
            }
    return unit_ids


# --- step 4: our check errors, shown in Weblate --------------------------------------------
def post_findings(
    ws: Workspace,
    client: WeblateClient,
    unit_ids: dict[tuple[str, str], dict[tuple[str | None, str], int]],
    record: dict[str, Any],
    report: SyncReport,
) -> None:
    from l10n_news.checks.base import Severity
    from l10n_news.checks.run import check_workspace

    domains = sorted({domain for _, domain in unit_ids})
    if not domains:
        return
    posted = set(record["comments"])
    for finding in check_workspace(ws, domains=domains):
        if finding.severity is not Severity.ERROR or finding.lang is None:
            continue
        ids = unit_ids.get((finding.lang, _domain_of(finding.file)), {})
        unit_id = ids.get((finding.msgctxt, finding.msgid))
        if unit_id is None:
            continue
        text = f"l10n-news check error [{finding.check}]: {finding.message}"
        stamp = hashlib.sha1(f"{unit_id}\n{text}".encode()).hexdigest()[:16]
        if stamp in posted:
            continue
        client.post(f"units/{unit_id}/comments/", {"scope": "translation", "comment": text})
        posted.add(stamp)
        report.comments += 1
    record["comments"] = sorted(posted)


def _domain_of(file: str) -> str:
    """locales/<lang>/LC_MESSAGES/<domain>.po -> <domain>."""
    return file.rsplit("/", 1)[-1].removesuffix(".po")


# --- the whole sync -------------------------------------------------------------------------
def sync_workspace(
    ws: Workspace,
    *,
    prune: bool = False,
    client: WeblateClient | None = None,
    today: date | None = None,
) -> SyncReport:
    settings = load_settings(ws)
    if client is None:
        client = WeblateClient(settings.api_url, settings.api_key(ws), timeout=settings.timeout)
    report = SyncReport(project=settings.project)
    started = datetime.now(UTC).isoformat()
    with ws.lock():
        record = load_record(ws, settings)
        project = ensure_project(client, settings)
        plans = plan_components(ws)
        ensure_components(client, settings, plans, report, prune=prune)
        refresh_repository(client, settings, report)
        unit_ids = pull_translations(
            ws,
            client,
            settings,
            plans,
            record,
            review_required=bool(project.get("translation_review")),
            today=(today or date.today()).isoformat(),
            report=report,
        )
        post_findings(ws, client, unit_ids, record, report)
        record["last_sync"] = started
        save_record(ws, record)
    return report

