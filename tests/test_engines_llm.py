"""The `llm` engine at a loopback OpenAI-compatible server: context, batches by id, glossary."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from api_servers import Faults, LoopbackServer
from l10n_news.catalogs.catalog import State
from l10n_news.cli.main import cli
from l10n_news.engines.context import Document, TermHint, Unit, UnitContext
from l10n_news.engines.llm import build_prompt, parse_translations
from l10n_news.engines.registry import create_engine
from l10n_news.errors import ConfigError, EngineError
from l10n_news.glossary import Glossary
from l10n_news.translate import translate_workspace
from l10n_news.workspace import Workspace
from llm_server import ChatApi

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {lang}\\n"
"Plural-Forms: nplurals={n}; plural={rule};\\n"
"X-Source-Language: en\\n"
"""
RU_RULE = "(n%10==1 && n%100!=11 ? 0 : 2)"
# The test article: every unit but the tag uses a glossary term a naive prompt gets wrong.
UNITS = [
    ("title", "Silver Bear winner opens the festival in Almaty"),
    ("summary", "The festival shows 48 films; the Silver Bear winner comes first."),
    ("paragraph", "Critics call the festival the best of the year."),
    ("paragraph", "Tickets for the festival cost %(price)s at the door."),
    ("tag", "Almaty"),
]
GLOSSARY = "en,ru,kk,note,do_not_translate\n"
GLOSSARY += "Silver Bear,Серебряный медведь,Күміс аю,a Berlinale prize,\n"
GLOSSARY += "festival,фестиваль,фестиваль,,\n"
RU_REVIEWED = {UNITS[2][1]: "Критики называют фестиваль лучшим в году."}


def _entries(lang: str, translations: dict[str, str]) -> str:
    out = []
    for role, text in UNITS:
        done = translations.get(text, "")
        mark = "# reviewed: Editor 2026-11-20\n" if done else ""
        out.append(f'\n{mark}#. {role}\nmsgid "{text}"\nmsgstr "{done}"\n')
    return "".join(out)


def make_workspace(root: Path, url: str, **llm: Any) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    options = {"url": url, "model": "test-model", "backoff": 0.001, **llm}
    table = "\n".join(f"{k} = {json.dumps(v)}" for k, v in options.items())
    (root / "l10n-news.toml").write_text(
        'languages = ["en", "ru", "kk"]\nsource_language = "en"\n'
        '[translate]\nengines = ["llm"]\n'
        f"[engines.llm]\n{table}\n",
        "utf-8",
    )
    (root / "glossary.csv").write_text(GLOSSARY, "utf-8")
    locales = root / "locales"
    (locales / "kk" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "ru" / "LC_MESSAGES").mkdir(parents=True)
    (locales / "festival.pot").write_text(
        HEADER.format(lang="", n=2, rule="(n != 1)") + _entries("", {}), "utf-8"
    )
    kk = HEADER.format(lang="kk", n=2, rule="(n != 1)") + _entries("kk", {})
    ru = HEADER.format(lang="ru", n=3, rule=RU_RULE) + _entries("ru", RU_REVIEWED)
    (locales / "kk" / "LC_MESSAGES" / "festival.po").write_text(kk, "utf-8")
    (locales / "ru" / "LC_MESSAGES" / "festival.po").write_text(ru, "utf-8")
    return root


def glossary_hit_rate(glossary: Glossary, drafts: dict[str, str], target: str) -> float:
    """The share of (unit, term) pairs whose required rendering the draft uses."""
    hits = total = 0
    for source, draft in drafts.items():
        for term in glossary.terms_in(source, "en"):
            total += 1
            hits += not any(term.label in p for p in glossary.check(source, "en", target, draft))
    return hits / total


def naive_drafts(url: str, target_name: str) -> dict[str, str]:
    """deep-translator's ChatGPT prompt, one unit per request, against the same server."""
    out = {}
    for _, text in UNITS:
        prompt = f'Translate the text below into {target_name}.\nText: "{text}"'
        body = {"model": "test-model", "messages": [{"role": "user", "content": prompt}]}
        answer = requests.post(url + "/chat/completions", json=body, timeout=5).json()
        out[text] = answer["choices"][0]["message"]["content"]
    return out


