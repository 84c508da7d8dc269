"""HTML pages: trafilatura's extraction measured on real pages, and the import itself."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from l10n_news.errors import ImportFailed
from l10n_news.importers import import_page, parse_page
from l10n_news.importers.evaluate import html_words, word_overlap, words
from l10n_news.sources import load_article
from l10n_news.workspace import Workspace

BENCH = Path(__file__).resolve().parent.parent / "bench" / "measure_import.py"

# An original page: site chrome around a short article, metadata in <head>.
PAGE = """\
<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>В Алматы открылся каток | Городские новости</title>
  <meta property="og:title" content="В Алматы открылся каток">
  <meta property="article:published_time" content="2015-12-01T04:30:00+00:00">
  <meta name="author" content="Иван Петров">
</head>
<body>
  <nav><a href="/">Главная</a> <a href="/city">Город</a> <a href="/sport">Спорт</a></nav>
  <div class="banner">Реклама</div>
  <article>
    <h1>В Алматы открылся каток</h1>
    <p>Городской каток у подножия гор принял первых посетителей в понедельник утром,
       несмотря на тёплую погоду и туман над городом.</p>
    <p>Администрация обещает, что лёд будет залит до конца марта, а вход для детей до
       семи лет останется бесплатным, как и в прошлом сезоне.</p>
    <p>Нашли ошибку?</p>
    <p>Прокат коньков стоит 1500 тенге за час, билеты продаются в кассах у входа и на сайте
       катка, где также можно узнать расписание массовых катаний.</p>
  </article>
  <footer>© Городские новости. Все права защищены.</footer>
