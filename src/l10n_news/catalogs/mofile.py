"""Writing GNU MO files from a catalog.

The layout is GNU gettext's: a 28-byte header, two tables of (length, offset) pairs sorted by
original string, then the strings, NUL-terminated. No hash table (size 0), which GNU libintl and
Python's gettext both accept.
"""

from __future__ import annotations

import re
import struct

from l10n_news.catalogs.catalog import Catalog, Message

MAGIC = 0x950412DE


def _charset(catalog: Catalog) -> str:
    m = re.search(r"charset=([A-Za-z0-9_.:-]+)", catalog.header.get("Content-Type", ""))
    name = m.group(1).lower() if m else "utf-8"
    return "utf-8" if name == "charset" else name


def compiled_messages(catalog: Catalog, *, use_fuzzy: bool = False) -> dict[str, str]:
    """What msgfmt puts in the .mo: original -> translation, both as joined strings."""
    out: dict[str, str] = {}
    if catalog.header:
        fuzzy_header = "fuzzy" in catalog.header_flags
        if use_fuzzy or not fuzzy_header:
            # Like msgfmt, leave out the template's date: a new POT alone changes no .mo.
            out[""] = "".join(
                f"{k}: {v}\n" for k, v in catalog.header.items() if k != "POT-Creation-Date"
            )
    for msg in catalog:
        if not _included(msg, use_fuzzy):
            continue
        original = msg.msgid if msg.msgid_plural is None else f"{msg.msgid}\0{msg.msgid_plural}"
        if msg.msgctxt is not None:
            original = f"{msg.msgctxt}\x04{original}"
        out[original] = "\0".join(msg.strings)
    return out


def _included(msg: Message, use_fuzzy: bool) -> bool:
    if msg.fuzzy and not use_fuzzy:
        return False
    return any(msg.strings) if msg.pluralizable else bool(msg.msgstr)


def write_mo(catalog: Catalog, *, use_fuzzy: bool = False) -> bytes:
    charset = _charset(catalog)
    pairs = sorted(
        (k.encode(charset), v.encode(charset))
        for k, v in compiled_messages(catalog, use_fuzzy=use_fuzzy).items()
    )
    n = len(pairs)
    originals_at = 28
    translations_at = originals_at + 8 * n
    data_at = translations_at + 8 * n
    table_o: list[int] = []
    table_t: list[int] = []
    blob = bytearray()
    for key, _ in pairs:
        table_o += [len(key), data_at + len(blob)]
        blob += key + b"\0"
    for _, value in pairs:
        table_t += [len(value), data_at + len(blob)]
        blob += value + b"\0"
    head = struct.pack("<7I", MAGIC, 0, n, originals_at, translations_at, 0, data_at)
    return head + struct.pack(f"<{2 * n}I", *table_o) + struct.pack(f"<{2 * n}I", *table_t) + blob
