"""The large differential run: our PO reader and .mo writer against GNU gettext and polib.

  1. N mutated copies of the corpus catalogs (../shared/corpus; seeded, see
     tests/po_mutations.py) through `msgfmt --check` and our reader + compile's checks: the
     verdicts must agree except where we refuse on purpose (a NUL byte, an escape that is not
     one byte: msgfmt accepts them and cuts the text); where both accept, our .mo must be
     msgfmt's byte for byte and our entries polib's.
  2. With --debian: every ru/kk .mo under /usr/share/locale, turned into a .po by msgunfmt,
     compiled by msgfmt and by us, as it is and with every third entry and the header fuzzy,
     with and without --use-fuzzy: the .mo files must be identical.
  3. With --peers: the same Debian .po files through polib (its .mo against msgfmt's, read
     back by msgunfmt), and the corpus catalogs saved unchanged by polib, Translate Toolkit
     and us (how many come back byte for byte): the measured reason we read and write PO
     files ourselves.
Prints Markdown tables (the figures README gives) and exits non-zero on any unexpected
difference.

Usage: python bench/bench_po_differential.py [--count 5500] [--seed 1] [--debian] [--peers]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
import tempfile
import time
from gettext import GNUTranslations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import polib  # noqa: E402  (a test dependency: the oracle)

from l10n_news.catalogs import read_po, write_mo  # noqa: E402
from l10n_news.catalogs.pofile import dump_po  # noqa: E402
from l10n_news.errors import CatalogError  # noqa: E402
from po_mutations import MUTATIONS, corpus_files, judge, mutated_cases, table  # noqa: E402
from test_mofile_debian import debian_catalogs, with_every_third_entry_fuzzy  # noqa: E402

ON_PURPOSE = ("NUL byte", "is not one byte")


def mutated_run(count: int, seed: int) -> bool:
    started = time.perf_counter()
    tally = judge(mutated_cases(corpus_files(ROOT.parent / "shared"), count, seed), polib)
    print(f"## {count} mutated catalogs (seed {seed}, {len(MUTATIONS)} kinds)\n")
    print(table(tally))
    on_purpose = [d for d in tally.disagreements if d[1] and any(r in d[2] for r in ON_PURPOSE)]
    other = [d for d in tally.disagreements if d not in on_purpose]
    agree = sum(tally.agree.values())
    print(
        f"\nverdicts: {agree} of {count} agree with msgfmt --check; "
        f"{len(on_purpose)} refused on purpose (NUL / escape wider than a byte); "
        f"{len(other)} other differences; polib could not read {sum(tally.polib_fails.values())}"
        f" ({time.perf_counter() - started:.0f} s)"
    )
    for case, gnu, why in other[:20]:
        print(f"  {case.kind}: {case.name}: msgfmt {'accepts' if gnu else 'refuses'}; we: {why}")
    return not other and not tally.mo_differences and not tally.polib_differences


def msgfmt(po: Path, out: Path, use_fuzzy: bool) -> bytes:
    flags = ["--use-fuzzy"] if use_fuzzy else []
    subprocess.run(["msgfmt", *flags, "-o", str(out), str(po)], check=True, capture_output=True)
    return out.read_bytes()


def debian_run() -> bool:
    catalogs = debian_catalogs()
    same = total = 0
    differing = []
    with tempfile.TemporaryDirectory() as tmp:
        for mo in catalogs:
            po = Path(tmp) / "x.po"
            subprocess.run(["msgunfmt", "-o", str(po), str(mo)], check=True, capture_output=True)
            fuzzy = Path(tmp) / "fuzzy.po"
            fuzzy.write_bytes(with_every_third_entry_fuzzy(po.read_bytes()))
            for variant, use_fuzzy in ((po, False), (po, True), (fuzzy, False), (fuzzy, True)):
                ours = write_mo(read_po(variant), use_fuzzy=use_fuzzy)
                GNUTranslations(io.BytesIO(ours))
                total += 1
                if ours == msgfmt(variant, Path(tmp) / "gnu.mo", use_fuzzy):
                    same += 1
                else:
                    differing.append(f"{mo} ({variant.stem}, use_fuzzy={use_fuzzy})")
    print(
        f"\n## Debian's ru/kk catalogs\n\n{len(catalogs)} catalogs, {total} compilations: "
        f"{same} of {total} .mo byte-identical to msgfmt's"
    )
    for line in differing[:20]:
        print(f"  differs: {line}")
    return bool(catalogs) and same == total


def msgunfmt_text(mo: Path) -> bytes:
    return subprocess.run(["msgunfmt", str(mo)], capture_output=True, check=True).stdout


def peers_run() -> None:
    """polib's .mo and unchanged saves by polib, Translate Toolkit and us."""
    from translate.storage import factory  # Translate Toolkit (GPL): measured, not used

    catalogs = debian_catalogs()
    polib_same = 0
    with tempfile.TemporaryDirectory() as tmp:
        po, gnu, theirs = Path(tmp) / "x.po", Path(tmp) / "gnu.mo", Path(tmp) / "polib.mo"
        for mo in catalogs:
            subprocess.run(["msgunfmt", "-o", str(po), str(mo)], check=True, capture_output=True)
            msgfmt(po, gnu, False)
            polib.pofile(str(po)).save_as_mofile(str(theirs))
            polib_same += msgunfmt_text(theirs) == msgunfmt_text(gnu)
    print(f"\n## Peers\n\npolib's .mo carries msgfmt's messages on {polib_same} of "
          f"{len(catalogs)} Debian ru/kk catalogs (compared through msgunfmt); ours on all.")
    sources = [p for p in corpus_files(ROOT.parent / "shared") if our_reads(p)]
    savers = {
        "ours": lambda path: dump_po(read_po(path)),
        "polib": lambda path: str(polib.pofile(str(path))).encode("utf-8"),
        "translate-toolkit": lambda path: bytes(factory.getobject(str(path))),
    }
    same = dict.fromkeys(savers, 0)
    for path in sources:
        data = path.read_bytes()
        for name, save in savers.items():
            # A peer that cannot read the file does not keep it either.
            with contextlib.suppress(Exception):
                same[name] += save(path) == data
    shown = ", ".join(f"{k} {v}" for k, v in same.items())
    print(f"Corpus catalogs saved unchanged, byte for byte of {len(sources)}: {shown}.")


def our_reads(path: Path) -> bool:
    try:
        read_po(path)
    except CatalogError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--debian", action="store_true")
    parser.add_argument("--peers", action="store_true")
    args = parser.parse_args()
    ok = mutated_run(args.count, args.seed) if args.count else True
    if args.debian:
        ok = debian_run() and ok
    if args.peers:
        peers_run()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
