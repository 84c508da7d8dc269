from __future__ import annotations

import os
import time
from pathlib import Path

from l10n_news.publish import publish_workspace
from l10n_news.publish.gate import Counts, Judge, judge
from l10n_news.publish.settings import load_settings
from l10n_news.workspace import Workspace
from test_publish_site import TRANSLATIONS, make_workspace, write_catalog


def _judge(ws: Workspace, article: Counts | None, ui: Counts | None, **kw: object):
    options = {"is_source": False, "threshold": 100, "allow_drafts": False} | kw
    return judge(ws, "s", "kk", article_counts=article, ui_counts=ui, **options)  # type: ignore[arg-type]


def test_judge_counts_and_reasons(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    assert _judge(ws, Counts(reviewed=5), Counts(reviewed=3)).passed
    held = _judge(ws, Counts(reviewed=3, draft=2), Counts(reviewed=3))
    assert not held.passed
    assert held.reason == "article: 3/5 reviewed (2 machine drafts), below the 100% threshold"
    assert _judge(ws, Counts(reviewed=9, draft=1), Counts(reviewed=3), threshold=90).passed
    assert _judge(ws, Counts(reviewed=9, draft=1), Counts(reviewed=3), threshold=90).draft
    missing = _judge(ws, None, Counts(reviewed=3))
    assert missing.reason == "no catalog locales/kk/LC_MESSAGES/s.po"
    ui = _judge(ws, Counts(reviewed=5), Counts(reviewed=2, untranslated=1))
    assert ui.reason == "ui: 2/3 reviewed (1 untranslated)"


def test_untranslated_is_never_published_even_with_drafts(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=("ru",))
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"], state="untranslated")
    report = publish_workspace(ws, allow_drafts=True)
    assert (
        report.languages["kk"]
        .held["library-hall"]
        .startswith("article: 0/8 reviewed (8 untranslated)")
    )
    assert not (ws.root / "site/kk/library-hall").exists()


def test_drafts_are_held_back_unless_allowed_then_marked(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=("ru",))
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"], state="draft")
    report = publish_workspace(ws)
    assert "library-hall" in report.languages["kk"].held
    report = publish_workspace(ws, allow_drafts=True)
    assert report.languages["kk"].drafts == ["library-hall"]
    page = (ws.root / "site/kk/library-hall/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "Бұл бет машиналық аудармамен аударылған және әлі тексерілмеген." in page
    reviewed = (ws.root / "site/ru/library-hall/index.html").read_text("utf-8")
    assert "noindex" not in reviewed
    # hreflang, x-default and the sitemap name only what is published as reviewed.
    assert (
        '<link rel="alternate" hreflang="kk"' not in reviewed
        and '<link rel="alternate" hreflang="ru"' in reviewed
    )
    assert 'content="kk_KZ"' not in reviewed
    assert 'hreflang="x-default" href="https://news.test/en/library-hall/"' in reviewed
    assert '<link rel="alternate" hreflang="kk"' in page  # the draft names itself
    sitemap = (ws.root / "site/sitemap.xml").read_text("utf-8")
    assert "/kk/library-hall/" not in sitemap and 'hreflang="kk"' not in sitemap


def test_the_theme_ships_its_ui_translations_and_the_workspace_overrides_them(
    tmp_path: Path,
) -> None:
    ws = make_workspace(tmp_path / "ws")
    ws.po_path("kk", "ui").unlink()  # a new workspace: nobody has translated the theme
    ui = ws.po_path("ru", "ui")
    ui.write_text(ui.read_text("utf-8").replace('"Реклама"', '"Объявления"'), "utf-8")
    report = publish_workspace(ws)
    for lang in ("en", "ru", "kk"):
        assert report.languages[lang].published == ["library-hall"]
    assert "Жарнама" in (ws.root / "site/kk/library-hall/index.html").read_text("utf-8")
    ru_page = (ws.root / "site/ru/library-hall/index.html").read_text("utf-8")
    assert "Объявления" in ru_page and "Реклама" not in ru_page
    # An entry the workspace leaves empty (as `update` makes it) keeps the theme's text.
    ui.write_text(ui.read_text("utf-8").replace('"Объявления"', '""'), "utf-8")
    publish_workspace(ws)
    assert "Реклама" in (ws.root / "site/ru/library-hall/index.html").read_text("utf-8")


def test_draft_ui_strings_reach_the_front_page_as_a_draft(tmp_path: Path) -> None:
    # With --allow-drafts, a machine-drafted ui string is shown on the language's front page
    # too (not the English msgid, which the leak check would rightly hold back), and that page
    # carries the notice and noindex; drafts stay out of the sitemap.
    ws = make_workspace(tmp_path / "ws")
    ui = ws.po_path("kk", "ui")
    text = ui.read_text("utf-8")
    at = text.index('msgid "Latest news"')
    ui.write_text(text[:at] + "#, fuzzy\n" + text[at:], "utf-8")
    report = publish_workspace(ws, allow_drafts=True)
    assert not report.leaks
    assert report.languages["kk"].drafts == ["library-hall"]
    front = (ws.root / "site/kk/index.html").read_text("utf-8")
    assert "<h1>Соңғы жаңалықтар</h1>" in front and 'content="noindex"' in front
    assert "noindex" not in (ws.root / "site/ru/index.html").read_text("utf-8")
    assert 'href="kk/"' in (ws.root / "site/index.html").read_text("utf-8")
    sitemap = (ws.root / "site/sitemap.xml").read_text("utf-8")
    assert "/ru/library-hall/" in sitemap and "/kk/" not in sitemap


def test_publish_reuses_the_findings_check_kept(tmp_path: Path, monkeypatch) -> None:
    from l10n_news.checks import run as checks_run

    ws = make_workspace(tmp_path / "ws")
    settle(ws)  # files written just now are "racy": their records would not be trusted
    checks_run.check_workspace(ws, use_cache=True)
    calls: list[str] = []
    real = checks_run.check_catalog

    def counting(*args, **kwargs):
        calls.append(f"{args[1]}/{args[2]}")
        return real(*args, **kwargs)

    monkeypatch.setattr(checks_run, "check_catalog", counting)
    report = publish_workspace(ws)
    assert report.languages["kk"].published == ["library-hall"]
    assert calls == []  # every catalog's findings came from check's record
    # And what publish finds, check finds again without reading a catalog.
    ru = ws.po_path("ru", "library-hall")
    ru.write_text(ru.read_text("utf-8").replace("Книги", "Книжки"), "utf-8")
    settle(ws, ru)
    publish_workspace(ws)
    assert calls == ["ru/library-hall", "kk/library-hall"]  # the ru catalog and its sibling
    # publish ran the error checks alone: check, which reports warnings too, runs them all ...
    checks_run.check_workspace(ws, use_cache=True)
    assert calls[2:] == ["kk/library-hall", "ru/library-hall"]
    # ... and keeps them, for itself and for publish (whose record of the variants still holds).
    checks_run.check_workspace(ws, use_cache=True)
    gate = Judge(ws, load_settings(ws))
    keys = [(m.msgctxt, m.msgid) for m in ws.read_catalog(ru)]
    assert gate.errors("ru", "library-hall", keys, ws.read_catalog) == []
    assert len(calls) == 4


def settle(ws: Workspace, *paths: Path) -> None:
    past = time.time() - 60
    for path in paths or ws.root.rglob("*"):
        os.utime(path, (past, past))
