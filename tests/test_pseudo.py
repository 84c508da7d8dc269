from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import make_workspace
from l10n_news.engines.pseudo import PseudoEngine, pseudo_localise
from l10n_news.workspace import Workspace


@pytest.fixture
def engine(tmp_path: Path) -> PseudoEngine:
    return PseudoEngine(Workspace.load(make_workspace(tmp_path / "ws")), {})


def test_accented_longer_bracketed() -> None:
    out = pseudo_localise("Save the date")
    assert out == "[Šååṽéé ţĥéé ðååţé]"
    assert len(out) >= len("Save the date") * 1.3


def test_cyrillic_is_accented_too() -> None:
    out = pseudo_localise("Фильм получил приз")
    assert out.startswith("[") and out.endswith("]")
    assert "й" in out and "ӧ" in out


@given(st.text(min_size=1, max_size=200))
def test_deterministic_and_about_thirty_percent_longer(text: str) -> None:
    out = pseudo_localise(text)
    assert out == pseudo_localise(text)
    inner = out[1:-1]
    assert len(inner) >= len(text) * 1.3 - 1


def test_tokens_pass_through_untouched() -> None:
    assert "[X0X]" in pseudo_localise("Hello [X0X] and [X12X]")
    assert "[X12X]" in pseudo_localise("Hello [X0X] and [X12X]")


def test_placeholders_and_markup_survive_the_engine(engine: PseudoEngine) -> None:
    text = (
        "By %(author)s on {date}: **read** <b>more</b> at https://example.kz/a?b=1"
        " (+7 700 123 45 67)"
    )
    [result] = engine.translate([text], "en", "kk")
    assert result.status == "local" and result.text is not None
    for kept in (
        "%(author)s",
        "{date}",
        "**",
        "<b>",
        "</b>",
        "https://example.kz/a?b=1",
        "+7 700 123 45 67",
    ):
        assert kept in result.text
    letters = re.sub(r"%\(author\)s|\{date\}|<b>|</b>|https://\S+", "", result.text)
    assert not re.search(r"[A-Za-z]", letters)  # every letter of the prose is accented


def test_every_pair_and_nothing_to_translate(engine: PseudoEngine) -> None:
    assert engine.supports("ru", "kk") and engine.supports("kk", "en")
    [number] = engine.translate(["2024"], "ru", "en")
    assert number.text == "2024"  # the base leaves a text without words alone
