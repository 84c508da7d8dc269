"""Catalogs keep their charset, their line endings and their header bytes; plural rules and
odd bytes are judged as GNU judges them."""

from __future__ import annotations

import gettext
import io

import pytest

from l10n_news.catalogs import Message, read_po, write_mo
from l10n_news.catalogs.pofile import dump_po
from l10n_news.compile import validate_for_compile
from l10n_news.errors import CatalogError

HEAD = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
)
RU = HEAD + (
    '# a translator\'s note\nmsgid "Prices"\nmsgstr "Цены: € и ₽"\n\n'
    'msgid "Home"\nmsgstr "Главная"\n'
)


def test_iso_8859_15_catalog_reads_back_the_same_text_after_a_write(shared):
    path = shared / "corpus" / "polib" / "test_iso-8859-15.po"
    catalog = read_po(path)
    before = {m.msgid: m.msgstr for m in catalog}
    assert any("é" in s for s in before.values())
    assert dump_po(catalog) == path.read_bytes()  # untouched: the same bytes
    first = next(iter(catalog))
    first.msgstr = "Prix € café"  # fits ISO-8859-15: the file stays in it
    data = dump_po(catalog)
    assert "charset=ISO_8859-15" in data.decode("iso-8859-15")
    again = read_po(data)
    assert again.get(first.msgid).msgstr == "Prix € café"
    assert {m.msgid: m.msgstr for m in again if m.msgid != first.msgid} == {
        k: v for k, v in before.items() if k != first.msgid
    }
    assert dump_po(read_po(dump_po(again))) == dump_po(again)  # no drift on the next save


def test_text_outside_the_charset_turns_the_file_into_utf8_in_the_same_write(shared):
    catalog = read_po(shared / "corpus" / "polib" / "test_iso-8859-15.po")
    first = next(iter(catalog))
    first.msgstr = "Бағасы ₸"  # Kazakh: not in ISO-8859-15
    data = dump_po(catalog)
    assert b"charset=UTF-8" in data
    again = read_po(data)
    assert again.get(first.msgid).msgstr == "Бағасы ₸"
    assert "é" in "".join(m.msgstr for m in again)


@pytest.mark.parametrize("charset, codec", [("KOI8-R", "koi8-r"), ("CP1251", "cp1251")])
def test_cyrillic_8_bit_catalogs_keep_their_bytes_and_compile(charset, codec):
    data = RU.replace(": € и ₽", "").format(charset=charset).encode(codec)
    catalog = read_po(data)
    assert catalog.get("Prices").msgstr == "Цены"
    assert dump_po(catalog) == data
    catalog.get("Home").msgstr = "На главную"
    assert read_po(dump_po(catalog)).get("Home").msgstr == "На главную"
    mo = gettext.GNUTranslations(io.BytesIO(write_mo(catalog)))
    assert mo.gettext("Home") == "На главную"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_catalogs_parse_and_keep_their_line_endings(newline):
    data = RU.format(charset="UTF-8").replace("\n", newline).encode()
    catalog = read_po(data)
    assert catalog.get("Prices").msgstr == "Цены: € и ₽"
    assert catalog.get("Prices").translator_comments == ["a translator's note"]
    assert dump_po(catalog) == data
    catalog.add(Message(msgid="New", msgstr="Новое"))
    written = dump_po(catalog)
    assert written.count(newline.encode()) == data.count(newline.encode()) + 3
    if newline == "\r\n":
        assert b"\n" not in written.replace(b"\r\n", b"")
    else:
        assert b"\n" not in written


def test_header_bytes_and_msgcat_lines_are_kept():
    data = (
        b'msgid ""\nmsgstr ""\n"Project-Id-Version:adduser 3.1\\n"\n'
        b'"#-#-#-#-#  kk.po (at-spi2-core master)  #-#-#-#-#\\n"\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n'
        b'"Plural-Forms:  nplurals=2; plural=(n != 1);\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    )
    catalog = read_po(data)
    assert catalog.header["Project-Id-Version"] == "adduser 3.1"
    catalog.header["Language"] = "kk"
    text = dump_po(catalog).decode()
    for kept in ("Project-Id-Version:adduser 3.1", "#-#-#-#-#  kk.po", "Plural-Forms:  nplurals"):
        assert kept in text
    assert '"Language: kk\\n"' in text


def test_octal_and_hex_escapes_are_bytes_of_the_charset():
    data = (HEAD.format(charset="UTF-8") + 'msgid "a"\nmsgstr "caf\\303\\251 \\x41"\n').encode()
    assert read_po(data).get("a").msgstr == "café A"


def test_a_bom_is_refused_like_msgfmt_does():
    with pytest.raises(CatalogError, match="byte-order mark") as info:
        read_po(b"\xef\xbb\xbf" + RU.format(charset="UTF-8").encode(), path="x.po")
    assert info.value.line == 1


def test_odd_bytes_in_comments_are_kept_and_refused_in_strings():
    head = HEAD.format(charset="UTF-8").encode()
    data = head + b'# caf\xe9\nmsgid "a"\nmsgstr "b"\n'
    assert dump_po(read_po(data)) == data
    with pytest.raises(CatalogError, match="invalid utf-8") as info:
        read_po(head + b'msgid "a"\nmsgstr "caf\xe9"\n', path="x.po")
    assert info.value.line == 7  # the msgstr's line


@pytest.mark.parametrize(
    "rule, problem",
    [
        ("nplurals=2; plural=n/0;", "division by zero"),
        ("nplurals=2; plural=n%0;", "division by zero"),
        ("nplurals=1; plural=n>1;", "as large as 1"),
        ("nplurals=2; plural=n>>1;", "invalid plural expression"),
        ("nplurals=x; plural=0;", "invalid nplurals"),
        ("nplurals=0; plural=0;", "nplurals"),
    ],
)
def test_plural_rules_msgfmt_refuses_are_refused_with_file_and_line(rule, problem):
    data = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {rule}\\n"\n\nmsgid "a"\nmsgid_plural "as"\n'
        'msgstr[0] "b"\nmsgstr[1] "c"\n'
    )
    catalog = read_po(data.encode())
    with pytest.raises(CatalogError, match=problem) as info:
        validate_for_compile(catalog, "ru.po")
    assert str(info.value).startswith("ru.po:1: Plural-Forms: ")


@pytest.mark.parametrize(
    "rule",
    [
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
        "nplurals=2; plural=(n != 1);",
        "nplurals=1; plural=0;",
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5;",
    ],
)
def test_real_plural_rules_pass_and_compute_as_gettext(rule):
    from l10n_news.catalogs.plural_forms import validated_plural_rule

    ours = validated_plural_rule(rule)
    python = gettext.c2py(rule.split("plural=", 1)[1].rstrip(";"))
    assert [ours(n) for n in range(300)] == [python(n) for n in range(300)]
