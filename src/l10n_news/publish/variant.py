"""One article's variants: its inputs, read once, and its pages, rendered until the set settles.

The pages of one article name each other (hreflang alternates, og:locale:alternate, the
language switcher). When the leak check holds one of them back, the others must not point at
it, so they are rendered again without it, in the same run; nothing is written before then.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import Catalog
from l10n_news.errors import CatalogError
from l10n_news.languages import derived_from
from l10n_news.publish import derived, pages
from l10n_news.publish.leaks import Leak, check_html
from l10n_news.publish.pages import RenderedVariant
from l10n_news.publish.settings import PublishSettings
from l10n_news.publish.state import FileDigests, digest
from l10n_news.publish.ui import ui_strings
from l10n_news.sources import Article, load_article, segment_article
from l10n_news.workspace import Workspace


def files_exist(out: Path, files: list[str]) -> bool:
    return all((out / rel).is_file() for rel in files)


def folder_digest(digests: FileDigests, folder: Path) -> str:
    """The hash of an article's folder: the article and every file beside it (its images).

    The whole folder, not just the images the article names, so that no parsing is needed to
    know whether anything changed; a page copies only the pictures it shows.
    """
    if not folder.is_dir():
        return "absent"
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return digest(*(f"{p.relative_to(folder).as_posix()}\0{digests.of(p)}" for p in files))


class SlugInputs:
    """One article and its catalogs, each read on first use and then kept for the slug."""

    def __init__(self, ws: Workspace, slug: str) -> None:
        self.ws, self.slug = ws, slug
        self._article: Article | None = None
        self._catalogs: dict[str, Catalog | None] = {}
        self.problems: dict[str, str] = {}  # lang -> why its catalog cannot be read
        self._wanted: set[tuple[str | None, str]] | None = None

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

    def catalog(self, lang: str) -> Catalog | None:
        if lang not in self._catalogs:
            if derived_from(lang) is not None:  # derived variants: kk-Latn is made from kk
                self._catalogs[lang] = derived.article_catalog(self, lang)
                return self._catalogs[lang]
            path = self.ws.po_path(lang, self.slug)
            # A broken catalog holds back its variant, like a missing one; the rest publish.
            found = try_read_catalog(path, self.ws.relative(path)) if path.is_file() else None
            self._catalogs[lang] = found if isinstance(found, Catalog) else None
            if isinstance(found, CatalogError):
                self.problems[lang] = str(found)
        return self._catalogs[lang]


@dataclass(frozen=True)
class FreshPage:
    """A page rendered this run, to be written; `render` is the digest its record keeps."""

    rendered: RenderedVariant
    render: str


@dataclass
class SlugRenderer:
    """Renders the variants of one slug that passed the gate, checking each for leaks."""

    ws: Workspace
    settings: PublishSettings
    env: Environment
    inputs: SlugInputs
    ui_catalogs: dict[str, Catalog | None]  # per language; None for the UI's own language
    allowed: dict[str, set[str]]  # per language: words the leak check lets pass
    formats: tuple[str, ...]

    def settle(
        self,
        variants: dict[str, Any],
        old_pages: dict[str, Any],
        out: Path,
        leaks_found: list[Leak],
    ) -> dict[str, dict[str, Any] | FreshPage]:
        """key -> the kept record of an unchanged page, or a fresh page to write.

        A variant whose page leaks is marked held back in `variants` (with its leaks, so a
        rerun with nothing changed reports them again) and the rest are rendered once more
        without it; each round drops at least one language, so this ends.
        """
        slug = self.inputs.slug
        published = [lg for lg in self.ws.languages if variants[f"{lg}/{slug}"]["passed"]]
        while True:
            result: dict[str, dict[str, Any] | FreshPage] = {}
            leaking: list[str] = []
            for lang in published:
                key = f"{lang}/{slug}"
                render_digest = digest(variants[key]["input"], repr(published))
                old = old_pages.get(key)
                if old and old.get("render") == render_digest and files_exist(out, old["files"]):
                    result[key] = old
                    continue
                rendered = self._render(lang, variants[key], published)
                leaks = check_html(
                    rendered.html, lang, page=f"{key}/index.html", allowed=self.allowed[lang]
                )
                if leaks:
                    leaking.append(lang)
                    leaks_found.extend(leaks)
                    variants[key] = dict(
                        variants[key],
                        passed=False,
                        reason=f"leak: {leaks[0]}",
                        leaks=[leak.as_dict() for leak in leaks],
                    )
                else:
                    result[key] = FreshPage(rendered, render_digest)
            if not leaking:
                return result
            published = [lg for lg in published if lg not in leaking]

    def _render(self, lang: str, variant: dict[str, Any], published: list[str]) -> RenderedVariant:
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
            ui=ui_strings(self.ui_catalogs[lang], allow_drafts=variant["draft"]),
            allow_unreviewed=variant["draft"],
            formats=self.formats,
        )
