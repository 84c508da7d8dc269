"""`run` with nothing changed replays the last quiet run's summary; any change runs the pipeline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n_news import rerun
from l10n_news import run as run_module
from l10n_news.cli.main import cli
from l10n_news.rerun import JSON_RECORD_NAME, RECORD_NAME, translation_idle

RENDER_STACK = ("jinja2", "markdown_it", "lxml", "babel", "mdit_py_plugins")


@pytest.fixture
def pipeline_calls(monkeypatch) -> list[dict]:
    """Every call of the pipeline `run` makes (a replay makes none)."""
    calls: list[dict] = []
    real = run_module.run_pipeline

    def spy(ws, **kwargs):
        calls.append(kwargs)
        return real(ws, **kwargs)

    monkeypatch.setattr(run_module, "run_pipeline", spy)
    return calls


@pytest.fixture
def calm_clock(monkeypatch) -> None:
    """Files written a moment ago count as settled: the tests need not wait out RACY_NS."""
    monkeypatch.setattr(rerun, "RACY_NS", 0)


def run(ws: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["-C", str(ws), "run", "--no-translate", *args])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return result.output


def settled(ws: Path, *args: str) -> str:
    """Run until a run wrote nothing and kept its record; that run's output."""
    run(ws, *args)  # the work
    output = run(ws, *args)  # nothing to do: kept
    assert (ws / ".l10n-news" / (JSON_RECORD_NAME if "--json" in args else RECORD_NAME)).is_file()
    return output


def test_a_rerun_with_nothing_changed_replays_the_summary(sample_ws, pipeline_calls, calm_clock):
    quiet = settled(sample_ws)
    calls = len(pipeline_calls)
    assert run(sample_ws) == quiet
    assert run(sample_ws) == quiet
    assert len(pipeline_calls) == calls, "nothing changed: the pipeline must not run"


def test_the_json_replay_is_what_the_pipeline_prints(sample_ws, pipeline_calls, calm_clock):
    text = settled(sample_ws)
    settled(sample_ws, "--json")
    calls = len(pipeline_calls)
    replayed = json.loads(run(sample_ws, "--json"))
    assert run(sample_ws) == text, "each form of the summary keeps its own record"
    assert len(pipeline_calls) == calls
    (sample_ws / ".l10n-news" / JSON_RECORD_NAME).unlink()
    computed = json.loads(run(sample_ws, "--json"))
    assert len(pipeline_calls) == calls + 1
    assert replayed == computed
    assert replayed["publish"]["rendered"] == [] and replayed["extract"]["written"] == []


def _first_article(ws: Path) -> Path:
    return sorted((ws / "articles").glob("*/article.md"))[0]


def _first_image(ws: Path) -> Path:
    return sorted((ws / "articles").glob("*/images/*"))[0]


def _a_catalog(ws: Path) -> Path:
    return sorted((ws / "locales").glob("kk/LC_MESSAGES/*.po"))[0]


