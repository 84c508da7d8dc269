"""compile's .mo against GNU msgfmt's, compared through msgunfmt."""

import subprocess

import pytest

from conftest import require_tool
from l10n_news.catalogs import Catalog, Message, read_po, write_mo

CATALOGS = [
    "GNOME_gnome-software/ru.po",
    "GNOME_gnome-software/kk.po",
    "GNOME_gnome-calendar/ru@d106507b.po",
    "GNOME_gnome-calculator/kk.po",
    "bleachbit/ru.po",
    "bleachbit/kk.po",
    "phpmyadmin/kk.excerpt.po",
]


def unformat(msgunfmt: str, mo: bytes, tmp_path) -> str:
    path = tmp_path / "x.mo"
    path.write_bytes(mo)
    return subprocess.run([msgunfmt, str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", CATALOGS)
@pytest.mark.parametrize("use_fuzzy", [False, True])
def test_mo_carries_what_msgfmt_compiles(shared, tmp_path, name, use_fuzzy):
    msgfmt, msgunfmt = require_tool("msgfmt"), require_tool("msgunfmt")
    po = shared / "corpus" / "po" / name
    gnu = tmp_path / "gnu.mo"
    subprocess.run(
        [msgfmt, *(["--use-fuzzy"] if use_fuzzy else []), "-o", str(gnu), str(po)], check=True
    )
    ours = write_mo(read_po(po), use_fuzzy=use_fuzzy)
    assert unformat(msgunfmt, ours, tmp_path) == unformat(msgunfmt, gnu.read_bytes(), tmp_path)


def test_python_gettext_reads_our_mo(tmp_path):
    import gettext

    from l10n_news.languages import LANGUAGES

    cat = Catalog(
        {
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": LANGUAGES["ru"].plural_forms,
        }
    )
    cat.add(Message(msgid="Advertising", msgstr="Реклама"))
    cat.add(Message(msgid="Share", msgstr="Поделиться", msgctxt="button"))
    cat.add(
        Message(
            msgid="%d film",
            msgid_plural="%d films",
            msgstr_plural=["%d фильм", "%d фильма", "%d фильмов"],
        )
    )
    cat.add(Message(msgid="Draft", msgstr="Черновик", flags=["fuzzy"]))
    path = tmp_path / "ru.mo"
    path.write_bytes(write_mo(cat))
    with path.open("rb") as f:
        t = gettext.GNUTranslations(f)
    assert t.gettext("Advertising") == "Реклама"
    assert t.pgettext("button", "Share") == "Поделиться"
    assert t.ngettext("%d film", "%d films", 5) == "%d фильмов"
    assert t.ngettext("%d film", "%d films", 22) == "%d фильма"
    assert t.gettext("Draft") == "Draft"
