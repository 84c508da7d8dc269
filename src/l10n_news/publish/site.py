"""`publish_workspace`: every variant through the gate, rendered, leak-checked and written.

The output folder (default `site/`):
  index.html                  the root page: links to each language
  <lang>/index.html           the language's front page
  <lang>/<slug>/index.html    an article
  <lang>/<slug>/article.md    the same, as Markdown with front matter (--format markdown)
  sitemap.xml                 every page with its xhtml:link alternates
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news import __version__
from l10n_news.catalogs.catalog import Catalog
from l10n_news.errors import ConfigError, PublishError
from l10n_news.fileio import write_if_changed
from l10n_news.languages import get_language
from l10n_news.publish import pages
from l10n_news.publish.gate import Counts, Verdict, count_states, judge
from l10n_news.publish.leaks import Leak, check_html, glossary_names
from l10n_news.publish.render import make_environment
from l10n_news.publish.safety import check_translation
from l10n_news.publish.settings import PublishSettings, load_settings
from l10n_news.publish.state import FileDigests, digest, file_digest, load_state, save_state
from l10n_news.publish.ui import UI_SOURCE_LANGUAGE, template_files, ui_strings, ui_template
from l10n_news.sources import Article, load_article, segment_article
from l10n_news.workspace import UI_DOMAIN, Workspace

FORMATS = ("html", "markdown")
INDEX_KEY = "@index"  # the state record of the index pages, the root page and the sitemap
Progress = Callable[[int, int], None]


@dataclass
class LanguageReport:
    published: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # published with the machine-translation notice
    held: dict[str, str] = field(default_factory=dict)  # slug -> why


@dataclass
class PublishReport:
    out: Path
    languages: dict[str, LanguageReport] = field(default_factory=dict)
    verdicts: list[Verdict] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # pages written this time
    removed: list[str] = field(default_factory=list)
    leaks: list[Leak] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "languages": {lang: r.__dict__ for lang, r in self.languages.items()},
            "variants": [v.as_dict() for v in self.verdicts],
            "rendered": self.rendered,
            "removed": self.removed,
            "leaks": [leak.as_dict() for leak in self.leaks],
        }


@dataclass
class _UiLanguage:
    catalog: Catalog | None
    counts: Counts | None
    digest: str


def publish_workspace(
    ws: Workspace,
    *,
    out: Path | None = None,
    formats: Iterable[str] = ("html",),
    allow_drafts: bool = False,
    progress: Progress | None = None,
) -> PublishReport:
    """Publish every variant that passes the gate; re-render only what changed since last time."""
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    settings = load_settings(ws)
    out = (out or ws.root / settings.out_dir).resolve()
    state = load_state(ws, out)
    old_variants: dict[str, Any] = state.get("variants", {})
    old_pages: dict[str, Any] = state.get("pages", {})
    digests = FileDigests(state.get("files", {}))

    templates = template_files(ws)
    shared_digest = digest(
        __version__,
        repr(sorted((name, file_digest(p)) for name, p in templates.items())),
        repr(sorted(settings.raw.items())),
        ws.time_zone,
        ws.segmentation,
        repr(formats),
        str(allow_drafts),
    )
    ui = _ui_languages(ws, settings, allow_drafts)
    report = PublishReport(out=out, languages={lang: LanguageReport() for lang in ws.languages})

    # 1. Slug by slug: the gate (from hashes where nothing changed), then the pages that passed
    # and changed (their inputs, or the set of their alternates). An article and its catalogs
    # are parsed at most once, and only when something about them changed.
    env = make_environment(ws.root / "templates")
    allowed = {lang: _allowed_words(ws, settings, ui[lang].catalog, lang) for lang in ws.languages}
    variants: dict[str, Any] = {}
    new_pages: dict[str, Any] = {}
    slugs = ws.article_slugs()
    for done, slug in enumerate(slugs, 1):
        inputs = _SlugInputs(ws, slug)
        article_digest = digests.of(ws.article_path(slug))
        for lang in ws.languages:
            key = f"{lang}/{slug}"
            input_digest = digest(
                shared_digest, article_digest, ui[lang].digest, digests.of(ws.po_path(lang, slug))
            )
            old = old_variants.get(key)
            if old and old.get("input") == input_digest:
                variants[key] = old
            else:
                variants[key] = _judge_variant(ws, settings, inputs, lang, ui[lang], allow_drafts)
                variants[key]["input"] = input_digest
        published_langs = [lg for lg in ws.languages if variants[f"{lg}/{slug}"]["passed"]]
        for lang in published_langs:
            key = f"{lang}/{slug}"
            render_digest = digest(variants[key]["input"], repr(published_langs))
            old = old_pages.get(key)
            if old and old.get("render") == render_digest and _exist(out, old["files"]):
                new_pages[key] = old
                continue
            is_source = variants[key]["source_lang"] == lang
            rendered = pages.render_variant(
                ws,
                settings,
                env,
                out,
                article=inputs.article,
                catalog=None if is_source else inputs.catalog(lang),
                lang=lang,
                source_lang=variants[key]["source_lang"],
                published_langs=published_langs,
                ui=ui_strings(ui[lang].catalog, allow_drafts=variants[key]["draft"]),
                allow_unreviewed=variants[key]["draft"],
                formats=formats,
            )
            leaks = check_html(rendered.html, lang, page=f"{key}/index.html", allowed=allowed[lang])
            if leaks:
                # Held back; its alternates still name it until the next publish (rare, and
                # the run fails loudly anyway).
                report.leaks.extend(leaks)
                variants[key] = dict(variants[key], passed=False, reason=f"leak: {leaks[0]}")
                continue
            for rel, data in rendered.files.items():
                write_if_changed(out / rel, data)
            report.rendered.extend(rendered.files)
            new_pages[key] = {
                "render": render_digest,
                "files": sorted(rendered.files),
                "title": rendered.title,
                "date": rendered.iso_date,
            }
        if progress is not None:
            progress(done, len(slugs))

    # 3. Pages of variants that no longer pass (or no longer exist) go.
    for key, old in old_pages.items():
        if key not in new_pages and key != INDEX_KEY:
            report.removed.extend(_remove(out, old["files"]))

    # 4. The index pages, the root and the sitemap, from the records; skipped when the records
    # and the shared inputs are what they were last time.
    article_pages = {k: v for k, v in new_pages.items() if not k.startswith("@")}
    index_digest = digest(
        shared_digest,
        *(ui[lang].digest for lang in ws.languages),
        json.dumps(sorted((k, v["title"], v["date"]) for k, v in article_pages.items())),
    )
    old_index = old_pages.get(INDEX_KEY)
    if old_index and old_index.get("digest") == index_digest and _exist(out, old_index["files"]):
        new_pages[INDEX_KEY] = old_index
    else:
        index_pages = pages.render_indexes(
            ws,
            settings,
            env,
            out,
            article_pages,
            {lang: ui_strings(ui[lang].catalog) for lang in ws.languages},
        )
        written: list[str] = []
        for rel, (data, lang) in index_pages.items():
            leaks = check_html(data.decode("utf-8"), lang, page=rel, allowed=allowed[lang])
            if leaks:
                report.leaks.extend(leaks)
                continue
            written.append(rel)
            if write_if_changed(out / rel, data):
                report.rendered.append(rel)
        gone = [rel for rel in (old_index or {}).get("files", []) if rel not in written]
        report.removed.extend(_remove(out, gone))
        # A leaking index page is tried again next time: its digest is not recorded.
        new_pages[INDEX_KEY] = {
            "digest": index_digest if len(written) == len(index_pages) else "",
            "files": written,
        }
    if variants != old_variants or new_pages != old_pages or digests.changed:
        save_state(ws, out, variants, new_pages, digests.table)

    for key in sorted(variants, key=lambda k: (k.split("/", 1)[1], k)):
        lang, slug = key.split("/", 1)
        v = variants[key]
        verdict = Verdict(slug, lang, v["passed"], v["draft"], v.get("reason", ""))
        verdict.article = Counts.from_dict(v["article"])
        verdict.ui = Counts.from_dict(v["ui"])
        report.verdicts.append(verdict)
        lr = report.languages[lang]
        if v["passed"]:
            (lr.drafts if v["draft"] else lr.published).append(slug)
        else:
            lr.held[slug] = v.get("reason", "")
    return report


def _exist(out: Path, files: list[str]) -> bool:
    return all((out / rel).is_file() for rel in files)


def _remove(out: Path, files: list[str]) -> list[str]:
    removed = []
    for rel in files:
        path = out / rel
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(rel)
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only when empty
    return removed


def _ui_languages(
    ws: Workspace, settings: PublishSettings, allow_drafts: bool
) -> dict[str, _UiLanguage]:
    """Each language's `ui` catalog (None for the UI's own language) and its counts."""
    wanted = {(m.msgctxt, m.msgid) for m in ui_template(ws)}
    wanted_digest = digest(repr(sorted(wanted, key=lambda k: (k[0] or "", k[1]))))
    result: dict[str, _UiLanguage] = {}
    for lang in ws.languages:
        if lang == UI_SOURCE_LANGUAGE:
            result[lang] = _UiLanguage(None, None, wanted_digest)
            continue
        path = ws.po_path(lang, UI_DOMAIN)
        catalog = ws.read_catalog(path) if path.is_file() else Catalog({"Language": lang})
        for msg in catalog:
            if (msg.msgctxt, msg.msgid) in wanted and msg.has_translation:
                check_translation(msg, ws.relative(path))
        result[lang] = _UiLanguage(
            catalog, count_states(catalog, wanted), digest(wanted_digest, file_digest(path))
        )
    return result


class _SlugInputs:
    """One article and its catalogs, each read on first use and then kept for the slug."""

    def __init__(self, ws: Workspace, slug: str) -> None:
        self.ws, self.slug = ws, slug
        self._article: Article | None = None
        self._catalogs: dict[str, Catalog | None] = {}
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
            path = self.ws.po_path(lang, self.slug)
            self._catalogs[lang] = self.ws.read_catalog(path) if path.is_file() else None
        return self._catalogs[lang]


def _judge_variant(
    ws: Workspace,
    settings: PublishSettings,
    inputs: _SlugInputs,
    lang: str,
    ui: _UiLanguage,
    allow_drafts: bool,
) -> dict[str, Any]:
    article = inputs.article
    slug = inputs.slug
    is_source = article.lang == lang
    article_counts: Counts | None = Counts()
    if not is_source:
        catalog = inputs.catalog(lang)
        article_counts = count_states(catalog, inputs.wanted) if catalog is not None else None
    verdict = judge(
        ws,
        slug,
        lang,
        is_source=is_source,
        article_counts=article_counts,
        ui_counts=ui.counts,
        threshold=settings.threshold,
        allow_drafts=allow_drafts,
    )
    return {
        "passed": verdict.passed,
        "draft": verdict.draft,
        "reason": verdict.reason,
        "source_lang": article.lang,
        "article": verdict.article.as_dict(),
        "ui": verdict.ui.as_dict(),
    }


def _allowed_words(
    ws: Workspace, settings: PublishSettings, ui: Catalog | None, lang: str
) -> set[str]:
    """Words that may stand in another script on a `lang` page."""
    allowed = set(settings.allowed_words) | glossary_names(ws, lang)
    if ui is not None:
        # A reviewed translation of a brand name is the translator's word that it stays as is.
        allowed.update(m.msgstr for m in ui if m.msgctxt == "brand" and m.translated)
    get_language(lang)
    return allowed


def raise_on_leaks(report: PublishReport) -> None:
    """For callers that treat a leak as a failure (the CLI, `run`)."""
    if report.leaks:
        raise PublishError(
            f"{len(report.leaks)} leak(s) of the wrong language; first: {report.leaks[0]}",
            path=report.out,
        )
