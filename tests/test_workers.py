"""Checking and publishing in forked worker processes give what one process gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n_news.checks import dictionaries
from l10n_news.checks.run import check_workspace
from l10n_news.errors import PublishError
from l10n_news.publish import publish_workspace
from l10n_news.workers import MIN_ITEMS_PER_WORKER, worker_count
from l10n_news.workspace import Workspace


def _site(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _kept_findings(root: Path) -> dict[str, list]:
    """What the findings cache keeps per catalog (the file signatures differ by copy)."""
    table = json.loads((root / ".l10n-news/check-findings.json").read_text("utf-8"))
    return {key: record["findings"] for key, record in table["catalogs"].items()}


def _plant_number_error(ws: Workspace) -> str:
    """Change a number in one kk translation: that variant must be held back."""
    for slug in ws.article_slugs():
        po = ws.po_path("kk", slug)
        lines = po.read_text("utf-8").splitlines(keepends=True) if po.is_file() else []
        for i, line in enumerate(lines):
            digits = [ch for ch in line if ch.isdigit()]
            if line.startswith('msgstr "') and digits and line != 'msgstr ""\n':
                lines[i] = line.replace(digits[0], "8" if digits[0] != "8" else "7", 1)
                po.write_text("".join(lines), "utf-8")
                return slug
    raise AssertionError("no kk translation of the sample has a digit to change")


def test_workers_publish_what_one_process_publishes(sample_ws: Path, tmp_path: Path) -> None:
    _plant_number_error(Workspace.load(sample_ws))
    twin = tmp_path / "twin"
    shutil.copytree(sample_ws, twin)

    alone = publish_workspace(Workspace.load(sample_ws), jobs=1)
    forked = publish_workspace(Workspace.load(twin), jobs=2)

    assert alone.problems, "the planted error holds a variant back"
    assert forked.problems == alone.problems
    assert [v.__dict__ for v in forked.verdicts] == [v.__dict__ for v in alone.verdicts]
    assert sorted(forked.rendered) == sorted(alone.rendered)
    assert _site(twin) == _site(sample_ws)
    # What the workers computed came back: every article catalog's error findings are kept.
    kept = json.loads((twin / ".l10n-news/check-findings.json").read_text("utf-8"))["catalogs"]
    alone_kept = json.loads((sample_ws / ".l10n-news/check-findings.json").read_text("utf-8"))
    assert sorted(kept) == sorted(alone_kept["catalogs"])
    assert len(kept) >= 2 * len(Workspace.load(twin).article_slugs())
    # ... and the file digests, so that a rerun judges nothing again.
    again = publish_workspace(Workspace.load(twin), jobs=2)
    assert again.rendered == [] and again.problems == alone.problems


def _check(root: Path, jobs: int) -> subprocess.CompletedProcess[str]:
    # A process of its own: the in-process caches of an earlier test would spare lookups.
    return subprocess.run(
        [sys.executable, "-m", "l10n_news", "-C", str(root), "check", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workers_check_what_one_process_checks(sample_ws: Path, tmp_path: Path) -> None:
    _plant_number_error(Workspace.load(sample_ws))
    twin = tmp_path / "twin"
    shutil.copytree(sample_ws, twin)

    alone, forked = _check(sample_ws, 1), _check(twin, 2)

    assert alone.returncode == forked.returncode == 1, forked.stderr
    assert "[numbers]" in forked.stdout
    assert forked.stdout == alone.stdout
    # The spelling verdicts the workers found came back and were saved with the parent's.
    saved = [
        json.loads((root / ".l10n-news/spelling-cache.json").read_text("utf-8"))["verdicts"]
        for root in (sample_ws, twin)
    ]
    assert len(saved[0]) > 100 and saved[1] == saved[0]


def test_check_workspace_keeps_what_its_workers_found(sample_ws: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(sample_ws, twin)
    alone = check_workspace(Workspace.load(sample_ws), use_cache=True, jobs=1)
    forked = check_workspace(Workspace.load(twin), use_cache=True, jobs=2)
    assert forked == alone
    assert _kept_findings(twin) == _kept_findings(sample_ws)
    assert len(_kept_findings(twin)) == len(list(Workspace.load(twin).catalog_paths()))
    assert dictionaries.take_fresh() == {}, "nothing found here is left unsent"


def test_a_worker_failure_is_the_commands_error(sample_ws: Path) -> None:
    (sample_ws / "templates").mkdir(exist_ok=True)
    (sample_ws / "templates" / "article.html").write_text("{{ broken ", "utf-8")
    with pytest.raises(PublishError):
        publish_workspace(Workspace.load(sample_ws), jobs=2)
    assert not (sample_ws / "site").exists()


def test_worker_count() -> None:
    assert worker_count(3, 1) == 1
    assert worker_count(3, 8) == 3  # never more workers than articles to judge
    assert worker_count(MIN_ITEMS_PER_WORKER - 1, None) == 1  # too few to pay for a fork
    assert worker_count(0, None) == 1
