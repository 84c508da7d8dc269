"""The translate stage end to end: a temp workspace, the fake LibreTranslate, real catalogs."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections import deque
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import require_tool
from l10n_news.catalogs.catalog import State
from l10n_news.cli.main import cli
from l10n_news.translate import translate_workspace
from l10n_news.workspace import Workspace
from libre_server import FakeLibreServer, Faults

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {lang}\\n"
"Plural-Forms: {plurals}\\n"
"X-Source-Language: en\\n"
"""
PLURALS = {
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && "
    "n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
NEW_TEXTS = [f"Festival news item {word}" for word in "abcdefghijkl"]

NEWS_PO = """
# reviewed: Aigerim 2026-11-20
msgid "Home"
msgstr "{home}"

#, fuzzy
#| msgid "Old title"
msgid "New title"
msgstr "{fuzzy}"

msgid "Sign in"
msgstr ""

#, python-format
msgid "Hello, %(name)s!"
msgstr ""

msgid "%(n)s film"
msgid_plural "%(n)s films"
msgstr[0] ""
msgstr[1] ""
{ru_third}
"""
UI_PO = """
msgid "Sign in"
msgstr "{sign_in}"
"""
HOME = {"kk": "Басты бет", "ru": "Главная"}
SIGN_IN = {"kk": "Кіру", "ru": "Войти"}


def _po(lang: str, body: str) -> str:
    return HEADER.format(lang=lang, plurals=PLURALS[lang]) + body


def make_workspace(
    root: Path,
    url: str,
    *,
    chain: str = '"memory", "libre"',
    extra: str = "",
    libre_extra: str = "",
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "l10n-news.toml").write_text(
        'languages = ["en", "ru", "kk"]\nsource_language = "en"\n'
        f"[translate]\nengines = [{chain}]\nsave_every = 0.05\n{extra}\n"
        f'[engines.libre]\nurl = "{url}"\nbackoff = 0.01\nconcurrency = 2\n{libre_extra}\n',
        "utf-8",
    )
    locales = root / "locales"
    locales.mkdir(exist_ok=True)
    items = "".join(f'\nmsgid "{t}"\nmsgstr ""\n' for t in NEW_TEXTS)
    for domain in ("news", "ui"):
        (locales / f"{domain}.pot").write_text(HEADER.format(lang="", plurals="") + "\n", "utf-8")
    for lang in ("kk", "ru"):
        folder = locales / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        body = NEWS_PO.format(
            home=HOME[lang],
            fuzzy="Жаңа" if lang == "kk" else "Новый",
            ru_third='msgstr[2] ""' if lang == "ru" else "",
        )
        (folder / "news.po").write_text(_po(lang, body + items), "utf-8")
        (folder / "ui.po").write_text(_po(lang, UI_PO.format(sign_in=SIGN_IN[lang])), "utf-8")
    return root


def catalog(root: Path, lang: str, domain: str = "news"):
    ws = Workspace.load(root)
    return ws.read_catalog(ws.po_path(lang, domain))


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/"


def test_drafts_are_fuzzy_with_provenance_and_reviewed_entries_untouched(tmp_path: Path) -> None:
    with FakeLibreServer() as server:
        root = make_workspace(tmp_path / "ws", server.url)
        before = (root / "locales/kk/LC_MESSAGES/ui.po").read_bytes()
        report = translate_workspace(Workspace.load(root))
    assert report.ok, report.as_dict()
    kk = catalog(root, "kk")
    home, title = kk.get("Home"), kk.get("New title")
    assert home is not None and home.state is State.REVIEWED and home.msgstr == "Басты бет"
    assert title is not None and title.state is State.NEEDS_REVIEW and title.msgstr == "Жаңа"
    hello = kk.get("Hello, %(name)s!")
    assert hello is not None and hello.state is State.DRAFT
    assert hello.msgstr == "(kk) hELLO, %(name)s!"
    assert any(c.startswith("mt: libre en→kk ") for c in hello.translator_comments)
    sign_in = kk.get("Sign in")
    assert sign_in is not None and sign_in.msgstr == "Кіру" and sign_in.state is State.DRAFT
    assert any(c.startswith("mt: memory en→kk") for c in sign_in.translator_comments)
    plural = catalog(root, "ru").get("%(n)s film")
    assert plural is not None and plural.msgstr_plural == [
        "(ru) %(n)s FILM",
        "(ru) %(n)s FILMS",
        "(ru) %(n)s FILMS",
    ]
    assert (root / "locales/kk/LC_MESSAGES/ui.po").read_bytes() == before
    counts = report.languages["kk"]
    assert (counts.memory, counts.sent, counts.failed) == (1, 14, 0)
    # 15 unique protected texts per language, batched for 2 workers: 2 requests of 8 and 7.
    assert server.requests == report.requests == 2 * 2
    assert sum(server.texts.values()) == 2 * 15


def test_written_catalogs_pass_msgfmt(tmp_path: Path) -> None:
    msgfmt = require_tool("msgfmt")
    with FakeLibreServer() as server:
        root = make_workspace(tmp_path / "ws", server.url)
        translate_workspace(Workspace.load(root))
    for lang in ("kk", "ru"):
        po = root / f"locales/{lang}/LC_MESSAGES/news.po"
        subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(po)], check=True)


