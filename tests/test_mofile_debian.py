"""Our .mo against GNU msgfmt's on every Russian and Kazakh catalog Debian installs.

Each installed .mo is turned back into a .po by msgunfmt; msgfmt and our writer then compile
that .po and, for every fourth catalog (bench/bench_po_differential.py --debian does them
all), a copy with every third entry and the header marked fuzzy, with and without
--use-fuzzy. The files must be byte for byte the same (then msgunfmt reads the same messages
out of them too), and Python's gettext must load ours. `.ci/run` installs the Debian packages
that ship these catalogs.
"""

from __future__ import annotations

import gettext
import io
import re
import subprocess
from pathlib import Path

import pytest

from conftest import require, require_tool
from l10n_news.catalogs import read_po, write_mo

LOCALE_DIRS = [Path("/usr/share/locale/ru/LC_MESSAGES"), Path("/usr/share/locale/kk/LC_MESSAGES")]
MIN_UNDER_CI = 60  # what .ci/run's packages install; fewer means the install went wrong


def debian_catalogs() -> list[Path]:
    return sorted(p for d in LOCALE_DIRS if d.is_dir() for p in d.glob("*.mo"))


def with_every_third_entry_fuzzy(po: bytes) -> bytes:
    """One `#,` line per entry, as msgmerge writes it. (With a second `#,` line, msgfmt 0.21
    forgets the first: `#, fuzzy` then `#, c-format` compiles a draft. We keep it fuzzy.)"""
    entries = po.split(b"\n\n")
    for n, entry in enumerate(entries):
        if n % 3 == 0:
            if entry.startswith(b"#, "):
                entries[n] = b"#, fuzzy, " + entry[3:]
            else:
                entries[n] = b"#, fuzzy\n" + entry
    return b"\n\n".join(entries)


@pytest.fixture(scope="module")
def debian_po(tmp_path_factory) -> list[tuple[str, Path]]:
    """(name, .po) for every installed ru/kk catalog, as msgunfmt writes it."""
    msgunfmt = require_tool("msgunfmt")
    catalogs = debian_catalogs()
    require(
        len(catalogs) >= MIN_UNDER_CI,
        f"only {len(catalogs)} of Debian's ru/kk catalogs are installed",
        ".ci/run installs them",
    )
    out = tmp_path_factory.mktemp("debian")
    found = []
    for n, mo in enumerate(catalogs):
        name = f"{mo.parent.parent.name}/{mo.stem}"
        po = out / f"{mo.parent.parent.name}-{mo.stem}.po"
        subprocess.run([msgunfmt, "-o", str(po), str(mo)], check=True, capture_output=True)
        found.append((name, po))
        if n % 4 == 0:
            fuzzy = po.with_suffix(".fuzzy.po")
            fuzzy.write_bytes(with_every_third_entry_fuzzy(po.read_bytes()))
            found.append((f"{name} (fuzzy)", fuzzy))
    return found


def msgfmt_output(po: Path, use_fuzzy: bool) -> bytes:
    out = po.with_suffix(".gnu.mo")
    flags = ["--use-fuzzy"] if use_fuzzy else []
    subprocess.run(
        [require_tool("msgfmt"), *flags, "-o", str(out), str(po)], check=True, capture_output=True
    )
    return out.read_bytes()


def test_every_debian_catalog_compiles_to_msgfmts_bytes(debian_po):
    differing = []
    compared = 0
    for name, po in debian_po:
        catalog = read_po(po)
        for use_fuzzy in (False, True) if name.endswith("(fuzzy)") else (False,):
            ours = write_mo(catalog, use_fuzzy=use_fuzzy)
            compared += 1
            if ours != msgfmt_output(po, use_fuzzy):
                differing.append(f"{name}, use_fuzzy={use_fuzzy}")
            gettext.GNUTranslations(io.BytesIO(ours))  # loads in Python's gettext
    print(f"Debian ru/kk catalogs: {compared - len(differing)} of {compared} .mo identical")
    assert not differing, differing


def test_the_hard_cases_are_among_them(debian_po):
    """Guard: the catalogs that broke the old writer are still part of the run."""
    texts = {name: po.read_text("utf-8", "replace") for name, po in debian_po}
    assert any("#-#-#-#-#" in t for t in texts.values())  # msgcat-merged header
    assert any(re.search(r"%<PRI\w+>", t) for t in texts.values())  # system-dependent
    assert any("Plural-Forms:  nplurals" in t for t in texts.values())  # header bytes
