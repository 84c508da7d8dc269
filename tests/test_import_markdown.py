"""Markdown pages, with and without front matter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from l10n_news.errors import ImportFailed
from l10n_news.importers import import_page, parse_page
from l10n_news.sources import load_article
from l10n_news.workspace import Workspace

WITH_FRONT_MATTER = """\
---
title: 'Festival: "yes", no & #hash'
date: 2022-09-30 20:00
section: Culture
author: Aigerim S.
tags: [film, jury]
---
The jury met in a small hall: [the programme](https://example.org/p) was long.

## Winners

- Best film
- Best actor
"""

WITHOUT_FRONT_MATTER = """\
# Жаңа театр маусымы басталды

2023 ж. 1 қазан

Театр жаңа маусымды үш қойылыммен ашты және билеттер тез сатылды.

Поделиться
"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["ru", "en", "kk"]\n', "utf-8")
    return Workspace.load(root)


def page(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_front_matter_is_kept_and_yaml_stays_safe(ws: Workspace, tmp_path: Path) -> None:
    report = import_page(ws, page(tmp_path, WITH_FRONT_MATTER), slug="festival")
    article = load_article(ws.article_path("festival"))
    assert article.title == 'Festival: "yes", no & #hash'
    assert article.date.isoformat() == "2022-09-30T20:00:00+06:00"
    assert article.section == ["Culture"]
    assert article.author == "Aigerim S."
    assert article.tags == ["film", "jury"]
    assert article.lang == report.lang == "en"
    assert "[the programme](https://example.org/p)" in article.body
    assert "## Winners" in article.body and "- Best actor" in article.body
    front = ws.article_path("festival").read_text("utf-8").split("---")[1]
    assert yaml.safe_load(front)["title"] == article.title


def test_heading_and_date_line_without_front_matter(ws: Workspace, tmp_path: Path) -> None:
    _, draft = parse_page(ws, page(tmp_path, WITHOUT_FRONT_MATTER))
    assert draft.title == "Жаңа театр маусымы басталды"
    assert draft.date.isoformat() == "2023-10-01"  # a day without a time stays a day
    assert draft.lang == "kk"
    assert draft.body == "Театр жаңа маусымды үш қойылыммен ашты және билеттер тез сатылды."
    assert [d.label for d in draft.dropped] == ["Поделиться"]


def test_lang_option_wins_over_detection(ws: Workspace, tmp_path: Path) -> None:
    _, draft = parse_page(ws, page(tmp_path, WITHOUT_FRONT_MATTER), lang="ru")
    assert draft.lang == "ru"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "front matter"),
        ("---\ntitle: T\n", "not closed"),
        ("Just a paragraph.\n", "no title found"),
        ("# Title only\n\nBody text.\n", "no date found"),
        ("---\ntitle: T\ndate: someday soon-ish\n---\nBody\n", "unparseable date"),
    ],
)
def test_bad_markdown_is_refused(ws: Workspace, tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        import_page(ws, page(tmp_path, text))
    assert not ws.articles_dir.exists()


def test_page_in_an_unconfigured_language_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "en-only"
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["en"]\n', "utf-8")
    with pytest.raises(ImportFailed, match="does not list"):
        import_page(Workspace.load(root), page(tmp_path, WITHOUT_FRONT_MATTER))
