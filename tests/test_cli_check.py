"""`l10n-news check`: compiler-style lines, a summary, JSON, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from l10n_news.catalogs import Message
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace
from test_review import review_workspace


def run(ws: Workspace, *args: str):
    return CliRunner().invoke(cli, ["check", "-C", str(ws.root), *args])


def add_entry(ws: Workspace, message: Message) -> None:
    path = ws.po_path("kk", "ui")
    cat = ws.read_catalog(path)
    cat.add(message)
    ws.write_catalog(path, cat)


def test_clean_workspace_exits_0(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    result = run(ws)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "check: 0 error(s), 0 warning(s)"


def test_an_error_prints_file_line_and_exits_1(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    add_entry(ws, Message("%s new comments", "%d жаңа пікір", flags=["python-format"]))
    result = run(ws, "-l", "kk")
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "[placeholders]" in x)
    path, lineno, rest = line.split(":", 2)
    assert path == "locales/kk/LC_MESSAGES/ui.po" and int(lineno) > 0
    assert rest.startswith(
        " error: [placeholders] argument 1 has type int in the translation, string"
    )
    assert "check: 1 error(s), 0 warning(s)" in result.output


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    add_entry(ws, Message('Watch "The Steppe"', 'Мынаны көріңіз: "Дала"'))
    result = run(ws)
    assert result.exit_code == 0, result.output
    assert ": warning: [quotes] quotes of another language: use «» in Kazakh text" in result.output


def test_json_findings(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    add_entry(ws, Message("See https://kino.kz/a", "Қараңыз: https://kino.kz/b", msgctxt="link"))
    result = run(ws, "--json", "--domain", "ui")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == [
        {
            "file": "locales/kk/LC_MESSAGES/ui.po",
            "line": data[0]["line"],
            "msgctxt": "link",
            "msgid": "See https://kino.kz/a",
            "lang": "kk",
            "check": "urls",
            "severity": "error",
            "message": "the address https://kino.kz/a is missing or changed",
        }
    ]


def test_ignore_comment_silences_one_check(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    add_entry(
        ws,
        Message(
            "See https://kino.kz/a",
            "Қараңыз: https://kino.kz/kk/a",
            translator_comments=["l10n-news: ignore urls"],
        ),
    )
    result = run(ws)
    assert result.exit_code == 0
    # Still shown, as ignored: the translator's decision stays visible.
    assert ": ignored: [urls]" in result.output and "1 ignored" in result.output


def test_only_and_unknown_names(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    assert run(ws, "--only", "nonsense").exit_code == 2
    assert "unknown check 'nonsense'" in run(ws, "--only", "nonsense").output
    assert "not configured" in run(ws, "-l", "de").output or run(ws, "-l", "de").exit_code == 2
    assert "no catalog for domain 'nope'" in run(ws, "--domain", "nope").output


def test_help_lists_every_check_and_the_ignore_comment() -> None:
    from l10n_news.checks.registry import CHECKS

    result = CliRunner().invoke(cli, ["check", "--help"])
    for check in CHECKS:
        assert check.id in result.output
    assert "# l10n-news: ignore" in result.output and "Example:" in result.output


def test_sample_workspace_runs(sample_ws: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-C", str(sample_ws)])
    assert result.exit_code in (0, 1), result.output
    assert "check:" in result.output
