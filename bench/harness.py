"""What every bench shares: whole processes, interleaved repetitions, the floor, the verdict.

Rules the benches keep (and this module enforces where it can):
- every contender is timed as whole processes, start-up included, from outside;
- repetitions are interleaved (each round runs every contender once, in a rotated order), and
  min / median / max are reported; nothing is extrapolated;
- the floor, a process that only reads the inputs and writes outputs of the same sizes, is a
  contender too, without and with a file-system sync, and every result is shown as a multiple;
- every target is checked and a missed one makes the bench exit 1;
- before each timed run, the file system is synced: a contender that syncs must not pay to
  write back what the one before it (a peer, the floor, a restore) left in the page cache;
- nothing is deleted while the rounds run (`set_aside`): the next contender to create files
  would pay for the bench's own cleanup.

`python -S bench/harness.py floor MANIFEST [--sync]` is the floor process itself: it imports
nothing but the standard library, reads every input of the manifest and writes every output.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent  # the venv's scripts: l10n-news, pybabel, pot2po, ...


class BenchError(Exception):
    """A contender failed: the bench measures nothing it cannot trust."""


@dataclass
class Contender:
    """One side of a comparison: processes run one after another, timed together."""

    name: str
    commands: list[list[str]]
    prepare: Callable[[], None] | None = None  # untimed, before each repetition
    units: int = 1  # pages, catalogs...: for per-unit comparisons
    ok_codes: tuple[int, ...] = (0,)
    env: dict[str, str] | None = None


@dataclass
class Result:
    name: str
    units: int
    seconds: list[float] = field(default_factory=list)
    peak_kib: int = 0

    @property
    def min(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def max(self) -> float:
        return max(self.seconds)


GNU_TIME = Path("/usr/bin/time")


def run_process(argv: Sequence[str], *, env: dict[str, str] | None,
                ok_codes: tuple[int, ...]) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB, 0 when unknown) of one process, spawn to exit.

    The peak comes from GNU time wrapped around the command (its own cost is a few
    milliseconds, the same for every contender): a child spawned from this process would
    count the bench's own memory as its peak.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        if GNU_TIME.exists():
            argv = [str(GNU_TIME), "-f", "%M", "-o", peak.name, *argv]
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
        ]
        started = time.perf_counter()
        pid = os.posix_spawnp(argv[0], list(argv), env or os.environ, file_actions=actions)
        _, status, _ = os.wait4(pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            err.seek(0)
            tail = err.read()[-1500:].decode("utf-8", "replace")
            raise BenchError(f"{' '.join(argv)} exited {code}:\n{tail}")
        lines = peak.read().split()
    return seconds, int(lines[-1]) if lines and lines[-1].isdigit() else 0


_set_aside: set[Path] = set()  # folders holding what set_aside moved, emptied after the rounds


def set_aside(path: Path) -> None:
    """Move `path` out of the way (a rename); `measure` deletes it once the rounds are over.

    ext4 passes over inodes freed in the last minute when it allocates new ones
    (`recently_deleted` in its allocator), so after an `rm -rf` of the last round's tree the
    next process to create files is slowed by the bench's own cleanup. Measured on this
    machine: 140 us per mkdir right after one, 42 us a minute later.
    """
    if not os.path.lexists(path):
        return
    trash = path.parent / ".set-aside"
    trash.mkdir(exist_ok=True)
    path.rename(tempfile.mkdtemp(prefix=f"{path.name}.", dir=trash))
    _set_aside.add(trash)


def _empty_set_aside() -> None:
    for trash in _set_aside:
        shutil.rmtree(trash, ignore_errors=True)
    _set_aside.clear()


def measure(contenders: Sequence[Contender], repeat: int) -> dict[str, Result]:
    """Each round runs every contender once, starting one further along each time."""
    try:
        return _measure(contenders, repeat)
    finally:
        _empty_set_aside()


def _measure(contenders: Sequence[Contender], repeat: int) -> dict[str, Result]:
    results = {c.name: Result(c.name, c.units) for c in contenders}
    for round_no in range(repeat):
        shift = round_no % len(contenders)
        for contender in [*contenders[shift:], *contenders[:shift]]:
            if contender.prepare:
                contender.prepare()
            os.sync()  # untimed: every contender starts with nothing waiting to be written
            total = 0.0
            for argv in contender.commands:
                seconds, peak = run_process(argv, env=contender.env, ok_codes=contender.ok_codes)
                total += seconds
                result = results[contender.name]
                result.peak_kib = max(result.peak_kib, peak)
            results[contender.name].seconds.append(total)
        print(f"  round {round_no + 1}/{repeat} done", file=sys.stderr, flush=True)
    return results


# --- the floor ---------------------------------------------------------------------------------


def write_manifest(path: Path, inputs: Sequence[Path], outputs: Sequence[tuple[Path, int]],
                   stat: Sequence[Path] = ()) -> None:
    """The floor's job: stat `stat`, read `inputs`, write `outputs` (path, size)."""
    spec = {
        "stat": [str(p) for p in stat],
        "inputs": [str(p) for p in inputs],
        "outputs": [[str(p), n] for p, n in outputs],
    }
    path.write_text(json.dumps(spec), "utf-8")


