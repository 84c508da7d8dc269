"""One article's variants: its inputs, read once, their verdicts, and their pages.

The pages of one article name each other (hreflang alternates, og:locale:alternate, the
language switcher). When rendering refuses one of them, the others must not point at it, so
they are rendered again without it, in the same run; nothing is written before then.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import Catalog
from l10n_news.errors import CatalogError
from l10n_news.languages import derived_from
from l10n_news.publish import derived, pages
from l10n_news.publish.gate import (
    MAX_PROBLEMS,
    Counts,
    Judge,
    count_states,
    held_reason,
    judge,
)
from l10n_news.publish.images import (
    escapes_workspace,
    image_problems,
    local_images,
    shown_path,
)
from l10n_news.publish.leaks import Leak
from l10n_news.publish.pages import RenderedVariant
from l10n_news.publish.safety import VariantRefused
from l10n_news.publish.settings import PublishSettings
from l10n_news.publish.state import FileDigests, digest
from l10n_news.publish.ui import ui_strings
from l10n_news.sources import Article, load_article, segment_article
from l10n_news.workspace import Workspace


def file_stats(out: Path, files: list[str]) -> dict[str, str] | None:
    """"mtime_ns:size" of each published file; None when one is missing."""
    stats = {}
    for rel in files:
        try:
            st = os.stat(out / rel)
        except OSError:
            return None
        stats[rel] = f"{st.st_mtime_ns}:{st.st_size}"
    return stats


def files_unchanged(out: Path, record: dict[str, Any]) -> bool:
    """Whether the files a record lists are still there as publishing wrote them: a page
    someone edited or deleted in the site folder is written again."""
    stats = file_stats(out, record["files"])
    kept = record.get("stats")
    return stats is not None and (kept is None or stats == kept)


def folder_digest(digests: FileDigests, folder: Path | str) -> str:
    """The hash of an article's folder: the article and every file beside it (its images).

    The whole folder, not just the images the article names, so that no parsing is needed to
    know whether anything changed; a page copies only the pictures it shows. Symbolic links
    count by where they point, so that making one is a change (the gate refuses them).
    """
    folder = os.fspath(folder)
    if not os.path.isdir(folder):
        return "absent"
    parts: list[str] = []
    _walk(digests, folder, "", parts)
    return digest(str(os.path.islink(folder)), *sorted(parts))


def _walk(digests: FileDigests, folder: str, prefix: str, parts: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink():
                parts.append(f"{rel}\0link\0{os.readlink(entry.path)}")
            elif entry.is_dir():
                _walk(digests, entry.path, rel + "/", parts)
            elif entry.is_file():
                parts.append(f"{rel}\0{digests.of(entry.path)}")


@dataclass
class UiLanguage:
    """One language's `ui` catalog as pages use it, and what the gate found in it."""

    catalog: Catalog | None  # None for the UI's own language (msgids shown as they are)
    counts: Counts | None
    digest: str
    problems: list[str]
    leaks: list[Leak]


class SlugInputs:
    """One article and its catalogs, each read on first use and then kept for the slug."""

    def __init__(self, ws: Workspace, slug: str) -> None:
        self.ws, self.slug = ws, slug
        self._article: Article | None = None
        self._catalogs: dict[Path, Catalog | None] = {}
        self._derived: dict[str, Catalog | None] = {}
        self.broken: dict[Path, str] = {}  # catalog -> why it cannot be read
        self._wanted: set[tuple[str | None, str]] | None = None
        self._pictures: dict[str, bytes] | None = None

    @property
    def article(self) -> Article:
        if self._article is None:
            self._article = load_article(self.ws.article_path(self.slug), self.slug)
        return self._article

    @property
    def wanted(self) -> set[tuple[str | None, str]]:
        """(msgctxt, msgid) of every unit the page shows."""
        if self._wanted is None:
            segments = segment_article(self.article, self.ws.segmentation)
            self._wanted = {(seg.context, seg.text) for seg in segments}
        return self._wanted

    def catalog_at(self, path: Path) -> Catalog:
        if path not in self._catalogs:
            # A broken catalog holds back its variant, like a missing one; the rest publish.
            found = try_read_catalog(path, self.ws.relative(path)) if path.is_file() else None
            self._catalogs[path] = found if isinstance(found, Catalog) else None
            if isinstance(found, CatalogError):
                self.broken[path] = str(found)
        found = self._catalogs[path]
        return found if found is not None else Catalog()

    def catalog(self, lang: str) -> Catalog | None:
        if derived_from(lang) is not None:  # derived variants: kk-Latn is made from kk
            if lang not in self._derived:
                self._derived[lang] = derived.article_catalog(self, lang)
            return self._derived[lang]
        path = self.ws.po_path(lang, self.slug)
        self.catalog_at(path)
        return self._catalogs[path]

    @property
    def pictures(self) -> dict[str, bytes]:
        """The article's own pictures (src -> bytes), read once for all its pages."""
        if self._pictures is None:
            found = local_images(self.ws, self.article)
            self._pictures = {src: path.read_bytes() for src, path in found.items()}
        return self._pictures

    def article_problems(self) -> list[str]:
        """Problems of the article itself, which hold back all its variants."""
        path = self.ws.article_path(self.slug)
        why = escapes_workspace(self.ws, path)
        if why:
            return [f"articles/{self.slug}/article.md: refused: {why}"]
        return image_problems(self.ws, self.article)


