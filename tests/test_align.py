"""The aligner on articles whose right pairs are known, and importing a translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n_news.catalogs import Message, State
from l10n_news.errors import ImportFailed
from l10n_news.importers.align import align, anchors
from l10n_news.importers.translation import import_translation
from l10n_news.workspace import Workspace

SOURCE_ARTICLE = """\
---
title: "City library opens a reading room for 300 visitors"
lang: en
date: "2024-06-03T11:00:00+05:00"
section: ["City", "Culture"]
summary: "The central library in Almaty opened a new reading room on Monday."
---
The room on the second floor has 300 seats, 40 computers and a corner for children, the
director Saule Abenova said at the opening ceremony.

Builders spent eight months on the work, which cost 120 million tenge from the city budget.
The old furniture was given to village schools in the region.

Visitors can borrow up to five books at a time and keep them for 14 days.

The library plans to open two more rooms of the same kind in 2025 in the Medeu and Bostandyk
districts.
"""

# The Russian edition: the second paragraph is split in two, the third is missing.
RUSSIAN_EDITION = """\
---
title: "Городская библиотека открыла читальный зал на 300 мест"
date: 2024-06-03 11:00
section: ["Город", "Культура"]
summary: "Центральная библиотека Алматы в понедельник открыла новый читальный зал."
---
В зале на втором этаже 300 мест, 40 компьютеров и детский уголок, сообщила на церемонии
открытия директор Сауле Абенова.

Строители работали восемь месяцев, работы обошлись городскому бюджету в 120 миллионов тенге.

Старую мебель передали сельским школам региона.