def floor_contenders(name: str, manifest: Path, scratch: Path, units: int = 1) -> list[Contender]:
    """The floor without and with a sync, as contenders: outputs go under `scratch`."""

    def clean() -> None:
        set_aside(scratch)
        scratch.mkdir(parents=True)

    base = [sys.executable, "-S", str(BENCH_DIR / "harness.py"), "floor", str(manifest),
            str(scratch)]
    return [
        Contender(f"{name} floor", [base], prepare=clean, units=units),
        Contender(f"{name} floor+sync", [[*base, "--sync"]], prepare=clean, units=units),
    ]


def files_under(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and (suffixes is None or p.suffix in suffixes)
    )


def _syncfs(folder: Path) -> None:
    import ctypes

    fd = os.open(folder, os.O_RDONLY)
    try:
        if ctypes.CDLL(None, use_errno=True).syncfs(fd) != 0:
            os.sync()
    except AttributeError:
        os.sync()
    finally:
        os.close(fd)


def _floor_main(manifest: str, scratch: str, sync: bool) -> None:
    spec = json.loads(Path(manifest).read_text("utf-8"))
    for name in spec.get("stat", []):  # what a check for changes must at least do
        os.stat(name)
    for name in spec["inputs"]:
        with open(name, "rb") as f:
            f.read()
    root = Path(scratch)
    made: set[Path] = set()
    for n, (name, size) in enumerate(spec["outputs"]):
        target = root / f"{n % 64}" / Path(name).name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        with open(target, "wb") as f:
            f.write(b"x" * size)
    if sync:
        _syncfs(root)


# --- reporting ---------------------------------------------------------------------------------


@dataclass
class Target:
    """`ours` against `peer` (a ratio of medians, per unit when the units differ), or against
    a limit in seconds when `peer` is None."""

    label: str
    ours: str
    limit: float
    peer: str | None = None

    def value(self, results: dict[str, Result]) -> float:
        ours = results[self.ours]
        if self.peer is None:
            return ours.median
        return ratio(ours, results[self.peer], "median")

    def met(self, results: dict[str, Result]) -> bool:
        return self.value(results) <= self.limit


def ratio(ours: Result, peer: Result, stat: str) -> float:
    """ours / peer for one statistic, per unit of work."""
    mine = getattr(ours, stat) / ours.units
    theirs = getattr(peer, stat) / peer.units
    return mine / theirs


def print_table(results: dict[str, Result], floors: tuple[str, str] | None) -> None:
    header = f"{'contender':<44} {'min':>8} {'median':>8} {'max':>8} {'MiB':>6}"
    if floors:
        header += f" {'x floor':>8} {'x f+sync':>8}"
    print(header)
    for result in results.values():
        row = (
            f"{result.name:<44} {result.min:>8.3f} {result.median:>8.3f} {result.max:>8.3f}"
            f" {result.peak_kib / 1024:>6.0f}"
        )
        if floors and not result.name.endswith(("floor", "floor+sync")):
            plain, synced = (results[f].median for f in floors)
            row += f" {result.median / plain:>8.1f} {result.median / synced:>8.1f}"
        print(row)


def print_pairs(results: dict[str, Result], pairs: Sequence[tuple[str, str]]) -> None:
    print(f"\n{'ours / peer':<62} {'min':>6} {'median':>6} {'max':>6}")
    for ours, peer in pairs:
        a, b = results[ours], results[peer]
        unit = " per unit" if a.units != b.units else ""
        label = f"{ours} / {peer}{unit}"
        values = " ".join(f"{ratio(a, b, s):>6.2f}" for s in ("min", "median", "max"))
        print(f"{label:<62} {values}")


def verdict(results: dict[str, Result], targets: Sequence[Target]) -> int:
    """Prints each target's outcome; 1 when any is missed."""
    print()
    missed = 0
    for target in targets:
        value = target.value(results)
        unit = "x" if target.peer else " s"
        ok = target.met(results)
        missed += not ok
        print(f"{'PASS' if ok else 'MISS'}  {target.label}: {value:.2f}{unit}"
              f" (target <= {target.limit:.2f}{unit})")
    return 1 if missed else 0


def versions(tools: dict[str, list[str]]) -> None:
    """The first line each tool prints about its version."""
    print("versions:")
    for name, argv in tools.items():
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            line = (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired) as exc:
            line = f"unavailable ({exc})"
        print(f"  {name:<20} {line}")


def python_version_of(module: str) -> list[str]:
    """A command printing `module`'s installed version, in the venv's interpreter."""
    code = (
        "import importlib.metadata as m, sys; "
        f"print({module!r}, m.version({module!r}), 'on Python', sys.version.split()[0])"
    )
    return [sys.executable, "-c", code]


if __name__ == "__main__" and sys.argv[1:2] == ["floor"]:
    _floor_main(sys.argv[2], sys.argv[3], "--sync" in sys.argv[4:])