def judge_variant(
    ws: Workspace,
    settings: PublishSettings,
    checks: Judge,
    inputs: SlugInputs,
    lang: str,
    ui: UiLanguage,
    allow_drafts: bool,
) -> dict[str, Any]:
    """The record of one variant's verdict: review counts first, then what it would show."""
    article = inputs.article
    is_source = article.lang == lang
    catalog = None if is_source else inputs.catalog(lang)
    article_counts: Counts | None = Counts()
    if not is_source:
        article_counts = count_states(catalog, inputs.wanted) if catalog is not None else None
    verdict = judge(
        ws,
        inputs.slug,
        lang,
        is_source=is_source,
        article_counts=article_counts,
        ui_counts=ui.counts,
        threshold=settings.threshold,
        allow_drafts=allow_drafts,
    )
    base_po = ws.po_path(derived.catalog_language(lang), inputs.slug)
    record: dict[str, Any] = {
        "passed": verdict.passed,
        "draft": verdict.draft,
        "reason": inputs.broken.get(base_po, verdict.reason),  # a broken catalog says so
        "source_lang": article.lang,
        "article": verdict.article.as_dict(),
        "ui": verdict.ui.as_dict(),
    }
    if not verdict.passed:
        return record
    problems = inputs.article_problems() + ui.problems
    leaks = list(ui.leaks)
    # derived variants: kk-Latn's units are kk's, transliterated; kk's catalog is what is checked
    base = derived.catalog_language(lang)
    if catalog is not None and base != article.lang:
        po = ws.po_path(base, inputs.slug)
        if escapes_workspace(ws, po):
            problems.append(f"{shown_path(ws, po)}: refused: {escapes_workspace(ws, po)}")
        else:
            problems += checks.errors(
                base, inputs.slug, inputs.wanted, inputs.catalog_at, source_lang=article.lang
            )
            po_shown = ws.relative(po)
            shown = [
                (msg, po_shown)
                for key in sorted(inputs.wanted, key=lambda k: (k[0] or "", k[1]))
                if (msg := catalog.get(key[1], key[0])) is not None and msg.has_translation
            ]
            refusals, unit_leaks = checks.units(lang, shown)
            problems += refusals
            leaks += unit_leaks
    problems = list(dict.fromkeys(problems))  # a check's error and its refusal are one line
    problems += [f"leak: {leak}" for leak in leaks]
    if problems:
        record.update(passed=False, reason=held_reason(problems))
        record["problems"] = problems[:MAX_PROBLEMS]
        record["leaks"] = [leak.as_dict() for leak in leaks]
    return record


@dataclass(frozen=True)
class FreshPage:
    """A page rendered this run, to be written; `render` is the digest its record keeps."""

    rendered: RenderedVariant
    render: str

    def record(self, *, draft: bool) -> dict[str, Any]:
        """What the publish record keeps of the page."""
        return {
            "render": self.render,
            "files": sorted(self.rendered.files),
            "title": self.rendered.title,
            "date": self.rendered.iso_date,
            "draft": draft,
        }


@dataclass
class SlugRenderer:
    """Renders the variants of one slug that passed the gate."""

    ws: Workspace
    settings: PublishSettings
    env: Environment
    inputs: SlugInputs
    ui_catalogs: dict[str, Catalog | None]  # per language; None for the UI's own language
    formats: tuple[str, ...]

    def settle(
        self, variants: dict[str, Any], old_pages: dict[str, Any], out: Path
    ) -> dict[str, dict[str, Any] | FreshPage]:
        """key -> the kept record of an unchanged page, or a fresh page to write.

        A variant that cannot be rendered (a unit refused) is marked held back in `variants`
        and the rest are rendered once more without it; each round drops at least one
        language, so this ends.
        """
        slug = self.inputs.slug
        published = [lg for lg in self.ws.languages if variants[f"{lg}/{slug}"]["passed"]]
        while True:
            reviewed = [lg for lg in published if not variants[f"{lg}/{slug}"]["draft"]]
            result: dict[str, dict[str, Any] | FreshPage] = {}
            refused: list[str] = []
            for lang in published:
                key = f"{lang}/{slug}"
                render_digest = digest(variants[key]["input"], repr(published), repr(reviewed))
                old = old_pages.get(key)
                if old and old.get("render") == render_digest and files_unchanged(out, old):
                    result[key] = old
                    continue
                try:
                    rendered = self._render(lang, variants[key], published, reviewed)
                except VariantRefused as exc:
                    refused.append(lang)
                    variants[key] = dict(
                        variants[key], passed=False, reason=str(exc), problems=[str(exc)]
                    )
                    continue
                result[key] = FreshPage(rendered, render_digest)
            if not refused:
                return result
            published = [lg for lg in published if lg not in refused]

    def _render(
        self, lang: str, variant: dict[str, Any], published: list[str], reviewed: list[str]
    ) -> RenderedVariant:
        is_source = variant["source_lang"] == lang
        return pages.render_variant(
            self.ws,
            self.settings,
            self.env,
            article=self.inputs.article,
            catalog=None if is_source else self.inputs.catalog(lang),
            lang=lang,
            source_lang=variant["source_lang"],
            published_langs=published,
            reviewed_langs=reviewed,
            ui=ui_strings(self.ui_catalogs[lang], allow_drafts=variant["draft"]),
            allow_unreviewed=variant["draft"],
            formats=self.formats,
            pictures=self.inputs.pictures,
        )