@pytest.fixture
def chat() -> Any:
    api = ChatApi()
    with LoopbackServer(api) as server:
        yield api, server


def _kk(root: Path) -> dict[str, Any]:
    ws = Workspace.load(root)
    return {m.msgid: m for m in ws.read_catalog(ws.po_path("kk", "festival")) if m.msgid}


# --- what the prompt carries ---------------------------------------------------------------
def test_one_request_per_article_carries_what_a_translator_sees(tmp_path: Path, chat) -> None:
    api, server = chat
    root = make_workspace(tmp_path / "ws", server.base + "/v1")
    report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert report.ok, report.as_dict()
    assert server.requests == report.requests == 1  # five units of one article, one request
    [prompt] = api.prompts
    assert prompt["from"] == "English" and prompt["to"] == "Kazakh"
    assert prompt["article"] == {"headline": "(unit 1)", "lead": "(unit 2)"}  # sent once
    units = {u["text"]: u for u in prompt["units"]}
    paragraph = units["Critics call the festival the best of the year."]
    assert paragraph["role"] == "paragraph"
    # Neighbours in the same request are named by id; the text is sent once.
    assert paragraph["before"] == "(unit 2)" and paragraph["after"] == "(unit 4)"
    assert paragraph["glossary"] == [{"term": "festival", "translation": "фестиваль"}]
    assert paragraph["pivot"] == {"language": "Russian", "text": RU_REVIEWED[UNITS[2][1]]}
    assert "pivot" not in units["Almaty"] and "glossary" not in units["Almaty"]
    # Placeholders travel as tokens; the locale's conventions are in the instructions.
    assert "[X0X]" in units["Tickets for the festival cost [X0X] at the door."]["text"]
    system = api.bodies[0]["messages"][0]["content"]
    assert "«…»" in system and "Kazakh" in system
    assert api.bodies[0]["response_format"]["type"] == "json_schema"
    kk = _kk(root)
    title = kk[UNITS[0][1]]
    assert title.state is State.DRAFT and "Күміс аю" in title.msgstr
    assert any(c.startswith("mt: llm:test-model en→kk ") for c in title.translator_comments)
    assert "%(price)s" in kk[UNITS[3][1]].msgstr
    usage = report.usage["llm:test-model"]
    assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] > 0


def test_the_cli_prints_token_usage(tmp_path: Path, chat) -> None:
    _, server = chat
    root = make_workspace(tmp_path / "ws", server.base + "/v1")
    result = CliRunner().invoke(cli, ["translate", "-C", str(root), "-l", "kk"])
    assert result.exit_code == 0, result.output
    assert "llm:test-model: " in result.output and " completion tokens" in result.output


def test_example_prompt_is_readable_json() -> None:
    ctx = UnitContext(
        document=Document("d", headline="Head", lead="Lead"),
        before="Before it.",
        role="paragraph",
        terms=(TermHint("festival", "фестиваль"),),
        pivot_lang="ru",
        pivot_text="Пивот.",
    )
    system, user = build_prompt([Unit("The festival.", ctx)], "en", "kk")
    payload = json.loads(user["content"])
    assert payload["units"][0] == {
        "id": "1",
        "role": "paragraph",
        "text": "The festival.",
        "before": "Before it.",
        "glossary": [{"term": "festival", "translation": "фестиваль"}],
        "pivot": {"language": "Russian", "text": "Пивот."},
    }
    assert "reviewed translation of the same unit into Russian" in system["content"]


# --- answers matched by id --------------------------------------------------------------------
def test_a_unit_left_out_of_the_answer_fails_alone(tmp_path: Path) -> None:
    api = ChatApi(drop_ids=frozenset({"3"}))
    with LoopbackServer(api) as server:
        root = make_workspace(tmp_path / "ws", server.base + "/v1")
        report = translate_workspace(Workspace.load(root), langs=["kk"])
    counts = report.languages["kk"]
    assert (counts.sent, counts.failed) == (4, 1)
    assert report.problems[0].msgid == UNITS[2][1]


