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
from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import Catalog
from l10n_news.errors import ConfigError, PublishError
from l10n_news.fileio import write_if_changed
from l10n_news.languages import derived_from, get_language
from l10n_news.publish import derived, pages
from l10n_news.publish.gate import Counts, Verdict, count_states, judge
from l10n_news.publish.leaks import Leak, check_html, glossary_names
from l10n_news.publish.render import make_environment
from l10n_news.publish.safety import check_translation
from l10n_news.publish.settings import PublishSettings, load_settings
from l10n_news.publish.state import FileDigests, digest, file_digest, load_state, save_state
from l10n_news.publish.ui import UI_SOURCE_LANGUAGE, template_files, ui_template
from l10n_news.publish.variant import (
    FreshPage,
    SlugInputs,
    SlugRenderer,
    files_exist,
    folder_digest,
)
from l10n_news.workspace import UI_DOMAIN, Workspace

FORMATS = ("html", "markdown")
INDEX_KEY = "@index"  # the state record of the index pages, the root page and the sitemap
Progress = Callable[[int, int], None]


@dataclass
class LanguageReport:
    published: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # published with the machine-translation notice
    held: dict[str, str] = field(default_factory=dict)  # slug -> why
    derived_from: str | None = None  # kk-Latn: published exactly when this language is


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
        # derived variants: the alphabet shapes kk-Latn's pages and every switcher's name
        *(derived.digest(ws, lang) for lang in ws.languages),
    )
    ui = _ui_languages(ws, settings, allow_drafts)
    report = PublishReport(
        out=out,
        languages={lang: LanguageReport(derived_from=derived_from(lang)) for lang in ws.languages},
    )

    # 1. Slug by slug: the gate (from hashes where nothing changed), then the pages that passed
    # and changed (their inputs, or the set of their alternates). An article and its catalogs
    # are parsed at most once, and only when something about them changed.
    env = make_environment(ws.root / "templates")
    allowed = {lang: _allowed_words(ws, settings, ui[lang].catalog, lang) for lang in ws.languages}
    # The words a leak check lets pass are an input too: a new glossary name frees a held page.
    allowed_digest = {lang: digest(repr(sorted(words))) for lang, words in allowed.items()}
    ui_catalogs = {lang: ui[lang].catalog for lang in ws.languages}
    variants: dict[str, Any] = {}
    new_pages: dict[str, Any] = {}
    slugs = ws.article_slugs()
    for done, slug in enumerate(slugs, 1):
        inputs = SlugInputs(ws, slug)
        article_digest = folder_digest(digests, ws.article_path(slug).parent)
        for lang in ws.languages:
            key = f"{lang}/{slug}"
            input_digest = digest(
                shared_digest,
                article_digest,
                ui[lang].digest,
                allowed_digest[lang],
                # derived variants: kk-Latn's page is made from kk's catalog
                digests.of(ws.po_path(derived.catalog_language(lang), slug)),
            )
            old = old_variants.get(key)
            if old and old.get("input") == input_digest:
                variants[key] = old
                # Held back for a leak last time and nothing changed: it still leaks.
                report.leaks.extend(Leak(**leak) for leak in old.get("leaks", []))
            else:
                variants[key] = _judge_variant(ws, settings, inputs, lang, ui[lang], allow_drafts)
                variants[key]["input"] = input_digest
        renderer = SlugRenderer(ws, settings, env, inputs, ui_catalogs, allowed, formats)
        for key, page in renderer.settle(variants, old_pages, out, report.leaks).items():
            if not isinstance(page, FreshPage):
                new_pages[key] = page
                continue
            rendered = page.rendered
            # Files the page no longer has (a dropped image, a format no longer asked for).
            stale = set(old_pages.get(key, {}).get("files", [])) - set(rendered.files)
            report.removed.extend(_remove(out, sorted(stale)))
            for rel, data in rendered.files.items():
                write_if_changed(out / rel, data)
            report.rendered.extend(rendered.files)
            new_pages[key] = {
                "render": page.render,
                "files": sorted(rendered.files),
                "title": rendered.title,
                "date": rendered.iso_date,
                "draft": variants[key]["draft"],
            }
        if progress is not None:
            progress(done, len(slugs))

    # 2. Pages of variants that no longer pass (or no longer exist) go.
    for key, old in old_pages.items():
        if key not in new_pages and key != INDEX_KEY:
            report.removed.extend(_remove(out, old["files"]))

    # 3. The index pages, the root and the sitemap, from the records; skipped when the records
    # and the shared inputs are what they were last time.
    article_pages = {k: v for k, v in new_pages.items() if not k.startswith("@")}
    index_digest = digest(
        shared_digest,
        *(ui[lang].digest for lang in ws.languages),
        json.dumps(
            sorted((k, v["title"], v["date"], v.get("draft")) for k, v in article_pages.items())
        ),
    )
    old_index = old_pages.get(INDEX_KEY)
    index_unchanged = old_index and old_index.get("digest") == index_digest
    if index_unchanged and files_exist(out, old_index["files"]):
        new_pages[INDEX_KEY] = old_index
    else:
        index_pages = pages.render_indexes(
            ws,
            settings,
            env,
            article_pages,
            ui_catalogs,
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
        # derived variants: kk-Latn's ui catalog is kk's, transliterated
        path = ws.po_path(derived.catalog_language(lang), UI_DOMAIN)
        # A broken ui catalog counts as an empty one: the language's pages are held back.
        found = try_read_catalog(path, ws.relative(path)) if path.is_file() else None
        catalog = found if isinstance(found, Catalog) else Catalog({"Language": lang})
        catalog = derived.ui_catalog(ws, lang, catalog)
        for msg in catalog:
            if (msg.msgctxt, msg.msgid) in wanted and msg.has_translation:
                check_translation(msg, ws.relative(path))
        result[lang] = _UiLanguage(
            catalog, count_states(catalog, wanted), digest(wanted_digest, file_digest(path))
        )
    return result


def _judge_variant(
    ws: Workspace,
    settings: PublishSettings,
    inputs: SlugInputs,
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
        "reason": inputs.problems.get(lang, verdict.reason),  # a broken catalog says so
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
