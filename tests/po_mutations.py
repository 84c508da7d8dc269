"""Mutated copies of real catalogs, and the judges they go to: GNU msgfmt, our reader, polib.

Used by tests/test_po_differential.py (a bounded number per run) and by
bench/bench_po_differential.py (thousands). Everything is derived from a seed: the same seed
gives the same catalogs, so a disagreement can be replayed.
"""

from __future__ import annotations

import random
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import read_po, write_mo
from l10n_news.compile import validate_for_compile
from l10n_news.errors import CatalogError

# Bytes a flip writes: the ones the PO syntax is made of, and a few that break encodings.
_FLIP_BYTES = b'"\\\n#~|:.,[]0 \tmsgidtrx\x80\xc3\xff'
_BAD_ESCAPES = (b"\\q", b"\\x", b"\\xFFFFFFFFFFFFFFFFFFFF", b"\\", b"\\400", b"\\0", b"\\8")
_INVALID_UTF8 = (b"\xff", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80")


def _entries(data: bytes) -> list[bytes]:
    return [e for e in re.split(rb"\n(?:[ \t]*\n)+", data) if e.strip()]


def excerpt(data: bytes, rng: random.Random, size: int = 12) -> bytes:
    """The header and `size` consecutive entries of a catalog: a small catalog of its own."""
    entries = _entries(data)
    if len(entries) <= size + 1:
        return data
    start = rng.randrange(1, len(entries) - size)
    return b"\n\n".join([entries[0], *entries[start : start + size]]) + b"\n"


def _string_positions(data: bytes) -> list[int]:
    """Offsets just after an opening quote: places inside a string."""
    return [m.end() for m in re.finditer(rb'(?:^|\s)"', data)] or [0]


def flip(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.choice(_FLIP_BYTES)]) + data[at + 1 :]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    entries = _entries(data)
    return data.rstrip(b"\n") + b"\n\n" + rng.choice(entries) + b"\n"


def bad_escape(data: bytes, rng: random.Random) -> bytes:
    at = rng.choice(_string_positions(data))
    return data[:at] + rng.choice(_BAD_ESCAPES) + data[at:]


def nul(data: bytes, rng: random.Random) -> bytes:
    at = rng.choice(_string_positions(data))
    return data[:at] + b"\0" + data[at:]


def bom(data: bytes, rng: random.Random) -> bytes:
    return b"\xef\xbb\xbf" + data


def crlf(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def invalid_utf8(data: bytes, rng: random.Random) -> bytes:
    at = rng.choice(_string_positions(data))
    return data[:at] + rng.choice(_INVALID_UTF8) + data[at:]


def drop_line(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines) - 1) if len(lines) > 1 else 0
    lines[i : i + 2] = lines[i : i + 2][::-1]
    return b"\n".join(lines)


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "none": lambda data, rng: data,
    "byte flip": flip,
    "truncation": truncate,
    "duplicate": duplicate,
    "bad escape": bad_escape,
    "NUL": nul,
    "BOM": bom,
    "CRLF": crlf,
    "invalid UTF-8": invalid_utf8,
    "dropped line": drop_line,
    "swapped lines": swap_lines,
}


@dataclass(frozen=True)
class Case:
    name: str  # source file, excerpt seed and mutation: enough to make it again
    kind: str
    data: bytes


def corpus_files(shared: Path) -> list[Path]:
    corpus = shared / "corpus"
    found = [*corpus.glob("po/*/*.po"), *corpus.glob("po/*/*.pot"), *corpus.glob("polib/*.po")]
    return sorted(found)


def mutated_cases(sources: list[Path], count: int, seed: int) -> Iterator[Case]:
    """`count` cases, every mutation kind in turn, each on an excerpt of a corpus catalog."""
    rng = random.Random(seed)
    texts = {p: p.read_bytes() for p in sources}
    kinds = list(MUTATIONS)
    for n in range(count):
        source = rng.choice(sources)
        kind = kinds[n % len(kinds)]
        base = excerpt(texts[source], rng)
        data = MUTATIONS[kind](base, rng) if base else base
        yield Case(f"{source.parent.name}/{source.name} #{n} seed={seed}", kind, data)


