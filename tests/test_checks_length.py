"""Length: far outside the usual ratio for the language pair."""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path

import pytest

from l10n_news.catalogs.pofile import read_po
from l10n_news.checks.base import CheckInput
from l10n_news.checks.length import MIN_SOURCE_CHARS, USUAL_RATIO, check_length, comparable_text

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


CORPUS_PROJECTS = ("GNOME_gnome-calculator", "GNOME_gnome-calendar", "GNOME_gnome-software")


def _reviewed(path: Path) -> dict[tuple[str | None, str], str]:
    """(msgctxt, msgid) -> msgstr of the reviewed, non-plural entries of a real catalog."""
    return {
        (m.msgctxt, m.msgid): m.msgstr
        for m in read_po(path.read_bytes(), path=path)
        if m.msgid
        and m.msgid != "translator-credits"
        and not (m.obsolete or m.fuzzy or m.pluralizable)
        and m.msgstr
    }


def corpus_pairs(shared: Path) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(source, translation) pairs per language pair, as the constants were measured."""
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for project in (*CORPUS_PROJECTS, "bleachbit"):
        folder = shared / "corpus" / "po" / project
        ru, kk = _reviewed(folder / "ru.po"), _reviewed(folder / "kk.po")
        for lang, catalog in (("ru", ru), ("kk", kk)):
            for (_, msgid), msgstr in catalog.items():
                pairs["en", lang].append((msgid, msgstr))
                pairs[lang, "en"].append((msgstr, msgid))
        for key in ru.keys() & kk.keys():
            pairs["ru", "kk"].append((ru[key], kk[key]))
            pairs["kk", "ru"].append((kk[key], ru[key]))
    return pairs


def test_usual_ratios_are_the_corpus_medians(shared: Path) -> None:
    flagged = judged = 0
    for (src, tgt), pairs in corpus_pairs(shared).items():
        ratios = []
        for source, target in pairs:
            a, b = comparable_text(source), comparable_text(target)
            if len(a) >= MIN_SOURCE_CHARS and b:
                ratios.append(len(b) / len(a))
                flagged += bool(check_length(CheckInput(source, target, src, tgt)))
        assert len(ratios) > 500, (src, tgt)
        judged += len(ratios)
        assert statistics.median(ratios) == pytest.approx(USUAL_RATIO[src, tgt], abs=0.01)
    # The bounds leave reviewed translations alone: under 1% of them is flagged.
    assert flagged / judged < 0.01, (flagged, judged)
