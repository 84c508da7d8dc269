from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_workspace
from l10n_news.catalogs.tbx import read_tbx
from l10n_news.errors import ConfigError
from l10n_news.glossary import Glossary
from l10n_news.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

CSV = """\
en,ru,kk,note,do_not_translate
Berlinale,Берлинале,Берлинале,a festival,
Bear,Медведь,Аю,a short word,
Silver Bear,Серебряный медведь|!Серебряный мишка,Күміс аю,a prize,
The Salt Steppe,Солёная степь|!Соляная степь,Тұзды дала|!Тұз даласы,a film,
prize|!price,премия,жүлде,,
Netflix,,,a brand,yes
"""


@pytest.fixture
def glossary() -> Glossary:
    return Glossary.parse(CSV, path="glossary.csv")


def labels(glossary: Glossary, text: str, lang: str) -> list[str]:
    return [t.label for t in glossary.terms_in(text, lang)]


def test_case_insensitive_whole_words_longest_first(glossary: Glossary) -> None:
    text = "A SILVER BEAR for the bear trainer; no Bearings, no Berlinales2."
    assert labels(glossary, text, "en") == ["Silver Bear", "Bear"]
    found = glossary.find(text, "en")
    assert [m.text for m in found] == ["SILVER BEAR", "bear"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Фильм получил Серебряного медведя на Берлинале.", "ru", ["Silver Bear", "Berlinale"]),
        ("Жюри вручило премии; премией гордятся.", "ru", ["prize"]),
        ("Премьера прошла в кинотеатре.", "ru", []),  # "премия" is not "премьера"
        ("Показ «Соленой степи» в Берлинале.", "ru", ["The Salt Steppe", "Berlinale"]),
        ("Фильм Берлиналеде Күміс аюды алды.", "kk", ["Berlinale", "Silver Bear"]),
        ("Netflix-ке сатылды, жүлделер берілді.", "kk", ["Netflix", "prize"]),
        (
            "The Berlinale's Silver Bears went to Netflix.",
            "en",
            ["Berlinale", "Silver Bear", "Netflix"],
        ),
    ],
)
def test_inflected_forms_are_found(
    text: str, lang: str, expected: list[str], glossary: Glossary
) -> None:
    assert labels(glossary, text, lang) == expected


def test_renderings_and_do_not_translate(glossary: Glossary) -> None:
    bear, *_ = glossary.terms_in("Silver Bear", "en")
    assert bear.rendering("kk") == "Күміс аю"
    assert bear.rendering("ru") == "Серебряный медведь"
    assert [t.label for t in glossary.do_not_translate_terms()] == ["Netflix"]
    netflix = glossary.do_not_translate_terms()[0]
    assert netflix.rendering("ru") == netflix.rendering("kk") == "Netflix"


def test_allowed_names_are_forms_in_the_other_script(glossary: Glossary) -> None:
    assert glossary.allowed_names("ru") == {"Netflix"}
    assert glossary.allowed_names("kk") == {"Netflix"}
    assert glossary.allowed_names("en") == set()


def test_check_reports_missing_and_wrong_renderings(glossary: Glossary) -> None:
    source = "The Salt Steppe won a Silver Bear at the Berlinale."
    good = "«Солёная степь» получила Серебряного медведя на Берлинале."
    assert glossary.check(source, "en", "ru", good) == []
    bad = "«Соляная степь» получила главный приз в Берлине."
    problems = glossary.check(source, "en", "ru", bad)
    assert problems == [
        "glossary: 'Соляная степь' is a wrong rendering of 'The Salt Steppe'; use 'Солёная степь'",
        "glossary: 'The Salt Steppe' should be rendered 'Солёная степь' in ru",
        "glossary: 'Silver Bear' should be rendered 'Серебряный медведь' in ru",
        "glossary: 'Berlinale' should be rendered 'Берлинале' in ru",
    ]


def test_enforce_replaces_only_exact_wrong_forms(glossary: Glossary) -> None:
    source = "The Salt Steppe won a Silver Bear."
    mt = "Соляная степь получила Серебряный мишка."
    assert glossary.enforce(source, "en", "ru", mt) == "Солёная степь получила Серебряный медведь."
    # An inflected wrong form is left for the checks: replacing it would drop its ending.
    inflected = "Показ «Соляной степи»."
    assert glossary.enforce(source, "en", "ru", inflected) == inflected
    assert glossary.check(source, "en", "ru", inflected)
    # Nothing is touched when the required rendering is there already.
    fine = "Тұзды дала фильмі Күміс аю алды."
    assert glossary.enforce(source, "en", "kk", fine) == fine


