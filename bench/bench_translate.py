"""Benchmark: our engine base against a plain loop over deep-translator's translate_batch.

1000 segments (with repeats, as a news site has: bylines, captions, boilerplate) are sent to
the fake LibreTranslate of the tests with 100 ms latency per request. We measure wall time and
requests for `LibreEngine.translate` (dedup, concurrency, cache) and for deep-translator's own
`LibreTranslator.translate_batch`, a sequential loop of one request per text. The baseline is
timed on a subset (default 100 segments) and extrapolated linearly, which is exact for a
sequential loop of equal-latency requests; pass --baseline-all to time all 1000 (~100 s).

    .venv/bin/python bench/bench_translate.py [--concurrency 8] [--baseline-all]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from deep_translator import LibreTranslator

from l10n_news.engines.libre import LibreEngine
from l10n_news.workspace import Workspace
from libre_server import FakeLibreServer, Faults

SEGMENTS = 1000
UNIQUE = 250
LATENCY = 0.1
TARGET_SPEEDUP = 20.0

_SUBJECTS = ["The jury", "A young director", "The festival", "Our critic", "The audience"]
_VERBS = ["praised", "discussed", "screened", "awarded", "remembered"]
_OBJECTS = ["a short film", "the opening night", "a documentary", "the debut", "a retrospective"]
_PLACES = ["in Almaty", "in Astana", "at the open-air cinema", "in Shymkent", "on the steppe"]


def make_segments(count: int, unique: int, seed: int = 7) -> list[str]:
    """`count` segments drawn from `unique` distinct sentences, some with placeholders."""
    distinct: list[str] = []
    for s in _SUBJECTS:
        for v in _VERBS:
            for o in _OBJECTS:
                for p in _PLACES:
                    distinct.append(f"{s} {v} {o} {p}.")
    rng = random.Random(seed)
    rng.shuffle(distinct)
    distinct = distinct[:unique]
    distinct = [t if k % 5 else t.replace(".", ", said %(name)s.") for k, t in enumerate(distinct)]
    segments = distinct + [rng.choice(distinct) for _ in range(count - len(distinct))]
    rng.shuffle(segments)
    return segments


def run_ours(url: str, root: Path, segments: list[str], concurrency: int) -> tuple[float, int]:
    ws = Workspace.from_config(root, {})
    engine = LibreEngine(ws, {"url": url, "concurrency": concurrency})
    start = time.perf_counter()
    results = engine.translate(segments, "en", "ru")
    elapsed = time.perf_counter() - start
    engine.close()
    bad = [r for r in results if r.text is None]
    if bad:
        raise SystemExit(f"our run left {len(bad)} segments untranslated: {bad[0].reason}")
    return elapsed, engine.requests_made


def run_baseline(url: str, segments: list[str]) -> float:
    client = LibreTranslator(source="en", target="ru", api_key="unused", custom_url=url)
    client.api_key = ""
    start = time.perf_counter()
    client.translate_batch(segments)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--baseline-sample", type=int, default=100)
    parser.add_argument("--baseline-all", action="store_true")
    args = parser.parse_args()

    segments = make_segments(SEGMENTS, UNIQUE)
    print(
        f"{len(segments)} segments, {len(set(segments))} distinct, {LATENCY * 1000:.0f} ms/request"
    )
    with FakeLibreServer(Faults(latency=LATENCY)) as server, tempfile.TemporaryDirectory() as tmp:
        ours, ours_requests = run_ours(server.url, Path(tmp), segments, args.concurrency)
        first_server_count = server.requests
        again, again_requests = run_ours(server.url, Path(tmp), segments, args.concurrency)
        rerun_server_count = server.requests - first_server_count

        sample = segments if args.baseline_all else segments[: args.baseline_sample]
        before = server.requests
        measured = run_baseline(server.url, sample)
        baseline_requests = server.requests - before
        baseline = measured * len(segments) / len(sample)

    speedup = baseline / ours
    print(
        f"ours, first run : {ours:7.2f} s  {first_server_count:5d} requests "
        f"(concurrency {args.concurrency})"
    )
    print(f"ours, second run: {again:7.2f} s  {rerun_server_count:5d} requests (all cached)")
    how = (
        "measured"
        if args.baseline_all
        else (
            f"extrapolated from {len(sample)} segments: "
            f"{measured:.2f} s, {baseline_requests} requests"
        )
    )
    print(
        f"deep-translator translate_batch loop: {baseline:7.2f} s  {len(segments)} requests ({how})"
    )
    print(
        f"speed-up: {speedup:.1f}x (target >= {TARGET_SPEEDUP:.0f}x); "
        f"requests: {first_server_count} / {len(segments)} = "
        f"{first_server_count / len(segments):.2f} of the baseline's"
    )
    ok = (
        speedup >= TARGET_SPEEDUP
        and first_server_count == len(set(segments))
        and rerun_server_count == 0
        and ours_requests == first_server_count
        and again_requests == 0
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
