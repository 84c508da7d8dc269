"""Counts per language and domain. Fuzzy is never counted as translated.

A derived variant (kk-Latn) has no catalogs: its rows are those of the language it is made
from, marked `derived_from`, since each of its units has that unit's review state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace

from l10n_news.catalogs import Catalog, State
from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import count_words
from l10n_news.errors import CatalogError
from l10n_news.languages import derived_from
from l10n_news.workspace import Workspace


@dataclass
class CatalogStats:
    lang: str
    domain: str
    total: int = 0
    translated: int = 0  # reviewed: translated and not fuzzy
    fuzzy: int = 0  # drafts + needs_review
    drafts: int = 0  # machine drafts awaiting review
    needs_review: int = 0  # fuzzy because the source changed
    untranslated: int = 0
    obsolete: int = 0
    words: int = 0  # words of the source text
    translated_words: int = 0
    derived_from: str | None = None  # kk-Latn: the counts are those of this language's catalog

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    def as_dict(self) -> dict:
        return {**asdict(self), "percent": self.percent}


def catalog_stats(catalog: Catalog, lang: str, domain: str) -> CatalogStats:
    s = CatalogStats(lang, domain, obsolete=len(catalog.obsolete))
    for msg in catalog:
        s.total += 1
        words = count_words(msg.msgid)
        s.words += words
        state = msg.state
        if state is State.REVIEWED:
            s.translated += 1
            s.translated_words += words
        elif state is State.DRAFT:
            s.drafts += 1
        elif state is State.NEEDS_REVIEW:
            s.needs_review += 1
        else:
            s.untranslated += 1
    s.fuzzy = s.drafts + s.needs_review
    return s


@dataclass
class WorkspaceStats:
    rows: list[CatalogStats] = field(default_factory=list)
    problems: list[CatalogError] = field(default_factory=list)  # catalogs that cannot be read

    def __iter__(self) -> Iterator[CatalogStats]:
        return iter(self.rows)


def workspace_stats(
    ws: Workspace, *, langs: list[str] | None = None, domains: list[str] | None = None
) -> WorkspaceStats:
    """Counts of every catalog that can be read; the others are listed as problems."""
    for lang in langs or []:
        ws.check_language(lang)
    variants = {lang: base for lang in ws.languages if (base := derived_from(lang)) is not None}
    out = WorkspaceStats()
    for lang, domain, path in ws.catalog_paths():
        if domains and domain not in domains:
            continue
        shown = [lang] if not langs or lang in langs else []
        shown += [v for v, base in variants.items() if base == lang and (not langs or v in langs)]
        if not shown:
            continue
        catalog = try_read_catalog(path, ws.relative(path))
        if isinstance(catalog, CatalogError):
            out.problems.append(catalog)
            continue
        stats = catalog_stats(catalog, lang, domain)
        for code in shown:
            out.rows.append(stats if code == lang else replace(stats, lang=code, derived_from=lang))
    return out