def test_a_rerun_sends_nothing(tmp_path: Path) -> None:
    with FakeLibreServer() as server:
        root = make_workspace(tmp_path / "ws", server.url)
        translate_workspace(Workspace.load(root))
        first = server.requests
        again = translate_workspace(Workspace.load(root))
        assert server.requests == first and again.requests == 0
        # Even with the drafts thrown away, the cache answers everything.
        make_workspace(root, server.url)
        third = translate_workspace(Workspace.load(root))
        assert server.requests == first
        assert third.languages["kk"].cached == 14 and third.languages["kk"].sent == 0


def test_429_and_500_are_retried(tmp_path: Path) -> None:
    with FakeLibreServer(Faults(next_statuses=deque([429, 500, 429, 503]))) as server:
        root = make_workspace(tmp_path / "ws", server.url)
        report = translate_workspace(Workspace.load(root), langs=["kk"])
        assert report.ok and report.languages["kk"].sent == 14
        assert server.requests == 2 + 4  # two batches for two workers, four faults


def test_a_failure_mid_run_keeps_finished_drafts_and_a_rerun_picks_up(tmp_path: Path) -> None:
    faults = Faults(fail_after=5)
    with FakeLibreServer(faults) as server:
        # One text per request, so that the fifth answer falls in the middle of the run.
        root = make_workspace(tmp_path / "ws", server.url, libre_extra="batch_limit = 1")
        report = translate_workspace(Workspace.load(root), langs=["kk"])
        assert not report.ok
        kk = catalog(root, "kk")  # still a valid catalog
        drafts = [m for m in kk if m.state is State.DRAFT]
        counts = report.languages["kk"]
        # The memory match, and the entries whose texts were among the five answered.
        assert len(drafts) == 1 + counts.sent and counts.sent >= 4
        assert counts.sent + counts.failed == 14
        assert report.problems and "HTTP 500" in report.problems[0].reason
        faults.fail_after = None
        sent_before = server.requests
        rerun = translate_workspace(Workspace.load(root), langs=["kk"])
        assert rerun.ok and rerun.languages["kk"].sent == counts.failed
        assert server.requests - sent_before == 15 - 5  # only what was not answered


