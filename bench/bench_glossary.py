"""Time `l10n-news check` on the sample workspace with a newsroom-sized glossary.

The sample's own glossary rows come first; then N synthetic rows of personal names in
English, Russian and Kazakh spellings (with some known wrong forms and do-not-translate
brands), the kind of list that grows to tens of thousands of rows. Each repetition runs the
whole process (`python -m l10n_news check`, start-up included), interleaved with the floor:
the same command on the same workspace with the sample's own 16-row glossary. One first run
of each, which fills the checks' caches in .l10n-news/, is timed and shown apart.

Target: the median with N=50,000 rows under 2 s. Exit 1 when it is missed.

Usage: python bench/bench_glossary.py [--rows 50000] [--repeat 5] [--target 2.0]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Syllables with their Russian and Kazakh spellings, so that one name has three forms.
_SYLLABLES = [
    ("ai", "ай", "ай"), ("bek", "бек", "бек"), ("nur", "нур", "нұр"), ("lan", "лан", "лан"),
    ("ar", "ар", "ар"), ("man", "ман", "ман"), ("zhan", "жан", "жан"), ("ba", "ба", "ба"),
    ("tur", "тур", "тұр"), ("sul", "сул", "сұл"), ("tan", "тан", "тан"), ("da", "да", "да"),
    ("ker", "кер", "кер"), ("ri", "ри", "рі"), ("mu", "му", "мұ"), ("sa", "са", "са"),
    ("gul", "гуль", "гүл"), ("er", "ер", "ер"), ("as", "ас", "ас"), ("kali", "кали", "қали"),
    ("mar", "мар", "мар"), ("zhi", "жи", "жі"), ("dos", "дос", "дос"), ("yel", "ел", "ел"),
]
_SURNAME_ENDINGS = [("ov", "ов", "ов"), ("ova", "ова", "ова"), ("uly", "улы", "ұлы"),
                    ("kyzy", "кызы", "қызы"), ("bayev", "баев", "баев")]


def _name(rng: random.Random, syllables: int, ending: tuple[str, str, str] | None) -> tuple:
    parts = [rng.choice(_SYLLABLES) for _ in range(syllables)]
    if ending:
        parts.append(ending)
    return tuple("".join(p[i] for p in parts).capitalize() for i in range(3))


def glossary_rows(n: int, seed: int = 12) -> list[list[str]]:
    """n distinct synthetic name rows: en, ru, kk, note, do_not_translate."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    seen: set[str] = set()
    while len(rows) < n:
        first = _name(rng, rng.randint(2, 3), None)
        last = _name(rng, rng.randint(1, 2), rng.choice(_SURNAME_ENDINGS))
        en, ru, kk = (f"{first[i]} {last[i]}" for i in range(3))
        if en in seen:
            continue
        seen.add(en)
        kind = len(rows) % 20
        if kind == 0:
            rows.append([en, "", "", "a brand", "yes"])
        elif kind == 1:
            rows.append([en, f"{ru}|!{ru.replace('а', 'о', 1)}", kk, "", ""])
        else:
            rows.append([en, ru, kk, "", ""])
    return rows


def build_workspace(dest: Path, rows: int) -> Path:
    """A copy of the sample workspace whose glossary has its own rows plus `rows` more."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "l10n-news.toml", dest / "l10n-news.toml")
    for name in ("articles", "locales", "templates"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("*.mo"))
    own = (ROOT / "glossary.csv").read_text("utf-8")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(glossary_rows(rows))
    (dest / "glossary.csv").write_text(own.rstrip("\n") + "\n" + out.getvalue(), "utf-8")
    return dest


def time_check(ws: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, lines printed) of one whole `check` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "l10n_news", "check", "-C", str(ws)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, cpu, len(done.stdout.splitlines())


def describe(label: str, times: list[float]) -> str:
    return (
        f"{label:<34} min {min(times):6.2f} s   median {statistics.median(times):6.2f} s   "
        f"max {max(times):6.2f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--target", type=float, default=2.0, help="seconds (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-glossary-") as tmp:
        big = build_workspace(Path(tmp) / "big", args.rows)
        floor = build_workspace(Path(tmp) / "floor", 0)
        # The first run of `check` in a workspace fills its caches (.l10n-news/: the spelling
        # checks' verdicts); both sides get one such run, shown apart, not in the figures.
        cold_floor, _, _ = time_check(floor)
        cold_big, _, _ = time_check(big)
        big_times, floor_times, big_cpu, floor_cpu = [], [], [], []
        lines = {}
        for _ in range(args.repeat):  # interleaved: both sides see the same machine load
            seconds, cpu, lines["floor"] = time_check(floor)
            floor_times.append(seconds)
            floor_cpu.append(cpu)
            seconds, cpu, lines["big"] = time_check(big)
            big_times.append(seconds)
            big_cpu.append(cpu)
    print(f"check on the sample workspace, whole process, {args.repeat} interleaved runs each")
    print(f"first runs, caches empty: floor {cold_floor:.2f} s, large glossary {cold_big:.2f} s")
    print(describe("floor (the sample's 16 rows)", floor_times), f"  {lines['floor']} lines")
    print(describe(f"glossary of {args.rows + 16:,} rows", big_times), f"  {lines['big']} lines")
    # On a shared machine wall time includes waiting for a core; CPU time does not.
    print(describe("  CPU time, floor", floor_cpu))
    print(describe("  CPU time, large glossary", big_cpu))
    median = statistics.median(big_times)
    verdict = "met" if median < args.target else "MISSED"
    print(f"target: median under {args.target:.1f} s with {args.rows:,} rows: {verdict}")
    return 0 if median < args.target else 1


if __name__ == "__main__":
    sys.exit(main())
