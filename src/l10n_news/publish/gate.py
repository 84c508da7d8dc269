"""The gate: which (article, language) variants may be published, and why the others may not.

A variant passes when its article catalog and the `ui` catalog are reviewed to the configured
threshold and nothing is untranslated. An untranslated unit is never filled from the source
language, whatever the threshold: a page is in one language or it is not published.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs.catalog import Catalog, State
from l10n_news.workspace import Workspace


@dataclass
class Counts:
    """Review states of the units a page uses."""

    reviewed: int = 0
    draft: int = 0
    needs_review: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.reviewed + self.draft + self.needs_review + self.untranslated

    @property
    def percent_reviewed(self) -> float:
        return 100.0 * self.reviewed / self.total if self.total else 100.0

    def add(self, other: Counts) -> Counts:
        return Counts(
            self.reviewed + other.reviewed,
            self.draft + other.draft,
            self.needs_review + other.needs_review,
            self.untranslated + other.untranslated,
        )

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> Counts:
        return cls(data["reviewed"], data["draft"], data["needs_review"], data["untranslated"])

    def as_dict(self) -> dict[str, int]:
        return {
            "reviewed": self.reviewed,
            "draft": self.draft,
            "needs_review": self.needs_review,
            "untranslated": self.untranslated,
            "total": self.total,
        }


def count_states(catalog: Catalog, wanted: set[tuple[str | None, str]] | None = None) -> Counts:
    """Counts over the catalog's active entries, or over `wanted` keys (absent = untranslated)."""
    states: Counter[State] = Counter()
    if wanted is None:
        states.update(msg.state for msg in catalog)
    else:
        for ctx, msgid in wanted:
            msg = catalog.get(msgid, ctx)
            states[msg.state if msg is not None else State.UNTRANSLATED] += 1
    return Counts(
        reviewed=states[State.REVIEWED],
        draft=states[State.DRAFT],
        needs_review=states[State.NEEDS_REVIEW],
        untranslated=states[State.UNTRANSLATED],
    )


@dataclass
class Verdict:
    """Whether one variant passes; `draft` means it shows unreviewed text (with a notice)."""

    slug: str
    lang: str
    passed: bool
    draft: bool = False
    reason: str = ""
    article: Counts = field(default_factory=Counts)
    ui: Counts = field(default_factory=Counts)
    catalog_path: Path | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "lang": self.lang,
            "published": self.passed,
            "draft": self.draft,
            "reason": self.reason,
            "article": self.article.as_dict(),
            "ui": self.ui.as_dict(),
        }


def _describe(what: str, counts: Counts) -> str:
    parts = [
        f"{n} {label}"
        for n, label in (
            (counts.untranslated, "untranslated"),
            (counts.draft, "machine drafts"),
            (counts.needs_review, "needing review"),
        )
        if n
    ]
    return f"{what}: {counts.reviewed}/{counts.total} reviewed ({', '.join(parts)})"


def judge(
    ws: Workspace,
    slug: str,
    lang: str,
    *,
    is_source: bool,
    article_counts: Counts | None,
    ui_counts: Counts | None,
    threshold: int,
    allow_drafts: bool,
) -> Verdict:
    """The verdict for one variant from its counts.

    `article_counts` is None when the article catalog does not exist; `ui_counts` is None when
    the language needs no `ui` catalog (it is the UI's source language).
    """
    verdict = Verdict(slug, lang, passed=False)
    if not is_source:
        verdict.catalog_path = ws.po_path(lang, slug)
        if article_counts is None:
            verdict.reason = f"no catalog {ws.relative(verdict.catalog_path)}"
            return verdict
        verdict.article = article_counts
    if ui_counts is not None:
        verdict.ui = ui_counts
    problems: list[str] = []
    unreviewed = False
    for what, counts in (("article", verdict.article), ("ui", verdict.ui)):
        if counts.untranslated:
            problems.append(_describe(what, counts))
        elif counts.percent_reviewed < threshold and not allow_drafts:
            problems.append(_describe(what, counts) + f", below the {threshold}% threshold")
        unreviewed = unreviewed or counts.reviewed < counts.total
    if problems:
        verdict.reason = "; ".join(problems)
        return verdict
    verdict.passed = True
    verdict.draft = unreviewed
    return verdict
