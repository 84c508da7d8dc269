"""Writing GNU MO files from a catalog, as GNU msgfmt 0.21 writes them.

The layout is GNU gettext's: a header, two tables of (length, offset) pairs sorted by original
string, msgfmt's hash table, then the strings, NUL-terminated. Messages of C format strings with
`<inttypes.h>` macros (`%<PRIuMAX>`) are system-dependent: they go into the revision-1 tables
of segments that libintl expands when it loads the file, exactly as msgfmt writes them.
What goes in follows msgfmt too: the header's bytes as read (minus POT-Creation-Date, fuzzy or
not), no fuzzy entries without `use_fuzzy`, no entry whose (first) msgstr is empty.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from l10n_news.catalogs.catalog import Catalog, Message

MAGIC = 0x950412DE
SEGMENTS_END = 0xFFFFFFFF

# A C directive whose size and conversion are an <inttypes.h> macro: `%<PRIuMAX>`, `%08<PRIx64>`.
_SYSDEP_RE = re.compile(
    r"%(?:\d+\$)?[-+ #0'I]*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?)?)?"
    r"(<PRI[diouxX](?:8|16|32|64|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|MAX|PTR)>)"
    r"|%%"
)
_C_FORMAT_FLAGS = ("c-format", "possible-c-format", "objc-format", "possible-objc-format")


def _charset(catalog: Catalog) -> str:
    return catalog.codec


def header_for_mo(catalog: Catalog) -> str:
    """The header msgstr msgfmt writes: as read, without the POT-Creation-Date line."""
    lines = catalog.header_msgstr().splitlines(keepends=True)
    for n, line in enumerate(lines):
        if line.startswith("POT-Creation-Date:"):
            # Like msgfmt: a new template alone changes no .mo.
            del lines[n]
            break
    return "".join(lines)


def compiled_messages(catalog: Catalog, *, use_fuzzy: bool = False) -> dict[str, str]:
    """What msgfmt puts in the .mo: original -> translation, both as joined strings."""
    out: dict[str, str] = {}
    header = header_for_mo(catalog)
    if header:
        out[""] = header  # msgfmt keeps a fuzzy header too (gettext needs its charset)
    for msg in catalog:
        if included_in_mo(msg, use_fuzzy):
            out[_original(msg)] = "\0".join(msg.strings)
    return out


def _original(msg: Message) -> str:
    original = msg.msgid if msg.msgid_plural is None else f"{msg.msgid}\0{msg.msgid_plural}"
    return original if msg.msgctxt is None else f"{msg.msgctxt}\x04{original}"


def included_in_mo(msg: Message, use_fuzzy: bool = False) -> bool:
    """msgfmt's rule: not fuzzy (unless asked), not obsolete, msgstr[0] filled."""
    if msg.fuzzy and not use_fuzzy:
        return False
    # msgfmt tests the first byte of the joined msgstr: an empty msgstr[0] leaves it out.
    return bool(msg.strings and msg.strings[0])


@dataclass
class _Sysdep:
    """A string cut at its system-dependent segments: static pieces and segment numbers."""

    pieces: list[bytes]  # len(refs) + 1 static pieces, the last one NUL-terminated
    refs: list[int]


def _sysdep_intervals(text: str, translated: bool) -> list[tuple[int, int]]:
    """(start, end) of each `<PRI...>` macro (and of each `I` flag in a translation)."""
    out: list[tuple[int, int]] = []
    for m in _SYSDEP_RE.finditer(text):
        if m.group(1) is None:
            continue
        if translated:
            flags_at = m.start() + 1
            for k in range(flags_at, m.start(1)):
                if text[k] == "I":
                    out.append((k, k + 1))
        out.append((m.start(1), m.end(1)))
    return out


def _is_c_format(msg: Message) -> bool:
    return any(flag in _C_FORMAT_FLAGS for flag in msg.flags)


def _cut(
    text: str, intervals: list[tuple[int, int]], charset: str, segments: list[bytes]
) -> _Sysdep:
    pieces: list[bytes] = []
    refs: list[int] = []
    last = 0
    for start, end in intervals:
        pieces.append(text[last:start].encode(charset, "surrogateescape"))
        name = text[start:end]
        if name.startswith("<") and name.endswith(">"):
            name = name[1:-1]
        raw = name.encode(charset, "surrogateescape")
        if raw not in segments:
            segments.append(raw)
        refs.append(segments.index(raw))
        last = end
    pieces.append(text[last:].encode(charset, "surrogateescape") + b"\0")
    return _Sysdep(pieces, refs)


def _hash_string(data: bytes) -> int:
    """libintl's hash_string (PJW), over the bytes up to the first NUL."""
    value = 0
    for byte in data.split(b"\0", 1)[0]:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
            value ^= high
    return value