В 2025 году библиотека планирует открыть ещё два таких зала в Медеуском и Бостандыкском
районах.
"""

P1 = (
    "The room on the second floor has 300 seats, 40 computers and a corner for children, "
    "the director Saule Abenova said at the opening ceremony."
)
P2 = (
    "Builders spent eight months on the work, which cost 120 million tenge from the city "
    "budget. The old furniture was given to village schools in the region."
)
P3 = "Visitors can borrow up to five books at a time and keep them for 14 days."


def test_split_and_missing_paragraphs() -> None:
    src = [
        "Kazakhstan won 3 medals in Berlin on Sunday, said minister Aliyev.",
        "The weather was cold and the city was quiet during the whole week of the festival.",
        "Tickets cost 500 tenge.",
        "Organisers expect 20000 visitors next year.",
    ]
    tgt = [
        "Казахстан завоевал 3 медали в Берлине в воскресенье, заявил министр Алиев.",
        "Погода была холодной,",
        "и город был тихим всю неделю фестиваля.",
        "Организаторы ожидают 20000 посетителей в следующем году.",
    ]
    beads = align(src, tgt)
    assert [(b.source, b.target) for b in beads] == [
        ((0,), (0,)),
        ((1,), (1, 2)),
        ((2,), ()),
        ((3,), (3,)),
    ]
    assert [b.confident for b in beads] == [True, True, False, True]


def test_merged_paragraph_is_a_two_to_one_bead() -> None:
    src = [
        "The mayor opened the bridge on 4 May.",
        "It took 3 years to build.",
        "Traffic will start in June, after the last tests of the lights.",
    ]
    tgt = [
        "Әкім көпірді 4 мамырда ашты, оны салуға 3 жыл кетті.",
        "Көлік қозғалысы жарық шамдары соңғы рет тексерілгеннен кейін маусымда басталады.",
    ]
    beads = align(src, tgt)
    assert [(b.source, b.target) for b in beads] == [((0, 1), (0,)), ((2,), (1,))]
    assert not beads[0].confident  # one target paragraph cannot be cut between two msgids


def test_extra_target_paragraph_is_unpaired() -> None:
    src = ["First news paragraph about 12 trains.", "Second about 7 buses and their drivers."]
    tgt = [
        "Первый абзац о 12 поездах.",
        "Редакция напоминает: подписывайтесь на наш канал, чтобы знать больше.",
        "Второй о 7 автобусах и их водителях.",
    ]
    beads = align(src, tgt)
    assert ((), (1,)) in [(b.source, b.target) for b in beads]


def test_anchors_compare_names_across_scripts() -> None:
    assert anchors("said director Saule Abenova in 2013") & anchors(
        "сказала директор Сауле Абенова в 2013 году"
    ) == {"2013", "~saul", "~aben"}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    (root / "articles" / "library").mkdir(parents=True)
    (root / "l10n-news.toml").write_text('languages = ["en", "ru", "kk"]\n', "utf-8")
    (root / "articles" / "library" / "article.md").write_text(SOURCE_ARTICLE, "utf-8")
    return Workspace.load(root)


def edition(tmp_path: Path) -> Path:
    path = tmp_path / "library-ru.md"
    path.write_text(RUSSIAN_EDITION, "utf-8")
    return path


def test_import_translation_fills_the_catalog(ws: Workspace, tmp_path: Path) -> None:
    report = import_translation(ws, "library", "ru", edition(tmp_path))
    catalog = ws.read_catalog(ws.po_path("ru", "library"))
    title = catalog.get("City library opens a reading room for 300 visitors")
    assert title.msgstr == "Городская библиотека открыла читальный зал на 300 мест"
    assert title.state is State.REVIEWED
    assert title.translator_comments == ["imported: library-ru.md"]
    assert catalog.get("Culture", "section").msgstr == "Культура"
    assert catalog.get(P1).msgstr.startswith("В зале на втором этаже 300 мест")
    assert catalog.get(P1).state is State.REVIEWED
    assert catalog.get(P2).msgstr.endswith("Старую мебель передали сельским школам региона.")
    assert catalog.get(P3).state is State.UNTRANSLATED
    assert report.unpaired_source == [P3]
    assert report.unpaired_target == []
    assert report.translated + report.fuzzy == 7  # title, 2 sections, summary, 3 paragraphs
    assert catalog.header["Language"] == "ru"


def test_reviewed_entries_are_kept_and_drafts_replaced(ws: Workspace, tmp_path: Path) -> None:
    import_translation(ws, "library", "ru", edition(tmp_path))
    path = ws.po_path("ru", "library")
    catalog = ws.read_catalog(path)
    reviewed = catalog.get(P1)
    reviewed.msgstr = "Перевод редактора."
    reviewed.translator_comments = ["reviewed: Dana 2026-01-10"]
    draft = catalog.get(P2)
    draft.msgstr = "машинный черновик"
    draft.fuzzy = True
    draft.translator_comments = ["mt: google en→ru 2026-01-09"]
    ws.write_catalog(path, catalog)

    report = import_translation(ws, "library", "ru", edition(tmp_path))
    catalog = ws.read_catalog(path)
    assert catalog.get(P1).msgstr == "Перевод редактора."
    assert report.kept_reviewed >= 1
    assert catalog.get(P2).msgstr.startswith("Строители")
    assert not any(c.startswith("mt:") for c in catalog.get(P2).translator_comments)


def test_existing_catalog_entries_survive(ws: Workspace, tmp_path: Path) -> None:
    path = ws.po_path("ru", "library")
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Other"\nmsgstr "Другое"\n')
    import_translation(ws, "library", "ru", edition(tmp_path))
    catalog = ws.read_catalog(path)
    assert catalog.get("Other").msgstr == "Другое"
    assert isinstance(catalog.get(P3), Message)


def test_translation_needs_an_article_in_another_language(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="no article"):
        import_translation(ws, "missing", "ru", edition(tmp_path))
    with pytest.raises(ImportFailed, match="itself in 'en'"):
        import_translation(ws, "library", "en", edition(tmp_path))
    assert not ws.locales_dir.exists()


def test_sentence_mode_aligns_sentences(ws: Workspace, tmp_path: Path) -> None:
    config = ws.config_path.read_text("utf-8") + 'segmentation = "sentence"\n'
    ws.config_path.write_text(config, "utf-8")
    ws = Workspace.load(ws.root)
    report = import_translation(ws, "library", "ru", edition(tmp_path))
    catalog = ws.read_catalog(ws.po_path("ru", "library"))
    sentence = catalog.get("The old furniture was given to village schools in the region.")
    assert sentence.msgstr == "Старую мебель передали сельским школам региона."
    assert P3 in report.unpaired_source
