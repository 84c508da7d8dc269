"""Judging and rendering the articles in several processes, when there are many to do.

Each article's verdicts and pages depend on its own files and on what every worker shares
(settings, theme, ui catalogs, the dictionaries): work that splits cleanly by article. The
workers are forked once everything shared is loaded, so they start with it at no cost; they
only compute, and send back what they found. Nothing is written until the parent has every
result, so a worker that fails (or Ctrl-C) leaves the site and the records as they were.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any

# Below this many articles to judge per worker, forking costs more than it saves.
MIN_SLUGS_PER_WORKER = 12
MAX_WORKERS = 8

_work: Callable[[str], Any] | None = None  # what a forked worker runs, inherited at fork


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def worker_count(to_judge: int, jobs: int | None) -> int:
    """How many processes to use: `jobs` if given (1: none), else one per usable CPU, and
    never more than the articles to judge keep busy."""
    if jobs is None:
        jobs = min(usable_cpus(), MAX_WORKERS)
        jobs = min(jobs, to_judge // MIN_SLUGS_PER_WORKER)
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # pragma: no cover - spawning would re-import and re-load everything
    return max(1, min(jobs, to_judge))


def each_slug(work: Callable[[str], Any], slugs: Sequence[str], workers: int) -> Iterator[Any]:
    """`work(slug)` for every slug, in order: here, or in `workers` forked processes."""
    if workers <= 1:
        yield from map(work, slugs)
        return
    global _work
    _work = work
    chunk = max(1, min(8, len(slugs) // (workers * 8)))  # small: the workers end together
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_quiet_signals)
    try:
        yield from pool.imap(_run, slugs, chunksize=chunk)
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


def _run(slug: str) -> Any:
    assert _work is not None, "each_slug sets the work before forking"
    return _work(slug)
