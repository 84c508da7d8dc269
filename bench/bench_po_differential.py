"""The large differential run: our PO reader and .mo writer against GNU gettext and polib.

  1. N mutated copies of the corpus catalogs (../shared/corpus; seeded, see
     tests/po_mutations.py) through `msgfmt --check` and our reader + compile's checks: the
     verdicts must agree except where we refuse on purpose (a NUL byte, an escape that is not
     one byte: msgfmt accepts them and cuts the text); where both accept, our .mo must be
     msgfmt's byte for byte and our entries polib's.
  2. With --debian: every ru/kk .mo under /usr/share/locale, turned into a .po by msgunfmt,
     compiled by msgfmt and by us, as it is and with every third entry and the header fuzzy,
     with and without --use-fuzzy: the .mo files must be identical.
Prints Markdown tables (the figures README gives) and exits non-zero on any unexpected
difference.

Usage: python bench/bench_po_differential.py [--count 5500] [--seed 1] [--debian]
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--debian", action="store_true")
    args = parser.parse_args()
    ok = mutated_run(args.count, args.seed)
    if args.debian:
        ok = debian_run() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
