"""`publish_workspace`: every variant judged, the passing ones rendered, all written at once.

The output folder (default `site/`):
  index.html                  the root page: links to each language
  <lang>/index.html           the language's front page
  <lang>/<slug>/index.html    an article
  <lang>/<slug>/article.md    the same, as Markdown with front matter (--format markdown)
  sitemap.xml                 every page with its xhtml:link alternates

Publishing is one transaction: every page is judged and rendered first, then all are staged
and land together (`fileio.StagedWrites`); a failure of publish itself (a broken template, a
full disk) leaves the folder as it was. A variant with a problem is held back, and the rest
of the site is published. Pages of variants that are held back or gone are removed from the
folder, whatever the record of the last publish says.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news import __version__
from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import Catalog
from l10n_news.errors import CatalogError, ConfigError, PublishError
from l10n_news.fileio import StagedWrites
from l10n_news.languages import DERIVED, LANGUAGES, derived_from
from l10n_news.publish import derived, pages
from l10n_news.publish.gate import Counts, Judge, Verdict, count_states, held_reason
from l10n_news.publish.images import escapes_workspace, shown_path
from l10n_news.publish.leaks import Leak, LeakGroup, group_leaks
from l10n_news.publish.render import make_environment
from l10n_news.publish.settings import FORMATS, load_settings
from l10n_news.publish.state import FileDigests, digest, file_digest, load_state, save_state
from l10n_news.publish.ui import (
    THEME_DIR,
    THEME_LOCALE_DIR,
    UI_SOURCE_LANGUAGE,
    template_files,
    ui_catalog,
    ui_template,
)
from l10n_news.publish.variant import (
    FreshPage,
    SlugInputs,
    SlugRenderer,
    UiLanguage,
    file_stats,
    files_unchanged,
    folder_digest,
    judge_variant,
)
from l10n_news.workers import in_workers, worker_count
from l10n_news.workspace import UI_DOMAIN, Workspace

INDEX_KEY = "@index"  # the state record of the index pages, the root page and the sitemap
UI_KEY = "@ui"  # the state record of each language's ui verdict
# Files publishing writes in an article's folder: a folder with one of them is a page of ours.
PAGE_FILES = ("index.html", "article.md")
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
    rendered: list[str] = field(default_factory=list)  # files written this time
    removed: list[str] = field(default_factory=list)
    leaks: list[LeakGroup] = field(default_factory=list)  # grouped by word
    # Variants held back for a problem (error finding, refusal, leak, missing image), not
    # merely for being unreviewed: key -> every problem kept.
    problems: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "languages": {lang: r.__dict__ for lang, r in self.languages.items()},
            "variants": [v.as_dict() for v in self.verdicts],
            "rendered": self.rendered,
            "removed": self.removed,
            "leaks": [group.as_dict() for group in self.leaks],
            "problems": self.problems,
        }


def publish_workspace(
    ws: Workspace,
    *,
    out: Path | None = None,
    formats: Iterable[str] = ("html",),
    allow_drafts: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> PublishReport:
    """Publish every variant that passes the gate; re-render only what changed since last time.

    `jobs`: processes to judge and render in (default: one per CPU when there are enough
    articles to judge; 1: none forked). Holds the workspace lock (re-entrant: `run` holds it).
    """
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ConfigError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    with ws.lock():
        return _Publish(ws, out, formats, allow_drafts, progress, jobs).run()


class _Publish:
    def __init__(
        self,
        ws: Workspace,
        out: Path | None,
        formats: tuple[str, ...],
        allow_drafts: bool,
        progress: Progress | None,
        jobs: int | None,
    ) -> None:
        self.ws, self.formats, self.allow_drafts, self.progress = (
            ws,
            formats,
            allow_drafts,
            progress,
        )
        self.jobs = jobs
        self.settings = load_settings(ws)
        # --out is the user's own choice; out_dir from the config must stay in the workspace.
        self.out = (out or ws.root / self.settings.out_dir).resolve()
        state = load_state(ws, self.out)
        self.old_variants: dict[str, Any] = state.get("variants", {})
        self.old_pages: dict[str, Any] = state.get("pages", {})
        self.digests = FileDigests(state.get("files", {}))
        self.judge = Judge(ws, self.settings)
        self.report = PublishReport(
            out=self.out,
            languages={
                lang: LanguageReport(derived_from=derived_from(lang)) for lang in ws.languages
            },
        )
        self.shared_digest = self._shared_digest()
        # Plain strings for the paths asked about thousands of times on a rerun.
        self.articles_dir = os.fspath(ws.article_path("x").parent.parent)
        self.locale_dirs = [os.fspath(ws.po_path(lang, "x").parent) for lang in ws.languages]
        self._slug_digests: dict[str, str] = {}

    def _shared_digest(self) -> str:
        """What every page depends on beyond its own article and catalogs."""
        ws = self.ws
        templates = template_files(ws)
        for path in templates.values():
            why = None if path.is_relative_to(THEME_DIR) else escapes_workspace(ws, path)
            if why:
                raise PublishError(f"refused: the template {why}", path=shown_path(ws, path))
        glossary = ws.section("glossary").get("path", "glossary.csv")
        return digest(
            __version__,
            repr(sorted((name, file_digest(p)) for name, p in templates.items())),
            repr(sorted((p.as_posix(), file_digest(p)) for p in THEME_LOCALE_DIR.rglob("*.po"))),
            repr(sorted(self.settings.raw.items())),
            repr(sorted(ws.section("import").items())),
            self.digests.of(ws.root / glossary) if isinstance(glossary, str) else "",
            repr(ws.languages),
            ws.time_zone,
            ws.segmentation,
            repr(self.formats),
            str(self.allow_drafts),
            # derived variants: the alphabet shapes kk-Latn's pages and every switcher's name
            *(derived.digest(ws, lang) for lang in ws.languages),
        )

    # --- the steps ------------------------------------------------------------------
    def run(self) -> PublishReport:
        ui = self._ui_languages()
        env = make_environment(self.ws.root / "templates")
        variants: dict[str, Any] = {}
        new_pages: dict[str, Any] = {}
        staged = StagedWrites()
        try:
            self._articles(ui, env, variants, new_pages, staged)
            writes: dict[str, bytes] = {}
            self._indexes(env, ui, new_pages, writes)
            self._stage(staged, writes)
        except BaseException:
            staged.abort()  # one transaction: a failure or Ctrl-C before the end lands nothing
            raise
        self._land(staged, new_pages)
        self._save(variants, new_pages, ui)
        self.judge.save()
        self._summarise(variants)
        return self.report

    def _articles(
        self,
        ui: dict[str, UiLanguage],
        env: Any,
        variants: dict[str, Any],
        new_pages: dict[str, Any],
        staged: StagedWrites,
    ) -> None:
        """Every article judged and rendered (in worker processes when many changed); the
        pages are staged as they come, while the workers go on."""
        ws = self.ws
        ui_catalogs = {lang: ui[lang].catalog for lang in ws.languages}
        slugs = ws.article_slugs()
        workers = worker_count(sum(self._to_judge(slug, ui) for slug in slugs), self.jobs)
        if workers > 1:
            # Once, shared by the forked workers: what checking translations needs (a worker
            # that meets an article in another language loads the rest itself).
            self.judge.load([lang for lang in ws.languages if lang != ws.source_language])

        def work(slug: str) -> SlugOutcome:
            return self._slug_outcome(slug, ui, env, ui_catalogs)

        for done, outcome in enumerate(in_workers(work, slugs, workers), 1):
            variants.update(outcome.variants)
            self.digests.adopt(outcome.digests)
            self.judge.adopt(outcome.findings)
            for key, page in outcome.pages.items():
                if isinstance(page, FreshPage):
                    self._stage(staged, page.rendered.files)
                    page = page.record(draft=variants[key]["draft"])
                new_pages[key] = page
            if self.progress is not None:
                self.progress(done, len(slugs))

    def _slug_outcome(
        self,
        slug: str,
        ui: dict[str, UiLanguage],
        env: Any,
        ui_catalogs: dict[str, Catalog | None],
    ) -> SlugOutcome:
        """One article's verdicts and pages (in a worker process, or here)."""
        inputs = SlugInputs(self.ws, slug)
        variants: dict[str, Any] = {}
        self._judge_slug(inputs, ui, variants)
        renderer = SlugRenderer(self.ws, self.settings, env, inputs, ui_catalogs, self.formats)
        pages = renderer.settle(variants, self.old_pages, self.out)
        return SlugOutcome(variants, pages, self.digests.take_fresh(), self.judge.take_fresh())

    def _slug_digest(self, slug: str) -> str:
        """What a slug's variants depend on of its own: its folder and its catalogs."""
        if slug not in self._slug_digests:
            self._slug_digests[slug] = digest(
                folder_digest(self.digests, os.path.join(self.articles_dir, slug)),
                *(self.digests.of(os.path.join(d, f"{slug}.po")) for d in self.locale_dirs),
            )
        return self._slug_digests[slug]

    def _input_digest(self, slug: str, ui: UiLanguage) -> str:
        return digest(self.shared_digest, self._slug_digest(slug), ui.digest)

    def _to_judge(self, slug: str, ui: dict[str, UiLanguage]) -> bool:
        """Whether some variant of `slug` must be judged again (its inputs changed)."""
        for lang in self.ws.languages:
            old = (self.old_variants.get(f"{lang}/{slug}") or {}).get("input")
            # A variant with no record is judged: its inputs are hashed then, in a worker.
            if old is None or old != self._input_digest(slug, ui[lang]):
                return True
        return False

    def _judge_slug(
        self, inputs: SlugInputs, ui: dict[str, UiLanguage], variants: dict[str, Any]
    ) -> None:
        """Verdicts of a slug's variants, from the record where no input changed."""
        ws, slug = self.ws, inputs.slug
        for lang in ws.languages:
            key = f"{lang}/{slug}"
            input_digest = self._input_digest(slug, ui[lang])
            old = self.old_variants.get(key)
            if old and old.get("input") == input_digest:
                variants[key] = old
                continue
            variants[key] = judge_variant(
                ws, self.settings, self.judge, inputs, lang, ui[lang], self.allow_drafts
            )
            variants[key]["input"] = input_digest

    def _ui_languages(self) -> dict[str, UiLanguage]:
        """Each language's `ui` catalog and verdict (kept from the record when unchanged)."""
        ws = self.ws
        wanted = {(m.msgctxt, m.msgid) for m in ui_template(ws)}
        wanted_digest = digest(repr(sorted(wanted, key=lambda k: (k[0] or "", k[1]))))
        # Every language's ui strings are leak vocabulary for the others: one digest for all.
        all_ui = digest(
            self.shared_digest,
            wanted_digest,
            *(self.digests.of(ws.po_path(lang, UI_DOMAIN)) for lang in LANGUAGES),
        )
        old = self.old_pages.get(UI_KEY, {})
        result: dict[str, UiLanguage] = {}
        for lang in ws.languages:
            if lang == UI_SOURCE_LANGUAGE:
                result[lang] = UiLanguage(None, None, all_ui, [], [])
                continue
            # derived variants: kk-Latn's ui catalog is kk's, transliterated
            base = derived.catalog_language(lang)
            link = escapes_workspace(ws, ws.po_path(base, UI_DOMAIN))
            if link:  # a linked catalog is not read: the language waits until it is a file
                problem = f"{shown_path(ws, ws.po_path(base, UI_DOMAIN))}: refused: {link}"
                result[lang] = UiLanguage(None, Counts(), all_ui, [problem], [])
                continue
            own = ws.po_path(base, UI_DOMAIN)
            found = try_read_catalog(own, ws.relative(own)) if own.is_file() else None
            if isinstance(found, CatalogError):  # a broken ui catalog holds the language back
                result[lang] = UiLanguage(None, Counts(), all_ui, [str(found)], [])
                continue
            catalog, origin = ui_catalog(ws, base)
            catalog = derived.ui_catalog(ws, lang, catalog)
            counts = count_states(catalog, wanted)
            kept = old.get(lang)
            if kept and kept.get("digest") == all_ui:
                leaks = [Leak(**leak) for leak in kept["leaks"]]
                result[lang] = UiLanguage(catalog, counts, all_ui, kept["problems"], leaks)
                continue
            problems, leaks = self._judge_ui(lang, catalog, origin, wanted)
            result[lang] = UiLanguage(catalog, counts, all_ui, problems, leaks)
        return result

    def _judge_ui(
        self,
        lang: str,
        catalog: Catalog,
        origin: dict[tuple[str | None, str], str],
        wanted: set[tuple[str | None, str]],
    ) -> tuple[list[str], list[Leak]]:
        from l10n_news.checks.formats import template_format_problems

        ws = self.ws
        shown = []
        problems: list[str] = []
        for key in sorted(wanted, key=lambda k: (k[0] or "", k[1])):
            msg = catalog.get(key[1], key[0])
            if msg is None or not msg.has_translation:
                continue
            shown_file = origin.get(key, UI_DOMAIN)
            where = f"{shown_file}:{msg.lineno}" if msg.lineno else shown_file
            for text in msg.strings:
                for why in template_format_problems(msg.msgid, text) if text else ():
                    problems.append(f"{where}: error: [template-format] {why}")
            shown.append((msg, shown_file))
        base = derived.catalog_language(lang)  # derived variants: kk's catalog is checked
        if ws.po_path(base, UI_DOMAIN).is_file():
            catalogs: dict[Path, Catalog] = {}

            def catalog_at(path: Path) -> Catalog:
                # Another language's broken ui catalog holds back that language (above); as
                # a sibling compared with this one, it counts as empty.
                if path not in catalogs:
                    found = try_read_catalog(path, ws.relative(path)) if path.is_file() else None
                    catalogs[path] = found if isinstance(found, Catalog) else Catalog()
                return catalogs[path]

            problems += self.judge.errors(base, UI_DOMAIN, wanted, catalog_at)
        refusals, leaks = self.judge.units(lang, shown)
        problems += refusals  # the same rules as the check's: duplicates fold below
        problems += [f"leak: {leak}" for leak in leaks]
        return list(dict.fromkeys(problems)), leaks

    def _indexes(
        self,
        env: Any,
        ui: dict[str, UiLanguage],
        new_pages: dict[str, Any],
        writes: dict[str, bytes],
    ) -> None:
        """The index pages, the root and the sitemap, from the records; skipped when the
        records and the shared inputs are what they were last time."""
        ws = self.ws
        article_pages = {k: v for k, v in new_pages.items() if not k.startswith("@")}
        index_digest = digest(
            self.shared_digest,
            *(ui[lang].digest for lang in ws.languages),
            json.dumps(
                sorted((k, v["title"], v["date"], v.get("draft")) for k, v in article_pages.items())
            ),
        )
        old_index = self.old_pages.get(INDEX_KEY)
        if (
            old_index
            and old_index.get("digest") == index_digest
            and files_unchanged(self.out, old_index)
        ):
            new_pages[INDEX_KEY] = old_index
            return
        ui_catalogs = {lang: ui[lang].catalog for lang in ws.languages}
        index_pages = pages.render_indexes(ws, self.settings, env, article_pages, ui_catalogs)
        for rel, (data, _lang) in index_pages.items():
            writes[rel] = data
        new_pages[INDEX_KEY] = {"digest": index_digest, "files": sorted(index_pages)}

    def _stage(self, staged: StagedWrites, files: dict[str, bytes]) -> None:
        for rel, data in sorted(files.items()):
            if staged.write(self.out / rel, data):
                self.report.rendered.append(rel)

    def _land(self, staged: StagedWrites, new_pages: dict[str, Any]) -> None:
        """Everything staged lands together; then what no longer belongs goes."""
        staged.commit()
        self.report.rendered.sort()
        for key, record in list(new_pages.items()):
            if "files" in record and "stats" not in record:  # written just now
                new_pages[key] = dict(record, stats=file_stats(self.out, record["files"]) or {})
        keep = {rel for record in new_pages.values() for rel in record.get("files", [])}
        stale = {
            rel
            for record in self.old_pages.values()
            for rel in record.get("files", [])
            if rel not in keep
        }
        self.report.removed.extend(_remove(self.out, sorted(stale)))
        self.report.removed.extend(self._remove_unlisted(new_pages))

    def _remove_unlisted(self, new_pages: dict[str, Any]) -> list[str]:
        """Pages in the folder that no record lists: a copied workspace, deleted records,
        another --out. Only folders that hold a page of ours are touched."""
        removed = []
        published = {key for key in new_pages if not key.startswith("@")}
        index_files = set(new_pages.get(INDEX_KEY, {}).get("files", []))
        for lang in [*LANGUAGES, *DERIVED]:
            folder = self.out / lang
            if not folder.is_dir() or folder.is_symlink():
                continue
            with os.scandir(folder) as entries:
                for entry in entries:
                    key = f"{lang}/{entry.name}"
                    if key in published or not entry.is_dir(follow_symlinks=False):
                        continue
                    if any(os.path.isfile(os.path.join(entry.path, f)) for f in PAGE_FILES):
                        shutil.rmtree(entry.path)
                        removed.append(key + "/")
            front = f"{lang}/index.html"
            if front not in index_files and (self.out / front).is_file():
                removed.extend(_remove(self.out, [front]))
        return removed

    def _save(
        self, variants: dict[str, Any], new_pages: dict[str, Any], ui: dict[str, UiLanguage]
    ) -> None:
        new_pages[UI_KEY] = {
            lang: {
                "digest": u.digest,
                "problems": u.problems,
                "leaks": [leak.as_dict() for leak in u.leaks],
            }
            for lang, u in ui.items()
            if u.catalog is not None
        }
        changed = variants != self.old_variants or new_pages != self.old_pages
        if changed or self.digests.changed:
            save_state(self.ws, self.out, variants, new_pages, self.digests.table)

    def _summarise(self, variants: dict[str, Any]) -> None:
        report = self.report
        leaks: list[Leak] = []
        keys = sorted((key.split("/", 1)[::-1], key) for key in variants)
        for (slug, lang), key in keys:
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
                if v.get("problems"):
                    report.problems[key] = v["problems"]
                leaks += [Leak(**leak) for leak in v.get("leaks", [])]
        report.leaks = group_leaks(leaks)


@dataclass
class SlugOutcome:
    """What judging and rendering one article gave: sent back by a worker process."""

    variants: dict[str, Any]  # key -> the variant's record
    pages: dict[str, Any]  # key -> the kept page record, or a FreshPage to write
    digests: dict[str, list[Any]]  # file digests computed on the way
    findings: dict[str, Any]  # findings records computed on the way


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


def raise_on_problems(report: PublishReport) -> None:
    """For callers that treat a held-back problem as a failure."""
    if report.problems:
        key, problems = next(iter(report.problems.items()))
        raise PublishError(
            f"{len(report.problems)} variant(s) held back; first: {key}: {held_reason(problems)}",
            path=report.out,
        )
