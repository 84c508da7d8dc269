"""Time our extract+update+compile against GNU gettext and translate-toolkit on one archive.

Steps, all in one run and on the same files:
  1. generate a synthetic archive (bench/gen_archive.py) in a temporary folder;
  2. ours, cold: no record of past runs, so every article and catalog is processed;
  3. reword some paragraphs in ~10% of the articles, then ours again (the incremental case);
  4. GNU gettext on every catalog: `msgmerge --previous` of the pre-edit .po with the new .pot,
     then `msgfmt` of the result;
  5. translate-toolkit's pot2po on the same pre-edit catalogs and new templates (merge only);
  6. ours again with no source change;
  7. peak memory of ours (cold) at two archive sizes, each in a fresh process.
Our runs call the library (extract_workspace, update_workspace, compile_workspace) in a fresh
subprocess that reports its own time and ru_maxrss; every peer runs sequentially, like ours.

Usage: python bench/bench_catalogs.py [--n 2000] [--memory-n 500]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gen_archive import article_slug, generate_archive

# Run in a fresh interpreter: prints {"seconds": ..., "maxrss_kib": ...} as its last line.
_OURS = """
import json, resource, sys, time
from l10n_news.compile import compile_workspace
from l10n_news.extract import extract_workspace
from l10n_news.update import update_workspace
from l10n_news.workspace import Workspace
started = time.perf_counter()
ws = Workspace.load(sys.argv[1])
extract_workspace(ws)
update_workspace(ws)
compile_workspace(ws)
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "maxrss_kib": rss}))
"""


def run_ours(workspace: Path) -> dict[str, float]:
    """Our pipeline in a fresh process; adds the wall time including interpreter start-up."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _OURS, str(workspace)], check=True, capture_output=True, text=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def edit_articles(workspace: Path, n: int, fraction: float = 0.1, seed: int = 1) -> int:
    """Reword a few paragraphs (one word swapped, one sentence added) in `fraction` of articles."""
    rng = random.Random(seed)
    chosen = rng.sample(range(n), k=max(1, round(n * fraction)))
    for number in chosen:
        path = workspace / "articles" / article_slug(number) / "article.md"
        head, body = path.read_text("utf-8").split("\n---\n", 1)
        blocks = body.split("\n\n")
        plain = [i for i, b in enumerate(blocks) if b[:1].isupper()]
        for i in rng.sample(plain, k=min(3, len(plain))):
            words = blocks[i].split(" ")
            words[rng.randrange(len(words))] = rng.choice(("festival", "jury", "audience"))
            blocks[i] = " ".join(words)
        blocks.insert(len(blocks) // 2, "An editor added this paragraph after the review.")
        path.write_text(head + "\n---\n" + "\n\n".join(blocks), "utf-8")
    return len(chosen)


def _catalogs(locales: Path) -> list[tuple[str, str]]:
    return sorted(
        (p.parent.parent.name, p.stem)
        for p in locales.glob("*/LC_MESSAGES/*.po")
        if p.stem != "ui"
    )


def run_gnu(before: Path, locales: Path, out: Path) -> float:
    """msgmerge + msgfmt per catalog, as a Makefile without our skip records would run them."""
    started = time.perf_counter()
    for lang, domain in _catalogs(before):
        target = out / lang
        target.mkdir(parents=True, exist_ok=True)
        po = target / f"{domain}.po"
        subprocess.run(
            ["msgmerge", "--previous", "-q", "-o", str(po),
             str(before / lang / "LC_MESSAGES" / f"{domain}.po"), str(locales / f"{domain}.pot")],
            check=True,
        )
        subprocess.run(["msgfmt", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    return time.perf_counter() - started


def run_pot2po(before: Path, locales: Path, out: Path) -> float:
    """pot2po once per language over folders: templates in, old catalogs as the translations."""
    pot2po = Path(sys.executable).with_name("pot2po")
    templates = out / "templates"
    templates.mkdir(parents=True)
    for pot in locales.glob("*.pot"):
        if pot.stem != "ui":
            shutil.copy2(pot, templates / pot.name)
    started = time.perf_counter()
    for lang_dir in sorted(before.iterdir()):
        subprocess.run(
            [str(pot2po), "--progress=none", "-t", str(lang_dir / "LC_MESSAGES"),
             "-i", str(templates), "-o", str(out / lang_dir.name)],
            check=True, capture_output=True,
        )
    return time.perf_counter() - started


def _snapshot_catalogs(locales: Path, dest: Path) -> None:
    for lang_dir in locales.iterdir():
        if lang_dir.is_dir():
            shutil.copytree(lang_dir, dest / lang_dir.name, ignore=shutil.ignore_patterns("*.mo"))


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the archive")
    parser.add_argument("--memory-n", type=int, default=500, help="the smaller archive for memory")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    for tool in ("msgmerge", "msgfmt"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (Debian: apt-get install gettext)")

    work = args.keep or Path(tempfile.mkdtemp(prefix="l10n-bench-"))
    archive = work / "archive"
    try:
        started = time.perf_counter()
        generate_archive(archive, args.n, jobs=1)
        generated = time.perf_counter() - started
        catalogs = len(_catalogs(archive / "locales"))
        print(f"archive: {args.n} articles, {catalogs} catalogs, generated in {generated:.1f} s")

        cold = run_ours(archive)
        before = work / "before"
        _snapshot_catalogs(archive / "locales", before)
        edited = edit_articles(archive, args.n)
        incremental = run_ours(archive)
        gnu = run_gnu(before, archive / "locales", work / "gnu")
        pot2po = run_pot2po(before, archive / "locales", work / "pot2po")
        rerun = run_ours(archive)

        small = work / "small"
        generate_archive(small, args.memory_n, jobs=1)
        small_run = run_ours(small)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("ours, cold (every catalog)", cold["seconds"], cold["wall"]),
        (f"ours, after editing {edited} articles", incremental["seconds"], incremental["wall"]),
        ("GNU msgmerge --previous + msgfmt", gnu, gnu),
        ("translate-toolkit pot2po (merge only)", pot2po, pot2po),
        ("ours, no source change", rerun["seconds"], rerun["wall"]),
    ]
    print(f"\n{'run':<42} {'seconds':>9} {'wall s':>8}")
    for name, seconds, wall in rows:
        print(f"{name:<42} {seconds:>9.2f} {wall:>8.2f}")
    print("\nratios (how many times faster ours is):")
    for label, ours in (("cold", cold["seconds"]), ("after edit", incremental["seconds"])):
        print(f"  ours {label:<10} vs msgmerge+msgfmt: {gnu / ours:6.1f}x"
              f"   vs pot2po: {pot2po / ours:6.1f}x")
    print("\npeak memory of ours, cold (ru_maxrss of a fresh process):")
    print(f"  N={args.memory_n:<5} {_mib(small_run['maxrss_kib'])}")
    print(f"  N={args.n:<5} {_mib(cold['maxrss_kib'])}")
    print(f"\nno-change rerun under 1 s: {'yes' if rerun['seconds'] < 1 else 'NO'}"
          f" ({rerun['seconds']:.2f} s in process, {rerun['wall']:.2f} s with start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
