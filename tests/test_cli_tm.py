"""tm export / tm import through the real CLI, on a copy of the sample workspace."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from helpers import make_workspace
from l10n_news.catalogs import State
from l10n_news.catalogs.tmx import read_tmx
from l10n_news.cli.main import cli
from l10n_news.engines.memory import MemoryEngine
from l10n_news.workspace import Workspace


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def reviewed_count(ws: Workspace, lang: str) -> int:
    return sum(
        1
        for lang_, _, path in ws.catalog_paths()
        if lang_ == lang
        for m in ws.read_catalog(path)
        if m.state is State.REVIEWED and not m.pluralizable
    )


def test_export_leaves_out_a_broken_catalog_and_says_so(sample_ws: Path, tmp_path: Path) -> None:
    ws = Workspace.load(sample_ws)
    whole = reviewed_count(ws, "kk")
    broken = next(p for lang, d, p in ws.catalog_paths() if lang == "kk" and d != "ui")
    left_out = sum(
        1 for m in ws.read_catalog(broken) if m.state is State.REVIEWED and not m.pluralizable
    )
    broken.write_text(broken.read_text("utf-8") + '\nmsgid "dangling\n', "utf-8")
    assert left_out > 0
    dest = tmp_path / "memory.tmx"
    result = CliRunner().invoke(cli, ["tm", "export", str(dest), "-l", "kk", "-C", str(sample_ws)])
    assert result.exit_code == 2
    assert f"tm export: {whole - left_out} units written to {dest}" in result.output
    assert f"l10n-news: locales/kk/LC_MESSAGES/{broken.name}:" in result.output
    assert len(read_tmx(dest).units) == whole - left_out > 0


def test_export_then_import_into_an_empty_workspace(sample_ws: Path, tmp_path: Path) -> None:
    dest = tmp_path / "memory.tmx"
    result = run("tm", "export", str(dest), "-l", "kk", "-C", str(sample_ws))
    assert result.exit_code == 0, result.output
    count = reviewed_count(Workspace.load(sample_ws), "kk")
    assert count > 0
    assert result.output == f"tm export: {count} units written to {dest}\n"
    units = read_tmx(dest).units
    assert len(units) == count and all("kk" in u.variants for u in units)

    other = make_workspace(tmp_path / "other")
    result = run("tm", "import", str(dest), "-C", str(other), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "file": str(dest),
        "stored": "tm/memory.tmx",
        "units": count,
    }

    # The memory engine of the other workspace now knows those translations.
    unit = units[0]
    source = unit.srclang or "en"
    memory = MemoryEngine(Workspace.load(other), {})
    [found] = memory.translate([unit.variants[source]], source, "kk")
    assert found.text == unit.variants["kk"]
    assert found.note == "memory 100% from tm/memory.tmx"


def test_errors_are_one_line_with_file_and_line(sample_ws: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text('<tmx version="1.4">\n<body>\n<tu>\n<tuv><seg>x</seg></tuv>\n', "utf-8")
    result = run("tm", "import", str(bad), "-C", str(sample_ws))
    assert result.exit_code == 2
    assert result.output.strip() == f"l10n-news: {bad}:4: <tuv> without xml:lang"
    assert not (sample_ws / "tm").exists()

    result = run("tm", "export", str(tmp_path / "x.tmx"), "-l", "de", "-C", str(sample_ws))
    assert result.exit_code == 2
    assert "unknown language code 'de'" in result.output


def test_import_of_nothing_usable_says_so(sample_ws: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.tmx"
    empty.write_text('<tmx version="1.4"><header/><body/></tmx>', "utf-8")
    result = run("tm", "import", str(empty), "-C", str(sample_ws))
    assert result.exit_code == 0
    assert "no unit of" in result.output


def test_help_has_examples() -> None:
    for command in ("export", "import"):
        result = run("tm", command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output and f"l10n-news tm {command}" in result.output
