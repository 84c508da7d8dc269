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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n_news.catalogs.catalog import State
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace
from libre_server import FakeLibreServer, Faults, fake_translation
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


def libre_config(url: str) -> str:
    return (
        'languages = ["ru", "en", "kk"]\nsource_language = "en"\n'
        '[review]\nreviewer = "Dana"\nback_translation_engine = "libre"\n'
        f'[engines.libre]\nurl = "{url}"\nbackoff = 0.01\nretries = 1\n'
    )


def test_back_translation_through_libretranslate_keeps_every_decision(tmp_path: Path) -> None:
    """`b` asks the configured engine (a LibreTranslate on 127.0.0.1) for kk→en and shows it;
    decisions around it, and one after a failed back-translation, are all saved."""
    with FakeLibreServer(Faults(fail_after=1)) as server:
        ws = review_workspace(tmp_path / "libre", libre_config(server.url))
        # 1: back-translate, accept. 2: back-translate (the server now fails), clear. 3: quit.
        result = run(ws, "-l", "kk", keys="babcq")
    assert result.exit_code == 0, result.output
    assert "back-translation (libre):" in result.output
    assert f"  {fake_translation('Telegram-ға қосылыңыз', 'en')}" in result.output
    assert server.last_params["source"] == "kk" and server.last_params["target"] == "en"
    assert result.output.count("back-translation is unavailable") == 1
    assert "review: 1 accepted, 1 cleared; every decision is saved" in result.output
    after = states(ws)
    assert after["Join Telegram"] == State.REVIEWED
    assert after["Read the 2,500 comments"] == State.UNTRANSLATED
    assert after["%d film"] == State.DRAFT  # never reached: left as it was

    # A later session starts from what is left; each plural form is back-translated.
    with FakeLibreServer() as server:
        ws.config_path.write_text(libre_config(server.url), "utf-8")  # a new port
        result = run(ws, "-l", "kk", keys="bq")
    assert result.exit_code == 0, result.output
    assert "[1/1]" in result.output
    # The engine keeps the placeholder %d out of the engine's hands, so it comes back as is.
    assert "back-translation (libre):\n  [0] (en) %d ФИЛЬМ\n  [1] (en) %d ФИЛЬМ" in result.output
    assert "review: no decision; every decision is saved" in result.output


def test_missing_reviewer_is_a_one_line_error(tmp_path: Path) -> None:
    bare = review_workspace(tmp_path / "bare", 'languages = ["ru", "en", "kk"]\n')
    result = run(bare, "-l", "kk", keys="a")
    assert result.exit_code == 2
    assert "--reviewer" in result.output


def test_nothing_to_review(ws: Workspace) -> None:
    result = run(ws, "-l", "ru")
    assert result.exit_code == 0 and "nothing awaits review in ru" in result.output


def review_argv(ws: Workspace) -> list[str]:
    """`l10n-news review -l kk` as a real process (no reliance on an installed script)."""
    cmd = ["review", "-C", str(ws.root), "-l", "kk", "--reviewer", "Dana"]
    return [sys.executable, "-m", "l10n_news", *cmd]


def test_keys_piped_in_without_a_terminal(ws: Workspace) -> None:
    """A script pipes its keys in; the process has no terminal at all (its own session)."""
    done = subprocess.run(
        review_argv(ws),
        input="a\nc\n",  # the end of the input, at the third entry, is a quit
        capture_output=True,
        text=True,
        timeout=30,
        start_new_session=True,
        env={**os.environ, "EDITOR": "", "VISUAL": ""},
    )
    assert done.returncode == 0, done.stderr
    assert "review: 1 accepted, 1 cleared; every decision is saved" in done.stdout
    assert states(ws)["Join Telegram"] == State.REVIEWED
    assert states(ws)["%d film"] == State.DRAFT


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


@contextmanager
def review_in_a_terminal(ws: Workspace) -> Iterator[tuple[subprocess.Popen, int, TerminalOutput]]:
    """`l10n-news review -l kk` running on a pseudo-terminal: (process, terminal fd, output)."""
    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "EDITOR": "", "VISUAL": "", "TERM": "dumb"}
    proc = subprocess.Popen(
        review_argv(ws),
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        close_fds=True,
    )
    os.close(child_fd)
    try:
        yield proc, main_fd, TerminalOutput(main_fd)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(main_fd)


def test_review_in_a_pseudo_terminal(ws: Workspace) -> None:
    """Real single keypresses (no Enter) through a pty, as a reviewer types them."""
    with review_in_a_terminal(ws) as (proc, fd, out):
        out.wait_for(b"[q]uit")
        _press(fd, b"a")
        out.wait_for(b"[2/3]")
        out.wait_for(b"[q]uit")
        _press(fd, b"q")
        out.wait_for(b"every decision is saved")
        assert proc.wait(timeout=20) == 0
    assert states(ws)["Join Telegram"] == State.REVIEWED
    assert states(ws)["Read the 2,500 comments"] == State.NEEDS_REVIEW