def test_ctrl_c_mid_run_leaves_valid_catalogs_with_finished_drafts(tmp_path: Path) -> None:
    with FakeLibreServer(Faults(latency=0.01)) as server:
        root = make_workspace(tmp_path / "ws", server.url)

        on_disk: list[int] = []

        def progress(done: int, total: int) -> None:
            if done == 3:
                time.sleep(0.1)  # longer than save_every: the next result triggers a save
            if done == 4:
                # Saved as it goes, before any finally: what a kill -9 would leave.
                on_disk.append(sum(m.state is State.DRAFT for m in catalog(root, "kk")))
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            translate_workspace(Workspace.load(root), langs=["kk"], progress=progress)
        assert on_disk[0] >= 3
        drafts = [m for m in catalog(root, "kk") if m.state is State.DRAFT]
        assert len(drafts) >= 4
        rerun = translate_workspace(Workspace.load(root), langs=["kk"])
        assert rerun.ok
        assert all(m.state is not State.UNTRANSLATED for m in catalog(root, "kk"))


def test_offline_the_memory_still_applies_and_the_report_says_so(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", closed_port_url())
    report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert not report.ok
    assert "libre" in report.unreachable and "out of reach" in report.unreachable["libre"]
    assert report.languages["kk"].memory == 1
    assert catalog(root, "kk").get("Sign in").state is State.DRAFT  # type: ignore[union-attr]
    assert report.requests <= 2  # the first failure stops the rest


def test_trust_memory_makes_exact_matches_reviewed(tmp_path: Path) -> None:
    root = make_workspace(
        tmp_path / "ws", closed_port_url(), chain='"memory"', extra="trust_memory = true"
    )
    report = translate_workspace(Workspace.load(root), langs=["kk"])
    sign_in = catalog(root, "kk").get("Sign in")
    assert sign_in is not None and sign_in.state is State.REVIEWED
    assert report.ok and report.languages["kk"].no_match == 14


def test_engine_option_uses_one_engine_only(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", closed_port_url())
    report = translate_workspace(Workspace.load(root), engine="pseudo", langs=["ru"])
    assert report.ok and report.engines == ["pseudo"]
    assert report.languages["ru"].local == 15
    hello = catalog(root, "ru").get("Hello, %(name)s!")
    assert hello is not None and "%(name)s" in hello.msgstr and hello.state is State.DRAFT


def test_cli_prints_a_summary_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    with FakeLibreServer() as server:
        root = make_workspace(tmp_path / "ws", server.url)
        result = runner.invoke(cli, ["translate", "-C", str(root), "-l", "kk"])
        assert result.exit_code == 0, result.output
        assert "kk: 14 sent, 0 from cache, 1 from memory" in result.output
        assert "2 requests for 15 distinct texts (0.13 a text)" in result.output  # a plural: 2
        make_workspace(root, server.url)
        result = runner.invoke(cli, ["translate", "-C", str(root), "--json", "--domain", "news"])
        data = json.loads(result.output)
        assert data["ok"] and data["languages"]["kk"]["cached"] == 14


def test_cli_exits_non_zero_and_says_what_failed(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", closed_port_url())
    result = CliRunner().invoke(cli, ["translate", "-C", str(root), "-l", "kk"])
    assert result.exit_code == 1
    assert "engine libre is out of reach" in result.output


def test_kill_of_a_real_process_saves_finished_drafts(tmp_path: Path) -> None:
    """SIGTERM to `l10n-news translate` mid-run: exit 130, valid catalogs, drafts kept."""
    import signal
    import sys

    with FakeLibreServer(Faults(latency=0.3)) as server:
        root = make_workspace(tmp_path / "ws", server.url, libre_extra="batch_limit = 1")
        proc = subprocess.Popen(
            [sys.executable, "-m", "l10n_news", "translate", "-C", str(root), "-l", "kk"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while server.requests < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert "interrupted; finished work is saved" in err
        kk = catalog(root, "kk")  # parses: the file is valid
        drafts = [m for m in kk if m.state is State.DRAFT]
        assert 2 <= len(drafts) < 15
        assert not list((root / "locales").rglob("*.tmp"))
