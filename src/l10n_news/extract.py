"""Stage 1: articles -> `locales/<slug>.pot` (and the site's UI strings -> `locales/ui.pot`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news import __version__
from l10n_news.catalogs import Catalog, Message, write_po
from l10n_news.errors import CatalogError
from l10n_news.fileio import StagedWrites, atomic_write_bytes
from l10n_news.publish.ui import ui_template
from l10n_news.sources import Article, load_article, segment_article
from l10n_news.state import RunState
from l10n_news.workspace import UI_DOMAIN, Workspace, check_slug

Progress = Callable[[int, int], None]


@dataclass
class ExtractReport:
    written: list[str] = field(default_factory=list)  # domains whose template changed
    unchanged: list[str] = field(default_factory=list)
    messages: dict[str, int] = field(default_factory=dict)  # domain -> number of entries

    def as_dict(self) -> dict:
        return {"written": self.written, "unchanged": self.unchanged, "messages": self.messages}


def template_header(ws: Workspace, source_language: str) -> dict[str, str]:
    return {
        "Project-Id-Version": ws.project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_language,
        "X-Generator": f"l10n-news {__version__}",
    }


def article_template(ws: Workspace, article: Article) -> Catalog:
    """The POT of one article: an entry per unit, with its role and its line in article.md."""
    catalog = Catalog(template_header(ws, article.lang))
    catalog.header_comments = [f"Translations of the article {article.slug!r}.", ""]
    catalog.header_flags = ["fuzzy"]
    where = f"articles/{article.slug}/article.md"
    for seg in segment_article(article, ws.segmentation):
        ref = f"{where}:{seg.line}"
        existing = catalog.get(seg.text, seg.context)
        if existing is not None:
            if ref not in existing.references:
                existing.references.append(ref)
            if seg.role not in existing.extracted_comments:
                existing.extracted_comments.append(seg.role)
            continue
        catalog.add(
            Message(
                msgid=seg.text,
                msgctxt=seg.context,
                extracted_comments=[seg.role],
                references=[ref],
            )
        )
    return catalog


def _same_template(old: bytes, new: str) -> bool:
    """Equal but for POT-Creation-Date: then the file is left alone, byte for byte."""

    def strip(text: str) -> str:
        return "\n".join(
            line for line in text.split("\n") if not line.startswith('"POT-Creation-Date:')
        )

    return strip(old.decode("utf-8", "replace")) == strip(new)


def write_template(
    ws: Workspace, domain: str, catalog: Catalog, staged: StagedWrites | None = None
) -> bool:
    """Write `locales/<domain>.pot` unless only its date would change. True if written."""
    path = ws.pot_path(domain)
    text = write_po(catalog)
    try:
        if _same_template(path.read_bytes(), text):
            return False
    except FileNotFoundError:
        pass
    if staged is None:
        atomic_write_bytes(path, text.encode("utf-8"))
        return True
    return staged.write(path, text.encode("utf-8"))


def _extract_files(ws: Workspace, slug: str) -> dict[str, Path]:
    return {"src": ws.article_path(slug), "pot": ws.pot_path(slug)}


def extract_workspace(
    ws: Workspace, *, slugs: list[str] | None = None, progress: Progress | None = None
) -> ExtractReport:
    """Write a template per article (and for the UI), skipping articles that did not change.

    All templates land together: an article with bad input stops the run and changes nothing.
    """
    report = ExtractReport()
    chosen = [check_slug(s) for s in slugs] if slugs else ws.article_slugs()
    for slug in chosen:
        if not ws.article_path(slug).is_file():
            raise CatalogError("no such article", path=ws.relative(ws.article_path(slug)))
    state = RunState(ws.state_dir / "state.json")
    settings = {"mode": ws.segmentation, "project": ws.project}
    with ws.lock():
        done: list[str] = []  # keys only: the records are made after the files land
        with StagedWrites() as staged:
            for n, slug in enumerate(chosen, 1):
                files = _extract_files(ws, slug)
                if state.unchanged("extract", slug, files, settings):
                    report.unchanged.append(slug)
                else:
                    catalog = article_template(ws, load_article(files["src"], slug))
                    report.messages[slug] = len(catalog)
                    written = write_template(ws, slug, catalog, staged)
                    (report.written if written else report.unchanged).append(slug)
                    done.append(slug)
                if progress:
                    progress(n, len(chosen))
            if not slugs:
                _extract_ui(ws, report, staged)
        for slug in done:
            state.remember("extract", slug, _extract_files(ws, slug), settings)
        state.save()
    return report


def _extract_ui(ws: Workspace, report: ExtractReport, staged: StagedWrites) -> None:
    catalog = ui_template(ws)
    report.messages[UI_DOMAIN] = len(catalog)
    written = write_template(ws, UI_DOMAIN, catalog, staged)
    (report.written if written else report.unchanged).append(UI_DOMAIN)