</body>
</html>
"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["ru", "en", "kk"]\n', "utf-8")
    return Workspace.load(root)


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("measure_import", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_html_page_becomes_an_article(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "rink.html"
    path.write_text(PAGE, "utf-8")
    report = import_page(ws, path)
    article = load_article(ws.article_path(report.slug))
    assert article.title == "В Алматы открылся каток"
    assert article.lang == "ru"
    assert article.author == "Иван Петров"
    # 04:30 UTC is 10:30 in Almaty (UTC+6 in 2015).
    assert article.date.isoformat() == "2015-12-01T10:30:00+06:00"
    assert "1500 тенге" in article.body and "бесплатным" in article.body
    for chrome in ("Нашли ошибку?", "Реклама", "Все права защищены", "Спорт"):
        assert chrome not in ws.article_path(report.slug).read_text("utf-8")
    assert "Нашли ошибку?" in [d["label"] for d in report.dropped]


def test_html_without_date_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "nodate.html"
    meta = '  <meta property="article:published_time" content="2015-12-01T04:30:00+00:00">\n'
    path.write_text(PAGE.replace(meta, ""), "utf-8")
    with pytest.raises(ImportFailed, match="no publication date"):
        parse_page(ws, path)


def test_football_page_keeps_the_article_and_drops_the_chrome(shared: Path, bench) -> None:
    result = bench.football(shared / "corpus" / "html")
    assert all(found for _, found in result["with"]), result["with"]
    assert not any(found for _, found in result["without"]), result["without"]


def test_football_page_metadata(ws: Workspace, shared: Path) -> None:
    folder = shared / "corpus" / "html" / "trafilatura-eval"
    expected = json.loads((folder / "football.ua.podolski.expect.json").read_text("utf-8"))
    expect = next(iter(expected.values()))
    _, draft = parse_page(ws, folder / expect["file"])
    assert draft.title == expect["title"]
    # The article's own dateline gives the time as well («15 августа 2016, 13:43»).
    assert draft.date.isoformat()[:10] == expect["date"]
    assert draft.lang == "ru"


# Floors a little under the measured figures (README.md, "How well HTML extraction does"),
# so that a regression shows.
# social-buttons repeats one paragraph five times; trafilatura keeps it once (recall 0.21).
RECALL_FLOOR = {"social-buttons": 0.15}


def test_readability_pages_precision_and_recall(shared: Path, bench) -> None:
    scores = bench.readability(shared / "corpus" / "html")
    assert len(scores) == 7
    for name, score in scores.items():
        assert score.precision >= 0.9, (name, score)
        assert score.recall >= RECALL_FLOOR.get(name, 0.85), (name, score)
    mean_f1 = sum(s.f1 for s in scores.values()) / len(scores)
    assert mean_f1 >= 0.85


def test_word_overlap_counts_repeats() -> None:
    score = word_overlap(words("a b b c"), html_words("<p>a b</p><p>d</p>"))
    assert (score.precision, round(score.recall, 3)) == (0.5, 0.667)


def test_windows_1251_page_is_decoded(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251"))
    _, draft = parse_page(ws, path)
    assert draft.title == "В Алматы открылся каток"


def test_categories_become_the_section(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "rink.html"
    tag = '  <meta property="article:section" content="Город">\n</head>'
    path.write_text(PAGE.replace("</head>", tag), "utf-8")
    _, draft = parse_page(ws, path)
    assert draft.section == ["Город"]


def page_with(tmp_path: Path, extra_head: str = "", nav: str = "") -> Path:
    """PAGE with something added to <head> and a trail put before the article."""
    html = PAGE.replace("</head>", f"{extra_head}\n</head>").replace("<article>", f"{nav}<article>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    return path


CATEGORY = '  <meta property="article:section" content="Разное">\n'
JSON_LD = """\
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "NewsArticle", "headline": "В Алматы открылся каток"},
  {"@type": "BreadcrumbList", "itemListElement": [
    {"@type": "ListItem", "position": 3, "name": "Спорт",
     "item": "https://news.example.kz/city/sport/"},
    {"@type": "ListItem", "position": 1, "name": "Главная", "item": "https://news.example.kz/"},
    {"@type": "ListItem", "position": 2, "item": {"@id": "https://news.example.kz/city/",
     "name": "Город"}}
  ]}
]}
</script>"""
ARIA_NAV = """\
<nav aria-label="Breadcrumbs"><ol>
  <li><a href="/">Новости</a></li> <li>›</li>
  <li><a href="/society">Общество</a></li>
  <li><a href="/society/city">Город и люди</a></li>
  <li aria-current="page">В Алматы открылся каток</li>
</ol></nav>"""
CLASS_TRAIL = """\
<div class="page-breadcrumb">
  <a href="https://news.example.kz/">Басты бет</a> / <a href="/sport">Спорт</a> /
  <a href="/sport/winter">Қысқы спорт</a>
</div>"""


@pytest.mark.parametrize(
    ("head", "nav", "section", "home"),
    [
        # JSON-LD, in an @graph, items out of order, one named inside its "item"
        (JSON_LD + CATEGORY, "", ["Город", "Спорт"], "Главная"),
        # a labelled <nav>: the root link is home whatever its word; the title is no section
        (CATEGORY, ARIA_NAV, ["Общество", "Город и люди"], "Новости"),
        # a class names the trail, links separated by slashes
        ("", CLASS_TRAIL, ["Спорт", "Қысқы спорт"], "Басты бет"),
        # no trail: the categories
        (CATEGORY, "", ["Разное"], None),
    ],
)
def test_breadcrumbs_become_the_section(
    ws: Workspace, tmp_path: Path, head: str, nav: str, section: list[str], home: str | None
) -> None:
    _, draft = parse_page(ws, page_with(tmp_path, head, nav))
    assert draft.section == section
    dropped = [d.text for d in draft.dropped]
    assert home is None or home in dropped
    assert "Главная" not in draft.body and "Общество" not in draft.body


def test_breadcrumb_json_ld_wins_over_the_markup(ws: Workspace, tmp_path: Path) -> None:
    _, draft = parse_page(ws, page_with(tmp_path, JSON_LD, ARIA_NAV))
    assert draft.section == ["Город", "Спорт"]


def test_broken_json_ld_falls_back_to_the_markup(ws: Workspace, tmp_path: Path) -> None:
    broken = '<script type="application/ld+json">{"@type": "BreadcrumbList",</script>'
    _, draft = parse_page(ws, page_with(tmp_path, broken, ARIA_NAV))
    assert draft.section == ["Общество", "Город и люди"]


def test_imported_html_article_has_the_breadcrumb_section(ws: Workspace, tmp_path: Path) -> None:
    report = import_page(ws, page_with(tmp_path, JSON_LD))
    assert report.section == ["Город", "Спорт"]
    assert "Главная" in [d["text"] for d in report.dropped]
    assert load_article(ws.article_path(report.slug)).section == ["Город", "Спорт"]
