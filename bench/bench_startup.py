"""Where a user waits: start-up of the command, and a rerun with nothing changed.

Every contender is a whole process, repetitions interleaved:
- `l10n-news --help` against `pybabel --help` (Babel's command line, the tool we imitate);
  `l10n-news --version` and `l10n-news stats` on the sample workspace are shown beside them;
- `l10n-news run` on an archive of N articles (default 2,000) in which nothing changed since
  the last run, against `make` over GNU gettext rules for the same catalogs with nothing to do
  (make covers only merge and compile, so it checks less than `run` does). The floor is one
  process that stats every file of the workspace and the site, as a check for changes must.
  Beside it, the same rerun without the record a quiet run keeps (`.l10n-news/rerun.json`):
  what the first rerun after a run that did work costs.

Targets (exit 1 when missed): `--help` <= 2.5x `pybabel --help`; the rerun under 0.6 s.

Usage: python bench/bench_startup.py [--n 2000] [--repeat 5] [--keep DIR [--reuse]]
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
from l10n_news.rerun import RECORD_NAME
from l10n_news.state import RACY_NS

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


def build_archive(work: Path, n: int, reuse: bool) -> tuple[Path, Path]:
    """The archive (and its copy for make), made and run once; or, with `reuse`, the ones a
    past --keep left in `work` (the same article count, or a fresh build)."""
    ws, gnu = work / "archive", work / "gnu"
    articles = ws / "articles"
    if reuse and (gnu / "Makefile").is_file() and articles.is_dir():
        found = sum(1 for _ in articles.iterdir())
        if found == n:
            print(f"\narchive: {n} articles, reused from {work}")
            return ws, gnu
        print(f"\narchive: {work} holds {found} articles, not {n}: built again")
    shutil.rmtree(ws, ignore_errors=True)
    shutil.rmtree(gnu, ignore_errors=True)
    started = time.perf_counter()
    generate_archive(ws, n, jobs=1)
    shutil.copytree(ws, gnu, symlinks=True)
    age_catalogs(gnu)
    write_makefile(gnu)
    subprocess.run(make(gnu), check=True)
    subprocess.run([L10N, "-C", str(ws), "run"], check=True, stdout=subprocess.DEVNULL)
    print(f"\narchive: {n} articles, first run in {time.perf_counter() - started:.0f} s")
    return ws, gnu


def rerun(work: Path, n: int, repeat: int, reuse: bool) -> dict:
    ws, gnu = build_archive(work, n, reuse)
    subprocess.run(make(gnu), check=True)  # nothing to do for make either from here on
    # A run keeps what a rerun with nothing changed prints only once no file is younger than
    # the clock's granularity allows to trust (state.RACY_NS): wait that out, then one run
    # that finds nothing to do keeps its record. Every timed run then starts from that state.
    # (A reused archive may first need a run that does work, after a change of l10n-news.)
    record = ws / ".l10n-news" / RECORD_NAME
    record.unlink(missing_ok=True)
    for _ in range(3):
        time.sleep(RACY_NS / 1e9 + 0.1)
        subprocess.run([L10N, "-C", str(ws), "run"], check=True, stdout=subprocess.DEVNULL)
        if record.is_file():
            break
    else:
        raise SystemExit(f"bench: no run kept {record}: something changed at each run")
    manifest = work / "floor.json"
    write_manifest(manifest, [], [], stat=files_under(ws))
    contenders = [
        Contender("l10n-news run, nothing changed", [[L10N, "-C", str(ws), "run"]]),
        # The first rerun after a run that did work: no record yet, so every stage checks its
        # own records (and the run keeps one for the next).
        Contender("l10n-news run, nothing changed, no record", [[L10N, "-C", str(ws), "run"]],
                  prepare=lambda: record.unlink(missing_ok=True)),
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
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: use the archive a past --keep left there")
    args = parser.parse_args(argv)
    if args.reuse and args.keep is None:
        parser.error("--reuse needs --keep DIR")
    versions({
        "l10n-news": [L10N, "--version"],
        "Babel": python_version_of("babel"),
        "GNU make": ["make", "--version"],
        "GNU msgmerge": ["msgmerge", "--version"],
    })
    work = args.keep or Path(tempfile.mkdtemp(prefix="l10n-bench-startup-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = start_up(args.repeat) | rerun(work, args.n, args.repeat, args.reuse)
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
