"""Benchmark: the `llm` engine's article batches against engines that send one unit a request.

A 200-article archive (`gen_archive.py`, untranslated, en → kk) is translated three times in
one run, each a whole `python -m l10n_news translate` process on a fresh copy:

- `llm`: the engine as configured by default (one article's units per request, up to 40
  units and 6,000 characters), against the loopback chat server (`tests/llm_server.py`);
- `llm, 1 unit/request`: the same engine and server with `batch_size = 1`;
- `google`: the one-text-per-request web endpoint, at a loopback server of its shape.

Every server waits a fixed latency per request plus a time per answered token (about four
characters), so a long answer costs more than a short one. Printed: units, requests, units
per request, requests per article, tokens where the server reports them, wall time and the
floor (python start-up plus the rounds of requests at 8 in flight). Exit 1 unless the
batched engine sends ≥ 5× fewer requests than the one-unit engines and takes ≤ 0.3× their
wall time.

    .venv/bin/python bench/bench_llm.py [--articles 200] [--latency 0.05] [--per-token 0.0002]
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))
sys.path.insert(0, str(BENCH))

CONCURRENCY = 8
TARGET_REQUEST_RATIO = 5.0
TARGET_TIME_RATIO = 0.3


def make_archive(dest: Path, articles: int) -> None:
    from gen_archive import generate_archive

    generate_archive(dest, articles, translated=False, targets=("kk",))
    subprocess.run(
        [sys.executable, "-m", "l10n_news", "update", "-C", str(dest)],
        check=True,
        capture_output=True,
    )


def configure(ws: Path, engine: str, options: dict[str, object]) -> None:
    table = "\n".join(f"{k} = {json.dumps(v)}" for k, v in options.items())
    with (ws / "l10n-news.toml").open("a", encoding="utf-8") as config:
        config.write(f"\n[engines.{engine}]\nconcurrency = {CONCURRENCY}\n{table}\n")


def run(ws: Path, engine: str) -> tuple[float, dict]:
    command = [sys.executable, "-m", "l10n_news", "translate", "-C", str(ws), "-l", "kk"]
    start = time.perf_counter()
    result = subprocess.run(
        [*command, "--engine", engine, "--json"], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{engine} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    parser.add_argument("--per-token", type=float, default=0.0002, help="seconds per token")
    args = parser.parse_args()

    from api_servers import Faults, GoogleWebApi, LoopbackServer
    from llm_server import ChatApi

    faults = Faults(latency=args.latency)
    chat = ChatApi(per_token=args.per_token)
    web_faults = Faults(latency=args.latency, per_token=args.per_token)
    with (
        LoopbackServer(chat, faults) as llm_server,
        LoopbackServer(GoogleWebApi(), web_faults) as google_server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        base = Path(tmp) / "base"
        make_archive(base, args.articles)
        llm = {"url": llm_server.base + "/v1", "model": "test-model"}
        contenders = [
            ("llm", "llm", llm, llm_server),
            ("llm, 1 unit/request", "llm", {**llm, "batch_size": 1}, llm_server),
            ("google", "google", {"url": google_server.url}, google_server),
        ]
        rows = []
        for label, engine, options, server in contenders:
            ws = Path(tmp) / label.replace(" ", "_").replace(",", "").replace("/", "-")
            shutil.copytree(base, ws)
            configure(ws, engine, options)
            before, texts_before = server.requests, server.texts_received
            wall, report = run(ws, engine)
            texts = server.texts_received - texts_before
            rows.append((label, wall, server.requests - before, texts, report))
            shutil.rmtree(ws)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        python_start = time.perf_counter() - start

    units = rows[0][4]["total"]["sent"]
    print(
        f"{args.articles} articles en→kk, {units} entries filled ({rows[1][3]} distinct texts); "
        f"{args.latency * 1000:.0f} ms a "
        f"request + {args.per_token * 1000:.2f} ms a token; {CONCURRENCY} requests in flight"
    )
    print(
        f"{'engine':22} {'requests':>8} {'texts/req':>9} {'req/article':>11} "
        f"{'prompt tok':>10} {'answer tok':>10} {'wall s':>7} {'× floor':>7}"
    )
    for label, wall, requests, texts, report in rows:
        tokens = next(iter(report["usage"].values()), {})
        floor = python_start + math.ceil(requests / CONCURRENCY) * args.latency
        floor += tokens.get("completion_tokens", 0) * args.per_token / CONCURRENCY
        print(
            f"{label:22} {requests:8d} {texts / requests:9.1f} "
            f"{requests / args.articles:11.1f} {tokens.get('prompt_tokens', '-'):>10} "
            f"{tokens.get('completion_tokens', '-'):>10} {wall:7.1f} {wall / floor:7.1f}"
        )
    print(
        f"floor: python start-up {python_start:.2f} s + the rounds of requests at "
        f"{CONCURRENCY} in flight × {args.latency * 1000:.0f} ms + answer tokens spread over "
        f"them (where the server counts tokens)"
    )
    ours = rows[0]
    ok = True
    for label, wall, requests, _, _ in rows[1:]:
        request_ratio, time_ratio = requests / ours[2], ours[1] / wall
        print(
            f"llm against {label}: {request_ratio:.1f}× fewer requests, {time_ratio:.2f}× the time"
        )
        ok = ok and request_ratio >= TARGET_REQUEST_RATIO and time_ratio <= TARGET_TIME_RATIO
    print(f"targets: ≥ {TARGET_REQUEST_RATIO:.0f}× fewer requests, ≤ {TARGET_TIME_RATIO}× the time")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