def _hash_table_size(entries: int) -> int:
    """msgfmt's table size: the next odd number from 4/3 of the entries that its primality
    test accepts (a test that also turns down 3), at least 3."""
    size = (entries * 4 // 3) | 1
    while not _passes_msgfmt_prime_test(size):
        size += 2
    return max(size, 3)


def _passes_msgfmt_prime_test(candidate: int) -> bool:
    divisor = 3
    while divisor * divisor < candidate and candidate % divisor:
        divisor += 2
    return candidate % divisor != 0


def _hash_table(keys: list[bytes], size: int) -> list[int]:
    table = [0] * size
    for j, key in enumerate(keys):
        value = _hash_string(key)
        idx = value % size
        if table[idx]:
            incr = 1 + value % (size - 2)
            while table[idx]:
                idx = idx - (size - incr) if idx >= size - incr else idx + incr
        table[idx] = j + 1
    return table


def write_mo(catalog: Catalog, *, use_fuzzy: bool = False) -> bytes:
    charset = _charset(catalog)
    static: list[tuple[bytes, bytes]] = []
    sysdep: list[tuple[_Sysdep, _Sysdep]] = []
    segments: list[bytes] = []
    messages = {
        m_key: m for m in catalog if included_in_mo(m, use_fuzzy) for m_key in [_original(m)]
    }
    for original, translation in compiled_messages(catalog, use_fuzzy=use_fuzzy).items():
        msg = messages.get(original)
        if msg is not None and _is_c_format(msg):
            id_cut = _sysdep_intervals(
                original if msg.msgid_plural is None else original.split("\0")[0], False
            )
            str_cut = _translation_intervals(translation)
            if id_cut or str_cut:
                sysdep.append(
                    _sysdep_pair(original, translation, id_cut, str_cut, charset, segments)
                )
                continue
        static.append(
            (
                original.encode(charset, "surrogateescape"),
                translation.encode(charset, "surrogateescape"),
            )
        )
    static.sort()
    return _layout(static, sysdep, segments)


def _translation_intervals(translation: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    offset = 0
    for form in translation.split("\0"):
        out += [(offset + a, offset + b) for a, b in _sysdep_intervals(form, True)]
        offset += len(form) + 1
    return out


def _sysdep_pair(
    original: str,
    translation: str,
    id_cut: list[tuple[int, int]],
    str_cut: list[tuple[int, int]],
    charset: str,
    segments: list[bytes],
) -> tuple[_Sysdep, _Sysdep]:
    # The msgid's pieces: its plural (after the NUL) rides in the last static piece.
    msgid, sep, plural = original.partition("\0")
    id_part = _cut(msgid, id_cut, charset, segments)
    if sep:
        id_part.pieces[-1] += plural.encode(charset, "surrogateescape") + b"\0"
    return id_part, _cut(translation, str_cut, charset, segments)


def _layout(
    static: list[tuple[bytes, bytes]], sysdep: list[tuple[_Sysdep, _Sysdep]], segments: list[bytes]
) -> bytes:
    n = len(static)
    minor = 1 if sysdep else 0
    header_size = 48 if minor else 28
    hash_size = _hash_table_size(n + len(sysdep))
    originals_at = header_size
    translations_at = originals_at + 8 * n
    hash_at = translations_at + 8 * n
    offset = hash_at + 4 * hash_size
    segments_at = offset
    offset += 8 * len(segments)
    sysdep_orig_at = offset
    offset += 4 * len(sysdep)
    sysdep_trans_at = offset
    offset += 4 * len(sysdep)
    descriptors_at = offset
    for m in (0, 1):
        offset += sum(4 + 8 * (len(pair[m].refs) + 1) for pair in sysdep)
    # The strings, in msgfmt's order: originals, translations, segment names, sysdep strings.
    tables = bytearray()
    blob = bytearray()
    data_at = offset

    def place(data: bytes) -> int:
        at = data_at + len(blob)
        blob.extend(data)
        return at

    orig_table = [v for key, _ in static for v in (len(key), place(key + b"\0"))]
    trans_table = [v for _, value in static for v in (len(value), place(value + b"\0"))]
    seg_table = [v for name in segments for v in (len(name) + 1, place(name + b"\0"))]
    descriptors = bytearray()
    desc_offsets: list[list[int]] = [[], []]
    for m in (0, 1):
        for pair in sysdep:
            desc_offsets[m].append(descriptors_at + len(descriptors))
            string = pair[m]
            start = place(b"".join(string.pieces))
            fields = [start]
            for piece, ref in zip(string.pieces, [*string.refs, SEGMENTS_END], strict=True):
                fields += [len(piece), ref]
            descriptors += struct.pack(f"<{len(fields)}I", *fields)
    head = [MAGIC, minor, n, originals_at, translations_at, hash_size, hash_at]
    if minor:
        head += [len(segments), segments_at, len(sysdep), sysdep_orig_at, sysdep_trans_at]
    tables += struct.pack(f"<{len(head)}I", *head)
    tables += struct.pack(f"<{2 * n}I", *orig_table) + struct.pack(f"<{2 * n}I", *trans_table)
    tables += struct.pack(f"<{hash_size}I", *_hash_table([k for k, _ in static], hash_size))
    if minor:
        tables += struct.pack(f"<{len(seg_table)}I", *seg_table)
        tables += struct.pack(f"<{len(sysdep)}I", *desc_offsets[0])
        tables += struct.pack(f"<{len(sysdep)}I", *desc_offsets[1])
        tables += descriptors
    assert len(tables) == data_at
    return bytes(tables + blob)
