"""extract -> update -> compile -> stats through the real CLI, and bad input refused cleanly."""

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, require_tool
from helpers import article_text, make_workspace, tree_digest, write_article
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def ws_root(tmp_path):
    root = make_workspace(tmp_path / "ws")
    write_article(root, "festival", article_text())
    write_article(
        root,
        "kk-premiere",
        article_text(
            title="Алматыда премьера өтті", lang="kk", body="Фильм 2024 жылы түсірілді.\n"
        ),
    )
    return root


def test_pipeline_and_json_stats(ws_root):
    assert run("-C", str(ws_root), "extract").exit_code == 0
    result = run("update", "-C", str(ws_root))
    assert result.exit_code == 0, result.output
    ws = Workspace.load(ws_root)
    assert ws.po_path("ru", "festival").is_file() and ws.po_path("kk", "festival").is_file()
    assert not ws.po_path("en", "festival").exists(), "no catalog in the source language"
    assert ws.po_path("en", "kk-premiere").is_file()
    kk = ws.po_path("kk", "festival").read_text("utf-8")
    ru = ws.po_path("ru", "festival").read_text("utf-8")
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in kk
    assert '"Plural-Forms: nplurals=3; plural=(n%10==1' in ru
    assert '"Language: kk\\n"' in kk and "charset=UTF-8" in kk
    msgfmt = require_tool("msgfmt")
    for _, _, path in ws.catalog_paths():
        subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], check=True)

    result = run("stats", "-C", str(ws_root), "--json")
    rows = json.loads(result.output)
    row = next(r for r in rows if r["lang"] == "ru" and r["domain"] == "festival")
    assert row["translated"] == 0 and row["untranslated"] == row["total"] > 0
    assert row["words"] > 0 and row["obsolete"] == 0

    assert run("compile", "-C", str(ws_root)).exit_code == 0
    assert ws.mo_path("ru", "festival").is_file()


def test_fuzzy_is_never_counted_as_translated(ws_root):
    run("extract", "-C", str(ws_root))
    run("update", "-C", str(ws_root))
    ws = Workspace.load(ws_root)
    path = ws.po_path("ru", "festival")
    catalog = ws.read_catalog(path)
    msgs = list(catalog)
    msgs[0].msgstr, msgs[1].msgstr = "Фестиваль открылся в Алматы", "Культура"
    msgs[1].fuzzy = True
    ws.write_catalog(path, catalog)
    row = next(
        r
        for r in json.loads(run("stats", "-C", str(ws_root), "--json").output)
        if r["lang"] == "ru" and r["domain"] == "festival"
    )
    assert row["translated"] == 1 and row["fuzzy"] == 1 and row["needs_review"] == 1


def test_edit_keeps_old_translation_as_fuzzy_and_obsolete(ws_root):
    run("extract", "-C", str(ws_root))
    run("update", "-C", str(ws_root))
    ws = Workspace.load(ws_root)
    path = ws.po_path("ru", "festival")
    catalog = ws.read_catalog(path)
    catalog.get("The festival opened on Monday.").msgstr = "Фестиваль открылся в понедельник."
    catalog.get(
        "Twelve films compete this year."
    ).msgstr = "В этом году соревнуются двенадцать фильмов."
    ws.write_catalog(path, catalog)
    write_article(
        ws_root,
        "festival",
        article_text(body="The festival opened on Tuesday.\n\nA new paragraph about prizes.\n"),
    )
    run("extract", "-C", str(ws_root))
    assert run("update", "-C", str(ws_root)).exit_code == 0
    catalog = ws.read_catalog(path)
    msg = catalog.get("The festival opened on Tuesday.")
    assert msg.fuzzy and msg.previous_msgid == "The festival opened on Monday."
    assert [m.msgstr for m in catalog.obsolete] == ["В этом году соревнуются двенадцать фильмов."]


