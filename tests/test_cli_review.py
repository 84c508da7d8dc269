"""`l10n-news review`: scripted keys through click's runner, and once through a real pty."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n_news.catalogs.catalog import State
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace
from test_review import review_workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return review_workspace(tmp_path / "ws")


def run(ws: Workspace, *args: str, keys: str = "", env: dict[str, str] | None = None):
    env = {"EDITOR": "", "VISUAL": "", **(env or {})}
    return CliRunner().invoke(cli, ["review", "-C", str(ws.root), *args], input=keys, env=env)


def states(ws: Workspace) -> dict[str, str]:
    return {m.msgid: str(m.state) for m in ws.read_catalog(ws.po_path("kk", "ui"))}


def test_list_prints_what_awaits_review(ws: Workspace) -> None:
    result = run(ws, "-l", "kk", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("locales/kk/LC_MESSAGES/ui.po:")
    assert lines[0].endswith(": draft: Join Telegram")
    assert "needs-review: Read the 2,500 comments" in lines[1]
    assert lines[-1] == "review: 3 entries await review"


def test_list_json(ws: Workspace) -> None:
    result = run(ws, "-l", "kk", "--list", "--json")
    data = json.loads(result.output)
    assert [d["state"] for d in data] == ["draft", "needs-review", "draft"]
    assert data[1]["previous_msgid"] == "Read the comments"


def test_scripted_accept_skip_then_quit(ws: Workspace) -> None:
    result = run(ws, "-l", "kk", "--reviewer", "Aigerim", keys="asq")
    assert result.exit_code == 0, result.output
    assert "source (en):" in result.output and "draft (kk):" in result.output
    assert "Read the {+2,500 +}comments" in result.output  # the word diff
    assert "review: 1 accepted, 1 skipped; every decision is saved" in result.output
    after = states(ws)
    assert after["Join Telegram"] == State.REVIEWED
    assert after["Read the 2,500 comments"] == State.NEEDS_REVIEW
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get("Join Telegram")
    assert msg is not None and msg.translator_comments[0].startswith("reviewed: Aigerim ")


def test_end_of_input_is_a_quit_that_keeps_decisions(ws: Workspace) -> None:
    result = run(ws, "-l", "kk", keys="c")
    assert result.exit_code == 0, result.output
    assert states(ws)["Join Telegram"] == State.UNTRANSLATED


def test_inline_edit_without_an_editor(ws: Workspace) -> None:
    result = run(ws, "-l", "kk", keys="e" + "Telegram арнасына жазылыңыз\n" + "q")
    assert result.exit_code == 0, result.output
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get("Join Telegram")
    assert msg is not None and msg.msgstr == "Telegram арнасына жазылыңыз" and not msg.fuzzy


def test_edit_in_the_editor(ws: Workspace, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[-1])\n"
        "p.write_text(p.read_text('utf-8').replace('қосылыңыз', 'жазылыңыз'), 'utf-8')\n"
    )
    result = run(ws, "-l", "kk", keys="eq", env={"EDITOR": f"{sys.executable} {editor}"})
    assert result.exit_code == 0, result.output
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get("Join Telegram")
    assert msg is not None and msg.msgstr == "Telegram-ға жазылыңыз"


def test_back_translation_unavailable_is_said_and_review_goes_on(tmp_path: Path) -> None:
    offline = review_workspace(
        tmp_path / "off", 'languages = ["ru", "en", "kk"]\n[review]\nreviewer = "Dana"\n'
    )
    result = run(offline, "-l", "kk", keys="baq")
    assert "back-translation is unavailable" in result.output
    assert states(offline)["Join Telegram"] == State.REVIEWED


def test_missing_reviewer_is_a_one_line_error(tmp_path: Path) -> None:
    bare = review_workspace(tmp_path / "bare", 'languages = ["ru", "en", "kk"]\n')
    result = run(bare, "-l", "kk", keys="a")
    assert result.exit_code == 2
    assert "--reviewer" in result.output


def test_nothing_to_review(ws: Workspace) -> None:
    result = run(ws, "-l", "ru")
    assert result.exit_code == 0 and "nothing awaits review in ru" in result.output


class TerminalOutput:
    """What the program wrote to the terminal; `wait_for` looks past what it already found."""

    def __init__(self, fd: int) -> None:
        self.fd, self.seen, self.pos = fd, b"", 0

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.seen[self.pos :]:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {needle!r} in time; got {self.seen[-400:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:  # the program closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"output ended before {needle!r}: {self.seen[-400:]!r}")
                self.seen += chunk
        self.pos = self.seen.index(needle, self.pos) + len(needle)


def _press(fd: int, key: bytes, timeout: float = 20.0) -> None:
    """Type a key once the program reads single keys: raw mode (no ICANON) on the terminal.

    Setting raw mode flushes pending input, so a key typed earlier would be lost.
    """
    deadline = time.monotonic() + timeout
    while termios.tcgetattr(fd)[3] & termios.ICANON:
        if time.monotonic() > deadline:
            raise AssertionError("the program never switched the terminal to raw mode")
        time.sleep(0.02)
    os.write(fd, key)


def test_review_in_a_pseudo_terminal(ws: Workspace) -> None:
    """Real single keypresses (no Enter) through a pty, as a reviewer types them."""
    exe = Path(sys.executable).parent / "l10n-news"
    if not exe.exists():
        pytest.skip("the l10n-news script is not installed beside this python")
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "EDITOR": "", "VISUAL": "", "TERM": "dumb"}
    proc = subprocess.Popen(
        [str(exe), "review", "-C", str(ws.root), "-l", "kk", "--reviewer", "Dana"],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        close_fds=True,
    )
    os.close(child_fd)
    try:
        out = TerminalOutput(main_fd)
        out.wait_for(b"[q]uit")
        _press(main_fd, b"a")
        out.wait_for(b"[2/3]")
        out.wait_for(b"[q]uit")
        _press(main_fd, b"q")
        out.wait_for(b"every decision is saved")
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main_fd)
    assert states(ws)["Join Telegram"] == State.REVIEWED
    assert states(ws)["Read the 2,500 comments"] == State.NEEDS_REVIEW
