"""One contract, run against every web engine at a loopback server shaped like its real API.

Each engine is driven through its real adapter and `requests` session against `api_servers`
(or `llm_server`): success, 429 with Retry-After, 5xx, timeouts, malformed answers, a language
code the service refuses, and a key that is missing or refused. No key may ever appear in a
URL. Timeouts and back-offs are a fraction of a second, so the whole matrix stays fast.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from api_servers import (
    Api,
    DeeplApi,
    Faults,
    GoogleWebApi,
    LibreApi,
    LoopbackServer,
    MicrosoftApi,
    MyMemoryApi,
    YandexApi,
)
from l10n_news.engines.base import Engine
from l10n_news.engines.errors import AuthError
from l10n_news.engines.registry import create_engine
from l10n_news.workspace import Workspace
from llm_server import ChatApi

TEXTS = ["Hello, %(name)s!", "The festival opens on 19.02.2013.", "Films and music"]
KEY_ENV = "L10N_CONTRACT_KEY"


@dataclass
class Spec:
    name: str
    make_api: Callable[[], Api]
    url: Callable[[LoopbackServer], str]
    refuse: Callable[[Api], None]  # make the service refuse the target language (en→ru)
    key: str | None = None  # the key the service wants; None: it takes none
    key_required: bool = True  # the engine refuses to send without one
    batches: bool = True  # several texts per request
    options: dict[str, Any] = field(default_factory=dict)


def _drop(attr: str, code: str) -> Callable[[Api], None]:
    def refuse(api: Api) -> None:
        setattr(api, attr, getattr(api, attr) - {code})

    return refuse


def _wrong_model(api: Api) -> None:
    api.model = "another-model"  # type: ignore[attr-defined]


SPECS = [
    Spec("deepl", DeeplApi, lambda s: s.url, _drop("targets", "RU"), key=DeeplApi.key),
    Spec("yandex", YandexApi, lambda s: s.url, _drop("codes", "ru"), key="yandex-secret"),
    Spec(
        "microsoft",
        MicrosoftApi,
        lambda s: s.url,
        _drop("codes", "ru"),
        key="microsoft-secret",
        options={"region": "westeurope"},
    ),
    Spec("mymemory", MyMemoryApi, lambda s: s.url, _drop("codes", "ru-RU"), batches=False),
    Spec("google", GoogleWebApi, lambda s: s.url, _drop("codes", "ru"), batches=False),
    Spec("libre", LibreApi, lambda s: s.base + "/", _drop("codes", "ru"), key_required=False),
    Spec(
        "llm",
        lambda: ChatApi(model="test-model"),
        lambda s: s.base + "/v1",
        _wrong_model,
        key_required=False,
        options={"model": "test-model"},
    ),
]
KEYED = [s for s in SPECS if s.key is not None or s.name in ("libre", "llm")]


@dataclass
class Rig:
    spec: Spec
    server: LoopbackServer
    ws: Workspace
    key: str | None

    def engine(self, **options: Any) -> Engine:
        table = {
            "url": self.spec.url(self.server),
            "api_key_env": KEY_ENV,
            "backoff": 0.001,
            "max_backoff": 0.3,
            "timeout": 2.0,
            "concurrency": 1,
            **self.spec.options,
            **options,
        }
        if self.spec.name == "mymemory":
            del table["api_key_env"]  # MyMemory takes no key
        return create_engine(
            Workspace.from_config(self.ws.root, {"engines": {self.spec.name: table}}),
            self.spec.name,
        )


@contextlib.contextmanager
def _rig(spec: Spec, root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Rig]:
    api = spec.make_api()
    key = spec.key or (f"{spec.name}-secret" if spec in KEYED else None)
    api.key = key
    if key:
        monkeypatch.setenv(KEY_ENV, key)
    else:
        monkeypatch.delenv(KEY_ENV, raising=False)
    with LoopbackServer(api) as server:
        yield Rig(spec, server, Workspace.from_config(root, {}), key)


@pytest.fixture(params=SPECS, ids=[s.name for s in SPECS])
def rig(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Rig]:
    with _rig(request.param, tmp_path, monkeypatch) as made:
        yield made


@pytest.fixture(params=KEYED, ids=[s.name for s in KEYED])
def keyed(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Rig]:
    with _rig(request.param, tmp_path, monkeypatch) as made:
        yield made


def _no_key_in_urls(rig: Rig) -> None:
    for url in rig.server.urls:
        assert not rig.key or rig.key not in url, url


# --- success ---------------------------------------------------------------------------------
def test_translates_every_text_restores_placeholders_and_batches(rig: Rig) -> None:
    engine = rig.engine()
    results = engine.translate(TEXTS, "en", "ru")
    assert [r.status for r in results] == ["sent"] * 3, [r.reason for r in results]
    assert results[0].text == "(ru) hELLO, %(name)s!"
    assert results[1].text == "(ru) tHE FESTIVAL OPENS ON 19.02.2013."
    assert rig.server.texts_received == 3
    assert rig.server.requests == (1 if rig.spec.batches else 3)
    assert engine.requests_made == rig.server.requests and engine.texts_sent == 3
    _no_key_in_urls(rig)
    if rig.key:
        assert rig.key in rig.server.keys_received  # it travelled, in a header or the body


def test_a_rerun_is_served_from_the_cache(rig: Rig) -> None:
    rig.engine().translate(TEXTS, "en", "ru")
    before = rig.server.requests
    again = rig.engine().translate(TEXTS, "en", "ru")
    assert {r.status for r in again} == {"cached"} and rig.server.requests == before


# --- faults that a retry cures ---------------------------------------------------------------
def test_429_waits_as_long_as_retry_after_says(rig: Rig) -> None:
    rig.server.faults = Faults(statuses=deque([429]), retry_after="1")
    start = time.monotonic()
    [tr] = rig.engine().translate(["Busy"], "en", "ru")
    elapsed = time.monotonic() - start
    assert tr.status == "sent" and rig.server.requests == 2
    # Without Retry-After the wait would be ~1 ms; with it, max_backoff (0.3 s) caps it.
    assert elapsed >= 0.25


def test_5xx_is_retried(rig: Rig) -> None:
    rig.server.faults = Faults(statuses=deque([500, 503]))
    [tr] = rig.engine().translate(["Flaky"], "en", "ru")
    assert tr.status == "sent" and rig.server.requests == 3


def test_a_timeout_is_retried_then_reported(rig: Rig) -> None:
    rig.server.faults = Faults(delay=0.4)
    engine = rig.engine(timeout=0.1, retries=1)
    start = time.monotonic()
    [tr] = engine.translate(["Slow"], "en", "ru")
    assert tr.status == "failed" and "timeout" in (tr.reason or "")
    assert rig.server.requests == 2 and time.monotonic() - start < 1.5
    assert engine.unreachable is None  # a slow server is not a dead one


# --- faults that a retry does not cure ---------------------------------------------------------
def test_a_malformed_answer_fails_without_retry_and_is_not_cached(rig: Rig) -> None:
    rig.server.faults = Faults(malformed=True)
    [tr] = rig.engine().translate(["Broken"], "en", "ru")
    assert tr.status == "failed" and rig.server.requests == 1
    rig.server.faults = Faults()
    [tr] = rig.engine().translate(["Broken"], "en", "ru")
    assert tr.status == "sent"


def test_a_language_the_service_refuses_fails_that_pair_only(rig: Rig) -> None:
    rig.spec.refuse(rig.server.api)
    engine = rig.engine()
    [tr] = engine.translate(["Refused"], "en", "ru")
    assert tr.status == "failed" and rig.server.requests == 1
    assert "HTTP 40" in (tr.reason or ""), tr.reason
    assert engine.unreachable is None
    if rig.spec.name != "llm":  # the model is refused whatever the pair
        [ok] = engine.translate(["Accepted"], "en", "kk" if rig.spec.name != "deepl" else "en")
        assert ok.status in ("sent", "local")


# --- keys ----------------------------------------------------------------------------------
def test_a_missing_key_stops_the_engine(keyed: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    rig = keyed
    monkeypatch.delenv(KEY_ENV)
    engine = rig.engine()
    results = engine.translate(["One", "Two"], "en", "ru")
    assert {r.status for r in results} == {"failed"}
    assert isinstance(engine.unreachable, AuthError)
    assert rig.server.requests == (0 if rig.spec.key_required else 1)


def test_a_refused_key_stops_the_engine_and_is_never_shown(
    keyed: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    rig = keyed
    monkeypatch.setenv(KEY_ENV, "wrong-key-0123")
    engine = rig.engine()
    results = engine.translate(["One", "Two", "Three"], "en", "ru")
    assert {r.status for r in results} == {"failed"}
    assert isinstance(engine.unreachable, AuthError)
    assert rig.server.requests == 1
    engine.translate(["Four"], "en", "kk")
    assert rig.server.requests == 1  # out of use for the rest of the run
    for r in results:
        assert "wrong-key-0123" not in (r.reason or "")
    assert "wrong-key-0123" in rig.server.keys_received
    for url in rig.server.urls:
        assert "wrong-key-0123" not in url
