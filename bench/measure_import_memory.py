"""Peak memory of `l10n-news import` on 50 MB HTML pages: the whole process, start-up included.

Three pages of at least 50 MB each are generated in a temporary folder:

- bloated:  a short article inside 50 MB of inline images (data: URIs), a script's JSON state,
            styles and SVG: what makes real pages heavy; it must be imported;
- longread: the same bloat around an article of 1.9 million characters, just under the limit
            of text a news page may hold; it must be imported;
- flood:    50 MB of paragraphs: no news article; it must be refused (exit 2, one line).

Each is imported by a fresh `python -m l10n_news import` into a fresh workspace, the three
interleaved, REPEAT times; the peak resident set size of each process is read from wait4.
The floor is a process that only imports the HTML importer's libraries. Exits non-zero when
any run exceeds the target or ends otherwise than expected.

    .venv/bin/python bench/measure_import_memory.py [REPEAT]
"""

from __future__ import annotations

import base64
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_MB = 300
PAGE_BYTES = 50_000_000
HEAD = (
    '<!doctype html><html lang="ru"><head><title>Аким открыл школы</title>'
    '<meta property="article:published_time" content="2025-10-01T18:00:00+05:00">'
)
PARAGRAPH = (
    "<p>В городе открылась новая школа на 1200 мест, строительство заняло два года, "
    "а оборудование для кабинетов закупили в прошлом месяце.</p>\n"
)


def bloat(budget: int) -> str:
    image = base64.b64encode(os.urandom(2_000_000)).decode()
    parts = ["<style>" + ".a{color:red}" * 50_000 + "</style></head><body>"]
    state = ",".join(["12345"] * 500_000)
    parts.append('<script>window.__STATE__={"ids":[' + state + "]}</script>")
    parts.append("<svg>" + "<path d='M0 0L1 1'/>" * 50_000 + "</svg>")
    size = sum(len(p) for p in parts)
    while size < budget:
        parts.append(f'<img src="data:image/png;base64,{image}">')
        size += len(image) + 32
    return "".join(parts)


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


EXPECTED = {"bloated": 0, "longread": 0, "flood": 2}


def write_pages(folder: Path) -> None:
    """Write the pages (run in a child process: see `main`)."""
    article = "<article><h1>Аким открыл школы</h1>" + PARAGRAPH * 30 + "</article>"
    longread = "<article><h1>Аким открыл школы</h1>" + PARAGRAPH * 13_000 + "</article>"
    pages = {
        "bloated": (HEAD + bloat(PAGE_BYTES) + article + "</body></html>", 0),
        "longread": (HEAD + bloat(PAGE_BYTES - 2 * len(longread)) + longread + "</body></html>", 0),
        "flood": (HEAD + "</head><body>" + PARAGRAPH * (PAGE_BYTES // _bytes(PARAGRAPH) + 1)
                  + "</body></html>", 2),
    }  # fmt: skip
    for name, (html, code) in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html, "utf-8")
        assert path.stat().st_size >= PAGE_BYTES and EXPECTED[name] == code, name


def peak_mb(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """(peak RSS in MB, exit code, stderr) of one process."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, proc.returncode, err


def workspace(root: Path) -> Path:
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["ru", "en", "kk"]\n', "utf-8")
    return root


def main() -> int:
    if sys.argv[1:2] == ["--write"]:
        write_pages(Path(sys.argv[2]))
        return 0
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Linux hands a parent's peak memory on to the children it starts (at exec), so the
        # 50 MB pages are made by another process and this one stays small.
        subprocess.run([sys.executable, __file__, "--write", str(folder)], check=True)
        pages = {name: (folder / f"{name}.html", code) for name, code in EXPECTED.items()}
        runs: dict[str, list[float]] = {name: [] for name in [*pages, "floor"]}
        floor = [sys.executable, "-c", "import l10n_news.importers.html"]
        for n in range(repeat):
            for name, (page, expected) in pages.items():
                ws = workspace(folder / f"ws-{name}-{n}")
                argv = [sys.executable, "-m", "l10n_news", "import", "-C", str(ws), str(page)]
                mb, code, err = peak_mb(argv, folder)
                runs[name].append(mb)
                if code != expected or (code == 2 and err.count("\n") != 1):
                    print(f"{name}: exit {code}, expected {expected}: {err.strip()[:200]}")
                    failed = True
            runs["floor"].append(peak_mb(floor, folder)[0])
        print(f"peak RSS of `l10n-news import` (MB), {repeat} interleaved runs; target {TARGET_MB}")
        for name, values in runs.items():
            size = pages[name][0].stat().st_size / 1e6 if name in pages else 0
            what = f"{size:.1f} MB page" if size else "libraries only"
            print(
                f"  {name:9} min {min(values):6.1f}  median {statistics.median(values):6.1f}  "
                f"max {max(values):6.1f}   ({what})"
            )
            if name in pages and max(values) > TARGET_MB:
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
