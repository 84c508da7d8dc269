"""The gate: which (article, language) variants may be published, and why the others may not.

A variant passes when its article catalog and the `ui` catalog are reviewed to the configured
threshold and nothing is untranslated, and when no unit it would show (article and `ui`) has an
error finding of `check` (the `# l10n-news: ignore <id>` comment is the one way to let one
stand), is unsafe (`checks.unsafe`), or leaks another language (`leaks`). An untranslated unit
is never filled from the source language, whatever the threshold: a page is in one language or
it is not published. `--allow-drafts` lets drafts through, never errors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news.catalogs.catalog import Catalog, Message, State
from l10n_news.checks.base import GlossaryLike
from l10n_news.checks.run import CheckMemo, FindingsCache
from l10n_news.checks.unsafe import unsafe_problems
from l10n_news.publish.leaks import Leak, Vocabulary
from l10n_news.publish.settings import PublishSettings
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


MAX_PROBLEMS = 5  # kept per variant: enough to act on, and the record stays small


def held_reason(problems: list[str]) -> str:
    """A held-back variant's reason: its first problem, and how many more there are."""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problems[0] + more


class Judge:
    """What the gate asks beyond review counts: error findings, safety, leaks.

    The glossary and the leak vocabularies are built on first use, so a rerun with nothing
    changed (every verdict kept from the record) never builds them.
    """

    def __init__(self, ws: Workspace, settings: PublishSettings) -> None:
        self.ws, self.settings = ws, settings
        self._glossary: GlossaryLike | None = None
        self._glossary_loaded = False
        self._vocabularies: dict[str, Vocabulary] = {}
        self._strings: tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]] | None = None
        self._findings: FindingsCache | None = None
        self._memo: CheckMemo = {}  # what the checks found in an entry met again

    def save(self) -> None:
        """Keep the findings computed this time for `check` and the next publish."""
        if self._findings is not None:
            self._findings.save()

    @property
    def findings(self) -> FindingsCache:
        if self._findings is None:
            self._findings = FindingsCache(self.ws)
        return self._findings

    def load(self, langs: Iterable[str]) -> None:
        """Build now what judging `langs` would build on first use: before forking workers,
        so that they share one copy instead of each building its own."""
        from l10n_news.checks.run import load_checkers

        langs = list(langs)
        self.findings  # noqa: B018 - read for its side effect, the cache loaded
        for lang in langs:
            self.vocabulary(lang)
        load_checkers(langs)

    def take_fresh(self) -> dict[str, Any]:
        """The findings computed since the last call (what a worker sends back)."""
        return self._findings.take_fresh() if self._findings is not None else {}

    def adopt(self, records: dict[str, Any]) -> None:
        if records:
            self.findings.adopt(records)

    @property
    def glossary(self) -> GlossaryLike | None:
        if not self._glossary_loaded:
            from l10n_news.checks.run import load_glossary

            self._glossary = load_glossary(self.ws)
            self._glossary_loaded = True
        return self._glossary

    def vocabulary(self, lang: str) -> Vocabulary:
        if lang not in self._vocabularies:
            allowed = set(self.settings.allowed_words)
            if self.glossary is not None:
                allowed |= set(self.glossary.allowed_names(lang))
            if self._strings is None:  # the same for every language: read once
                self._strings = workspace_strings(self.ws)
            trusted, workspace_ui = self._strings
            self._vocabularies[lang] = Vocabulary(
                lang, trusted, allowed=allowed, foreign_only=workspace_ui
            )
        return self._vocabularies[lang]

    def errors(
        self,
        lang: str,
        domain: str,
        keys: Collection[tuple[str | None, str]],
        catalog_at: Callable[[Path], Catalog],
        source_lang: str | None = None,
    ) -> list[str]:
        """Error findings (check ids and file:line) of the units with `keys`.

        The findings `check` keeps per catalog (`checks.run.FindingsCache`) are used while
        their inputs are unchanged (`run` checks each catalog once). Otherwise only the error
        checks run, the same functions `check` calls, and their findings are kept for the next
        publish (`check` itself, which reports warnings too, does not take them).
        """
        from l10n_news.checks.base import Severity
        from l10n_news.checks.registry import ERROR_CHECKS
        from l10n_news.checks.run import check_catalog, check_header

        findings = self.findings.get(lang, domain, errors_only=True)
        if findings is None:
            same_source = source_lang in (None, self.ws.domain_source_language(domain))
            findings = check_catalog(
                self.ws,
                lang,
                domain,
                catalog_at,
                glossary=self.glossary,
                keys=None if same_source else keys,
                source_lang=source_lang,
                only=ERROR_CHECKS,
                memo=self._memo,
            )
            if same_source:
                # Recorded as `check` records a catalog: its header's findings too.
                path = self.ws.po_path(lang, domain)
                header = check_header(
                    catalog_at(path), lang=lang, file=self.ws.relative(path), only=ERROR_CHECKS
                )
                self.findings.put(lang, domain, header + findings, errors_only=True)
        wanted = set(keys)
        findings = [f for f in findings if (f.msgctxt, f.msgid) in wanted]
        return [f.format_line() for f in findings if f.severity == Severity.ERROR]

    def units(
        self, lang: str, messages: Iterable[tuple[Message, str]]
    ) -> tuple[list[str], list[Leak]]:
        """(refusals, leaks) for units shown on a `lang` page: (message, file it comes from)."""
        refusals: list[str] = []
        leaks: list[Leak] = []
        vocabulary = self.vocabulary(lang)
        for msg, shown in messages:
            where = f"{shown}:{msg.lineno}" if msg.lineno else shown
            for form, text in enumerate(msg.strings):
                source = msg.msgid if form == 0 else msg.msgid_plural or msg.msgid
                # Worded as `check` words its findings: the same rule, the same line.
                refusals += [
                    f"{where}: error: [unsafe-markup] {why}"
                    for why in unsafe_problems(source, text)
                ]
                leaks += vocabulary.find(text, source, where=where)
        return refusals, leaks


