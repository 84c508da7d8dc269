"""`weblate sync` against a real Weblate server (PostgreSQL + Weblate on loopback).

The sample workspace is pushed to a bare git repository as an editor would push it; sync
makes the project; a translator works through Weblate's REST API; sync brings the work back;
publish shows it, or holds the variant back where Weblate says the string needs editing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import require
from weblate_server import WeblateServer, find_postgres, find_weblate

pytestmark = pytest.mark.slow

STEPPE = "steppe-shorts-festival-opens"
ASTANA = "astana-children-film-week"


@pytest.fixture(scope="module")
def server() -> Iterator[WeblateServer]:
    weblate, pg_bin = find_weblate(), find_postgres()
    require(
        weblate is not None and pg_bin is not None,
        "Weblate (see tests/weblate/constraints.txt) or PostgreSQL is not installed",
        ".ci/run must install them",
    )
    assert weblate is not None and pg_bin is not None
    root = Path(tempfile.mkdtemp(prefix="l10n-weblate-"))
    root.chmod(0o755)  # PostgreSQL runs as its own user and must reach its folder
    instance = WeblateServer(weblate, pg_bin, root)
    try:
        instance.start()
        yield instance
    finally:
        instance.stop()
        shutil.rmtree(root, ignore_errors=True)


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.kz",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.kz"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


def _newsroom(server: WeblateServer, sample_ws: Path, project: str) -> Path:
    """The sample workspace as a git checkout pushed to a bare repository Weblate can clone."""
    bare = server.root / f"{project}.git"
    _git(server.root, "init", "-q", "--bare", "-b", "main", str(bare))
    with (sample_ws / "l10n-news.toml").open("a", encoding="utf-8") as config:
        config.write(
            "\n[weblate]\n"
            f'url = "{server.url}/"\n'
            f'project = "{project}"\n'
            f'project_name = "Newsroom {project}"\n'
            f'repo = "file://{bare}"\n'
            'website = "https://news.example.kz/"\n'
        )
    _git(sample_ws, "init", "-q", "-b", "main")
    _git(sample_ws, "add", "-A")
    _git(sample_ws, "commit", "-q", "-m", "The newsroom's workspace")
    _git(sample_ws, "push", "-q", str(bare), "main")
    return bare


def _cli(ws: Path, token: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WEBLATE_API_KEY": token, "NO_PROXY": "127.0.0.1"}
    return subprocess.run(
        [sys.executable, "-m", "l10n_news", "-C", str(ws), *args],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )


def _unit(server: WeblateServer, project: str, component: str, lang: str, msgid: str) -> dict:
    assert server.admin is not None
    units = server.api(
        server.admin, "GET", f"translations/{project}/{component}/{lang}/units/",
        params={"page_size": 1000},
    ).json()["results"]
    return next(u for u in units if u["source"][0] == msgid)


def _translate(server: WeblateServer, unit: dict, text: str, state: int) -> None:
    assert server.translator is not None
    server.api(server.translator, "PATCH", f"units/{unit['id']}/",
               json={"target": [text], "state": state})


def _entry(po: Path, msgid: str, msgctxt: str | None = None):
    from l10n_news.catalogs.pofile import read_po

    msg = read_po(po).get(msgid, msgctxt)
    assert msg is not None
    return msg


def test_round_trip_through_weblate(server: WeblateServer, sample_ws: Path) -> None:
    assert server.admin is not None
    project = "newsroom"
    bare = _newsroom(server, sample_ws, project)
    before = {p: p.read_bytes() for p in (sample_ws / "locales").rglob("*.po")}

    began = time.monotonic()
    first = _cli(sample_ws, server.admin.token, "weblate", "sync", "--json")
    first_seconds = time.monotonic() - began
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert sorted(report["created"]) == sorted(["ui", STEPPE, ASTANA, "shymkent-open-air-cinema"])
    assert report["conflicts"] == [] and report["problems"] == []
    # The first sync of a reviewed workspace changes no catalog.
    assert {p: p.read_bytes() for p in before} == before

    # Each domain is a component with its own source language and our file layout.
    astana = server.api(server.admin, "GET", f"components/{project}/{ASTANA}/").json()
    assert astana["source_language"]["code"] == "kk"  # the article is written in Kazakh
    assert astana["filemask"] == f"locales/*/LC_MESSAGES/{ASTANA}.po"
    languages = {
        t["language_code"]: t["filename"]
        for t in server.api(server.admin, "GET", f"components/{project}/{ASTANA}/translations/")
        .json()["results"]
    }
    assert languages["en"] == f"locales/en/LC_MESSAGES/{ASTANA}.po"  # a translation, not source
    assert languages["ru"] == f"locales/ru/LC_MESSAGES/{ASTANA}.po"
    assert languages["kk"] != f"locales/kk/LC_MESSAGES/{ASTANA}.po"  # Weblate's own source

    # A translator saves one string and leaves another as needing editing.
    culture = _unit(server, project, STEPPE, "kk", "Culture")
    _translate(server, culture, "Мәдениет және өнер", 20)
    astana_title = _unit(server, project, ASTANA, "en", _entry(
        sample_ws / f"locales/en/LC_MESSAGES/{ASTANA}.po", _first_msgid(sample_ws, "en", ASTANA)
    ).msgid)
    _translate(server, astana_title, astana_title["target"][0] + " (draft)", 10)

    began = time.monotonic()
    second = _cli(sample_ws, server.admin.token, "weblate", "sync", "--json")
    round_trip = time.monotonic() - began
    assert second.returncode == 0, second.stderr
    print(f"\nWeblate set-up {server.timings}, first sync {first_seconds:.1f} s, "
          f"round trip {round_trip:.1f} s")

    kk = _entry(sample_ws / f"locales/kk/LC_MESSAGES/{STEPPE}.po", "Culture", "section")
    assert kk.msgstr == "Мәдениет және өнер"
    assert not kk.fuzzy
    assert any(c.startswith("reviewed: Dana Seitova ") for c in kk.translator_comments)
    en = _entry(sample_ws / f"locales/en/LC_MESSAGES/{ASTANA}.po", astana_title["source"][0])
    assert en.fuzzy and en.msgstr.endswith(" (draft)")

    # Weblate committed the translator's work and pushed it to its own branch.
    log = _git(bare, "log", "--format=%an %s", "weblate")
    assert "Translated using Weblate" in log
    assert "Translated using Weblate" not in _git(bare, "log", "--format=%s", "main")

    published = _cli(sample_ws, server.admin.token, "publish")
    assert published.returncode in (0, 1), published.stderr
    steppe_kk = sample_ws / "site" / "kk" / STEPPE / "index.html"
    assert "Мәдениет және өнер" in steppe_kk.read_text("utf-8")
    assert not (sample_ws / "site" / "en" / ASTANA / "index.html").exists()


def _first_msgid(ws: Path, lang: str, domain: str) -> str:
    from l10n_news.catalogs.pofile import read_po

    return next(iter(read_po(ws / f"locales/{lang}/LC_MESSAGES/{domain}.po"))).msgid


def test_conflicts_checks_and_comments(server: WeblateServer, sample_ws: Path) -> None:
    assert server.admin is not None
    project = "desk"
    _newsroom(server, sample_ws, project)
    assert _cli(sample_ws, server.admin.token, "weblate", "sync").returncode == 0
    po = sample_ws / f"locales/kk/LC_MESSAGES/{STEPPE}.po"

    # Both sides change one entry: ours stands, the conflict is named with file:line.
    text = po.read_text("utf-8").replace('msgstr "Мәдениет"', 'msgstr "Мәдени өмір"')
    po.write_text(text, "utf-8")
    _translate(server, _unit(server, project, STEPPE, "kk", "Culture"), "Өнер", 20)
    # The translator's text fails a Weblate check (a trailing full stop the source lacks).
    cinema = _unit(server, project, STEPPE, "kk", "Cinema, Music")
    _translate(server, cinema, "Кино және музыка.", 20)

    done = _cli(sample_ws, server.admin.token, "weblate", "sync")
    assert done.returncode == 1
    line = _entry(po, "Culture", "section").lineno
    assert f"locales/kk/LC_MESSAGES/{STEPPE}.po:{line}: changed here and in Weblate" in done.stdout
    assert _entry(po, "Culture", "section").msgstr == "Мәдени өмір"
    flagged = _entry(po, "Cinema, Music", "section")
    assert flagged.fuzzy and flagged.msgstr == "Кино және музыка."
    assert any("failing checks in Weblate" in c for c in flagged.translator_comments)

    # Our check errors reach the translator as a comment on the unit.
    ru = sample_ws / f"locales/ru/LC_MESSAGES/{STEPPE}.po"
    ru_text = ru.read_text("utf-8")
    assert "программе 48 " in ru_text
    ru.write_text(ru_text.replace("программе 48 ", "программе 84 ", 1), "utf-8")
    again = _cli(sample_ws, server.admin.token, "weblate", "sync", "--json")
    assert json.loads(again.stdout)["comments"] >= 1
    units = server.api(
        server.admin, "GET", f"translations/{project}/{STEPPE}/ru/units/",
        params={"q": "has:comment"},
    ).json()["results"]
    title = "Steppe Shorts festival opens in Almaty with 48 films from Central Asia"
    assert [u["source"][0] for u in units] == [title]
    # Posted once: a further sync posts nothing new.
    third = _cli(sample_ws, server.admin.token, "weblate", "sync", "--json")
    assert json.loads(third.stdout)["comments"] == 0


def test_review_projects_and_removed_articles(server: WeblateServer, sample_ws: Path) -> None:
    assert server.admin is not None
    project = "review-desk"
    _newsroom(server, sample_ws, project)
    assert _cli(sample_ws, server.admin.token, "weblate", "sync").returncode == 0
    server.api(server.admin, "PATCH", f"projects/{project}/", json={"translation_review": True})
    po = sample_ws / f"locales/kk/LC_MESSAGES/{STEPPE}.po"

    # Saved but not approved: it comes back needing review; approved: reviewed, by the approver.
    culture = _unit(server, project, STEPPE, "kk", "Culture")
    _translate(server, culture, "Мәдениет және өнер", 20)
    assert _cli(sample_ws, server.admin.token, "weblate", "sync").returncode == 0
    waiting = _entry(po, "Culture", "section")
    assert waiting.fuzzy and any("awaiting approval" in c for c in waiting.translator_comments)
    server.api(server.admin, "PATCH", f"units/{culture['id']}/",
               json={"target": ["Мәдениет және өнер"], "state": 30})
    assert _cli(sample_ws, server.admin.token, "weblate", "sync").returncode == 0
    approved = _entry(po, "Culture", "section")
    assert not approved.fuzzy
    assert any(c.startswith("reviewed: Site Admin ") for c in approved.translator_comments)

    # An article removed here is reported, and deleted in Weblate only with --prune.
    (sample_ws / "locales" / "shymkent-open-air-cinema.pot").unlink()
    kept = json.loads(_cli(sample_ws, server.admin.token, "weblate", "sync", "--json").stdout)
    assert kept["removed"] == ["shymkent-open-air-cinema"] and kept["pruned"] == []
    assert server.api(server.admin, "GET", f"components/{project}/shymkent-open-air-cinema/")
    pruned = _cli(sample_ws, server.admin.token, "weblate", "sync", "--prune", "--json")
    assert json.loads(pruned.stdout)["pruned"] == ["shymkent-open-air-cinema"]
    listed = server.api(server.admin, "GET", f"projects/{project}/components/").json()["results"]
    assert "shymkent-open-air-cinema" not in {c["slug"] for c in listed}
