"""The mistakes of issue 13, planted in the sample's reviewed units, through `check --json`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import require
from l10n_news.checks import dictionaries
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace


@pytest.fixture
def ws(sample_ws: Path) -> Workspace:
    require(
        all(dictionaries.available(lang) for lang in ("ru", "kk", "en")),
        "no Hunspell dictionaries",
        ".ci/run must install them",
    )
    return Workspace.load(sample_ws)


def plant(ws: Workspace, lang: str, domain: str, pattern: str, replacement) -> str:
    """Change the first reviewed msgstr of the catalog that matches `pattern`; its msgid."""
    path = ws.po_path(lang, domain)
    catalog = ws.read_catalog(path)
    for message in catalog:
        if message.msgid and not message.pluralizable and re.search(pattern, message.msgstr):
            message.msgstr = re.sub(pattern, replacement, message.msgstr, count=1)
            ws.write_catalog(path, catalog)
            return message.msgid
    raise AssertionError(f"nothing matches {pattern!r} in {path}")


def findings(ws: Workspace) -> list[dict]:
    result = CliRunner().invoke(cli, ["check", "-C", str(ws.root), "--json"])
    assert result.exit_code in (0, 1), result.output
    data, _ = json.JSONDecoder().raw_decode(result.output)  # the CLI's error line may follow
    return data


def test_the_sample_is_clean_of_errors(ws: Workspace) -> None:
    assert [f for f in findings(ws) if f["severity"] == "error"] == []


def test_every_planted_mistake_is_reported_by_its_check(ws: Workspace) -> None:
    planted = {
        "homoglyphs": plant(ws, "kk", "steppe-shorts-festival-opens", "Мәдениет", "Мəдениет"),
        "wrong-language": plant(ws, "kk", "shymkent-open-air-cinema", r"^(\w+)", r"\1 также"),
        "kazakh-letters": plant(
            ws,
            "kk",
            "shymkent-open-air-cinema",
            r"(?<![^\W\d_])[а-яәғқңөұүһі]*[әғқңөұүһі][а-яәғқңөұүһі]{3,}",
            lambda m: m.group(0).translate(str.maketrans("әғқңөұүһі", "агкноуухи")),
        ),
        "agreement": plant(ws, "ru", "steppe-shorts-festival-opens", "48 фильмов", "48 фильма"),
        "dashes": plant(ws, "ru", "steppe-shorts-festival-opens", " — ", " - "),
    }
    ui = ws.po_path("ru", "ui")
    text = ui.read_text("utf-8")
    ui.write_text(re.sub(r"nplurals=3; plural=[^\\]*", "nplurals=2; plural=(n != 1);", text))
    found = findings(ws)
    for check, msgid in planted.items():
        assert any(f["check"] == check and f["msgid"] == msgid for f in found), check
    assert any(
        f["check"] == "plural-header" and f["file"].endswith("ru/LC_MESSAGES/ui.po") for f in found
    )
    by_check = {f["check"]: f["message"] for f in found}
    assert "«Мөдениет»" not in by_check["homoglyphs"] and "«Мәдениет»" in by_check["homoglyphs"]


def test_a_changed_month_is_an_error(ws: Workspace) -> None:
    months = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
    pattern = rf"(?<=\d )({'|'.join(months.split())})"
    path = ws.po_path("kk", "steppe-shorts-festival-opens")
    catalog = ws.read_catalog(path)
    message = next(m for m in catalog if m.msgid and re.search(pattern, m.msgstr))
    month = re.search(pattern, message.msgstr).group(1)
    following = months.split()[(months.split().index(month) + 1) % 12]
    plant(ws, "kk", "steppe-shorts-festival-opens", pattern, following)
    assert any(f["check"] == "dates" and f["msgid"] == message.msgid for f in findings(ws))


def test_news_amounts_raise_no_false_error(ws: Workspace) -> None:
    plant(ws, "en", "shymkent-open-air-cinema", r"18,500,000 tenge", "18.5 million tenge")
    plant(ws, "en", "astana-children-film-week", r"1,000,000 tenge", "1 million tenge")
    plant(ws, "kk", "shymkent-open-air-cinema", r"18 500 000 теңге", "18,5 млн теңге")
    assert [f for f in findings(ws) if f["check"] == "numbers"] == []
