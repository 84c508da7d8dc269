"""Stage 6: every `.po` under `locales/` -> `.mo`, as GNU msgfmt would compile it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import Catalog, Message, write_mo
from l10n_news.catalogs.mofile import included_in_mo
from l10n_news.checks.formats import PARSERS
from l10n_news.checks.placeholders import check_flagged
from l10n_news.checks.plurals import plural_rule_problem
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
    # Catalogs msgfmt would refuse: their .mo is left as it was, the others are compiled.
    problems: list[CatalogError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "compiled": self.compiled,
            "unchanged": self.unchanged,
            "messages": self.messages,
            "problems": [str(p) for p in self.problems],
        }


def validate_plural_forms(catalog: Catalog, path: str, *, use_fuzzy: bool = False) -> None:
    """msgfmt --check's test of the plural rule (see checks.plurals.plural_rule_problem)."""
    problem = plural_rule_problem(catalog, use_fuzzy=use_fuzzy)
    if problem is not None:
        raise CatalogError(problem, path=path, line=catalog.header_lineno)


def validate_header(catalog: Catalog, path: str) -> None:
    """msgfmt --check refuses a catalog without a header entry (or with an empty one)."""
    if not catalog.header_msgstr():
        raise CatalogError('no header entry (msgid ""): msgfmt --check refuses it', path=path)


def validate_for_compile(catalog: Catalog, path: str, *, use_fuzzy: bool = False) -> None:
    """The errors msgfmt --check stops at: no header, a Plural-Forms that does not compute,
    a plural entry with the wrong number of forms, and, in what goes into the .mo, newlines at
    the start or end of msgid but not msgstr, and format strings that do not match."""
    validate_header(catalog, path)
    validate_plural_forms(catalog, path, use_fuzzy=use_fuzzy)
    n = catalog.nplurals
    for msg in catalog:
        if not included_in_mo(msg, use_fuzzy):
            continue  # msgfmt drops it before any check
        if msg.pluralizable and len(msg.msgstr_plural) != n:
            raise CatalogError(
                f"{len(msg.msgstr_plural)} plural forms, but Plural-Forms says nplurals={n}",
                path=path,
                line=msg.lineno,
            )
        for problem in _entry_problems(msg):
            raise CatalogError(problem, path=path, line=msg.lineno)


def _entry_problems(msg: Message) -> Iterator[str]:
    for text in (s for s in msg.strings if s):
        for edge, test in (("begin", str.startswith), ("end", str.endswith)):
            if test(msg.msgid, "\n") != test(text, "\n"):
                yield f"msgid and msgstr do not both {edge} with a newline (\\n)"
    flag = next((f for f in msg.flags if f in PARSERS), None)
    if flag is None:
        return
    for text in msg.strings:
        if not text:
            continue
        # Like msgfmt, every form of a plural entry answers to msgid_plural, which names them all.
        source = msg.msgid if msg.msgid_plural is None else msg.msgid_plural
        for problem in check_flagged(source, text, flag, may_omit=msg.pluralizable):
            yield f"{flag}: {problem}"


def _compile_one(
    ws: Workspace,
    key: str,
    files: dict[str, Path],
    staged: StagedWrites,
    report: CompileReport,
    use_fuzzy: bool,
) -> bool:
    """Stage one .mo; False (and a problem listed, the old .mo kept) if the .po is refused."""
    try:
        catalog = ws.read_catalog(files["po"])
        validate_for_compile(catalog, ws.relative(files["po"]), use_fuzzy=use_fuzzy)
    except CatalogError as exc:
        report.problems.append(exc)
        return False
    written = staged.write(files["mo"], write_mo(catalog, use_fuzzy=use_fuzzy))
    (report.compiled if written else report.unchanged).append(key)
    report.messages[key] = sum(
        1 for m in catalog if m.translated or (use_fuzzy and m.has_translation)
    )
    return True


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
    """Compile every catalog whose .po changed; all .mo files land together or not at all.

    A catalog that cannot be read, or that msgfmt would refuse, keeps its old .mo and is
    listed in `problems`; the others are compiled.
    """
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
                elif _compile_one(ws, key, files, staged, report, use_fuzzy):
                    done.append((key, po))
                if progress:
                    progress(n, len(paths))
        for key, po in done:
            remember_compiled(state, key, po, use_fuzzy)
        state.save()
    return report
