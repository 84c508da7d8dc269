"""Stage 6: every `.po` under `locales/` -> `.mo`, as GNU msgfmt would compile it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import Catalog, write_mo
from l10n_news.errors import CatalogError
from l10n_news.fileio import StagedWrites
from l10n_news.state import RunState
from l10n_news.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass
class CompileReport:
    compiled: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    messages: dict[str, int] = field(default_factory=dict)  # "lang/domain" -> messages in the .mo

    def as_dict(self) -> dict:
        return {"compiled": self.compiled, "unchanged": self.unchanged, "messages": self.messages}


def validate_for_compile(catalog: Catalog, path: str) -> None:
    """The errors msgfmt stops at: leading/trailing newlines that differ between msgid and
    msgstr, and a plural entry with the wrong number of forms."""
    n = catalog.nplurals
    for msg in catalog:
        for text in (s for s in msg.strings if s):
            for edge, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(msg.msgid, "\n") != test(text, "\n"):
                    raise CatalogError(
                        f"msgid and msgstr do not both {edge} with a newline (\\n)",
                        path=path,
                        line=msg.lineno,
                    )
        if msg.pluralizable and any(msg.msgstr_plural) and len(msg.msgstr_plural) != n:
            raise CatalogError(
                f"{len(msg.msgstr_plural)} plural forms, but Plural-Forms says nplurals={n}",
                path=path,
                line=msg.lineno,
            )


def stage_mo(staged: StagedWrites, po: Path, catalog: Catalog, use_fuzzy: bool, shown: str) -> bool:
    """Stage the .mo of a catalog already in memory (`run` compiles what `update` merged,
    without reading the .po again). False when msgfmt would refuse it: `compile` reports it."""
    try:
        validate_for_compile(catalog, shown)
    except CatalogError:
        return False
    staged.write(po.with_suffix(".mo"), write_mo(catalog, use_fuzzy=use_fuzzy))
    return True


def remember_compiled(state: RunState, key: str, po: Path, use_fuzzy: bool) -> None:
    """The record `compile` keeps of a .mo made from `po` (once both files have landed)."""
    state.remember("compile", key, {"po": po, "mo": po.with_suffix(".mo")}, {"fuzzy": use_fuzzy})


def compile_workspace(
    ws: Workspace, *, use_fuzzy: bool = False, progress: Progress | None = None
) -> CompileReport:
    """Compile every catalog whose .po changed; all .mo files land together or not at all."""
    report = CompileReport()
    paths = list(ws.catalog_paths())
    state = RunState(ws.state_dir / "state.json")
    settings = {"fuzzy": use_fuzzy}
    with ws.lock():
        done: list[tuple[str, Path]] = []  # records are made after the files land
        with StagedWrites() as staged:
            for n, (lang, domain, po) in enumerate(paths, 1):
                key = f"{lang}/{domain}"
                files = {"po": po, "mo": po.with_suffix(".mo")}
                if state.unchanged("compile", key, files, settings):
                    report.unchanged.append(key)
                else:
                    catalog = ws.read_catalog(po)
                    validate_for_compile(catalog, ws.relative(po))
                    written = staged.write(files["mo"], write_mo(catalog, use_fuzzy=use_fuzzy))
                    (report.compiled if written else report.unchanged).append(key)
                    report.messages[key] = sum(
                        1 for m in catalog if m.translated or (use_fuzzy and m.has_translation)
                    )
                    done.append((key, po))
                if progress:
                    progress(n, len(paths))
        for key, po in done:
            remember_compiled(state, key, po, use_fuzzy)
        state.save()
    return report
