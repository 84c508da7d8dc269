"""Hostile and unlucky input to publishing: one definition of unsafe, files from outside,
dangerous URLs, format strings in the ui catalog, a failing publish, stale pages, languages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n_news.catalogs.catalog import Message
from l10n_news.checks.run import check_message, check_workspace
from l10n_news.errors import ConfigError, PublishError
from l10n_news.publish import publish_workspace
from l10n_news.publish.safety import unsafe_message
from l10n_news.workspace import Workspace
from test_publish_site import PARAGRAPH, TRANSLATIONS, make_workspace, write_catalog

SOURCE = "The city library opened a new reading hall for children on Tuesday."
# (name, translation): each adds something its source (SOURCE) does not have.
HOSTILE = [
    ("script", "Зал открыт <script>alert(1)</script>."),
    ("svg-onload", "Зал открыт <svg/onload=alert(1)>."),
    ("attribute-breakout", 'Зал открыт" onmouseover="alert(1)'),
    ("escaped-script", "Зал открыт &lt;script&gt;alert(1)&lt;/script&gt;."),
    ("javascript-link", "Зал [открыт](javascript:alert(1))."),
    ("data-image", "Зал открыт ![x](data:image/svg+xml;base64,PHN2Zz4=)."),
    ("reference-definition", "Зал открыт [тут][x].\n\n[x]: https://evil.example"),
    ("reference-image", "Зал открыт ![p][y]."),
    ("heading", "Зал открыт.\n\n# Срочно"),
    ("list", "Зал открыт:\n- раз\n- два"),
    ("bidi-override", "Зал открыт \u202eалоз\u202c."),
    ("added-link", "Зал [открыт](https://evil.example)."),
    ("added-tag", "Зал <b>открыт</b>."),
]


@pytest.mark.parametrize(("name", "translation"), HOSTILE, ids=[n for n, _ in HOSTILE])
def test_check_and_publish_agree_on_what_is_unsafe(name: str, translation: str) -> None:
    msg = Message(msgid=SOURCE, msgstr=translation, lineno=7)
    findings = check_message(msg, source_lang="en", target_lang="ru")
    unsafe = [f for f in findings if f.check == "unsafe-markup"]
    assert unsafe and unsafe[0].severity == "error", name
    assert unsafe_message(msg) is not None, name
    # Fine translations pass both.
    fine = Message(msgid=SOURCE, msgstr="Во вторник городская библиотека открыла зал.")
    assert unsafe_message(fine) is None
    assert not [
        f
        for f in check_message(fine, source_lang="en", target_lang="ru")
        if f.check == "unsafe-markup"
    ]


def test_every_hostile_translation_is_held_back_and_reported_by_check(tmp_path: Path) -> None:
    """One article per hostile case: each ru variant is held back, `check` reports an
    `unsafe-markup` error in each catalog, and the other languages are published."""
    ws = make_workspace(tmp_path / "ws", langs=())
    text = ws.article_path("library-hall").read_text("utf-8")
    shutil.rmtree(ws.article_path("library-hall").parent)
    for name, translation in HOSTILE:
        folder = ws.root / "articles" / name
        folder.mkdir(parents=True)
        (folder / "article.md").write_text(text, "utf-8")
        write_catalog(ws, "ru", name, dict(TRANSLATIONS["ru"], **{PARAGRAPH: translation}))
        write_catalog(ws, "kk", name, TRANSLATIONS["kk"])
    report = publish_workspace(ws)
    assert sorted(report.languages["ru"].held) == sorted(n for n, _ in HOSTILE)
    assert len(report.languages["kk"].published) == len(HOSTILE)
    checked = {f.file for f in check_workspace(ws) if f.check == "unsafe-markup"}
    assert checked == {f"locales/ru/LC_MESSAGES/{n}.po" for n, _ in HOSTILE}
    assert not (ws.root / "site" / "ru").exists() or not any(
        (ws.root / "site" / "ru").glob("*/index.html")
    )


def test_symlinked_images_and_folders_are_refused_with_file_and_line(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0", "utf-8")
    folder = ws.article_path("library-hall").parent
    article = ws.article_path("library-hall")
    article.write_text(
        article.read_text("utf-8").replace(
            "tags: [library]\n", "tags: [library]\nimage: images/photo.png\n"
        ),
        "utf-8",
    )
    (folder / "images").mkdir()
    (folder / "images" / "photo.png").symlink_to(secret)
    report = publish_workspace(ws)
    held = report.languages["en"].held["library-hall"]
    assert held.startswith(
        "articles/library-hall/article.md:9: refused: the image images/photo.png is a symbolic link"
    )
    assert not list((ws.root / "site").rglob("photo.png"))
    # A linked folder is refused the same way.
    (folder / "images" / "photo.png").unlink()
    (folder / "images").rmdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "photo.png").write_bytes(b"\x89PNG")
    (folder / "images").symlink_to(outside)
    report = publish_workspace(ws)
    assert (
        "lies behind a symbolic link (articles/library-hall/images)"
        in report.languages["ru"].held["library-hall"]
    )
    assert not list((ws.root / "site").rglob("photo.png"))


def test_missing_body_image_is_an_error_and_present_ones_are_copied(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    article = ws.article_path("library-hall")
    article.write_text(article.read_text("utf-8") + "\n![The hall](images/hall.jpg)\n", "utf-8")
    report = publish_workspace(ws)
    line = article.read_text("utf-8").split("\n").index("![The hall](images/hall.jpg)") + 1
    assert report.languages["en"].held["library-hall"] == (
        f"articles/library-hall/article.md:{line}: the image images/hall.jpg does not exist"
    )
    (article.parent / "images").mkdir()
    (article.parent / "images" / "hall.jpg").write_bytes(b"\xff\xd8jpeg")
    report = publish_workspace(ws)
    assert report.languages["en"].published == ["library-hall"]
    assert (ws.root / "site/en/library-hall/images/hall.jpg").read_bytes() == b"\xff\xd8jpeg"


@pytest.mark.parametrize(
    "src",
    ["javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/x.png", "../../x.png"],
)
def test_image_addresses_must_be_http_or_inside_the_article(tmp_path: Path, src: str) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    article = ws.article_path("library-hall")
    article.write_text(
        article.read_text("utf-8").replace(
            "tags: [library]\n", f'tags: [library]\nimage: "{src}"\n'
        ),
        "utf-8",
    )
    report = publish_workspace(ws)
    assert (
        report.languages["en"]
        .held["library-hall"]
        .startswith("articles/library-hall/article.md:9: ")
    )
    assert not (ws.root / "site/en/library-hall").exists()


def test_body_links_to_scripts_are_not_links(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    article = ws.article_path("library-hall")
    original = article.read_text("utf-8")
    article.write_text(
        original + "\n[Click](javascript:alert(1)) or [here](https://ok.test/).\n", "utf-8"
    )
    publish_workspace(ws)
    page = (ws.root / "site/en/library-hall/index.html").read_text("utf-8")
    assert 'href="javascript' not in page and 'href="https://ok.test/"' in page
    # A picture from a data: address is refused with its line, like any address not http(s).
    article.write_text(original + "\n![x](data:image/png;base64,AA)\n", "utf-8")
    report = publish_workspace(ws)
    assert (
        "neither http(s) nor inside the article folder"
        in report.languages["en"].held["library-hall"]
    )
    assert not (ws.root / "site/en/library-hall").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('out_dir = "../x"', "out_dir must be a folder inside the workspace"),
        ('telegram_url = "javascript:alert(1)"', "telegram_url must be an http(s) address"),
        ('bug_report_url = "java\\tscript:alert(1)"', "bug_report_url must be an http(s)"),
    ],
)
def test_config_urls_and_out_dir_are_refused(tmp_path: Path, line: str, message: str) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    ws.config_path.write_text(ws.config_path.read_text("utf-8") + line + "\n", "utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        publish_workspace(Workspace.load(ws.root))
    assert not (tmp_path / "x").exists()


def test_out_on_the_command_line_may_be_anywhere(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    report = publish_workspace(ws, out=tmp_path / "elsewhere")
    assert (tmp_path / "elsewhere/kk/library-hall/index.html").is_file()
    assert report.out == (tmp_path / "elsewhere").resolve()


def _set_ru_ui(ws: Workspace, old: str, new: str) -> None:
    ui = ws.po_path("ru", "ui")
    ui.write_text(ui.read_text("utf-8").replace(old, new), "utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"Автор: %(author)s"', '"Автор: %(author)999999999s"'),
        ('"Главная"', '"Главная 100%"'),
        ('"Автор: %(author)s"', '"Автор: %(name)s"'),
        ('"Автор: %(author)s"', '"Автор: %(author)*s"'),
    ],
)
def test_ui_format_strings_are_checked_and_never_blow_up(
    tmp_path: Path, old: str, new: str
) -> None:
    ws = make_workspace(tmp_path / "ws")
    _set_ru_ui(ws, old, new)
    found = [f for f in check_workspace(ws) if f.check == "template-format"]
    assert found and found[0].file == "locales/ru/LC_MESSAGES/ui.po" and found[0].line
    report = publish_workspace(ws)
    held = report.languages["ru"].held["library-hall"]
    assert held.startswith("locales/ru/LC_MESSAGES/ui.po:")
    assert report.languages["kk"].published == ["library-hall"]
    assert not (ws.root / "site/ru/library-hall").exists()
    assert all(p.stat().st_size < 100_000 for p in (ws.root / "site").rglob("*.html"))


def test_cli_reports_a_bad_ui_format_without_a_traceback(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    _set_ru_ui(ws, '"Главная"', '"Главная 100%"')
    result = subprocess.run(
        [sys.executable, "-m", "l10n_news", "publish", "-C", str(ws.root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "held back library-hall: locales/ru/LC_MESSAGES/ui.po:" in result.stdout
    assert "[template-format]" in result.stdout


def test_a_broken_template_writes_nothing(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    publish_workspace(ws)
    site = ws.root / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # A change that re-renders every page, then a template that fails on the last one.
    write_catalog(ws, "kk", "library-hall", dict(TRANSLATIONS["kk"], **{PARAGRAPH: "Жаңа мәтін."}))
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "root.html").write_text("{{ page.nothing.here }}", "utf-8")
    with pytest.raises(PublishError, match="template error"):
        publish_workspace(ws)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_a_failing_disk_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n_news import fileio

    ws = make_workspace(tmp_path / "ws")
    real = fileio.StagedWrites.write
    calls = []

    def write(self, path, data):
        calls.append(path)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        return real(self, path, data)

    monkeypatch.setattr(fileio.StagedWrites, "write", write)
    with pytest.raises(OSError):
        publish_workspace(ws)
    site = ws.root / "site"
    assert not site.exists() or not [p for p in site.rglob("*") if p.is_file()]


def test_held_back_pages_leave_the_folder_whatever_the_record_says(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    publish_workspace(ws)
    assert (ws.root / "site/kk/library-hall/index.html").is_file()
    shutil.rmtree(ws.state_dir)  # the records are gone (or the workspace was copied)
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"], state="draft")
    report = publish_workspace(ws)
    assert "library-hall" in report.languages["kk"].held
    assert not (ws.root / "site/kk/library-hall").exists()
    assert not (ws.root / "site/kk/index.html").exists()
    # Another --out that holds an old copy of the site.
    other = tmp_path / "copy"
    shutil.copytree(tmp_path / "ws" / "site", other)
    (other / "kk" / "library-hall").mkdir(parents=True)
    (other / "kk" / "library-hall" / "index.html").write_text("stale", "utf-8")
    publish_workspace(ws, out=other)
    assert not (other / "kk" / "library-hall").exists()
    assert (other / "ru" / "library-hall" / "index.html").is_file()


@pytest.mark.parametrize("langs", [("ru", "kk"), ("kk",), ("en", "kk"), ("ru", "en")])
def test_any_subset_of_languages_publishes(tmp_path: Path, langs: tuple[str, ...]) -> None:
    """The article is written in the first language; the others are reviewed translations."""
    source = langs[0]
    table = {"en": {k: k for k in TRANSLATIONS["ru"]}, **TRANSLATIONS}
    root = tmp_path / "ws"
    make_workspace(root, langs=())
    config = root / "l10n-news.toml"
    config.write_text(
        config.read_text("utf-8").replace(
            'languages = ["ru", "en", "kk"]\nsource_language = "en"',
            f"languages = {json.dumps(list(langs))}\nsource_language = {json.dumps(source)}",
        ),
        "utf-8",
    )
    article = root / "articles" / "library-hall" / "article.md"
    text = article.read_text("utf-8").replace("lang: en", f"lang: {source}")
    for english, translated in sorted(table[source].items(), key=lambda kv: -len(kv[0])):
        text = text.replace(english, translated)
    article.write_text(text, "utf-8")
    ws = Workspace.load(root)
    for lang in langs[1:]:
        write_catalog(
            ws, lang, "library-hall", {table[source][k]: v for k, v in table[lang].items()}
        )
    report = publish_workspace(ws)
    for lang in langs:
        assert report.languages[lang].published == ["library-hall"], report.languages[lang].held
        assert (ws.root / "site" / lang / "library-hall" / "index.html").is_file()
    root_page = (ws.root / "site/index.html").read_text("utf-8")
    assert f'<html lang="{"en" if "en" in langs else langs[0]}">' in root_page


def test_publish_holds_the_workspace_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = make_workspace(tmp_path / "ws")
    held = []
    real_lock = Workspace.lock

    def lock(self, wait: float = 10.0):
        held.append(self.root)
        return real_lock(self, wait)

    monkeypatch.setattr(Workspace, "lock", lock)
    publish_workspace(ws)
    assert held == [ws.root]
    assert os.path.isdir(ws.state_dir)


def test_linked_templates_and_ui_catalogs_are_not_read(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    secret = tmp_path / "secret.po"
    secret.write_bytes(ws.po_path("kk", "ui").read_bytes())
    ws.po_path("kk", "ui").unlink()
    ws.po_path("kk", "ui").symlink_to(secret)
    report = publish_workspace(ws)
    assert report.languages["kk"].held["library-hall"] == (
        "locales/kk/LC_MESSAGES/ui.po: refused: is a symbolic link"
    )
    assert report.languages["ru"].published == ["library-hall"]
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "article.html").symlink_to(tmp_path / "secret.po")
    with pytest.raises(PublishError, match="refused: the template is a symbolic link"):
        publish_workspace(ws)


def test_a_linked_article_folder_is_refused(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    elsewhere = tmp_path / "elsewhere"
    shutil.move(ws.article_path("library-hall").parent, elsewhere)
    ws.article_path("library-hall").parent.symlink_to(elsewhere)
    report = publish_workspace(ws)
    assert report.languages["en"].held["library-hall"] == (
        "articles/library-hall/article.md: refused: lies behind a symbolic link "
        "(articles/library-hall)"
    )
    assert not (ws.root / "site/en/library-hall").exists()


def test_a_broken_ui_catalog_holds_back_its_language_only(sample_ws: Path) -> None:
    ui = sample_ws / "locales/kk/LC_MESSAGES/ui.po"
    before = ui.read_bytes() + b'\nmsgid "dangling\n'
    ui.write_bytes(before)
    report = publish_workspace(Workspace.load(sample_ws))
    assert report.languages["ru"].published and report.languages["en"].published
    assert not report.languages["kk"].published
    reasons = set(report.languages["kk"].held.values())
    assert len(reasons) == 1
    assert reasons.pop().startswith("locales/kk/LC_MESSAGES/ui.po:")
    assert ui.read_bytes() == before
