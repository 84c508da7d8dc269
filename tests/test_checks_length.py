"""Length: far outside the usual ratio for the language pair."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.length import check_length

SOURCE = "The festival opens on Monday with a short film programme."


def test_usual_length_is_fine_and_short_strings_are_not_judged() -> None:
    assert (
        check_length(
            CheckInput(
                SOURCE,
                "Фестиваль открывается в понедельник программой короткометражных фильмов.",
                "en",
                "ru",
            )
        )
        == []
    )
    assert check_length(CheckInput("Culture", "Мәдениеттің барлық жаңалықтары", "en", "kk")) == []


def test_far_too_short_or_long() -> None:
    assert "much shorter" in check_length(CheckInput(SOURCE, "Фестиваль.", "en", "ru"))[0]
    assert "much longer" in check_length(CheckInput(SOURCE, "Фестиваль " * 20, "en", "ru"))[0]