def workspace_strings(
    ws: Workspace,
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Every language's vocabulary as the leak check knows it: (what is known to be right —
    the theme's ui strings, chrome words, calendar —, the workspace's own ui translations)."""
    from l10n_news.catalogs.broken import try_read_catalog
    from l10n_news.importers.chrome import default_vocabulary
    from l10n_news.languages import LANGUAGES
    from l10n_news.publish.leaks import CHROME, UI, base_strings, guess_language
    from l10n_news.publish.ui import UI_SOURCE_LANGUAGE, theme_ui_catalog, ui_template
    from l10n_news.workspace import UI_DOMAIN

    strings = base_strings(default_vocabulary())
    extra = ws.section("import").get("chrome", {})
    if isinstance(extra, dict):
        for words in extra.values():
            for word in words if isinstance(words, list) else ():
                if isinstance(word, str):
                    strings[guess_language(word)].setdefault(word, CHROME)
    for msg in ui_template(ws):
        strings[UI_SOURCE_LANGUAGE].setdefault(msg.msgid, UI)
    workspace_ui: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        if lang == UI_SOURCE_LANGUAGE:
            continue
        theme = theme_ui_catalog(lang)
        path = ws.po_path(lang, UI_DOMAIN)
        read = try_read_catalog(path, ws.relative(path)) if path.is_file() else None
        own = read if isinstance(read, Catalog) else None  # a broken one is reported elsewhere
        for catalog, table in ((theme, strings[lang]), (own, workspace_ui.setdefault(lang, {}))):
            for msg in catalog or ():
                for text in msg.strings:
                    for piece in _FORMAT_SPLIT.split(text):
                        if piece.strip():
                            table.setdefault(piece.strip(" :;,.!?«»\"'"), UI)
    # derived variants: kk-Latn's own words are kk's, transliterated (ВКонтакте -> VKontakte)
    from l10n_news.publish import derived

    for lang in ws.languages:
        found = derived.variant(ws, lang)
        if found is not None:
            strings[lang] = {found.text(p): kind for p, kind in strings[found.base].items()}
    return strings, workspace_ui


_FORMAT_SPLIT = re.compile(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]")
