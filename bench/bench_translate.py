"""Benchmark: requests and wall time of `l10n-news translate` against deep-translator.

Both sides are whole processes, start-up included, on the same untranslated archive
(`gen_archive.py`, en → ru) and the same loopback LibreTranslate (`tests/libre_server.py`,
a fixed latency per request, no per-text cost):

- ours: `python -m l10n_news translate --engine libre` (one session, texts batched in `q`
  lists of up to 50, 8 requests in flight, cache on);
- peer: a script that reads the same catalogs with polib, de-duplicates the untranslated
  msgids exactly as we do (identical protected texts once), translates each unique text with
  deep-translator's `LibreTranslator.translate` on 8 threads, and writes drafts back.

Repetitions are interleaved (ours, peer, peer, ours, ...), each on a fresh copy; min, median
and max are printed, with the floor: a bare `python -c pass` plus the latency of the fewest
rounds of requests the limits allow. Exit 1 when a target is missed: at least 5× fewer
requests than the peer, and wall time at most 0.3× the peer's.

    .venv/bin/python bench/bench_translate.py [--articles 50] [--repeat 3] [--latency 0.1]
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))
sys.path.insert(0, str(BENCH))

TARGET_REQUEST_RATIO = 5.0  # peer requests / ours, at least
TARGET_TIME_RATIO = 0.3  # ours / peer wall time, at most
CONCURRENCY = 8
BATCH = 50


# --- the peer, run as its own process: python bench_translate.py --peer WS URL ----------------
def run_peer(root: Path, url: str, lang: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import polib
    from deep_translator import LibreTranslator

    from l10n_news.engines.protect import protect

    catalogs = [polib.pofile(str(p)) for p in sorted(root.glob(f"locales/{lang}/LC_MESSAGES/*.po"))]
    entries = [e for c in catalogs for e in c if not e.msgstr and not e.obsolete and e.msgid]
    # The same de-duplication as ours: one request per distinct protected text.
    # (a text of numbers and punctuation only is copied, as ours does).
    protected = {e.msgid: protect(e.msgid) for e in entries}
    unique = list(dict.fromkeys(p.text for p in protected.values() if p.has_words))

    def translate(text: str) -> str:
        client = LibreTranslator(source="en", target=lang, api_key="unused", custom_url=url)
        client.api_key = ""  # the server takes no key: send none
        return client.translate(text)

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        answers = dict(zip(unique, pool.map(translate, unique), strict=True))
    for entry in entries:
        p = protected[entry.msgid]
        entry.msgstr = p.restore(answers[p.text]) if p.has_words else entry.msgid
        entry.flags.append("fuzzy")
    for catalog in catalogs:
        catalog.save()


# --- the bench -----------------------------------------------------------------------------
def make_archive(dest: Path, articles: int, url: str) -> int:
    """An untranslated archive (catalogs made by `update`); returns its distinct texts."""
    from gen_archive import generate_archive

    generate_archive(dest, articles, translated=False, targets=("ru",))
    subprocess.run([sys.executable, "-m", "l10n_news", "update", "-C", str(dest)], check=True)
    with (dest / "l10n-news.toml").open("a", encoding="utf-8") as config:
        config.write(
            f'\n[engines.libre]\nurl = "{url}"\nconcurrency = {CONCURRENCY}\n'
            f'batch_limit = {BATCH}\nlanguages = ["en", "ru"]\n'
        )
    from l10n_news.engines.protect import protect
    from l10n_news.workspace import Workspace

    ws = Workspace.load(dest)
    texts = {
        protected.text
        for _, _, path in ws.catalog_paths()
        for m in ws.read_catalog(path)
        if m.msgid and not m.msgstr and (protected := protect(m.msgid)).has_words
    }
    return len(texts)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0,):
        raise SystemExit(f"{command[:4]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def stats(values: list[float]) -> str:
    return f"{min(values):6.2f} {statistics.median(values):6.2f} {max(values):6.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per request")
    parser.add_argument("--peer", nargs=2, metavar=("WS", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        run_peer(Path(args.peer[0]), args.peer[1], "ru")
        return 0

    from importlib.metadata import version

    from libre_server import FakeLibreServer, Faults

    python = sys.executable
    with (
        FakeLibreServer(Faults(latency=args.latency)) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        base = Path(tmp) / "base"
        unique = make_archive(base, args.articles, server.url)
        contenders: dict[str, Callable[[Path], list[str]]] = {
            "ours": lambda ws: [
                python,
                "-m",
                "l10n_news",
                "translate",
                "-C",
                str(ws),
                "-l",
                "ru",
                "--engine",
                "libre",
            ],
            "peer": lambda ws: [python, __file__, "--peer", str(ws), server.url],
        }
        walls: dict[str, list[float]] = {name: [] for name in contenders}
        requests: dict[str, list[int]] = {name: [] for name in contenders}
        for rep in range(args.repeat):
            order = list(contenders) if rep % 2 == 0 else list(reversed(contenders))
            for name in order:
                run = Path(tmp) / f"{name}-{rep}"
                shutil.copytree(base, run)
                before = server.requests
                walls[name].append(timed(contenders[name](run)))
                requests[name].append(server.requests - before)
                shutil.rmtree(run)
        start = time.perf_counter()
        subprocess.run([python, "-c", "pass"], check=True)
        python_start = time.perf_counter() - start

    rounds = math.ceil(math.ceil(unique / BATCH) / CONCURRENCY)
    floor = python_start + rounds * args.latency
    print(
        f"{args.articles} articles, {unique} distinct texts to translate en→ru; "
        f"{args.latency * 1000:.0f} ms a request; {CONCURRENCY} in flight; "
        f"{args.repeat} interleaved repetitions"
    )
    print(f"peer: deep-translator {version('deep-translator')} LibreTranslator, per text")
    print(f"{'':6} {'requests':>9} {'per text':>9}   wall s: min    med    max   × floor")
    for name in contenders:
        r = requests[name][0]
        median = statistics.median(walls[name])
        print(f"{name:6} {r:9d} {r / unique:9.3f}   {stats(walls[name])}   {median / floor:6.1f}")
    print(f"floor: python start-up {python_start:.2f} s + {rounds} round(s) of requests", end="")
    print(f" = {floor:.2f} s")
    request_ratio = statistics.median(requests["peer"]) / statistics.median(requests["ours"])
    time_ratio = statistics.median(walls["ours"]) / statistics.median(walls["peer"])
    print(
        f"requests: peer/ours = {request_ratio:.1f}× (target ≥ {TARGET_REQUEST_RATIO:.0f}×); "
        f"wall time: ours/peer = {time_ratio:.2f} (target ≤ {TARGET_TIME_RATIO})"
    )
    ok = request_ratio >= TARGET_REQUEST_RATIO and time_ratio <= TARGET_TIME_RATIO
    same_work = requests["peer"][0] == unique
    if not same_work:
        print(f"peer sent {requests['peer'][0]} requests for {unique} distinct texts")
    print("PASS" if ok and same_work else "FAIL")
    return 0 if ok and same_work else 1


if __name__ == "__main__":
    sys.exit(main())
