"""Publishing a small workspace end to end: pages, alternates, sitemap, reruns, removals."""

from __future__ import annotations

import shutil
from pathlib import Path

import html5lib
import pytest

from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.languages import get_language
from l10n_news.publish import publish_workspace
from l10n_news.sources import load_article, segment_article
from l10n_news.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """\
---
title: City library opens a reading hall for children
lang: en
date: 2013-02-19T19:05:00+06:00
section: [Culture, Books]
author: Dana Sapar
summary: The new hall holds two thousand books.
tags: [library]
---
The city library opened a new reading hall for children on Tuesday.

Entry is **free** for every reader.
"""

TITLE = "City library opens a reading hall for children"
PARAGRAPH = "The city library opened a new reading hall for children on Tuesday."
TRANSLATIONS = {
    "ru": {
        TITLE: "Городская библиотека открыла детский читальный зал",
        "The new hall holds two thousand books.": "В новом зале две тысячи книг.",
        "Culture": "Культура",
        "Books": "Книги",
        "library": "библиотека",
        "Dana Sapar": "Дана Сапар",
        PARAGRAPH: "Во вторник городская библиотека открыла новый читальный зал для детей.",
        "Entry is **free** for every reader.": "Вход **бесплатный** для всех читателей.",
    },
    "kk": {
        TITLE: "Қалалық кітапханада балаларға арналған оқу залы ашылды",
        "The new hall holds two thousand books.": "Жаңа залда екі мың кітап бар.",
        "Culture": "Мәдениет",
        "Books": "Кітаптар",
        "library": "кітапхана",
        "Dana Sapar": "Дана Сапар",
        PARAGRAPH: "Сейсенбі күні қалалық кітапханада балаларға арналған жаңа оқу залы ашылды.",
        "Entry is **free** for every reader.": "Кіру барлық оқырманға **тегін**.",
    },
}


def write_catalog(
    ws: Workspace, lang: str, slug: str, table: dict[str, str], state: str = "reviewed"
) -> Path:
    """The catalog of `slug` in `lang`, every unit in `state` (reviewed/draft/untranslated)."""
    article = load_article(ws.article_path(slug), slug)
    language = get_language(lang)
    catalog = Catalog(
        {
            "Language": lang,
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": language.plural_forms,
        }
    )
    for seg in segment_article(article, ws.segmentation):
        msg = Message(msgid=seg.text, msgctxt=seg.context)
        if state != "untranslated":
            msg.msgstr = table[seg.text]
        if state == "draft":
            msg.fuzzy = True
            msg.translator_comments.append("mt: test en→" + lang + " 2026-11-26")
        elif state == "reviewed":
            msg.translator_comments.append("reviewed: tester 2026-11-26")
        catalog.add(msg)
    path = ws.po_path(lang, slug)
    ws.write_catalog(path, catalog)
    return path