def _a_page(ws: Path) -> Path:
    return sorted((ws / "site").glob("*/*/index.html"))[0]


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def _edit_in_place_keeping_times(path: Path) -> None:
    """Same size, same inode, same mtime (as `cp -p` or a restore would leave it): only the
    ctime tells."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[-2:-1] = b"!" if data[-2:-1] != b"!" else b"?"
    with path.open("r+b") as f:
        f.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


CHANGES: dict[str, Callable[[Path], None]] = {
    "an article edited": lambda ws: _append(_first_article(ws), "\nOne more paragraph.\n"),
    "an article added": lambda ws: shutil.copytree(
        _first_article(ws).parent, ws / "articles" / "a-copied-article"
    ),
    "an article deleted": lambda ws: shutil.rmtree(_first_article(ws).parent),
    "an image edited": lambda ws: _append(_first_image(ws), "\0"),
    "an image added": lambda ws: shutil.copy(
        _first_image(ws), _first_image(ws).with_name("another.png")
    ),
    "a catalog edited": lambda ws: _append(_a_catalog(ws), "\n"),
    "a compiled catalog deleted": lambda ws: _a_catalog(ws).with_suffix(".mo").unlink(),
    "a template edited": lambda ws: _append(sorted((ws / "locales").glob("*.pot"))[0], "\n"),
    "the configuration edited": lambda ws: _append(ws / "l10n-news.toml", "\n# a note\n"),
    "the glossary edited": lambda ws: _append(ws / "glossary.csv", "\n"),
    "a theme template added": lambda ws: (ws / "templates").mkdir()
    or (ws / "templates" / "notes.txt").write_text("local theme", "utf-8"),
    "a page of the site edited": lambda ws: _append(_a_page(ws), "<!-- edited -->"),
    "a page of the site deleted": lambda ws: _a_page(ws).unlink(),
    "the site deleted": lambda ws: shutil.rmtree(ws / "site"),
    "a file touched": lambda ws: os.utime(_first_article(ws)),
    # A picture may lie anywhere in the workspace, not only in its article's folder.
    "a picture added elsewhere in the workspace": lambda ws: (ws / "media").mkdir()
    or shutil.copy(_first_image(ws), ws / "media" / "shared.png"),
    "a translation memory added": lambda ws: (ws / "tm").mkdir()
    or (ws / "tm" / "old.tmx").write_text("<tmx/>", "utf-8"),
    "an article edited, its time put back": lambda ws: _edit_in_place_keeping_times(
        _first_article(ws)
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_runs_the_pipeline(sample_ws, pipeline_calls, calm_clock, change):
    settled(sample_ws)
    calls = len(pipeline_calls)
    CHANGES[change](sample_ws)
    run(sample_ws)
    assert len(pipeline_calls) == calls + 1, f"{change}: the rerun must do the work"


def test_what_only_the_state_and_dot_folders_hold_is_not_a_change(sample_ws, pipeline_calls,
                                                                  calm_clock):
    quiet = settled(sample_ws)
    calls = len(pipeline_calls)
    (sample_ws / ".git").mkdir()
    (sample_ws / ".git" / "index").write_bytes(b"a version control system's own files")
    _append(sample_ws / ".l10n-news" / "spelling-cache.json", " ")
    assert run(sample_ws) == quiet
    assert len(pipeline_calls) == calls


def test_a_deleted_page_comes_back(sample_ws, calm_clock):
    settled(sample_ws)
    page = _a_page(sample_ws)
    data = page.read_bytes()
    page.unlink()
    run(sample_ws)
    assert page.read_bytes() == data


def test_the_package_and_its_theme_count(sample_ws, pipeline_calls, calm_clock, monkeypatch,
                                         tmp_path):
    # The package folder holds the code and the built-in theme: a copy stands in for it.
    package = tmp_path / "package"
    shutil.copytree(Path(rerun.__file__).parent / "publish", package)
    monkeypatch.setattr(rerun, "PACKAGE_DIR", package)
    settled(sample_ws)
    calls = len(pipeline_calls)
    theme_file = next(p for p in sorted(package.rglob("*")) if p.is_file())
    _append(theme_file, "\n")
    settled(sample_ws)
    assert len(pipeline_calls) == calls + 1, "a theme file changed: the pipeline must run"
    monkeypatch.setattr(rerun, "__version__", "99.0")
    run(sample_ws)
    assert len(pipeline_calls) == calls + 2, "another version: the pipeline must run"


def test_other_options_run_the_pipeline(sample_ws, pipeline_calls, calm_clock, tmp_path):
    settled(sample_ws)
    calls = len(pipeline_calls)
    run(sample_ws, "--allow-drafts")
    run(sample_ws, "--out", str(tmp_path / "elsewhere"))
    assert len(pipeline_calls) == calls + 2
    assert (tmp_path / "elsewhere" / "index.html").is_file()


def test_a_run_that_did_work_is_not_replayed(sample_ws, pipeline_calls, calm_clock):
    # Its summary reports work done: a rerun must not print that again.
    settled(sample_ws)
    _append(_first_article(sample_ws), "\nOne more paragraph.\n")
    worked = run(sample_ws)
    assert "1 template(s) written" in worked
    calls = len(pipeline_calls)
    quiet = run(sample_ws)  # the pipeline again, finding nothing to do
    assert len(pipeline_calls) == calls + 1
    assert "0 template(s) written" in quiet
    assert run(sample_ws) == quiet
    assert len(pipeline_calls) == calls + 1


def test_a_failed_engine_is_tried_again(sample_ws, pipeline_calls, calm_clock, monkeypatch):
    from l10n_news.translate import TranslateReport

    def unreachable(ws, *, engine=None):
        return TranslateReport(engines=["libre"], unreachable={"libre": "connection refused"})

    monkeypatch.setattr(run_module, "translate_changed", unreachable)
    for _ in range(3):
        result = CliRunner().invoke(cli, ["-C", str(sample_ws), "run"])
        assert "engine libre is out of reach" in result.output
    assert len(pipeline_calls) == 3


def test_files_changed_within_the_clock_granularity_keep_nothing(sample_ws):
    # Without calm_clock: every file was written a moment ago, so none can be trusted yet.
    run(sample_ws)
    run(sample_ws)
    assert not (sample_ws / ".l10n-news" / RECORD_NAME).exists()


def test_a_kept_record_for_other_files_is_not_replayed(sample_ws, pipeline_calls, calm_clock,
                                                         tmp_path):
    settled(sample_ws)
    copy = tmp_path / "copy"
    shutil.copytree(sample_ws, copy, copy_function=shutil.copy2)  # same times, other files
    calls = len(pipeline_calls)
    run(copy)
    assert len(pipeline_calls) == calls + 1


def test_only_an_idle_translate_stage_is_kept():
    idle = {"ok": True, "requests": 0, "written": [], "problems": [], "unreachable": {},
            "broken": [], "total": {"sent": 0, "cached": 0, "failed": 0}}
    assert translation_idle(None)
    assert translation_idle(idle)
    assert not translation_idle(idle | {"ok": False})
    assert not translation_idle(idle | {"unreachable": {"google": "timed out"}})
    assert not translation_idle(idle | {"requests": 3})
    assert not translation_idle(idle | {"total": {"sent": 0, "cached": 2, "failed": 0}})


def test_the_replay_imports_no_render_stack(sample_ws, calm_clock):
    quiet = settled(sample_ws)  # kept in this process; replayed by a fresh one below
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "l10n_news", "-C", str(sample_ws), "run",
         "--no-translate"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.stdout == quiet, "the fresh process must replay the kept summary"
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    assert "l10n_news.rerun" in names, "no -X importtime report: the test reads nothing"
    assert "l10n_news.run" not in names
    loaded = {name.split(".", 1)[0] for name in names}
    assert not loaded & set(RENDER_STACK), sorted(loaded & set(RENDER_STACK))


def test_the_engine_choices_are_the_registry():
    # `run --engine` lists the names from the configuration schema, not from the registry
    # (whose import loads every engine): the two must agree.
    from l10n_news.config import engine_names
    from l10n_news.engines.registry import ENGINES

    assert engine_names() == sorted(ENGINES)
