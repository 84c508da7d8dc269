"""kk-Latn, the derived variant: published from kk's reviewed text, transliterated, with kk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.cli.main import cli
from l10n_news.errors import ConfigError
from l10n_news.publish import publish_workspace
from l10n_news.publish.leaks import visible_text
from l10n_news.stats import workspace_stats
from l10n_news.workspace import Workspace
from test_publish_site import TRANSLATIONS, make_workspace, write_catalog

SLUG = "library-hall"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def with_kk_latn(ws: Workspace, extra: str = "") -> Workspace:
    config = ws.config_path.read_text("utf-8").replace(
        'languages = ["ru", "en", "kk"]', 'languages = ["ru", "en", "kk", "kk-Latn"]'
    )
    ws.config_path.write_text(config + extra, "utf-8")
    return Workspace.load(ws.root)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return with_kk_latn(make_workspace(tmp_path / "ws"))


def page(ws: Workspace, rel: str) -> str:
    return (ws.root / "site" / rel).read_text("utf-8")


def test_kk_latn_page_is_wholly_latin_script_kazakh(ws: Workspace) -> None:
    report = publish_workspace(ws)
    assert report.languages["kk-Latn"].published == [SLUG]
    assert report.languages["kk-Latn"].derived_from == "kk"
    assert report.as_dict()["languages"]["kk-Latn"]["derived_from"] == "kk"
    html = page(ws, f"kk-Latn/{SLUG}/index.html")
    assert '<html lang="kk-Latn">' in html
    assert '<meta property="og:locale" content="kk_Latn_KZ">' in html
    assert "<h1>Qalalyq kıtaphanada balalarğa arnalğan oqu zaly aşyldy</h1>" in html
    assert "Kıru barlyq oqyrmanğa <strong>tegın</strong>." in html
    # The kk CLDR long date, transliterated: «2013 ж. 19 ақпан» -> «2013 j. 19 aqpan».
    assert ">2013\u00a0j. 19 aqpan, 19:05</time>" in html
    # The ui strings are kk's reviewed ones, transliterated.
    assert "Jarnama" in html and "Basty bet" in html
    assert '<strong translate="no" lang="kk-Latn">Qazaqşa</strong>' in html
    # What a visitor reads is Latin script; Cyrillic shows only in the other languages' names.
    seen = " ".join(visible_text(html))
    assert not CYRILLIC.search(seen)
    for lang in ("ru", "en", "kk"):
        other = page(ws, f"{lang}/{SLUG}/index.html")
        assert (
            f'<link rel="alternate" hreflang="kk-Latn" href="https://news.test/kk-Latn/{SLUG}/">'
            in other
        )
        assert '<meta property="og:locale:alternate" content="kk_Latn_KZ">' in other
        assert ">Qazaqşa</a>" in other
    sitemap = page(ws, "sitemap.xml")
    assert f'hreflang="kk-Latn" href="https://news.test/kk-Latn/{SLUG}/"' in sitemap
    assert "Qazaqşa" in page(ws, "index.html")
    front = page(ws, "kk-Latn/index.html")
    assert '<html lang="kk-Latn">' in front and "2013\u00a0j. 19 aqpan" in front
    parser = html5lib.HTMLParser(strict=True)
    for rel in (f"kk-Latn/{SLUG}/index.html", "kk-Latn/index.html"):
        parser.parse(page(ws, rel))


def test_2018_alphabet(ws: Workspace) -> None:
    ws = with_kk_latn(ws, '\n[language.kk-Latn]\nalphabet = "2018"\n')
    publish_workspace(ws)
    html = page(ws, f"kk-Latn/{SLUG}/index.html")
    assert "<h1>Qalalyq kitaphanada balalarǵa arnalǵan oqý zaly ashyldy</h1>" in html
    assert ">Qazaqsha</strong>" in html
    assert ">Qazaqsha</a>" in page(ws, f"ru/{SLUG}/index.html")


def test_changing_the_alphabet_renders_the_pages_again(ws: Workspace) -> None:
    publish_workspace(ws)
    assert publish_workspace(ws).rendered == []
    ws = with_kk_latn(ws, '\n[language.kk-Latn]\nalphabet = "2018"\n')
    rendered = publish_workspace(ws).rendered
    assert f"kk-Latn/{SLUG}/index.html" in rendered
    assert f"ru/{SLUG}/index.html" in rendered  # its switcher names «Qazaqsha» now


def test_published_exactly_when_kk_is(ws: Workspace) -> None:
    write_catalog(ws, "kk", SLUG, TRANSLATIONS["kk"], state="draft")
    report = publish_workspace(ws)
    kk, latn = report.languages["kk"], report.languages["kk-Latn"]
    assert SLUG in kk.held and SLUG in latn.held
    assert latn.held[SLUG] == kk.held[SLUG]  # the same gate on the same units
    assert not (ws.root / "site" / "kk-Latn" / SLUG).exists()
    report = publish_workspace(ws, allow_drafts=True)
    assert report.languages["kk-Latn"].drafts == [SLUG] == report.languages["kk"].drafts
    assert "noindex" in page(ws, f"kk-Latn/{SLUG}/index.html")
    ws.po_path("kk", SLUG).unlink()
    report = publish_workspace(ws)
    assert "no catalog" in report.languages["kk-Latn"].held[SLUG]


def test_a_kk_article_has_its_latin_variant_from_its_own_text(ws: Workspace) -> None:
    article = ws.root / "articles" / "kk-note" / "article.md"
    article.parent.mkdir()
    article.write_text(
        "---\ntitle: Кітапхана жаңа зал ашты\nlang: kk\ndate: 2013-02-19T19:05:00+06:00\n---\n"
        "Зал Telegram-да хабарланды: https://kitap.kz/zal\n",
        "utf-8",
    )
    report = publish_workspace(ws, formats=("html", "markdown"))
    assert "kk-note" in report.languages["kk-Latn"].published
    html = page(ws, "kk-Latn/kk-note/index.html")
    assert "<h1>Kıtaphana jaña zal aşty</h1>" in html
    assert "Zal Telegram-da habarlandy: https://kitap.kz/zal" in html
    # Its Markdown says what it is: the kk original in Latin letters, no translation.
    front = page(ws, "kk-Latn/kk-note/article.md").split("---")[1]
    assert "transliteration_of: kk" in front and "translation_of" not in front
    front = page(ws, f"kk-Latn/{SLUG}/article.md").split("---")[1]
    assert "translation_of: en" in front and "transliteration_of: kk" in front


def test_cyrillic_left_on_a_latin_page_is_a_leak(ws: Workspace) -> None:
    # A letter outside the Kazakh alphabet has no Latin spelling: it would stay Cyrillic.
    table = dict(TRANSLATIONS["kk"])
    table["library"] = "бібліотеї"
    write_catalog(ws, "kk", SLUG, table)
    report = publish_workspace(ws)
    assert SLUG in report.languages["kk"].published
    assert SLUG in report.languages["kk-Latn"].held
    (leak,) = report.leaks
    assert leak.lang == "kk-Latn" and "Cyrillic" in leak.why and "ї" in leak.word
    assert "kk-Latn" not in page(ws, f"kk/{SLUG}/index.html")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('languages = ["ru", "kk-Latn"]\n', "'kk-Latn' is made from 'kk': add 'kk'"),
        ('languages = ["kk", "kk-Latn"]\nsource_language = "kk-Latn"\n', "derived from 'kk'"),
    ],
)
def test_bad_language_lists(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "l10n-news.toml").write_text(config, "utf-8")
    with pytest.raises(ConfigError, match=message):
        Workspace.load(tmp_path)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[language.kk-Latn]\nalphabet = "1940"\n', "alphabet must be one of 2021, 2018"),
        ('[language.kk-Latn]\nscript = "Latn"\n', "unknown key 'script'"),
        ('[language.kk]\nalphabet = "2021"\n', "only derived variants have settings"),
    ],
)
def test_bad_settings_are_one_line_errors(ws: Workspace, table: str, message: str) -> None:
    ws.config_path.write_text(ws.config_path.read_text("utf-8") + "\n" + table, "utf-8")
    result = CliRunner().invoke(cli, ["publish", "-C", str(ws.root)])
    assert result.exit_code == 2
    # The schema (config.py) refuses an unknown key with its line; the stage, the rest.
    assert "l10n-news.toml:" in result.output and "[language." in result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_update_makes_no_catalogs_for_kk_latn(ws: Workspace) -> None:
    result = CliRunner().invoke(cli, ["extract", "-C", str(ws.root)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["update", "-C", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert (ws.root / "locales" / "kk").is_dir()
    assert not (ws.root / "locales" / "kk-Latn").exists()


def test_stats_show_kk_latn_as_made_from_kk(ws: Workspace) -> None:
    rows = {(r.lang, r.domain): r for r in workspace_stats(ws)}
    kk, latn = rows[("kk", SLUG)], rows[("kk-Latn", SLUG)]
    assert latn.derived_from == "kk" and kk.derived_from is None
    assert (latn.total, latn.translated) == (kk.total, kk.translated)
    only = workspace_stats(ws, langs=["kk-Latn"])
    assert {r.lang for r in only} == {"kk-Latn"}
    result = CliRunner().invoke(cli, ["stats", "-C", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"^kk-Latn +{SLUG} .*\(from kk\)$", result.output, re.M)
    result = CliRunner().invoke(cli, ["stats", "-C", str(ws.root), "--json"])
    row = next(r for r in json.loads(result.output) if r["lang"] == "kk-Latn")
    assert row["derived_from"] == "kk"


def test_check_findings_on_kk_name_kk_latn(ws: Workspace) -> None:
    catalog = ws.read_catalog(ws.po_path("kk", SLUG))
    bad: Message = next(m for m in catalog if m.msgid.startswith("Entry is"))
    bad.msgstr = "Кіру барлық оқырманға **тегін."  # unpaired markup
    ws.write_catalog(ws.po_path("kk", SLUG), catalog)
    result = CliRunner().invoke(cli, ["check", "-C", str(ws.root), "--json", "-l", "kk-Latn"])
    rows, _ = json.JSONDecoder().raw_decode(result.output)  # then the one-line summary error
    assert rows and all(r["lang"] == "kk" and r["derived"] == ["kk-Latn"] for r in rows)
    result = CliRunner().invoke(cli, ["check", "-C", str(ws.root), "--json", "-l", "ru"])
    assert all("derived" not in r for r in json.JSONDecoder().raw_decode(result.output)[0])
    result = CliRunner().invoke(cli, ["check", "-C", str(ws.root)])
    assert "check: kk-Latn is made from kk: kk's findings are its own" in result.output


def test_sample_workspace_with_kk_latn_publishes_cleanly(sample_ws: Path) -> None:
    config = sample_ws / "l10n-news.toml"
    config.write_text(config.read_text("utf-8").replace('"kk"]', '"kk", "kk-Latn"]'), "utf-8")
    ws = Workspace.load(sample_ws)
    report = publish_workspace(ws)
    assert not report.leaks
    assert sorted(report.languages["kk-Latn"].published) == sorted(report.languages["kk"].published)
    html = (
        sample_ws / "site" / "kk-Latn" / "steppe-shorts-festival-opens" / "index.html"
    ).read_text("utf-8")
    assert "«Steppe Shorts» festivalı" in html  # the glossary's Latin name, kept as written
    assert "Telegram-dağy" in html


def test_derived_catalog_keeps_header_and_states(ws: Workspace) -> None:
    from l10n_news.derived import derived_variants

    variant = derived_variants(ws)["kk-Latn"]
    base = Catalog({"Language": "kk", "Plural-Forms": "nplurals=2; plural=(n != 1);"})
    base.add(Message("One", msgstr="Бір", flags=["fuzzy"]))
    derived = variant.catalog(base)
    assert derived.header["Language"] == "kk-Latn"
    assert derived.header["Plural-Forms"] == base.header["Plural-Forms"]
    (message,) = derived
    assert message.msgstr == "Bır" and message.fuzzy


def test_languages_table_beside_the_list_gets_a_hint(tmp_path: Path) -> None:
    (tmp_path / "l10n-news.toml").write_text(
        'languages = ["kk", "kk-Latn"]\n[languages.kk-Latn]\nalphabet = "2018"\n', "utf-8"
    )
    with pytest.raises(ConfigError, match=r"settings go in \[language.<code>\]"):
        Workspace.load(tmp_path)


@pytest.mark.parametrize(
    "command",
    [
        ["update", "-l", "kk-Latn"],
        ["translate", "-l", "kk-Latn", "--engine", "pseudo"],
        ["review", "-l", "kk-Latn"],
    ],
)
def test_kk_latn_is_not_translated_or_reviewed_on_its_own(
    ws: Workspace, command: list[str]
) -> None:
    result = CliRunner().invoke(cli, [command[0], "-C", str(ws.root), *command[1:]], input="")
    assert result.exit_code == 2, result.output
    assert "'kk-Latn' is made from 'kk' by transliteration" in result.output
    assert not (ws.root / "locales" / "kk-Latn").exists()