def test_enforce_keeps_a_capital_letter(glossary: Glossary) -> None:
    out = glossary.enforce("Премия фестиваля", "ru", "en", "Price of the festival, a price")
    assert out == "Prize of the festival, a prize"
    # A title keeps the capitals the glossary gives it.
    out = glossary.enforce("The Salt Steppe", "en", "kk", "тұз даласы туралы")
    assert out == "Тұзды дала туралы"
    # No term in the source: untouched.
    assert glossary.enforce("Festival news", "en", "kk", "Тұз даласы") == "Тұз даласы"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("ru,kk,colour\nа,б,в\n", 1, "unknown column 'colour'"),
        ("note\nx\n", 1, "the first row must name the columns"),
        ("en,ru\nBear,Медведь,extra\n", 2, "3 cells but 2 columns"),
        ("en,ru,do_not_translate\nBear,Медведь,maybe\n", 2, "do_not_translate must be"),
        ("en,ru\n,!Мишка\n", 2, "need a required form first"),
        ("en,ru,note\n,,just a note\n", 2, "needs a form"),
    ],
)
def test_bad_csv_names_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        Glossary.parse(text, path="glossary.csv")
    assert (info.value.path, info.value.line) == ("glossary.csv", line)
    assert message in info.value.message


def test_comments_and_blank_rows_are_skipped() -> None:
    glossary = Glossary.parse("en,ru\n# a comment\n\nBear,Медведь\n")
    assert [t.line for t in glossary.terms] == [4]


def test_load_from_workspace_and_config(tmp_path: Path) -> None:
    ws_dir = make_workspace(tmp_path / "ws")
    assert len(Glossary.load(Workspace.load(ws_dir))) == 0  # no file: an empty glossary
    (ws_dir / "terms").mkdir()
    (ws_dir / "terms" / "film.csv").write_text(CSV, "utf-8")
    config = (ws_dir / "l10n-news.toml").read_text() + '[glossary]\npath = "terms/film.csv"\n'
    (ws_dir / "l10n-news.toml").write_text(config, "utf-8")
    glossary = Glossary.load(Workspace.load(ws_dir))
    assert len(glossary) == 6
    assert glossary.path == "terms/film.csv"
    (ws_dir / "terms" / "film.csv").unlink()
    with pytest.raises(ConfigError, match="does not exist"):
        Glossary.load(Workspace.load(ws_dir))


def test_sample_glossary_is_valid() -> None:
    glossary = Glossary.parse((ROOT / "glossary.csv").read_text("utf-8"), path="glossary.csv")
    assert len(glossary) >= 8
    assert labels(glossary, "Золотого медведя получил «Казахфильм»", "ru") == [
        "Golden Bear",
        "Kazakhfilm",
    ]
    for term in glossary.terms:
        if not term.do_not_translate:
            assert all(term.rendering(lang) for lang in ("en", "ru", "kk")), term.label


TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>film terms</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <descrip type="definition">a Berlinale prize</descrip>
  <langSet xml:lang="en"><tig><term>Silver Bear</term></tig></langSet>
  <langSet xml:lang="ru-RU">
    <tig><term>Серебряный мишка</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <tig><term>Серебряный медведь</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="de"><tig><term>Silberner Bär</term></tig></langSet>
</termEntry>
</body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>film terms</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>jury</term></termSec></langSec>
  <langSec xml:lang="kk"><termSec><term>қазылар алқасы</term></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>
"""


def test_tbx_v2_with_statuses() -> None:
    [term] = read_tbx(TBX_V2.encode(), path="film.tbx")
    assert term.forms == {"en": ("Silver Bear",), "ru": ("Серебряный медведь",)}
    assert term.wrong == {"ru": ("Серебряный мишка",)}
    assert (term.note, term.line) == ("a Berlinale prize", 5)


def test_tbx_v3_loaded_from_config(tmp_path: Path) -> None:
    ws_dir = make_workspace(tmp_path / "ws")
    (ws_dir / "film.tbx").write_text(TBX_V3, "utf-8")
    config = (ws_dir / "l10n-news.toml").read_text() + '[glossary]\npath = "film.tbx"\n'
    (ws_dir / "l10n-news.toml").write_text(config, "utf-8")
    glossary = Glossary.load(Workspace.load(ws_dir))
    assert [t.rendering("kk") for t in glossary.terms_in("The jury met.", "en")] == [
        "қазылар алқасы"
    ]


def test_tbx_entities_and_bad_xml_are_refused() -> None:
    evil = '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa">]>\n<martif/>'
    with pytest.raises(ConfigError, match="entities are not allowed"):
        read_tbx(evil.encode(), path="evil.tbx")
    with pytest.raises(ConfigError) as info:
        read_tbx(b"<martif>\n<text>\n", path="cut.tbx")
    assert (info.value.path, info.value.line) == ("cut.tbx", 3)
