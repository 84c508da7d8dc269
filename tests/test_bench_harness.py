"""The benches' shared harness measures what it says, and a bench runs end to end at tiny N."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import require, require_tool

BENCH = Path(__file__).resolve().parent.parent / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import harness  # noqa: E402


def sleeper(seconds: float) -> list[str]:
    return [sys.executable, "-S", "-c", f"import time; time.sleep({seconds})"]


def test_rounds_interleave_and_time_whole_processes(tmp_path):
    order: list[str] = []
    contenders = [
        harness.Contender("slow", [sleeper(0.2)], prepare=lambda: order.append("slow")),
        harness.Contender("fast", [sleeper(0.0), sleeper(0.0)],
                          prepare=lambda: order.append("fast")),
    ]
    results = harness.measure(contenders, repeat=2)
    assert order == ["slow", "fast", "fast", "slow"], "each round starts one further along"
    assert all(s >= 0.2 for s in results["slow"].seconds)
    assert results["fast"].median < results["slow"].median
    assert len(results["fast"].seconds) == 2
    missed = harness.Target("fast vs slow", "slow", 1.0, "fast")
    met = harness.Target("slow vs fast", "fast", 1.0, "slow")
    assert harness.verdict(results, [met]) == 0
    assert harness.verdict(results, [met, missed]) == 1


def test_a_failing_contender_stops_the_bench():
    failing = harness.Contender("broken", [[sys.executable, "-c", "raise SystemExit(3)"]])
    try:
        harness.measure([failing], repeat=1)
    except harness.BenchError as exc:
        assert "exited 3" in str(exc)
    else:
        raise AssertionError("a failed contender was timed as if it had worked")


def test_the_floor_reads_and_writes_what_the_manifest_lists(tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(b"abc")
    manifest = tmp_path / "floor.json"
    harness.write_manifest(manifest, [source], [(tmp_path / "out.po", 1234)])
    _, synced = harness.floor_contenders("x", manifest, tmp_path / "scratch")
    harness.measure([synced], repeat=1)
    written = list((tmp_path / "scratch").rglob("out.po"))
    assert [p.stat().st_size for p in written] == [1234]


def test_bench_catalogs_runs_at_tiny_n(tmp_path):
    # Every peer takes part, as in the real bench: GNU gettext, make, Translate Toolkit.
    for tool in ("msgmerge", "msgfmt", "make"):
        require_tool(tool)
    require((harness.BIN / "pot2po").is_file(), "pot2po is not installed",
            "the test extra must install translate-toolkit")
    done = subprocess.run(
        [sys.executable, str(BENCH / "bench_catalogs.py"), "--n", "3", "--repeat", "1",
         "--keep", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=300, cwd=BENCH,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: a target missed at N=3
    assert "Babel" in done.stdout and "floor+sync" in done.stdout
    assert "ours extract+update+compile / Babel API extract+merge+compile" in done.stdout
    assert "GNU make (msgmerge+msgfmt)" in done.stdout and "pot2po+pocompile" in done.stdout
    assert ("PASS" in done.stdout or "MISS" in done.stdout)


def test_nothing_is_deleted_until_the_rounds_are_over(tmp_path):
    live = tmp_path / "live"
    seen: list[list[str]] = []

    def restore() -> None:
        harness.set_aside(live)
        seen.append(sorted(p.name for p in (tmp_path / ".set-aside").glob("*/marker")))
        live.mkdir()
        (live / "marker").write_text(str(len(seen)))

    harness.measure([harness.Contender("x", [sleeper(0.0)], prepare=restore)], repeat=3)
    # The second and third restores found the earlier trees moved aside, not deleted...
    assert seen == [[], ["marker"], ["marker", "marker"]]
    # ...and once the rounds were over, they were deleted; the last tree stays.
    assert not (tmp_path / ".set-aside").exists()
    assert (live / "marker").read_text() == "3"
