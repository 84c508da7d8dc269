"""`l10n-news publish` against Translate Toolkit's po2html, per page, on the same articles.

Both sides start cold from the same archive (bench/gen_archive.py: N English articles with
reviewed Russian and Kazakh catalogs) and are timed as whole processes, repetitions
interleaved:
- ours: `l10n-news publish`, which renders every variant (en, ru, kk: 3N article pages, plus
  the index pages and feeds) with the review gate, the safety checks and the leak check;
- po2html: for ru and kk, each article's catalog applied to its published English page as
  the HTML template (2N pages): the nearest job po2html does. It has no theme, gate, dates or
  leak check, so it does less work per page than ours.
The comparison is per article page. The floor reads the inputs (articles, catalogs, theme)
and writes outputs of the sizes ours wrote, without and with a file-system sync.

Target (exit 1 when missed): ours per page / po2html per page < 1.

Usage: python bench/bench_publish.py [--n 200] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    set_aside,
    verdict,
    versions,
    write_manifest,
)
from l10n_news.publish.ui import THEME_DIR

TARGETS = ("ru", "kk")
L10N = str(BIN / "l10n-news")


def po2html_inputs(reference: Path, snapshot: Path) -> None:
    """po2html wants INPUT/<name>.po beside TEMPLATE/<name>.html: lay the archive out so."""
    templates = snapshot / "po2html" / "templates"
    templates.mkdir(parents=True)
    for page in sorted((reference / "site" / "en").glob("*/index.html")):
        shutil.copyfile(page, templates / f"{page.parent.name}.html")
    for lang in TARGETS:
        inputs = snapshot / "po2html" / f"po-{lang}"
        inputs.mkdir()
        (snapshot / "po2html" / f"out-{lang}").mkdir()
        for page in templates.glob("*.html"):
            po = snapshot / "locales" / lang / "LC_MESSAGES" / f"{page.stem}.po"
            shutil.copyfile(po, inputs / f"{page.stem}.po")


def po2html_commands(live: Path) -> list[list[str]]:
    return [
        [str(BIN / "po2html"), "--progress=none", "--errorlevel=none",
         "-i", str(live / "po2html" / f"po-{lang}"), "-t", str(live / "po2html" / "templates"),
         "-o", str(live / "po2html" / f"out-{lang}")]
        for lang in TARGETS
    ]


def restorer(snapshot: Path, live: Path, *, hardlinks: bool):
    def restore() -> None:
        set_aside(live)
        subprocess.run(["cp", "-al" if hardlinks else "-a", str(snapshot), str(live)], check=True)

    return restore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    versions({
        "l10n-news": [L10N, "--version"],
        "Translate Toolkit": python_version_of("translate-toolkit"),
    })
    work = args.keep or Path(tempfile.mkdtemp(prefix="l10n-bench-publish-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run(work, args)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def run(work: Path, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    snapshot, reference, live = work / "snapshot", work / "reference", work / "live"
    generate_archive(snapshot, args.n, jobs=1)
    shutil.copytree(snapshot, reference, symlinks=True)
    subprocess.run([L10N, "-C", str(reference), "publish"], check=True,
                   stdout=subprocess.DEVNULL)
    po2html_inputs(reference, snapshot)
    our_pages = len(list((reference / "site").glob("*/*/index.html")))
    print(f"archive: {args.n} articles; ours publishes {our_pages} article pages, po2html "
          f"{len(TARGETS) * args.n}; set up in {time.perf_counter() - started:.0f} s")

    inputs = (files_under(snapshot / "articles") + files_under(THEME_DIR)
              + [p for p in files_under(snapshot / "locales", (".po",))])
    outputs = files_under(reference / "site")
    manifest = work / "floor.json"
    write_manifest(manifest, inputs, [(p, p.stat().st_size) for p in outputs])

    contenders = [
        Contender("ours publish", [[L10N, "-C", str(live), "publish"]],
                  prepare=restorer(snapshot, live, hardlinks=True), units=our_pages),
        Contender("po2html (ru+kk)", po2html_commands(live),
                  prepare=restorer(snapshot, live, hardlinks=False),
                  units=len(TARGETS) * args.n),
        *floor_contenders("publish", manifest, work / "scratch", units=our_pages),
    ]
    results = measure(contenders, args.repeat)
    print_table(results, ("publish floor", "publish floor+sync"))
    for result in results.values():
        print(f"  {result.name:<28} {result.median / result.units * 1000:7.2f} ms per page "
              f"(median, {result.units} pages)")
    print_pairs(results, [("ours publish", "po2html (ru+kk)")])
    return verdict(results, [
        Target("publish per page vs po2html", "ours publish", 0.999, "po2html (ru+kk)"),
    ])


if __name__ == "__main__":
    sys.exit(main())
