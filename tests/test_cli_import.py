"""`l10n-news import` end to end: pages in, articles and catalogs out, bad input refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n_news.cli.main import cli

SEED = "seed/tengrinews-harmony-lessons-operator.txt"
SLUG = "we-had-a-real-tandem-with-director-harmony-lessons-operator"

PAGE_RU = """\
Главная > Культура
Мы работали настоящим тандемом с режиссёром 19 февраля 2013, 19:05
Оператор фильма рассказал о работе с режиссёром.
Текст статьи о фильме и фестивале.
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "l10n-news.toml").write_text(
        'languages = ["ru", "en", "kk"]\nsource_language = "en"\n', "utf-8"
    )
    return root


def run(ws: Path, *args: str):
    return CliRunner().invoke(cli, ["import", "-C", str(ws), *args])


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".l10n-news" not in p.parts
    }


def test_import_the_seed_then_refuse_then_force(ws: Path, shared: Path) -> None:
    result = run(ws, str(shared / SEED))
    assert result.exit_code == 0, result.output
    assert f"wrote articles/{SLUG}/article.md" in result.output
    assert "dropped line 1: Реклама" in result.output
    before = snapshot(ws)

    again = run(ws, str(shared / SEED))
    assert again.exit_code == 2
    assert again.stderr.count("\n") == 1 and "use --force" in again.stderr
    assert snapshot(ws) == before

    forced = run(ws, "--force", "--json", str(shared / SEED))
    assert forced.exit_code == 0
    (report,) = json.loads(forced.stdout)
    assert report["replaced"] is True
    assert report["section"] == ["Learn", "Culture", "Cinema, Music"]
    assert report["date"] == "2013-02-19T19:05:00+06:00"


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        ("empty.txt", b"", (), "empty page"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00", (), "binary file"),
        ("nodate.txt", b"Title only\n\nText.\n", (), "no date found"),
        ("page.txt", PAGE_RU.encode(), ("--lang", "de"), "unknown language code 'de'"),
        ("page.txt", PAGE_RU.encode(), ("--slug", "Bad Slug"), "bad slug"),
        ("page.txt", PAGE_RU.encode(), ("--translation-of", "x"), "--translation-of takes"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    ws: Path, tmp_path: Path, name: str, content: bytes, args: tuple[str, ...], message: str
) -> None:
    page = tmp_path / name
    page.write_bytes(content)
    before = snapshot(ws)
    result = run(ws, *args, str(page))
    assert result.exit_code != 0
    assert result.stderr.startswith("l10n-news: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert snapshot(ws) == before


def test_a_missing_page_and_a_good_one_write_nothing(ws: Path, tmp_path: Path) -> None:
    good = tmp_path / "page.txt"
    good.write_text(PAGE_RU, "utf-8")
    result = run(ws, str(good), str(tmp_path / "absent.txt"))
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not (ws / "articles").exists()


def test_slug_and_lang_options(ws: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_RU, "utf-8")
    result = run(ws, "--slug", "tandem", "--lang", "kk", str(page))
    assert result.exit_code == 0, result.output
    text = (ws / "articles" / "tandem" / "article.md").read_text("utf-8")
    assert "lang: kk" in text and 'section: ["Культура"]' in text


def test_translation_of(ws: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE_RU, "utf-8")
    assert run(ws, "--slug", "tandem", str(page)).exit_code == 0
    english = tmp_path / "tandem-en.md"
    english.write_text(
        "---\ntitle: We worked as a real tandem with the director\ndate: 2013-02-19\n---\n"
        "Text of the article about the film and the festival.\n",
        "utf-8",
    )
    result = run(ws, "--translation-of", "tandem", "--lang", "en", "--json", str(english))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["catalog"] == "locales/en/LC_MESSAGES/tandem.po"
    po = (ws / report["catalog"]).read_text("utf-8")
    assert 'msgstr "We worked as a real tandem with the director"' in po
    # One short paragraph against a whole article: too little to call it a translation, so
    # every pair is a draft to review, with where it came from.
    assert report["verdict"] == "undecided" and report["translated"] == 0
    assert "# aligned: " in po and "from tandem-en.md" in po and "# imported:" not in po


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize(
    ("name", "page"),
    [
        # scraped text, the title with no date after it
        ("tandem-en.txt", "We worked as a real tandem with the director\n\n"
         "The cameraman spoke about working with the director.\n\n"
         "Text of the article about the film and the festival.\n"),
        # Markdown whose date is not one
        ("tandem-en.md", "---\ntitle: We worked as a real tandem with the director\n"
         "date: some day in February\n---\nText of the article about the film and the festival.\n"),
    ],
)
def test_translation_needs_no_date(ws: Path, tmp_path: Path, name: str, page: str) -> None:
    source = tmp_path / "page.txt"
    source.write_text(PAGE_RU, "utf-8")
    assert run(ws, "--slug", "tandem", str(source)).exit_code == 0
    translation = tmp_path / name
    translation.write_text(page, "utf-8")
    result = run(ws, "--translation-of", "tandem", "--lang", "en", str(translation))
    assert result.exit_code == 0, result.output
    po = (ws / "locales" / "en" / "LC_MESSAGES" / "tandem.po").read_text("utf-8")
    assert 'msgstr "We worked as a real tandem with the director"' in po
    assert 'msgstr "Text of the article about the film and the festival."' in po