def test_ctrl_c_in_a_terminal_quits_and_keeps_decisions(ws: Workspace) -> None:
    with review_in_a_terminal(ws) as (proc, fd, out):
        out.wait_for(b"[q]uit")
        _press(fd, b"c")
        out.wait_for(b"[2/3]")
        out.wait_for(b"[q]uit")
        _press(fd, b"\x03")  # raw mode: Ctrl-C arrives as a key, which click turns into ^C
        out.wait_for(b"review: 1 cleared; every decision is saved")
        assert proc.wait(timeout=20) == 0
    assert b"Aborted" not in out.seen
    assert states(ws)["Join Telegram"] == State.UNTRANSLATED


# --- two reviewers, two real processes ----------------------------------------------------


class PipedReview:
    """`l10n-news review -l kk` as a process whose keys we pipe in one at a time."""

    def __init__(self, ws: Workspace, reviewer: str) -> None:
        argv = [*review_argv(ws)[:-1], reviewer]
        env = {**os.environ, "EDITOR": "", "VISUAL": "", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        assert self.proc.stdout is not None
        self.out = TerminalOutput(self.proc.stdout.fileno())

    def press(self, keys: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(keys.encode())
        self.proc.stdin.flush()

    def finish(self) -> tuple[int, str]:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=30)
        assert self.proc.stdout is not None
        rest = self.proc.stdout.read()
        return code, (self.out.seen + rest).decode()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def reviewer_a(ws: Workspace) -> Iterator[PipedReview]:
    a = PipedReview(ws, "Aigerim")
    yield a
    a.kill()


def test_two_reviewer_processes_clear_does_not_erase_the_others_work(
    ws: Workspace, reviewer_a: PipedReview
) -> None:
    reviewer_a.out.wait_for(b"[1/3]")
    reviewer_a.out.wait_for(b"[q]uit")  # A is looking at the draft of "Join Telegram"
    b = subprocess.run(
        [*review_argv(ws)[:-1], "Bea"],
        input="eTelegram арнасына жазылыңыз\nq",
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "EDITOR": "", "VISUAL": ""},
    )
    assert b.returncode == 0 and "1 edited" in b.stdout, b.stdout + b.stderr
    reviewer_a.press("c")  # A clears the draft A was shown: refused, B's work stays
    reviewer_a.out.wait_for(b"changed by someone else")
    reviewer_a.out.wait_for(b"[2/3]")  # the key cost that entry only
    reviewer_a.press("s")
    code, output = reviewer_a.finish()
    assert code == 1, output
    assert "1 refused, 1 skipped" in output
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get("Join Telegram")
    assert msg is not None and msg.msgstr == "Telegram арнасына жазылыңыз"
    assert msg.state == State.REVIEWED
    assert [c.split()[:2] for c in msg.translator_comments] == [["reviewed:", "Bea"]]


def test_piped_keys_a_vanished_entry_costs_one_key(
    ws: Workspace, reviewer_a: PipedReview
) -> None:
    reviewer_a.out.wait_for(b"[q]uit")
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.remove(cat.get("Join Telegram"))  # as if the source changed and update ran
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    reviewer_a.press("aa")
    code, output = reviewer_a.finish()
    assert code == 1, output
    assert "no longer in the catalog" in output
    assert "1 refused, 1 accepted" in output
    assert states(ws)["Read the 2,500 comments"] == State.REVIEWED
    assert states(ws)["%d film"] == State.DRAFT  # the end of input quit before it


def test_piped_keys_a_changed_draft_is_shown_again_and_decided_on_its_new_text(
    ws: Workspace, reviewer_a: PipedReview
) -> None:
    reviewer_a.out.wait_for(b"[q]uit")
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.get("Join Telegram").msgstr = "Telegram-ға жазылыңыз"  # Poedit: still a fuzzy draft
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    reviewer_a.press("a")
    reviewer_a.out.wait_for(b"changed by someone else")
    reviewer_a.out.wait_for("Telegram-ға жазылыңыз".encode())  # the new state is shown
    reviewer_a.press("a")
    code, output = reviewer_a.finish()
    assert code == 1, output
    assert "1 refused, 1 accepted" in output
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get("Join Telegram")
    assert msg is not None and msg.msgstr == "Telegram-ға жазылыңыз"
    assert msg.state == State.REVIEWED


def test_an_entry_decided_elsewhere_before_it_is_shown_is_passed_over(
    ws: Workspace, reviewer_a: PipedReview
) -> None:
    reviewer_a.out.wait_for(b"[q]uit")  # A is on entry 1 of 3
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    msg = cat.get("Read the 2,500 comments")
    msg.fuzzy = False  # B (in Poedit) accepts entry 2
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    reviewer_a.press("s")  # entry 1; entry 2 is not shown and takes no key
    reviewer_a.out.wait_for(b"now reviewed; skipped")
    reviewer_a.out.wait_for(b"[3/3]")
    reviewer_a.press("c")
    code, output = reviewer_a.finish()
    assert code == 0, output
    assert "1 skipped, 1 decided elsewhere, 1 cleared" in output
    assert states(ws)["Read the 2,500 comments"] == State.REVIEWED
    assert states(ws)["%d film"] == State.UNTRANSLATED