def msgfmt_judges(path: Path, mo: Path) -> bool:
    """GNU's verdict: msgfmt --check compiles it (exit 0)."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(mo), str(path)], capture_output=True, timeout=30
    )
    return result.returncode == 0


def our_verdict(data: bytes) -> tuple[bool, str]:
    """Ours: the reader and compile's checks accept it; else the one-line reason."""
    try:
        catalog = read_po(data, path="case.po")
        validate_for_compile(catalog, "case.po")
    except CatalogError as exc:
        return False, str(exc)
    return True, ""


# Escapes polib leaves as they are (it decodes only \\ \" \n \t \r): no fair comparison there.
_POLIB_BLIND_RE = re.compile(rb"\\[abfv0-7x]")


def entries_ours(data: bytes) -> list[tuple]:
    return [
        (m.msgctxt, m.msgid, m.msgid_plural, tuple(m.strings), m.obsolete, m.fuzzy)
        for m in read_po(data).all_messages()
    ]


def entries_polib(polib, path: Path) -> list[tuple]:
    po = polib.pofile(str(path), wrapwidth=0)
    out = []
    for e in po:
        if e.msgid == "" and e.msgctxt is None and not e.obsolete:
            continue  # the header
        strings = (
            tuple(e.msgstr_plural[k] for k in sorted(e.msgstr_plural))
            if e.msgid_plural
            else (e.msgstr,)
        )
        plural = e.msgid_plural if e.msgid_plural else None
        out.append((e.msgctxt, e.msgid, plural, strings, e.obsolete, "fuzzy" in e.flags))
    active = [x for x in out if not x[4]]
    return active + [x for x in out if x[4]]


@dataclass
class Tally:
    """Agreement figures, per mutation kind."""

    tried: Counter[str] = field(default_factory=Counter)
    gnu_accepts: Counter[str] = field(default_factory=Counter)
    agree: Counter[str] = field(default_factory=Counter)
    both_accept: Counter[str] = field(default_factory=Counter)
    same_mo: Counter[str] = field(default_factory=Counter)
    polib_compared: Counter[str] = field(default_factory=Counter)
    polib_same: Counter[str] = field(default_factory=Counter)
    polib_fails: Counter[str] = field(default_factory=Counter)
    disagreements: list[tuple[Case, bool, str]] = field(default_factory=list)
    polib_differences: list[Case] = field(default_factory=list)
    mo_differences: list[Case] = field(default_factory=list)


def judge(cases: Iterator[Case], polib=None) -> Tally:
    """Every case through msgfmt --check and our reader (+ .mo and polib when both accept)."""
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        path, mo = Path(tmp) / "case.po", Path(tmp) / "case.mo"
        for case in cases:
            path.write_bytes(case.data)
            mo.unlink(missing_ok=True)
            gnu = msgfmt_judges(path, mo)
            ours, why = our_verdict(case.data)
            tally.tried[case.kind] += 1
            tally.gnu_accepts[case.kind] += gnu
            if gnu != ours:
                tally.disagreements.append((case, gnu, why))
                continue
            tally.agree[case.kind] += 1
            if not gnu:
                continue
            tally.both_accept[case.kind] += 1
            catalog = read_po(case.data)
            if not mo.exists() or write_mo(catalog) == mo.read_bytes():
                tally.same_mo[case.kind] += 1
            else:
                tally.mo_differences.append(case)
            if polib is not None and not _POLIB_BLIND_RE.search(case.data):
                try:
                    theirs = entries_polib(polib, path)
                except (UnicodeDecodeError, OSError, ValueError):
                    tally.polib_fails[case.kind] += 1  # e.g. an odd byte in a comment
                    continue
                tally.polib_compared[case.kind] += 1
                if entries_ours(case.data) == theirs:
                    tally.polib_same[case.kind] += 1
                else:
                    tally.polib_differences.append(case)
    return tally


def table(tally: Tally) -> str:
    """The figures as a Markdown table, one row per mutation kind and a total."""
    rows = ["| mutation | tried | msgfmt accepts | verdicts agree | same .mo | polib same |"]
    rows.append("|---|---:|---:|---:|---:|---:|")
    kinds = [*tally.tried, "total"]
    for kind in kinds:

        def get(counter: Counter[str], kind: str = kind) -> int:
            return sum(counter.values()) if kind == "total" else counter[kind]

        rows.append(
            f"| {kind} | {get(tally.tried)} | {get(tally.gnu_accepts)} | {get(tally.agree)} "
            f"| {get(tally.same_mo)} of {get(tally.both_accept)} "
            f"| {get(tally.polib_same)} of {get(tally.polib_compared)} |"
        )
    return "\n".join(rows)
