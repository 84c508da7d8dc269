"""Through the real commands: CR, CRLF and 8-bit catalogs keep every translation and their form."""

from __future__ import annotations

import gettext
import json

import pytest
from click.testing import CliRunner

from helpers import article_text, make_workspace, write_article
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def translated_ws(tmp_path):
    """A workspace whose ru catalog of 'festival' is fully reviewed."""
    root = make_workspace(tmp_path / "ws", 'languages = ["en", "ru"]\nsource_language = "en"\n')
    write_article(root, "festival", article_text())
    assert run("extract", "-C", str(root)).exit_code == 0
    assert run("update", "-C", str(root)).exit_code == 0
    ws = Workspace.load(root)
    path = ws.po_path("ru", "festival")
    catalog = ws.read_catalog(path)
    for n, msg in enumerate(catalog):
        msg.msgstr = f"Перевод {n}: ёжик"
    ws.write_catalog(path, catalog)
    return root, ws, path


def reviewed(ws: Workspace, path) -> dict[str, str]:
    return {m.msgid: m.msgstr for m in ws.read_catalog(path) if m.translated}


@pytest.mark.parametrize("newline", [b"\r", b"\r\n"])
def test_update_keeps_every_translation_of_a_cr_or_crlf_catalog(translated_ws, newline):
    root, ws, path = translated_ws
    before = reviewed(ws, path)
    path.write_bytes(path.read_bytes().replace(b"\n", newline))
    write_article(root, "festival", article_text(body="The festival opened on Monday.\n\nNew.\n"))
    assert run("extract", "-C", str(root)).exit_code == 0
    result = run("update", "-C", str(root))
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.count(newline) > 10
    if newline == b"\r\n":
        assert b"\n" not in data.replace(b"\r\n", b"")
    else:
        assert b"\n" not in data
    after = ws.read_catalog(path)
    kept = {m.msgid: m.msgstr for m in after.all_messages() if m.msgstr}
    assert set(before.values()) <= set(kept.values())  # active, fuzzy or obsolete: not lost
    assert run("stats", "-C", str(root)).exit_code == 0


def test_an_8_bit_catalog_reads_back_the_same_after_every_command(translated_ws):
    root, ws, path = translated_ws
    text = path.read_text("utf-8").replace("charset=UTF-8", "charset=ISO-8859-5")
    path.write_bytes(text.encode("iso-8859-5"))
    before = reviewed(ws, path)
    write_article(root, "festival", article_text(title="Festival opens in Astana"))
    for command in ("extract", "update", "check", "compile", "stats"):
        result = run(command, "-C", str(root))
        assert result.exit_code in (0, 1), (command, result.output)  # check may find things
    data = path.read_bytes()
    assert b"charset=ISO-8859-5" in data
    assert data.decode("iso-8859-5")  # still valid in its charset
    after = {m.msgid: m.msgstr for m in ws.read_catalog(path).all_messages() if m.msgstr}
    assert set(before.values()) <= set(after.values())
    assert all("ёжик" in v for v in after.values())
    with path.with_suffix(".mo").open("rb") as mo:
        translations = gettext.GNUTranslations(mo)
    assert translations.gettext("The festival opened on Monday.").endswith("ёжик")


def test_a_plural_rule_that_divides_by_zero_is_refused_by_compile_and_check(translated_ws):
    root, _, path = translated_ws
    text = path.read_text("utf-8")
    header_line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln == 'msgid ""')
    text = text.replace("Plural-Forms: nplurals=3;", "Plural-Forms: nplurals=3; plural=n/0; x=")
    path.write_text(text, "utf-8")
    compiled = run("compile", "-C", str(root))
    assert compiled.exit_code == 2
    assert "l10n-news: locales/ru/LC_MESSAGES/festival.po:" in compiled.output
    assert "division by zero" in compiled.output and "Traceback" not in compiled.output
    assert not path.with_suffix(".mo").exists()
    checked = run("check", "-C", str(root), "--json")
    assert checked.exit_code == 1
    findings, _ = json.JSONDecoder().raw_decode(checked.output)
    assert [f["line"] for f in findings if f["check"] == "plural-forms"] == [header_line]


def test_publish_holds_back_only_the_variant_whose_catalog_is_broken(sample_ws):
    ws = Workspace.load(sample_ws)
    slug = next(p.stem for _, _, p in ws.catalog_paths() if p.stem != "ui")
    bad = ws.po_path("ru", slug)
    bad.write_bytes(bad.read_bytes() + b'msgstr "a second one"\n')
    result = run("publish", "-C", str(sample_ws))
    assert "Traceback" not in result.output
    assert f"held back {slug}: locales/ru/LC_MESSAGES/{slug}.po:" in result.output
    site = sample_ws / "site"
    assert not (site / "ru" / slug).exists()
    assert (site / "en" / slug / "index.html").is_file()
    assert (site / "kk" / slug / "index.html").is_file()


def test_run_goes_on_past_a_broken_catalog_and_names_it(sample_ws):
    ws = Workspace.load(sample_ws)
    slug = next(p.stem for lang, _, p in ws.catalog_paths() if lang == "kk" and p.stem != "ui")
    bad = ws.po_path("kk", slug)
    broken = bad.read_bytes() + b'msgstr "a second one"\n'
    bad.write_bytes(broken)
    result = run("run", "-C", str(sample_ws), "--engine", "pseudo")
    assert result.exit_code == 1, result.output
    assert f"l10n-news: locales/kk/LC_MESSAGES/{slug}.po:" in result.output
    assert "Traceback" not in result.output
    assert bad.read_bytes() == broken
    site = sample_ws / "site"
    assert (site / "ru" / slug / "index.html").is_file()
    assert not (site / "kk" / slug).exists()
    translated = run("translate", "-C", str(sample_ws), "--engine", "pseudo")
    assert translated.exit_code == 2 and f"locales/kk/LC_MESSAGES/{slug}.po:" in translated.output
