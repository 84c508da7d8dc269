"""Where a user waits: start-up of the command, and a rerun with nothing changed.

Every contender is a whole process, repetitions interleaved:
- `l10n-news --help` against `pybabel --help` (Babel's command line, the tool we imitate);
  `l10n-news --version` and `l10n-news stats` on the sample workspace are shown beside them;
- `l10n-news run` on an archive of N articles (default 2,000) in which nothing changed since
  the last run, against `make` over GNU gettext rules for the same catalogs with nothing to do
  (make covers only merge and compile, so it checks less than `run` does). The floor is one
  process that stats every file of the workspace and the site, as a check for changes must.

Targets (exit 1 when missed): `--help` <= 2.5x `pybabel --help`; the rerun under 0.6 s.

Usage: python bench/bench_startup.py [--n 2000] [--repeat 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_catalogs import age_catalogs, make, write_makefile
from gen_archive import generate_archive
from harness import (
    BIN,
    Contender,
    Target,
    files_under,
    floor_contenders,
    measure,
    print_pairs,
    print_table,
    python_version_of,
    verdict,
    versions,
    write_manifest,
)

L10N = str(BIN / "l10n-news")
SAMPLE = Path(__file__).resolve().parent.parent


def start_up(repeat: int) -> dict:
    contenders = [
        Contender("l10n-news --help", [[L10N, "--help"]]),
        Contender("pybabel --help", [[str(BIN / "pybabel"), "--help"]]),
        Contender("l10n-news --version", [[L10N, "--version"]]),
        Contender("l10n-news stats (sample)", [[L10N, "-C", str(SAMPLE), "stats"]]),
    ]
    print("\n== start-up")
    results = measure(contenders, repeat)
    print_table(results, None)
    return results


def rerun(work: Path, n: int, repeat: int) -> dict:
    ws = work / "archive"
    started = time.perf_counter()
    generate_archive(ws, n, jobs=1)
    gnu = work / "gnu"
    shutil.copytree(ws, gnu, symlinks=True)
    age_catalogs(gnu)
    write_makefile(gnu)
    subprocess.run(make(gnu), check=True)
    # The first run does the work; the second settles the records of files it had just
    # written (their times were too fresh to trust): the third is a plain rerun.
    for _ in range(2):
        subprocess.run([L10N, "-C", str(ws), "run"], check=True, stdout=subprocess.DEVNULL)
    print(f"\narchive: {n} articles, run twice in {time.perf_counter() - started:.0f} s")
    manifest = work / "floor.json"
    write_manifest(manifest, [], [], stat=files_under(ws))
    contenders = [
        Contender("l10n-news run, nothing changed", [[L10N, "-C", str(ws), "run"]]),
        Contender("make, nothing to do", [make(gnu)]),
        *floor_contenders("stat every file:", manifest, work / "scratch"),
    ]
    print("== rerun with nothing changed")
    results = measure(contenders, repeat)
    print_table(results, ("stat every file: floor", "stat every file: floor+sync"))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles for the rerun")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    versions({
        "l10n-news": [L10N, "--version"],
        "Babel": python_version_of("babel"),
        "GNU make": ["make", "--version"],
        "GNU msgmerge": ["msgmerge", "--version"],
    })
    work = args.keep or Path(tempfile.mkdtemp(prefix="l10n-bench-startup-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = start_up(args.repeat) | rerun(work, args.n, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print_pairs(results, [("l10n-news --help", "pybabel --help"),
                          ("l10n-news run, nothing changed", "make, nothing to do")])
    return verdict(results, [
        Target("`l10n-news --help` vs `pybabel --help`", "l10n-news --help", 2.5,
               "pybabel --help"),
        Target(f"`run` with nothing changed at {args.n} articles", "l10n-news run, nothing changed",
               0.6),
    ])


if __name__ == "__main__":
    sys.exit(main())
