"""Contract tests run against every engine that can be driven on this machine, plus the
adapters' own duties: keys read at call time and never shown, errors mapped, timeouts."""

from __future__ import annotations

import socket
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api_servers import GoogleWebApi, LoopbackServer, MyMemoryApi
from l10n_news.engines.base import Engine
from l10n_news.engines.errors import AuthError, EngineTimeout, EngineUnreachable, RateLimited
from l10n_news.engines.libre import LibreEngine
from l10n_news.engines.registry import ENGINES, create_engine
from l10n_news.engines.web import WebEngine
from l10n_news.engines.web_errors import map_provider_error
from l10n_news.errors import ConfigError, EngineError
from l10n_news.workspace import Workspace
from libre_server import FakeLibreServer, Faults

SAMPLE = ["Hello, %(name)s!", "The festival opens on 19.02.2013.", "Hello, %(name)s!", "Films"]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.from_config(tmp_path, {})


@pytest.fixture
def libre() -> Iterator[FakeLibreServer]:
    with FakeLibreServer() as server:
        yield server


def _with_url(ws: Workspace, name: str, **options: Any) -> Workspace:
    return Workspace.from_config(ws.root, {"engines": {name: options}})


@pytest.fixture(params=["libre", "google", "mymemory", "pseudo", "memory"])
def driven(request: pytest.FixtureRequest, ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    """(engine, request counter) for each engine that can run without the internet."""
    name = request.param
    if name == "libre":
        with FakeLibreServer() as server:
            yield (
                create_engine(_with_url(ws, "libre", url=server.url), "libre"),
                lambda: server.requests,
            )
        return
    if name in ("google", "mymemory"):
        api = GoogleWebApi() if name == "google" else MyMemoryApi()
        with LoopbackServer(api) as server:
            yield (
                create_engine(_with_url(ws, name, url=server.url), name),
                lambda: server.requests,
            )
        return
    yield create_engine(ws, name), lambda: 0


# --- the contract, for every engine ------------------------------------------------------------
def test_contract_one_translation_per_text_in_order(driven) -> None:
    engine, _ = driven
    results = engine.translate(SAMPLE, "en", "kk")
    assert [r.source for r in results] == SAMPLE
    allowed = {"sent", "cached", "local", "rejected", "failed", "unsupported"}
    for r in results:
        assert r.status in allowed and r.engine == engine.name
        assert (r.text is None) == (
            r.status in {"rejected", "failed", "unsupported"} or r.reason == "no match"
        )
        if r.text is not None and "%(name)s" in r.source:
            assert "%(name)s" in r.text


def test_contract_supports_makes_no_request(driven) -> None:
    engine, requests = driven
    before = requests()
    for a in ("ru", "en", "kk"):
        for b in ("ru", "en", "kk"):
            assert isinstance(engine.supports(a, b), bool)
    assert requests() == before


def test_contract_rerun_sends_nothing(driven) -> None:
    engine, requests = driven
    engine.translate(SAMPLE, "en", "ru")
    after_first = requests()
    again = create_engine(engine.ws, engine.name)
    again.translate(SAMPLE, "en", "ru")
    assert requests() == after_first
    if engine.network:
        assert after_first == 3  # three unique protected texts


def test_every_registered_engine_is_an_engine() -> None:
    for name, cls in ENGINES.items():
        assert issubclass(cls, Engine) and cls.name == name


# --- LibreTranslate through the real deep-translator client ------------------------------
def test_libre_translates_kazakh_which_deep_translator_lacks(
    ws: Workspace, libre: FakeLibreServer
) -> None:
    engine = create_engine(_with_url(ws, "libre", url=libre.url.rstrip("/")), "libre")
    [tr] = engine.translate(["Good evening"], "en", "kk")
    assert tr.text == "(kk) gOOD EVENING"
    assert libre.last_params["source"] == "en" and libre.last_params["target"] == "kk"
    assert "api_key" not in libre.last_params  # no key configured: none sent


def test_libre_key_is_read_from_the_named_variable_at_call_time(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeLibreServer(Faults(api_key="s3cret-key")) as server:
        engine = create_engine(
            _with_url(ws, "libre", url=server.url, api_key_env="MY_LIBRE_KEY"), "libre"
        )
        monkeypatch.delenv("MY_LIBRE_KEY", raising=False)
        [tr] = engine.translate(["Without key"], "en", "ru")
        assert tr.status == "failed" and "refused" in (tr.reason or "")
        monkeypatch.setenv("MY_LIBRE_KEY", "s3cret-key")
        again = create_engine(engine.ws, "libre")
        [tr] = again.translate(["With key"], "en", "ru")
        assert tr.status == "sent"
        assert server.last_params["api_key"] == "s3cret-key"


def test_libre_retries_429_and_500(ws: Workspace) -> None:
    with FakeLibreServer(Faults(next_statuses=deque([429, 500, 429]))) as server:
        engine = create_engine(_with_url(ws, "libre", url=server.url, backoff=0.01), "libre")
        [tr] = engine.translate(["Busy server"], "en", "ru")
        assert tr.status == "sent" and server.requests == 4


def test_libre_slow_answer_times_out_and_is_retried(ws: Workspace) -> None:
    with FakeLibreServer(Faults(slow_if="slow", slow_seconds=0.5)) as server:
        options = {"url": server.url, "timeout": 0.1, "retries": 1, "backoff": 0.01}
        engine = create_engine(_with_url(ws, "libre", **options), "libre")
        slow, fast = engine.translate(["slow text", "fast text"], "en", "ru")
        assert slow.status == "failed" and "timeout" in (slow.reason or "")
        assert fast.status == "sent"
        assert server.texts["slow text"] == 2  # first try and one retry


def test_libre_mangled_placeholders_and_dropped_digits_are_rejected(ws: Workspace) -> None:
    faults = Faults(mangle_if="mangle", drop_digits_if="digits", space_if="spaced")
    with FakeLibreServer(faults) as server:
        engine = create_engine(_with_url(ws, "libre", url=server.url), "libre")
        mangled, digits, spaced = engine.translate(
            ["mangle %(name)s", "digits in 2013", "spaced %(name)s"], "en", "ru"
        )
    assert mangled.status == "rejected" and "lost [X0X]" in (mangled.reason or "")
    assert digits.status == "rejected"
    assert spaced.status == "sent" and spaced.text == "(ru) SPACED %(name)s"


def test_libre_unreachable_server_is_reported_once(ws: Workspace) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    engine = create_engine(_with_url(ws, "libre", url=f"http://127.0.0.1:{port}/"), "libre")
    results = engine.translate(["one", "two", "three"], "en", "ru")
    assert {r.status for r in results} == {"failed"}
    assert isinstance(engine.unreachable, EngineUnreachable)
    assert engine.requests_made < 3 + 8


def test_libre_languages_and_url_are_configurable(ws: Workspace) -> None:
    engine = create_engine(
        _with_url(ws, "libre", url="http://127.0.0.1:1/", languages=["en", "ru"]), "libre"
    )
    assert engine.supports("en", "ru") and not engine.supports("en", "kk")
    with pytest.raises(ConfigError):
        create_engine(_with_url(ws, "libre"), "libre")
    with pytest.raises(ConfigError):
        LibreEngine(ws, {"url": "http://x/", "secret": 1})


# --- keys, errors ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["deepl", "yandex", "microsoft", "chatgpt"])
def test_keyed_engines_need_their_variable_and_send_nothing_without(
    ws: Workspace, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(_with_url(ws, name, api_key_env="L10N_TEST_KEY"), name)
    monkeypatch.delenv("L10N_TEST_KEY", raising=False)
    assert isinstance(engine, WebEngine)
    [tr] = engine.translate(["Hello"], "en", "ru")
    assert tr.status == "failed" and "L10N_TEST_KEY" in (tr.reason or "")
    assert isinstance(engine.unreachable, AuthError)


def test_supports_tables() -> None:
    assert not ENGINES["deepl"].languages.get("kk")
    assert ENGINES["mymemory"].languages["kk"] == "kk-KZ"
    assert ENGINES["google"].max_chars == 5000 and ENGINES["mymemory"].max_chars == 500


def test_error_messages_never_show_the_key() -> None:
    from deep_translator.exceptions import AuthorizationException

    err = map_provider_error("deepl", AuthorizationException("abc123"), secret="abc123")
    assert isinstance(err, AuthError) and "abc123" not in err.message
    import requests

    leak = requests.exceptions.ConnectionError("host /v2/translate?auth_key=abc123")
    err = map_provider_error("deepl", leak, secret="abc123")
    assert isinstance(err, EngineUnreachable) and "abc123" not in str(err)


def test_deep_translator_exceptions_all_map_into_engine_error() -> None:
    import requests
    from deep_translator import exceptions as dt

    assert isinstance(map_provider_error("google", dt.TooManyRequests()), RateLimited)
    assert isinstance(map_provider_error("libre", dt.ServerException(429)), RateLimited)
    assert isinstance(map_provider_error("x", requests.exceptions.ReadTimeout()), EngineTimeout)
    for exc in (
        dt.RequestError(),
        dt.TranslationNotFound("x"),
        dt.NotValidPayload("x"),
        dt.LanguageNotSupportedException("x"),
        dt.MicrosoftAPIerror("x"),
        dt.ServerException(503),
        ValueError("bad json"),
        RuntimeError("?"),
    ):
        assert isinstance(map_provider_error("e", exc), EngineError)
