from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_workspace
from l10n_news.catalogs import Catalog, Message, write_po
from l10n_news.catalogs.tmx import read_tmx
from l10n_news.errors import CatalogError, ConfigError
from l10n_news.languages import get_language
from l10n_news.tm import export_tm, import_tm, imported_path
from l10n_news.workspace import Workspace


def write_domain(
    ws: Workspace, domain: str, source: str, catalogs: dict[str, list[Message]]
) -> None:
    pot = Catalog({"Content-Type": "text/plain; charset=UTF-8", "X-Source-Language": source})
    ws.write_bytes(ws.pot_path(domain), write_po(pot).encode())
    for lang, messages in catalogs.items():
        catalog = Catalog({"Language": lang, "Plural-Forms": get_language(lang).plural_forms})
        for msg in messages:
            catalog.add(msg)
        ws.write_catalog(ws.po_path(lang, domain), catalog)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.load(make_workspace(tmp_path / "ws"))
    write_domain(
        ws,
        "ui",
        "en",
        {
            "kk": [
                Message("Home", "Басты бет"),
                Message("Culture", "Мәдениет", msgctxt="section"),
                Message("Share", "Бөлісу", flags=["fuzzy"]),
                Message("%d film", msgid_plural="%d films", msgstr_plural=["%d фильм"] * 2),
                Message("Bell\x07", "Қоңырау\x07"),
            ],
            "ru": [Message("Home", "Главная"), Message("Share", "")],
        },
    )
    write_domain(
        ws, "festival", "kk", {"en": [Message("Фестиваль ашылды.", "The festival opened.")]}
    )
    return ws


def test_export_one_unit_per_reviewed_source(ws: Workspace, tmp_path: Path) -> None:
    dest = tmp_path / "out" / "memory.tmx"
    assert export_tm(ws, dest).units == 3
    doc = read_tmx(dest)
    assert doc.srclang == "*all*"
    by_source = {u.variants[u.srclang]: u for u in doc.units}
    assert by_source["Home"].variants == {"en": "Home", "kk": "Басты бет", "ru": "Главная"}
    assert by_source["Culture"].props == {"x-domain": "ui", "x-context": "section"}
    assert by_source["Фестиваль ашылды."].variants["en"] == "The festival opened."
    assert by_source["Фестиваль ашылды."].srclang == "kk"


def test_export_one_language(ws: Workspace, tmp_path: Path) -> None:
    dest = tmp_path / "ru.tmx"
    assert export_tm(ws, dest, ["ru"]).units == 1
    doc = read_tmx(dest)
    assert doc.srclang == "en"
    assert [u.variants for u in doc.units] == [{"en": "Home", "ru": "Главная"}]
    with pytest.raises(ConfigError, match="'de'"):
        export_tm(ws, dest, ["de"])


def test_import_normalises_and_stores_a_clean_copy(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "vendor.tmx"
    source.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
        '<header srclang="en-US" creationtool="x" datatype="plaintext" segtype="sentence"'
        ' o-tmf="x" adminlang="en"/>\n<body>\n'
        '<tu><tuv xml:lang="en-US"><seg>Jury</seg></tuv>'
        '<tuv xml:lang="kk-KZ"><seg>Қазылар</seg></tuv>'
        '<tuv xml:lang="de-DE"><seg>Jury</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en-US"><seg>Only English</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="en"><seg>Film</seg></tuv>'
        '<tuv xml:lang="fr"><seg>Film</seg></tuv></tu>\n'
        "</body>\n</tmx>\n",
        "utf-8",
    )
    assert import_tm(ws, source) == 1
    stored = imported_path(ws, source)
    assert stored == ws.root / "tm" / "vendor.tmx"
    doc = read_tmx(stored)
    assert doc.srclang == "en"
    assert [u.variants for u in doc.units] == [{"en": "Jury", "kk": "Қазылар"}]
    assert b"DOCTYPE" not in stored.read_bytes()


def test_import_again_replaces_and_nothing_usable_stores_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "a" / "old.tmx"
    first.parent.mkdir()
    export_tm(ws, first)
    assert import_tm(ws, first) == 3
    export_tm(ws, first, ["ru"])
    assert import_tm(ws, first) == 1
    assert len(read_tmx(imported_path(ws, first)).units) == 1
    empty = tmp_path / "empty.tmx"
    empty.write_text('<tmx version="1.4"><header/><body/></tmx>', "utf-8")
    assert import_tm(ws, empty) == 0
    assert not imported_path(ws, empty).exists()


def test_import_refuses_a_bad_file_and_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text('<tmx version="1.4">\n<body>\n<tu><tuv><seg>x</seg></tuv></tu>\n', "utf-8")
    with pytest.raises(CatalogError) as info:
        import_tm(ws, bad)
    assert (info.value.path, info.value.line) == (str(bad), 3)
    assert not (ws.root / "tm").exists()
