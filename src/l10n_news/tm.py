"""The translation-memory stage: reviewed translations out to TMX, and TMX files in.

`export_tm` writes one unit per reviewed entry: the msgid in its domain's source language and
every reviewed translation of it, with the domain (and msgctxt) as properties.

`import_tm` checks a TMX file and stores a clean copy as `tm/<name>.tmx` in the workspace;
the `memory` engine reads every file in `tm/`, so nothing in l10n-news.toml has to change.
Importing a file of the same name again replaces the earlier copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import State
from l10n_news.catalogs.tmx import (
    TranslationUnit,
    is_xml_text,
    normalise_lang,
    read_tmx,
    write_tmx,
)
from l10n_news.engines.memory import TM_DIR
from l10n_news.errors import CatalogError
from l10n_news.fileio import atomic_write_bytes
from l10n_news.languages import LANGUAGES
from l10n_news.workspace import Workspace

Key = tuple[str, str | None, str]  # (domain, msgctxt, msgid)


@dataclass
class Exported:
    units: int  # written to the file
    broken: list[CatalogError] = field(default_factory=list)  # catalogs left out, unreadable


def export_tm(ws: Workspace, dest: Path, langs: list[str] | None = None) -> Exported:
    """Write the reviewed translations (of `langs`, default all) to `dest`.

    A catalog that cannot be read is left out and reported; the others are exported."""
    wanted = {ws.check_language(lang) for lang in langs} if langs else set(ws.languages)
    units: dict[Key, TranslationUnit] = {}
    exported = Exported(0)
    for lang, domain, path in ws.catalog_paths():
        source_lang = ws.domain_source_language(domain)
        if lang not in wanted or lang == source_lang:
            continue
        catalog = try_read_catalog(path, ws.relative(path))
        if isinstance(catalog, CatalogError):
            exported.broken.append(catalog)
            continue
        for msg in catalog:
            if not msg.msgid or msg.pluralizable or msg.state is not State.REVIEWED:
                continue
            if not (is_xml_text(msg.msgid) and is_xml_text(msg.msgstr)):
                continue  # control characters XML cannot carry; rare enough to leave out
            key = (domain, msg.msgctxt, msg.msgid)
            unit = units.get(key)
            if unit is None:
                props = {"x-domain": domain}
                if msg.msgctxt is not None:
                    props["x-context"] = msg.msgctxt
                unit = TranslationUnit({source_lang: msg.msgid}, srclang=source_lang, props=props)
                units[key] = unit
            unit.variants[lang] = msg.msgstr
    sources = {u.srclang for u in units.values()}
    srclang = sources.pop() if len(sources) == 1 else "*all*"
    text = write_tmx(list(units.values()), srclang=srclang or "*all*")
    atomic_write_bytes(dest, text.encode("utf-8"))
    exported.units = len(units)
    return exported


def imported_path(ws: Workspace, source: Path) -> Path:
    """Where `import_tm` stores a copy of `source`."""
    return ws.root / TM_DIR / f"{source.stem}.tmx"


def import_tm(ws: Workspace, tmx_path: Path) -> int:
    """Check `tmx_path` and store it for the memory engine; the number of units it adds.

    Only units with text in at least two of the workspace's languages are kept, with their
    language codes normalised (kk-KZ -> kk); when none is left, nothing is stored.
    """
    shown = str(tmx_path)
    document = read_tmx(tmx_path, path=shown)
    kept = []
    for unit in document.units:
        variants = {lang: text for lang, text in unit.variants.items() if lang in LANGUAGES}
        if len(variants) >= 2:
            srclang = unit.srclang if unit.srclang in variants else None
            kept.append(TranslationUnit(variants, srclang=srclang, props=dict(unit.props)))
    if not kept:
        return 0  # a valid file with nothing usable: store nothing
    srclang = normalise_lang(document.srclang)
    srclang = srclang if srclang in LANGUAGES else "*all*"
    data = write_tmx(kept, srclang=srclang).encode("utf-8")
    with ws.lock():
        atomic_write_bytes(imported_path(ws, tmx_path), data)
    return len(kept)
