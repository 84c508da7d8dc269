"""Hostile and unlucky input (issue 12.6): one line with file:line, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import article_text, make_workspace, write_article
from l10n_news.catalogs.tmx import read_tmx
from l10n_news.cli.main import cli
from l10n_news.errors import CatalogError, ConfigError, SourceError
from l10n_news.glossary import Glossary
from l10n_news.sources import parse_article


def article_with(front: str) -> str:
    return f"---\ntitle: T\n{front}\n---\n\nBody.\n"


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("lang: [en]\ndate: 2024-03-12T19:05:00+05:00", 3, "unknown language code ['en']"),
        ("lang: {en: 1}\ndate: 2024-03-12T19:05:00+05:00", 3, "unknown language code"),
        ("lang: en\ndate: 9999-12-31T23:59:00-12:00", 4, "out of range"),
        ("lang: en\ndate: 0001-01-01T00:00:00+14:00", 4, "out of range"),
        ("lang: en\ndate: '9999-12-31T23:59:59+05:00'", 4, "out of range"),
        ("lang: en\ndate: 2024-03-12T19:05:00+05:00\ntime_zone: Asia", 5, "time_zone must be"),
        ("lang: en\ndate: 2024-03-12T19:05:00+05:00\ntime_zone: [1]", 5, "time_zone must be"),
    ],
)
def test_bad_front_matter_is_one_error_at_its_line(front: str, line: int, message: str) -> None:
    with pytest.raises(SourceError) as refused:
        parse_article(article_with(front), "x", path=Path("article.md"))
    assert message in refused.value.message
    assert refused.value.line == line


def test_a_date_at_the_edge_of_the_calendar_is_refused_by_the_cli(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    text = article_text().replace("2024-03-12T19:05:00+05:00", "9999-12-31T23:59:00-12:00")
    write_article(root, "edge", text)
    result = CliRunner().invoke(cli, ["extract", "-C", str(root)])
    assert result.exit_code == 2, result.output
    assert "articles/edge/article.md:4: date" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("encoding", ["x-unknown", "EBCDIC", "UTF-32"])
def test_a_tmx_in_an_unknown_encoding_is_refused(encoding: str) -> None:
    data = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        '<tmx version="1.4"><header srclang="en"/><body/></tmx>'
    ).encode()
    with pytest.raises(CatalogError, match="unsupported encoding") as refused:
        read_tmx(data, path="agency.tmx")
    assert str(refused.value).startswith("agency.tmx:1: ")


def test_a_tmx_in_an_unknown_encoding_through_tm_import(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    tmx = tmp_path / "agency.tmx"
    tmx.write_bytes(b'<?xml version="1.0" encoding="x-mac-klingon"?><tmx version="1.4"/>')
    result = CliRunner().invoke(cli, ["tm", "import", "-C", str(root), str(tmx)])
    assert result.exit_code == 2, result.output
    assert "unsupported encoding" in result.output and not (root / "tm").exists()


def test_a_glossary_cell_over_the_csv_limit_is_refused_at_its_line() -> None:
    text = "en,ru\nfestival,фестиваль\n" + 'x,"' + "я" * 140_000 + '"\n'
    with pytest.raises(ConfigError, match="not a CSV row") as refused:
        Glossary.parse(text, path="glossary.csv")
    assert refused.value.line == 3
    with pytest.raises(ConfigError, match="not a CSV row"):
        Glossary.parse('"' + "e" * 140_000 + '"\n', path="glossary.csv")
