"""Publishing in forked worker processes gives the same site, verdicts and records as one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from l10n_news.errors import PublishError
from l10n_news.publish import publish_workspace
from l10n_news.publish.workers import MIN_SLUGS_PER_WORKER, worker_count
from l10n_news.workspace import Workspace


def _site(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


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


def test_a_worker_failure_is_the_commands_error(sample_ws: Path) -> None:
    (sample_ws / "templates").mkdir(exist_ok=True)
    (sample_ws / "templates" / "article.html").write_text("{{ broken ", "utf-8")
    with pytest.raises(PublishError):
        publish_workspace(Workspace.load(sample_ws), jobs=2)
    assert not (sample_ws / "site").exists()


def test_worker_count() -> None:
    assert worker_count(3, 1) == 1
    assert worker_count(3, 8) == 3  # never more workers than articles to judge
    assert worker_count(MIN_SLUGS_PER_WORKER - 1, None) == 1  # too few to pay for a fork
    assert worker_count(0, None) == 1
