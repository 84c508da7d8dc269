from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from helpers import make_workspace
from l10n_news.catalogs import Catalog, Message, write_po
from l10n_news.catalogs.tmx import TranslationUnit, write_tmx
from l10n_news.engines.base import Suggestion
from l10n_news.engines.memory import MemoryEngine, MemoryEntry, PairIndex, TranslationMemory
from l10n_news.errors import CatalogError, ConfigError
from l10n_news.languages import get_language
from l10n_news.workspace import Workspace


def reviewed(msgid: str, msgstr: str, **kwargs) -> Message:
    return Message(msgid, msgstr, **kwargs)


def write_domain(
    ws: Workspace, domain: str, source: str, catalogs: dict[str, list[Message]]
) -> None:
    """A template with its source language, and one catalog per language."""
    pot = Catalog({"Content-Type": "text/plain; charset=UTF-8", "X-Source-Language": source})
    ws.write_bytes(ws.pot_path(domain), write_po(pot).encode())
    for lang, messages in catalogs.items():
        catalog = Catalog(
            {
                "Language": lang,
                "Content-Type": "text/plain; charset=UTF-8",
                "Plural-Forms": get_language(lang).plural_forms,
                "X-Source-Language": source,
            }
        )
        for msg in messages:
            catalog.add(msg)
        ws.write_catalog(ws.po_path(lang, domain), catalog)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.load(make_workspace(tmp_path / "ws"))
    draft = Message(
        "Share", "Бөлісу", flags=["fuzzy"], translator_comments=["mt: google en→kk 2026-01-01"]
    )
    write_domain(
        ws,
        "ui",
        "en",
        {
            "kk": [
                reviewed("Home", "Басты бет"),
                reviewed("By %(author)s", "Авторы: %(author)s"),
                reviewed("Silver Bear winners announced", "Күміс аю жеңімпаздары жарияланды"),
                draft,
                Message("Untranslated", ""),
                Message("%d film", msgid_plural="%d films", msgstr_plural=["%d фильм", "%d фильм"]),
            ],
            "ru": [
                reviewed("Home", "Главная"),
                reviewed("Silver Bear winners announced", "Объявлены лауреаты Серебряного медведя"),
            ],
        },
    )
    write_domain(
        ws,
        "festival-opens",
        "ru",
        {"en": [reviewed("Фестиваль открылся.", "The festival opened.")]},
    )
    return ws


def engine(ws: Workspace, **options) -> MemoryEngine:
    return MemoryEngine(ws, options)


def test_exact_match_from_a_reviewed_entry(ws: Workspace) -> None:
    [found] = engine(ws).translate(["Home"], "en", "kk")
    assert (found.text, found.status, found.score) == ("Басты бет", "local", 100.0)
    assert found.note == "memory 100% from kk/ui.po"


def test_placeholders_match_as_written(ws: Workspace) -> None:
    [found] = engine(ws).translate(["By %(author)s"], "en", "kk")
    assert found.text == "Авторы: %(author)s"


def test_fuzzy_match_above_min_score(ws: Workspace) -> None:
    memory = engine(ws)
    [found] = memory.translate(["Silver Bear winner announced"], "en", "kk")
    assert found.text == "Күміс аю жеңімпаздары жарияланды"
    assert found.score is not None and 75 <= found.score < 100
    assert found.note is not None and found.note.startswith("memory 9") and "kk/ui.po" in found.note
    [missed] = memory.translate(["Golden Bear goes to a debut"], "en", "kk")
    assert (missed.text, missed.status, missed.reason) == (None, "local", "no match")
    [strict] = engine(ws, min_score=100).translate(["Silver Bear winner announced"], "en", "kk")
    assert strict.text is None


def test_drafts_untranslated_and_plural_entries_are_not_memory(ws: Workspace) -> None:
    results = engine(ws).translate(["Share", "Untranslated", "%d film"], "en", "kk")
    assert [r.text for r in results] == [None, None, None]


