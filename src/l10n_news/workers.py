"""Work that splits by article or by catalog, done in several processes when there is much.

Checking a catalog, or judging and rendering an article, depends on its own files and on what
every worker shares (settings, theme, glossary, dictionaries). The workers are forked once
that is loaded, so they start with it at no cost; they only compute and send back what they
found (results, and what they learnt for the caches), and the parent writes. A worker that
fails, or Ctrl-C, leaves every file as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

# Below this many articles (or catalogs) per worker, forking costs more than it saves.
MIN_ITEMS_PER_WORKER = 12
MAX_WORKERS = 8

T = TypeVar("T")
R = TypeVar("R")
_work: Callable[[Any], Any] | None = None  # what a forked worker runs, inherited at fork


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def worker_count(to_do: int, jobs: int | None) -> int:
    """How many processes to use: `jobs` if given (1: none), else one per usable CPU, and
    never more than the items to do keep busy."""
    if jobs is None:
        jobs = min(usable_cpus(), MAX_WORKERS)
        jobs = min(jobs, to_do // MIN_ITEMS_PER_WORKER)
    # Forking only on Linux: spawning would re-import and re-load everything, and forking is
    # unsafe where system libraries keep threads of their own (macOS).
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return 1
    return max(1, min(jobs, to_do))


def in_workers(work: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """`work(item)` for every item, in order: here, or in `workers` forked processes."""
    if workers <= 1:
        yield from map(work, items)
        return
    global _work
    _work = work
    chunk = max(1, min(4, len(items) // (workers * 8)))  # small: the workers end together
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_signals)
    try:
        yield from pool.imap(_run, items, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _work = None


def _quiet_signals() -> None:
    """A worker leaves Ctrl-C to the parent (which stops them all) and dies quietly when
    told to: it must not run the command's own handlers, inherited through the fork."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run(item: Any) -> Any:
    assert _work is not None, "in_workers sets the work before forking"
    return _work(item)
