"""Stage 2: merge each `locales/<domain>.pot` into `locales/<lang>/LC_MESSAGES/<domain>.po`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news import __version__
from l10n_news.catalogs import Catalog, UpdateReport, read_po
from l10n_news.catalogs.pofile import dump_po
from l10n_news.compile import remember_compiled, stage_mo
from l10n_news.errors import CatalogError
from l10n_news.fileio import StagedWrites
from l10n_news.languages import get_language, refuse_derived
from l10n_news.state import RunState
from l10n_news.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass
class UpdateSummary:
    catalogs: dict[str, dict[str, int]] = field(default_factory=dict)  # "lang/domain" -> counts
    created: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    # Catalogs (or templates) that cannot be read: left as they are, everything else done.
    problems: list[CatalogError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "written": self.written,
            "unchanged": self.unchanged,
            "catalogs": self.catalogs,
            "problems": [str(p) for p in self.problems],
        }


def new_catalog(ws: Workspace, lang: str, template: Catalog) -> Catalog:
    """An empty catalog for `lang`, as msginit would start it."""
    header = {
        "Project-Id-Version": template.header.get("Project-Id-Version", ws.project),
        "Report-Msgid-Bugs-To": template.header.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": template.header.get("POT-Creation-Date", ""),
        "PO-Revision-Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": "",
        "Language-Team": f"{get_language(lang).name}",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": get_language(lang).plural_forms,
        "X-Generator": f"l10n-news {__version__}",
    }
    if "X-Source-Language" in template.header:
        header["X-Source-Language"] = template.header["X-Source-Language"]
    return Catalog(header)


def fix_header(catalog: Catalog, lang: str, project: str) -> None:
    """The header fields GNU gettext and translators' tools rely on, right for `lang`."""
    language = get_language(lang)
    h = catalog.header
    if h.get("Language") != lang:
        h["Language"] = lang
    if "Plural-Forms" not in h:
        # An existing rule is the translation team's choice (GNOME's kk uses one form): kept.
        h["Plural-Forms"] = language.plural_forms
    if catalog.charset == "UTF-8" and "charset=utf-8" not in h.get("Content-Type", "").lower():
        # No charset, or the template's placeholder: say what the file is written in.
        # A real charset (ISO-8859-15, say) is kept, and the file is written in it.
        h["Content-Type"] = "text/plain; charset=UTF-8"
    h.setdefault("MIME-Version", "1.0")
    h.setdefault("Content-Transfer-Encoding", "8bit")
    if not h.get("Project-Id-Version"):
        h["Project-Id-Version"] = project


def update_catalog(
    ws: Workspace,
    lang: str,
    domain: str,
    template: Catalog,
    staged: StagedWrites | None = None,
    then: Callable[[Path, Catalog], None] | None = None,
) -> tuple[bool, bool, UpdateReport]:
    """Merge one template into one catalog. Returns (created, written, report).

    `then(path, catalog)` is told the merged catalog while it is still in memory."""
    path = ws.po_path(lang, domain)
    created = not path.exists()
    catalog = new_catalog(ws, lang, template) if created else ws.read_catalog(path)
    fix_header(catalog, lang, ws.project)
    report = catalog.update(template)
    if staged is None:
        written = ws.write_catalog(path, catalog)
    else:
        written = staged.write(path, dump_po(catalog))
    if then is not None:
        then(path, catalog)
    return created, written, report


def _update_files(ws: Workspace, lang: str, domain: str) -> dict[str, Path]:
    return {"pot": ws.pot_path(domain), "po": ws.po_path(lang, domain)}


def update_workspace(
    ws: Workspace,
    *,
    langs: list[str] | None = None,
    domains: list[str] | None = None,
    progress: Progress | None = None,
    compile_fuzzy: bool | None = None,
) -> UpdateSummary:
    """Merge every template into the catalogs of every target language, creating missing ones.

    All catalogs land together. A template or catalog that cannot be read is left as it is
    and listed in `problems`; the others are updated. With `compile_fuzzy` (True or False:
    whether drafts go into the .mo), each merged catalog is also compiled from memory, as
    `compile` would, so `run` does not read it again.
    """
    for lang in langs or []:
        refuse_derived(ws.check_language(lang))  # kk-Latn has no catalogs: it is made from kk
    available = ws.domains()
    missing = [d for d in domains or [] if d not in available]
    if missing:
        raise CatalogError(
            f"no template for domain {missing[0]!r}: run 'l10n-news extract' first",
            path=ws.relative(ws.pot_path(missing[0])),
        )
    chosen = list(domains) if domains else available
    summary = UpdateSummary()
    state = RunState(ws.state_dir / "state.json")
    with ws.lock():
        done: list[tuple[str, str]] = []  # (lang, domain): records made after the files land
        compiled: list[tuple[str, Path]] = []
        with StagedWrites() as staged:

            def compile_merged(path: Path, catalog: Catalog) -> None:
                if compile_fuzzy is not None and stage_mo(
                    staged, path, catalog, compile_fuzzy, ws.relative(path)
                ):
                    compiled.append((f"{path.parent.parent.name}/{path.stem}", path))

            for n, domain in enumerate(chosen, 1):
                pot = ws.pot_path(domain)
                template: Catalog | None = None
                for lang in ws.target_languages(ws.domain_source_language(domain), langs):
                    key = f"{lang}/{domain}"
                    if state.unchanged("update", key, _update_files(ws, lang, domain)):
                        summary.unchanged.append(key)
                        continue
                    if template is None:
                        try:
                            template = read_po(pot, path=ws.relative(pot))
                        except CatalogError as exc:
                            summary.problems.append(exc)
                            break
                    try:
                        created, written, report = update_catalog(
                            ws, lang, domain, template, staged, compile_merged
                        )
                    except CatalogError as exc:
                        summary.problems.append(exc)
                        continue
                    summary.catalogs[key] = report.as_dict()
                    if created:
                        summary.created.append(key)
                    elif written:
                        summary.written.append(key)
                    else:
                        summary.unchanged.append(key)
                    done.append((lang, domain))
                if progress:
                    progress(n, len(chosen))
        for lang, domain in done:
            state.remember("update", f"{lang}/{domain}", _update_files(ws, lang, domain))
        for key, po in compiled:
            remember_compiled(state, key, po, bool(compile_fuzzy))
        state.save()
    return summary
