"""config.py: every table and key of l10n-news.toml is known; typos are refused with file:line."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import make_workspace
from l10n_news.cli.main import cli
from l10n_news.config import ENGINE_COMMON, TABLES, table_schema
from l10n_news.errors import ConfigError
from l10n_news.workspace import Workspace


def load(tmp_path: Path, text: str) -> Workspace:
    return Workspace.load(make_workspace(tmp_path / "ws", text))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('languages = ["ru", "en"]\n\n[publsh]\nthreshold = 90\n', 3,
         "unknown table [publsh]; did you mean [publish]?"),
        ('[publish]\nad_phone = ""\n  threshhold = 90\n', 3,
         "unknown key 'threshhold' in [publish]; did you mean 'threshold'?"),
        ('langauges = ["ru"]\n', 1, "unknown key 'langauges'; did you mean 'languages'?"),
        ('[engines.gogle]\ntimeout = 5\n', 1,
         "unknown table [engines.gogle]; did you mean [engines.google]?"),
        ('# comment\nengines.libre.urll = "http://x/"\n', 2,
         "unknown key 'urll' in [engines.libre]; did you mean 'url'?"),
        ('[import.chrome]\nbaner = ["Sponsor"]\n', 2, "did you mean 'banner'?"),
        ('[review]\nthreshold = 5\n', 2, "'threshold' in [review]; it belongs in [publish]"),
        ('threshold = 90\n', 1, "unknown key 'threshold'; it belongs in [publish]"),
        ('[review]\nreviewr = "A"\nsafe = 5\n', 2, "did you mean 'reviewer'?"),
        ('[review]\nsafe = 5\n', 2, "unknown key 'safe' in [review] (known: "),
        ('project = "x"\nlanguages = [["ru"], "en"]\n', 2, "languages must be a list of strings"),
        ('[publish]\nthreshold = "100"\n', 2, "[publish] threshold must be a whole number"),
        ('[translate]\nengines = "google"\n', 2, "engines must be a list of engine names"),
        ('publish = 5\n', 1, "[publish] must be a table"),
        ('[engines.libre]\npivot = 1\n', 2, "pivot must be text or false"),
        ('languages = ["ru", "en", "ru"]\n', 1, "language 'ru' is listed twice"),
        ('languages = ["ru", "de"]\n', 1, "unknown language code 'de'"),
        ('languages = []\n', 1, "at least one language"),
        ('languages = ["ru"]\nsource_language = "en"\n', 2, "source_language 'en' is not in"),
        ('time_zone = "Asia"\n', 1, "time_zone 'Asia' is not an IANA zone"),
        ('time_zone = "../../etc/passwd"\n', 1, "is not an IANA zone"),
        ('time_zone = "Asia/Almaty "\n', 1, "is not an IANA zone"),
        ('[engines."libre"]\nconcurrency = 2\nurll = "x"\n', 3, "did you mean 'url'?"),
        ('# top\n"publish".threshhold = 1\n[translate]\nengines = ["memory"]\n', 2,
         "did you mean 'threshold'?"),
        ('[translate]\npublish.threshold = 1\n', 2, "unknown table [translate.publish]"),
        ('[import]\nchrome = { baner = ["x"] }\n', 2, "did you mean 'banner'?"),
        ('[translate]\nengines = ["memory", "gogle"]\n', 2,
         "[translate] engines: unknown engine 'gogle'; did you mean 'google'?"),
        ('[review]\nback_translation_engine = "depl"\n', 2, "did you mean 'deepl'?"),
    ],
)
def test_bad_configuration_is_refused_with_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(ConfigError) as refused:
        load(tmp_path, text)
    assert message in refused.value.message
    assert refused.value.line == line
    assert refused.value.path and refused.value.path.endswith("l10n-news.toml")


def test_the_cli_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", '[publsh]\nthreshold = 90\n')
    result = CliRunner().invoke(cli, ["stats", "-C", str(root)])
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "l10n-news.toml:1: unknown table [publsh]; did you mean [publish]?"
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "languages",
    [list(c) for n in (1, 2, 3) for c in itertools.permutations(["ru", "en", "kk"], n)],
)
def test_any_non_empty_subset_of_languages_is_accepted(tmp_path: Path, languages: list) -> None:
    listed = ", ".join(f'"{code}"' for code in languages)
    ws = load(tmp_path, f"languages = [{listed}]\n")
    assert ws.languages == languages and ws.source_language == languages[0]


def test_the_sample_and_every_documented_table_load(tmp_path: Path) -> None:
    text = (
        'project = "p"\nlanguages = ["ru", "en", "kk"]\nsource_language = "en"\n'
        'segmentation = "sentence"\ntime_zone = "UTC"\n'
        '[translate]\nengines = ["memory", "libre"]\ntrust_memory = false\nsave_every = 1\n'
        '[engines.libre]\nurl = "http://127.0.0.1:5000/"\nlanguages = ["en"]\nconcurrency = 4\n'
        '[engines.memory]\nmin_score = 80\ntmx = []\n'
        '[engines.deepl]\npro = true\npivot = false\n'
        '[glossary]\npath = "glossary.csv"\n'
        '[review]\nreviewer = "Dana"\nback_translation_engine = "google"\n'
        '[publish]\nthreshold = 90\nallowed_words = ["FIFA"]\nout_dir = "site"\n'
        '[import]\nreplace_chrome = true\n[import.chrome]\nbanner = ["Sponsor"]\n'
    )
    assert load(tmp_path, text).section("engines")["libre"]["concurrency"] == 4
    root = Path(__file__).resolve().parent.parent
    Workspace.load(root)  # the sample workspace


# --- the schema agrees with what each stage reads -----------------------------------------


def test_every_engine_has_a_table_with_exactly_its_keys() -> None:
    from l10n_news.engines.options import EngineSettings
    from l10n_news.engines.registry import ENGINES

    assert set(ENGINE_COMMON) == EngineSettings.COMMON_KEYS
    declared = {t.removeprefix("engines.") for t in TABLES if t.startswith("engines.")}
    assert declared == set(ENGINES)
    for name, cls in ENGINES.items():
        assert set(table_schema(f"engines.{name}") or {}) == (
            EngineSettings.COMMON_KEYS | cls.option_keys
        ), name


def test_publish_import_weblate_and_language_tables_match_their_stages() -> None:
    from l10n_news import derived
    from l10n_news.importers.chrome import KINDS
    from l10n_news.publish import settings
    from l10n_news.weblate import settings as weblate

    assert set(TABLES["publish"]) == settings._KNOWN
    assert set(TABLES["import.chrome"]) == set(KINDS)
    assert set(TABLES["weblate"]) == weblate._KEYS
    assert set(table_schema(f"{derived.SECTION}.kk-Latn") or {}) == derived._KEYS


@pytest.mark.parametrize("key", sorted(TABLES["translate"]))
def test_translate_reads_every_key_the_schema_allows(tmp_path: Path, key: str) -> None:
    from l10n_news.translate import TranslateSettings

    value = {"engines": '["memory"]', "trust_memory": "true", "save_every": "3"}[key]
    ws = load(tmp_path, f"[translate]\n{key} = {value}\n")
    TranslateSettings.from_workspace(ws)  # the stage knows the key too


def test_a_new_table_is_one_entry_and_a_new_key_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from l10n_news import config

    monkeypatch.setitem(config.TABLES, "newsroom", {"desk_url": config.TEXT})
    monkeypatch.setitem(config.TABLES, "desk.*", {"email": config.TEXT})
    ws = load(tmp_path / "a", '[newsroom]\ndesk_url = "https://desk.example/"\n'
              '[desk.culture]\nemail = "culture@news.example"\n')
    assert ws.section("newsroom")["desk_url"].startswith("https://")
    with pytest.raises(ConfigError, match="did you mean 'desk_url'") as refused:
        load(tmp_path / "b", '[newsroom]\ndesk_ulr = "x"\n')
    assert refused.value.line == 2
    with pytest.raises(ConfigError, match="email must be text"):
        load(tmp_path / "c", '[desk.sport]\nemail = 2021\n')
