"""Stage 6: every `.po` under `locales/` -> `.mo`, as GNU msgfmt would compile it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from l10n_news.catalogs import Catalog, write_mo
from l10n_news.errors import CatalogError
from l10n_news.fileio import write_if_changed
from l10n_news.state import RunState, signature
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


def compile_workspace(
    ws: Workspace, *, use_fuzzy: bool = False, progress: Progress | None = None
) -> CompileReport:
    report = CompileReport()
    paths = list(ws.catalog_paths())
    state = RunState(ws.state_dir / "state.json")
    with ws.lock():
        todo = []
        for lang, domain, po in paths:
            key = f"{lang}/{domain}"
            record = {
                "po": signature(po),
                "mo": signature(po.with_suffix(".mo")),
                "fuzzy": use_fuzzy,
            }
            if state.unchanged("compile", key, record):
                report.unchanged.append(key)
            else:
                # Bad input is refused before any .mo is written.
                validate_for_compile(ws.read_catalog(po), ws.relative(po))
                todo.append((key, po))
        try:
            for n, (key, po) in enumerate(todo, 1):
                mo = po.with_suffix(".mo")
                catalog = ws.read_catalog(po)
                written = write_if_changed(mo, write_mo(catalog, use_fuzzy=use_fuzzy))
                (report.compiled if written else report.unchanged).append(key)
                report.messages[key] = sum(
                    1 for m in catalog if m.translated or (use_fuzzy and m.has_translation)
                )
                state.remember(
                    "compile", key, {"po": signature(po), "mo": signature(mo), "fuzzy": use_fuzzy}
                )
                if progress:
                    progress(n, len(todo))
        finally:
            state.save()
    return report