def test_an_answer_that_is_not_json_fails_the_batch_without_retry(tmp_path: Path) -> None:
    api = ChatApi(prose=True)
    with LoopbackServer(api) as server:
        root = make_workspace(tmp_path / "ws", server.base + "/v1")
        report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert report.languages["kk"].failed == 5 and server.requests == 1
    assert "not the JSON" in report.problems[0].reason


def test_parse_accepts_a_fenced_answer_and_ignores_unknown_ids() -> None:
    content = '```json\n{"translations": [{"id": "2", "text": "b"}, {"id": "9", "text": "z"}]}\n```'
    assert parse_translations("llm", content, 2) == [None, "b"]
    with pytest.raises(EngineError):
        parse_translations("llm", '{"other": []}', 1)


# --- the glossary, enforced -----------------------------------------------------------------
def test_a_missed_term_is_retried_once_with_the_miss_named(tmp_path: Path) -> None:
    api = ChatApi(heed_terms="when_named")
    with LoopbackServer(api) as server:
        root = make_workspace(tmp_path / "ws", server.base + "/v1")
        report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert server.requests == report.requests == 2
    retry = api.prompts[1]
    assert "note" in retry and len(retry["units"]) == 4  # every unit with a term, not the tag
    first = retry["units"][0]
    assert first["draft"].startswith("(kk) ") and "Күміс аю" in " ".join(first["problems"])
    assert report.glossary_misses == []
    assert "Күміс аю" in _kk(root)[UNITS[0][1]].msgstr


def test_a_term_still_missed_is_kept_as_a_draft_and_check_reports_it(tmp_path: Path) -> None:
    api = ChatApi(heed_terms="never")
    with LoopbackServer(api) as server:
        root = make_workspace(tmp_path / "ws", server.base + "/v1")
        report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert server.requests == 2  # one retry, not more
    assert len(report.glossary_misses) == 4
    title = _kk(root)[UNITS[0][1]]
    assert title.state is State.DRAFT  # kept, visibly a draft
    result = CliRunner().invoke(cli, ["check", "-C", str(root), "-l", "kk"])
    assert "glossary" in result.output and "Күміс аю" in result.output


def test_a_failed_glossary_retry_keeps_the_first_drafts(tmp_path: Path) -> None:
    api = ChatApi(heed_terms="when_named")
    with LoopbackServer(api, Faults(statuses=deque([0, 500]))) as server:
        root = make_workspace(tmp_path / "ws", server.base + "/v1", retries=0)
        report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert server.requests == 2 and report.ok
    assert report.languages["kk"].sent == 5 and len(report.glossary_misses) == 4


def test_glossary_hit_rate_naive_prompt_against_ours(tmp_path: Path, chat) -> None:
    _, server = chat
    glossary = Glossary.parse(GLOSSARY)
    naive = naive_drafts(server.base + "/v1", "kazakh")
    root = make_workspace(tmp_path / "ws", server.base + "/v1")
    translate_workspace(Workspace.load(root), langs=["kk"])
    ours = {text: _kk(root)[text].msgstr for _, text in UNITS}
    assert glossary_hit_rate(glossary, naive, "kk") == 0.0
    assert glossary_hit_rate(glossary, ours, "kk") == 1.0


# --- configuration ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "options",
    [{}, {"model": ""}, {"model": "m", "response_format": "xml"}, {"model": "m", "batch_size": 0}],
)
def test_bad_llm_options_are_config_errors(tmp_path: Path, options: dict[str, Any]) -> None:
    ws = Workspace.from_config(tmp_path, {"engines": {"llm": options}})
    with pytest.raises(ConfigError):
        create_engine(ws, "llm")


@pytest.mark.parametrize("fmt", ["json_object", "none"])
def test_other_response_formats(tmp_path: Path, chat, fmt: str) -> None:
    api, server = chat
    root = make_workspace(tmp_path / "ws", server.base + "/v1", response_format=fmt)
    report = translate_workspace(Workspace.load(root), langs=["kk"])
    assert report.ok
    sent = api.bodies[0].get("response_format")
    assert sent == ({"type": "json_object"} if fmt == "json_object" else None)