def _one_line_error(result, *needles: str):
    assert result.exit_code != 0
    lines = [ln for ln in result.output.strip().splitlines() if ln]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("l10n-news: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_a_broken_catalog_is_one_problem_not_a_stopped_workspace(ws_root, shared):
    """Each command names the broken file with file:line, leaves it as it is, does the rest."""
    run("extract", "-C", str(ws_root))
    run("update", "-C", str(ws_root))
    ws = Workspace.load(ws_root)
    bad = ws.po_path("ru", "festival")
    shutil.copy(shared / "corpus" / "polib" / "test_syntax_error1.po", bad)
    broken_bytes = bad.read_bytes()
    write_article(ws_root, "festival", article_text(body="Changed text.\n"))
    assert run("extract", "-C", str(ws_root)).exit_code == 0
    where = "l10n-news: locales/ru/LC_MESSAGES/festival.po:5: "

    updated = run("update", "-C", str(ws_root))
    assert updated.exit_code == 2 and where in updated.output, updated.output
    assert "Changed text." in ws.po_path("kk", "festival").read_text()  # the rest is done
    compiled = run("compile", "-C", str(ws_root))
    assert compiled.exit_code == 2 and where in compiled.output, compiled.output
    assert ws.po_path("kk", "festival").with_suffix(".mo").is_file()
    assert not bad.with_suffix(".mo").exists()
    stats = run("stats", "-C", str(ws_root), "--json")
    assert stats.exit_code == 2 and where in stats.output
    rows = json.loads(stats.output[: stats.output.index(where)])
    assert {(r["lang"], r["domain"]) for r in rows} >= {("kk", "festival"), ("en", "kk-premiere")}
    checked = run("check", "-C", str(ws_root))
    assert checked.exit_code == 2 and where in checked.output and "check:" in checked.output
    listed = run("review", "-C", str(ws_root), "-l", "ru", "--list")
    assert listed.exit_code == 2 and where in listed.output and "review:" in listed.output
    for result in (updated, compiled, stats, checked, listed):
        assert "Traceback" not in result.output
    assert bad.read_bytes() == broken_bytes


def test_bad_inputs_change_nothing(ws_root):
    run("extract", "-C", str(ws_root))
    before = tree_digest(ws_root)
    _one_line_error(run("update", "-C", str(ws_root), "-l", "xx"), "unknown language code 'xx'")
    _one_line_error(run("extract", "-C", str(ws_root), "../etc"), "bad slug")
    _one_line_error(run("stats", "-C", str(ws_root / "nowhere")), "not an l10n-news workspace")
    assert tree_digest(ws_root) == before

    (ws_root / "articles" / "festival" / "article.md").write_bytes(b"---\ntitle: x\xff\n---\n")
    before = tree_digest(ws_root)
    _one_line_error(run("extract", "-C", str(ws_root)), "article.md:2:", "invalid UTF-8")
    (ws_root / "articles" / "festival" / "article.md").write_text("No front matter.\n")
    before = tree_digest(ws_root)
    _one_line_error(run("extract", "-C", str(ws_root)), "article.md:1:", "missing front matter")
    assert tree_digest(ws_root) == before


def test_bad_config_is_one_line(tmp_path):
    root = make_workspace(tmp_path / "ws", 'languages = ["ru", "zz"]\n')
    _one_line_error(run("stats", "-C", str(root)), "l10n-news.toml", "unknown language code 'zz'")
    (root / "l10n-news.toml").write_text("languages = [\n")
    _one_line_error(run("stats", "-C", str(root)), "l10n-news.toml", "invalid TOML")


def test_busy_workspace_is_refused(ws_root):
    ws = Workspace.load(ws_root)
    code = (
        "import sys, time\n"
        "from l10n_news.fileio import workspace_lock\n"
        "from pathlib import Path\n"
        f"with workspace_lock(Path({str(ws.state_dir / 'lock')!r})):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(30)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = subprocess.run(
            [sys.executable, "-m", "l10n_news", "-C", str(ws_root), "extract"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 3
        assert "another l10n-news command is working on this workspace" in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_every_command_has_help_with_an_example():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0
        if not getattr(command, "commands", None):
            assert "Example:" in result.output, f"{name} --help has no example"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in cli.commands:
        assert f"l10n-news {name}" in readme, f"README.md does not document `l10n-news {name}`"