def test_reverse_and_cross_pairs(ws: Workspace) -> None:
    memory = engine(ws)
    assert memory.translate(["Басты бет"], "kk", "en")[0].text == "Home"
    assert memory.translate(["Главная"], "ru", "kk")[0].text == "Басты бет"
    assert memory.translate(["Басты бет"], "kk", "ru")[0].text == "Главная"
    # A Russian article's catalog serves ru -> en, and en -> ru backwards.
    assert memory.translate(["Фестиваль открылся."], "ru", "en")[0].text == "The festival opened."
    assert memory.translate(["The festival opened."], "en", "ru")[0].text == "Фестиваль открылся."


def test_a_direct_translation_beats_a_derived_one() -> None:
    index = PairIndex()
    index.add("Home", MemoryEntry("derived", "ru/a.po", 1))
    index.add("Home", MemoryEntry("direct", "ru/b.po", 0))
    index.add("Home", MemoryEntry("from tmx", "tm/x.tmx", 2))
    assert index.lookup("Home", 75)[1].target == "direct"


def test_tmx_files_from_tm_folder_and_config(ws: Workspace) -> None:
    units = [TranslationUnit({"en": "Jury", "kk": "Қазылар алқасы", "ru": "Жюри"})]
    ws.write_bytes(ws.root / "tm" / "old.tmx", write_tmx(units).encode())
    listed = [TranslationUnit({"en-GB": "Premiere", "kk-KZ": "Премьера"})]
    ws.write_bytes(ws.root / "shared" / "festival.tmx", write_tmx(listed).encode())
    memory = engine(ws, tmx=["shared/festival.tmx"])
    [jury] = memory.translate(["Jury"], "en", "kk")
    assert (jury.text, jury.note) == ("Қазылар алқасы", "memory 100% from tm/old.tmx")
    assert memory.translate(["Жюри"], "ru", "kk")[0].text == "Қазылар алқасы"
    assert memory.translate(["Premiere"], "en", "kk")[0].text == "Премьера"
    assert memory.memory.files_read == 5  # kk/ui, ru/ui, en/festival-opens and two TMX files
    # The index is built once per engine.
    assert memory.memory is memory.memory


def test_catalogs_beat_tmx(ws: Workspace) -> None:
    units = [TranslationUnit({"en": "Home", "kk": "Үй"})]
    ws.write_bytes(ws.root / "tm" / "old.tmx", write_tmx(units).encode())
    assert engine(ws).translate(["Home"], "en", "kk")[0].text == "Басты бет"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tmx": "old.tmx"}, "tmx must be a list"),
        ({"tmx": ["missing.tmx"]}, "missing.tmx does not exist"),
        ({"min_score": 0}, "min_score must be"),
        ({"min_score": True}, "min_score must be"),
        ({"colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_bad_options(ws: Workspace, options: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        engine(ws, **options).translate(["Home"], "en", "kk")


def test_a_broken_tmx_file_names_its_line(ws: Workspace) -> None:
    ws.write_bytes(ws.root / "tm" / "bad.tmx", b'<tmx version="1.4">\n<body>\n<tu>\n')
    with pytest.raises(CatalogError) as info:
        engine(ws).translate(["Home"], "en", "kk")
    assert (info.value.path, info.value.line) == ("tm/bad.tmx", 4)


def test_supports_every_pair_without_a_request(ws: Workspace) -> None:
    memory = engine(ws)
    assert memory.supports("ru", "kk") and memory.supports("kk", "en")
    assert memory._memory is None  # answering did not build the index


def test_forty_thousand_entries_are_fast() -> None:
    rng = random.Random(7)
    words = [f"w{n}" for n in range(3000)]
    memory = TranslationMemory()
    sources = []
    for n in range(40_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 20)))
        sources.append(text)
        memory.add("en", "kk", text, MemoryEntry(f"kk {n}", "kk/ui.po", 0))
    queries = [s[:-1] + "x" for s in rng.sample(sources, 200)]
    started = time.perf_counter()
    found = [memory.lookup(q, "en", "kk", 75) for q in queries]
    elapsed = time.perf_counter() - started
    assert sum(isinstance(f, Suggestion) for f in found) >= 190
    assert elapsed < 5, f"200 fuzzy lookups in 40,000 entries took {elapsed:.1f}s"
