"""Time `publish` on the synthetic archive, beside translate-toolkit's po2html on the same catalogs.

Steps, all in one run and on the same files:
  1. generate the archive (bench/gen_archive.py): N English articles, reviewed ru and kk catalogs;
  2. ours, cold: `publish_workspace` renders every variant (N x 3 pages) in a fresh process
     that reports its own time and peak memory (ru_maxrss);
  3. ours again with nothing changed: the rerun must take under a second;
  4. po2html: for each target language, every article's catalog applied to its published
     English page as the HTML template (the nearest like-for-like job po2html can do: it
     fills an HTML template, it has no theme, gate, dates or leak check), timed with its peak
     memory the same way.

Usage: python bench/bench_publish.py [--n 2000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gen_archive import generate_archive

# Run in a fresh interpreter: prints {"seconds": ..., "maxrss_kib": ...} as its last line.
_OURS = """
import json, resource, sys, time
from l10n_news.publish import publish_workspace
from l10n_news.workspace import Workspace
started = time.perf_counter()
report = publish_workspace(Workspace.load(sys.argv[1]))
seconds = time.perf_counter() - started
published = sum(len(r.published) for r in report.languages.values())
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "maxrss_kib": rss, "published": published,
                  "rendered": len(report.rendered), "leaks": len(report.leaks)}))
"""

# po2html in the same way: the converter's own main(), timed inside the process.
_PO2HTML = """
import json, resource, sys, time
from translate.convert import po2html
started = time.perf_counter()
try:
    po2html.main(sys.argv[1:] + ["--progress=none", "--errorlevel=none"])
except SystemExit:
    pass
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "maxrss_kib": rss}))
"""


def _run(script: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _po2html_inputs(ws: Path, work: Path, lang: str) -> tuple[Path, Path]:
    """po2html wants input/<name>.po beside template/<name>.html: lay the archive out so."""
    inputs, templates = work / f"po-{lang}", work / "templates"
    inputs.mkdir(parents=True)
    templates.mkdir(exist_ok=True)
    for page in sorted((ws / "site" / "en").glob("*/index.html")):
        slug = page.parent.name
        if not (templates / f"{slug}.html").exists():
            shutil.copyfile(page, templates / f"{slug}.html")
        po = ws / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"
        if po.is_file():
            shutil.copyfile(po, inputs / f"{slug}.po")
    return inputs, templates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
        ws = Path(tmp) / "ws"
        started = time.perf_counter()
        generate_archive(ws, args.n, jobs=2)
        print(f"archive: {args.n} articles in {time.perf_counter() - started:.1f} s")

        cold = _run(_OURS, str(ws))
        rerun = _run(_OURS, str(ws))
        print(
            f"ours, cold:     {cold['seconds']:7.2f} s  peak {cold['maxrss_kib'] / 1024:6.0f} MiB"
            f"  ({cold['published']:.0f} variants published, {cold['rendered']:.0f} files,"
            f" {cold['leaks']:.0f} leaks)"
        )
        print(
            f"ours, rerun:    {rerun['seconds']:7.2f} s  peak {rerun['maxrss_kib'] / 1024:6.0f} MiB"
            f"  ({rerun['rendered']:.0f} files written)"
        )

        work = Path(tmp) / "po2html"
        total, peak = 0.0, 0.0
        for lang in ("ru", "kk"):
            inputs, templates = _po2html_inputs(ws, work, lang)
            out = work / f"out-{lang}"
            result = _run(_PO2HTML, "-i", str(inputs), "-t", str(templates), "-o", str(out))
            total += result["seconds"]
            peak = max(peak, result["maxrss_kib"])
        pages = sum(1 for _ in work.glob("out-*/*.html"))
        print(f"po2html (ru+kk): {total:6.2f} s  peak {peak / 1024:6.0f} MiB  ({pages} pages)")
        verdict = "OK" if rerun["seconds"] < 1.0 else "TOO SLOW"
        print(f"rerun with nothing changed under 1 s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