def make_workspace(root: Path, *, langs: tuple[str, ...] = ("ru", "kk")) -> Workspace:
    """One English article, its reviewed ru/kk catalogs and the shipped ui catalogs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "l10n-news.toml").write_text(
        'languages = ["ru", "en", "kk"]\nsource_language = "en"\n'
        '[publish]\nad_phone = "+7 (700) 000-00-00"\nbase_url = "https://news.test/"\n'
        'site_name = "Test News"\n',
        encoding="utf-8",
    )
    article_dir = root / "articles" / "library-hall"
    article_dir.mkdir(parents=True)
    (article_dir / "article.md").write_text(ARTICLE, encoding="utf-8")
    for lang in ("ru", "kk"):
        dest = root / "locales" / lang / "LC_MESSAGES"
        dest.mkdir(parents=True)
        shutil.copy2(ROOT / "locales" / lang / "LC_MESSAGES" / "ui.po", dest / "ui.po")
    ws = Workspace.load(root)
    for lang in langs:
        write_catalog(ws, lang, "library-hall", TRANSLATIONS[lang])
    return ws


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


def read(ws: Workspace, rel: str) -> str:
    return (ws.root / "site" / rel).read_text("utf-8")


def test_every_variant_is_published_with_alternates(ws: Workspace) -> None:
    report = publish_workspace(ws)
    assert not report.leaks
    for lang in ("ru", "en", "kk"):
        assert report.languages[lang].published == ["library-hall"]
    page = read(ws, "kk/library-hall/index.html")
    assert '<html lang="kk">' in page
    for lang in ("ru", "en", "kk", "x-default"):
        assert f'hreflang="{lang}"' in page
    assert 'hreflang="x-default" href="https://news.test/en/library-hall/"' in page
    assert '<meta property="og:locale" content="kk_KZ">' in page
    assert '<meta property="og:locale:alternate" content="ru_RU">' in page
    assert "<title>Қалалық кітапханада балаларға арналған оқу залы ашылды</title>" in page
    assert "2013\u00a0ж. 19 ақпан, 19:05" in page
    assert "Авторы: Дана Сапар" in page
    assert "<strong>тегін</strong>" in page
    assert "Жарнама" in page and "+7 (700) 000-00-00" in page
    assert "noindex" not in page
    sitemap = read(ws, "sitemap.xml")
    assert sitemap.count("<url>") == 3
    assert sitemap.count('<xhtml:link rel="alternate"') == 9
    root_page = read(ws, "index.html")
    assert 'href="kk/"' in root_page and "Қазақша" in root_page
    assert "Последние новости" in read(ws, "ru/index.html")


def test_pages_are_valid_html(ws: Workspace) -> None:
    publish_workspace(ws)
    parser = html5lib.HTMLParser(strict=True)
    pages = sorted((ws.root / "site").rglob("*.html"))
    assert len(pages) == 7  # 3 articles, 3 language fronts, the root
    for page in pages:
        parser.parse(page.read_bytes())  # raises on the first parse error


def test_rerun_with_nothing_changed_renders_nothing(ws: Workspace) -> None:
    first = publish_workspace(ws)
    assert first.rendered
    second = publish_workspace(ws)
    assert second.rendered == [] and second.removed == []
    assert second.languages["kk"].published == ["library-hall"]


def test_a_page_edited_or_deleted_in_the_site_is_written_again(ws: Workspace) -> None:
    publish_workspace(ws)
    page = ws.root / "site/kk/library-hall/index.html"
    published = page.read_bytes()
    page.write_bytes(published.replace(b"</body>", b"<script>alert(1)</script></body>"))
    (ws.root / "site/ru/index.html").unlink()
    report = publish_workspace(ws)
    assert report.rendered == ["kk/library-hall/index.html", "ru/index.html"]
    assert page.read_bytes() == published
    assert publish_workspace(ws).rendered == []


def test_changed_catalog_rerenders_only_its_page(ws: Workspace) -> None:
    publish_workspace(ws)
    path = ws.po_path("ru", "library-hall")
    path.write_text(path.read_text("utf-8").replace("Культура", "Искусство"), "utf-8")
    report = publish_workspace(ws)
    assert report.rendered == ["ru/library-hall/index.html"]
    assert "Искусство" in read(ws, "ru/library-hall/index.html")


def test_variant_that_stops_passing_is_removed(ws: Workspace) -> None:
    publish_workspace(ws)
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"], state="draft")
    report = publish_workspace(ws)
    assert "kk/library-hall/index.html" in report.removed
    assert not (ws.root / "site/kk/library-hall").exists()
    assert "library-hall" in report.languages["kk"].held
    assert "machine drafts" in report.languages["kk"].held["library-hall"]
    # The other pages no longer point at the Kazakh one.
    assert 'hreflang="kk"' not in read(ws, "en/library-hall/index.html")
    assert "/kk/" not in read(ws, "sitemap.xml")


def test_markdown_format(ws: Workspace) -> None:
    publish_workspace(ws, formats=("html", "markdown"))
    text = read(ws, "ru/library-hall/article.md")
    assert text.startswith("---\ntitle: Городская библиотека открыла детский читальный зал\n")
    assert "translation_of: en" in text
    assert "Вход **бесплатный** для всех читателей." in text


def test_cli_publish_reports_per_language(ws: Workspace) -> None:
    from click.testing import CliRunner

    from l10n_news.cli.main import cli

    result = CliRunner().invoke(cli, ["publish", "-C", str(ws.root), "--json"])
    assert result.exit_code == 0, result.output
    assert '"published": [\n        "library-hall"' in result.output
    result = CliRunner().invoke(cli, ["publish", "-C", str(ws.root), "--format", "pdf"])
    assert result.exit_code == 2 and "pdf" in result.output


def test_sample_workspace_publishes_cleanly(sample_ws: Path) -> None:
    glossary = sample_ws / "glossary.csv"
    if "Steppe Shorts" not in glossary.read_text("utf-8"):
        # The festival's name stays Latin in every language; without a do-not-translate row
        # the leak check rightly holds the ru and kk pages back.
        with glossary.open("a", encoding="utf-8") as f:
            f.write("Steppe Shorts,,,a festival name (fictional),yes\n")
    ws = Workspace.load(sample_ws)
    report = publish_workspace(ws)
    assert not report.leaks
    for slug in ws.article_slugs():
        lang = load_article(ws.article_path(slug), slug).lang
        assert slug in report.languages[lang].published
    parser = html5lib.HTMLParser(strict=True)
    for page in (sample_ws / "site").rglob("*.html"):
        parser.parse(page.read_bytes())


def test_leaking_page_is_held_back_and_its_siblings_stop_naming_it(ws: Workspace) -> None:
    publish_workspace(ws)
    leaky = dict(TRANSLATIONS["kk"], **{PARAGRAPH: "Сейсенбі күні Gallery ашылды."})
    write_catalog(ws, "kk", "library-hall", leaky)
    report = publish_workspace(ws)
    assert [leak.word for leak in report.leaks] == ["Gallery"]
    assert report.languages["kk"].held["library-hall"].startswith("leak: ")
    assert "kk/library-hall/index.html" in report.removed
    # Within the same run, no other page points at the page that was held back.
    for rel in ("en/library-hall/index.html", "ru/library-hall/index.html"):
        page = read(ws, rel)
        assert 'hreflang="kk"' not in page and "kk_KZ" not in page and "/kk/" not in page
    assert "/kk/library-hall/" not in read(ws, "sitemap.xml")
    # kk has no other article: its front page goes, and the root page stops linking it.
    assert not (ws.root / "site/kk/index.html").exists()
    assert 'href="kk/"' not in read(ws, "index.html")

    # A rerun with nothing changed still reports the leak (and renders nothing).
    again = publish_workspace(ws)
    assert [leak.word for leak in again.leaks] == ["Gallery"] and again.rendered == []

    # A glossary name is an input: allowing the word publishes the page and relinks it.
    (ws.root / "glossary.csv").write_text(
        "en,ru,kk,note,do_not_translate\nGallery,,,a gallery's name (test),yes\n", "utf-8"
    )
    freed = publish_workspace(ws)
    assert not freed.leaks and freed.languages["kk"].published == ["library-hall"]
    assert 'hreflang="kk"' in read(ws, "en/library-hall/index.html")


def test_changed_image_alone_is_copied_again(sample_ws: Path) -> None:
    ws = Workspace.load(sample_ws)
    publish_workspace(ws)
    slug = "steppe-shorts-festival-opens"
    image = ws.article_path(slug).parent / "images" / "opening-night.png"
    image.write_bytes(image.read_bytes() + b"\0")  # a valid PNG tolerates trailing bytes
    report = publish_workspace(ws)
    copies = [f"{lang}/{slug}/images/opening-night.png" for lang in ("en", "kk", "ru")]
    assert sorted(rel for rel in report.rendered if rel.endswith(".png")) == copies
    for rel in copies:
        assert (sample_ws / "site" / rel).read_bytes() == image.read_bytes()


def test_dropped_image_and_format_leave_no_stale_files(sample_ws: Path) -> None:
    ws = Workspace.load(sample_ws)
    publish_workspace(ws, formats=("html", "markdown"))
    slug = "steppe-shorts-festival-opens"
    site = sample_ws / "site"
    assert (site / "ru" / slug / "article.md").is_file()
    path = ws.article_path(slug)
    text = path.read_text("utf-8")
    start, end = text.index("images:\n"), text.index("---\n", 4)
    path.write_text(text[:start] + text[end:], "utf-8")
    report = publish_workspace(ws)
    for lang in ("en", "kk", "ru"):
        assert f"{lang}/{slug}/article.md" in report.removed
        assert f"{lang}/{slug}/images/opening-night.png" in report.removed
        assert not (site / lang / slug / "images").exists()
        assert (site / lang / slug / "index.html").is_file()
