import subprocess

import pytest

from conftest import require_tool
from l10n_news.catalogs import Catalog, Message, read_po, write_po
from l10n_news.catalogs.pofile import escape, unescape
from l10n_news.errors import CatalogError

REAL = [
    "po/bleachbit/ru.po",
    "po/bleachbit/kk.merged-by-msgmerge-0.21.po",
    "po/GNOME_gnome-software/ru.po",
    "po/GNOME_gnome-calendar/ru@d106507b.po",
    "po/phpmyadmin/kk.excerpt.po",
    "polib/test_utf8.po",
    "polib/test_pofile_helpers.po",
    "polib/test_obsolete_previousmsgid.po",
]


@pytest.mark.parametrize("name", REAL)
def test_untouched_catalog_is_written_back_byte_for_byte(shared, name):
    path = shared / "corpus" / name
    text = path.read_bytes().decode("utf-8").lstrip("\ufeff")
    assert write_po(read_po(path)) == text


@pytest.mark.parametrize("name", REAL)
def test_regenerated_catalog_is_valid_and_equal(shared, name, tmp_path):
    msgfmt = require_tool("msgfmt")
    catalog = read_po(shared / "corpus" / name)
    for m in catalog.all_messages():
        m.source_fingerprint = None  # force our own formatting everywhere
    catalog.header_source_fingerprint = None
    out = tmp_path / "out.po"
    out.write_text(write_po(catalog), "utf-8")
    again = read_po(out)
    assert [m.fingerprint() for m in again.all_messages()] == [
        m.fingerprint() for m in catalog.all_messages()
    ]
    assert again.header == catalog.header
    if "kk.excerpt" not in name:
        subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(out)], check=True)


def test_syntax_error_names_file_and_line(shared):
    path = shared / "corpus" / "polib" / "test_syntax_error1.po"
    with pytest.raises(CatalogError) as info:
        read_po(path)
    assert info.value.line == 5
    assert str(info.value).startswith(f"{path}:5: ")


def test_invalid_utf8_is_reported_with_its_line():
    data = (
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "a"\nmsgstr "\xff"\n'
    )
    with pytest.raises(CatalogError) as info:
        read_po(data, path="x.po")
    assert info.value.line == 5


def test_declared_charset_is_honoured(shared):
    catalog = read_po(shared / "corpus" / "polib" / "test_iso-8859-15.po")
    assert any("€" in s or "é" in s for m in catalog for s in m.strings)


@pytest.mark.parametrize(
    "text", ["plain", 'quote " and back\\slash', "tab\tnew\nline", "bell\a vt\v ff\f", ""]
)
def test_escape_round_trip(text):
    assert unescape(escape(text)) == text


def test_vertical_tab_does_not_split_lines(shared):
    catalog = read_po(shared / "corpus" / "polib" / "test_word_garbage.po")
    assert "\x0bSome more text." in next(iter(catalog)).msgstr


def test_long_and_multiline_strings_are_wrapped_like_gnu():
    cat = Catalog({"Content-Type": "text/plain; charset=UTF-8"})
    long = "word " * 30
    cat.add(Message(msgid=long.strip(), msgstr="line one\nline two"))
    text = write_po(cat)
    assert 'msgid ""\n"word word' in text
    assert 'msgstr ""\n"line one\\n"\n"line two"' in text
    assert all(len(line) <= 79 for line in text.splitlines())


def test_edited_entry_is_rewritten_others_kept(shared, tmp_path):
    src = shared / "corpus" / "po" / "bleachbit" / "ru.po"
    original = src.read_text("utf-8")
    catalog = read_po(src)
    first = next(iter(catalog))
    first.msgstr = "Новый перевод"
    out = write_po(catalog)
    changed = [
        line
        for line in set(out.splitlines()) ^ set(original.splitlines())
        if not line.startswith("#")
    ]
    assert any("Новый перевод" in line for line in changed)
    assert len(changed) <= 4


def test_duplicate_definition_is_an_error():
    data = 'msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n'
    with pytest.raises(CatalogError) as info:
        read_po(data, path="d.po")
    assert info.value.line == 4


def test_obsolete_and_previous_are_read():
    data = (
        '#, fuzzy\n#| msgid "Old"\nmsgid "New"\nmsgstr "Новый"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Ушло"\n'
    )
    catalog = read_po(data)
    msg = catalog.get("New")
    assert msg.fuzzy and msg.previous_msgid == "Old"
    assert catalog.obsolete[0].msgid == "Gone" and catalog.obsolete[0].msgstr == "Ушло"
    assert write_po(catalog) == data
