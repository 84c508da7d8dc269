from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_news.catalogs.tmx import (
    TranslationUnit,
    is_xml_text,
    normalise_lang,
    read_tmx,
    write_tmx,
)
from l10n_news.errors import CatalogError


def _doc(body: str, header: str = '<header srclang="en"/>') -> bytes:
    head = '<?xml version="1.0"?>\n<tmx version="1.4">\n'
    return f"{head}{header}\n<body>\n{body}</body>\n</tmx>\n".encode()


def test_round_trip_keeps_text_markup_and_properties() -> None:
    units = [
        TranslationUnit(
            {"en": "By <b>%(author)s</b> & co", "kk": "Авторы: <b>%(author)s</b>"},
            srclang="en",
            props={"x-domain": "ui", "x-context": "byline"},
        ),
        TranslationUnit({"ru": "  две строки\r\nи пробелы  ", "en": "two\tlines"}, srclang="ru"),
    ]
    text = write_tmx(units, srclang="*all*")
    doc = read_tmx(text.encode("utf-8"))
    assert [u.variants for u in doc.units] == [u.variants for u in units]
    assert [u.props for u in doc.units] == [u.props for u in units]
    assert [u.srclang for u in doc.units] == ["en", "ru"]
    assert doc.srclang == "*all*"


def test_header_has_the_tmx_14_attributes() -> None:
    doc = read_tmx(write_tmx([], srclang="en").encode())
    for key in ("creationtool", "creationtoolversion", "datatype", "segtype", "o-tmf", "adminlang"):
        assert doc.header[key]
    assert doc.header["srclang"] == "en"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))).filter(is_xml_text))
def test_any_xml_text_survives(text: str) -> None:
    unit = TranslationUnit({"en": text, "ru": "x"})
    assert read_tmx(write_tmx([unit]).encode()).units[0].variants["en"] == text


def test_language_codes_are_normalised_and_tmx_11_lang_is_read() -> None:
    body = (
        '<tu><tuv xml:lang="kk-KZ"><seg>Сәлем</seg></tuv>'
        '<tuv lang="EN_us"><seg>Hello</seg></tuv></tu>\n'
    )
    assert read_tmx(_doc(body)).units[0].variants == {"kk": "Сәлем", "en": "Hello"}
    assert normalise_lang("ru_RU") == "ru"


def test_inline_codes_keep_their_text() -> None:
    body = (
        '<tu><tuv xml:lang="en"><seg>Hi <bpt i="1">&lt;b&gt;</bpt>{name}'
        '<ept i="1">&lt;/b&gt;</ept><ph>%s</ph></seg></tuv></tu>\n'
    )
    assert read_tmx(_doc(body)).units[0].variants["en"] == "Hi <b>{name}</b>%s"


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (_doc("<tu>\n<tuv><seg>x</seg></tuv></tu>\n"), 6, "without xml:lang"),
        (_doc('<tu>\n<tuv xml:lang="en">\n</tuv></tu>\n'), 6, "without <seg>"),
        (_doc('<tu><tuv xml:lang="en"><seg><p>x</p></seg></tuv></tu>\n'), 5, "<p> is not allowed"),
        (b"<tmx>\n<body>\n<tu>\n", 4, "not well-formed"),
        (b"<html>\n</html>", 1, "root element is <html>"),
        (b'<tmx version="2.0"/>', 1, "unsupported TMX version"),
    ],
)
def test_bad_files_name_the_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(CatalogError) as info:
        read_tmx(data, path="bad.tmx")
    assert info.value.path == "bad.tmx"
    assert info.value.line == line
    assert message in info.value.message


@pytest.mark.parametrize(
    "doctype",
    [
        # "billion laughs": nested internal entities
        '<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        # an external entity that would read a local file
        '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        # a parameter entity fetched from elsewhere
        '<!DOCTYPE tmx [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
    ],
)
def test_entities_are_refused(doctype: str) -> None:
    data = (
        f'<?xml version="1.0"?>\n{doctype}\n<tmx version="1.4"><header/><body>'
        '<tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>'
    ).encode()
    with pytest.raises(CatalogError, match="entit"):
        read_tmx(data, path="evil.tmx")


def test_a_doctype_without_entities_is_fine() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        + _doc('<tu><tuv xml:lang="en"><seg>ok</seg></tuv></tu>\n').split(b"\n", 1)[1]
    )
    assert read_tmx(data).units[0].variants == {"en": "ok"}


def test_control_characters_are_not_xml_text() -> None:
    assert not is_xml_text("bell\x07")
    assert is_xml_text("tab\tnewline\n")


def test_translate_toolkit_reads_what_we_write(tmp_path: Path) -> None:
    from translate.storage import tmx as tmx_storage  # translate-toolkit, a test dependency

    units = [TranslationUnit({"en": "Silver Bear & <i>jury</i>", "ru": "Серебряный медведь"})]
    path = tmp_path / "out.tmx"
    path.write_text(write_tmx(units, srclang="en"), "utf-8")
    store = tmx_storage.tmxfile.parsefile(str(path))
    unit = store.units[0]
    assert unit.source == "Silver Bear & <i>jury</i>"
    assert unit.target == "Серебряный медведь"


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        read_tmx(tmp_path / "none.tmx")
