"""The aligner measured: translations built for the purpose, and pages that are not translations.

Reviewed (certain) pairs must all be right; a non-translation must produce no reviewed unit
and be refused by `import --translation-of` unless --force, which writes drafts only.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from align_cases import (
    CORPUS_PAIRS,
    RECALL_FLOOR,
    TRAM_EN,
    TRAM_OTHER_RU,
    TRAM_RU,
    Case,
    corpus_cases,
    evaluate,
    other_outlet_cases,
    totals,
    translation_cases,
)
from l10n_news.catalogs import State
from l10n_news.cli.main import cli
from l10n_news.review import Review, awaiting_review
from l10n_news.workspace import Workspace


def test_reviewed_pairs_of_translations_are_all_right() -> None:
    outcomes = [evaluate(case) for case in translation_cases()]
    wrong = [(o.case.name, pair) for o in outcomes for pair in o.certain_wrong]
    assert wrong == []
    assert [o.case.name for o in outcomes if o.verdict != "translation"] == []
    result = totals(outcomes)
    assert result.precision == 1.0 and result.recall >= RECALL_FLOOR


@pytest.mark.parametrize("case", other_outlet_cases(), ids=lambda c: c.name)
def test_a_story_on_the_same_event_is_not_a_translation(case: Case) -> None:
    outcome = evaluate(case)
    assert outcome.verdict == "not a translation"
    assert outcome.certain_right == 0 and outcome.certain_wrong == []


def test_real_pages_on_one_topic_are_not_translations(shared: Path) -> None:
    outcomes = [evaluate(case) for case in corpus_cases(shared)]
    assert [o.verdict for o in outcomes] == ["not a translation"] * len(CORPUS_PAIRS)
    assert totals(outcomes).non_translation_reviewed == 0


def markdown(units: list[str], lang: str, day: str = "") -> str:
    front = f'---\ntitle: "{units[0]}"\nlang: {lang}\n' + (f"date: {day}\n" if day else "")
    return front + "---\n" + "\n\n".join(units[1:]) + "\n"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    (root / "articles" / "tram").mkdir(parents=True)
    (root / "l10n-news.toml").write_text(
        'languages = ["en", "ru", "kk"]\nsource_language = "en"\n', "utf-8"
    )
    article = markdown(TRAM_EN, "en", '"2025-06-02T10:00:00+05:00"')
    (root / "articles" / "tram" / "article.md").write_text(article, "utf-8")
    return Workspace.load(root)


def run(ws: Workspace, *args: str):
    return CliRunner().invoke(cli, ["import", "-C", str(ws.root), *args])


def test_translation_import_writes_certain_pairs_and_drafts(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "tram-ru.md"
    page.write_text(markdown(TRAM_RU, "ru"), "utf-8")
    result = run(ws, "--translation-of", "tram", "--lang", "ru", "--json", str(page))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["verdict"] == "translation" and report["translated"] >= 5
    catalog = ws.read_catalog(ws.po_path("ru", "tram"))
    by_id = {m.msgid: m for m in catalog}
    for en, ru in zip(TRAM_EN, TRAM_RU, strict=True):
        msg = by_id[en]
        assert msg.msgstr == ru  # every pair is right, finished or not
        if msg.state is State.REVIEWED:
            assert msg.translator_comments == ["imported: tram-ru.md"]
        else:
            assert msg.state is State.DRAFT
            (comment,) = msg.translator_comments
            assert comment.startswith("aligned: ") and comment.endswith(" from tram-ru.md")
    drafts = awaiting_review(ws, "ru")
    assert drafts and all(item.state is State.DRAFT for item in drafts)
    # `review` shows them as it shows machine drafts, with their provenance.
    shown = CliRunner().invoke(
        cli, ["review", "-C", str(ws.root), "-l", "ru", "--reviewer", "Dana"], input="q"
    )
    assert shown.exit_code == 0, shown.output
    assert "· draft aligned: " in shown.output and "from tram-ru.md" in shown.output
    # Accepting an aligned draft makes it a reviewed translation without the draft's mark.
    accepted = Review(ws, "Dana", today=date(2026, 1, 5)).accept(drafts[0])
    assert accepted.state is State.REVIEWED
    assert accepted.translator_comments == ["reviewed: Dana 2026-01-05"]


def test_another_outlets_story_is_refused_then_forced_as_drafts(
    ws: Workspace, tmp_path: Path
) -> None:
    page = tmp_path / "tram-other.md"
    page.write_text(markdown(TRAM_OTHER_RU, "ru"), "utf-8")
    result = run(ws, "--translation-of", "tram", "--lang", "ru", str(page))
    assert result.exit_code == 2
    assert "does not read as a translation of 'tram'" in result.stderr
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr
    assert not ws.locales_dir.exists()
    forced = run(ws, "--translation-of", "tram", "--lang", "ru", "--force", str(page))
    assert forced.exit_code == 0, forced.output
    catalog = ws.read_catalog(ws.po_path("ru", "tram"))
    states = {m.state for m in catalog if m.msgstr}
    assert states == {State.DRAFT}


def test_a_real_page_on_the_same_topic_is_refused(tmp_path: Path, shared: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["en", "ru", "kk"]\n', "utf-8")
    news = shared / "corpus" / "news"
    runner = CliRunner()
    first = runner.invoke(
        cli,
        ["import", "-C", str(root), "--slug", "aimanov", "--date", "2023-06-01",
         str(news / "en-inform-shaken-aimanov-festival.txt")],
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    page = news / "kk-kazgazeta-aqiqat-otandyq-kino.txt"
    second = runner.invoke(
        cli, ["import", "-C", str(root), "--translation-of", "aimanov", "--lang", "kk", str(page)]
    )
    assert second.exit_code == 2 and "does not read as a translation" in second.stderr
    assert not (root / "locales").exists()
