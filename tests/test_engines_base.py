from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from l10n_news.engines.base import Answer, Engine, Suggestion
from l10n_news.engines.cache import CACHE_NAME
from l10n_news.engines.errors import EngineUnreachable, RateLimited, ServerError
from l10n_news.errors import ConfigError
from l10n_news.workspace import Workspace


class FakeEngine(Engine):
    """Upper-cases text; knows en<->ru and en<->kk only (no ru<->kk: pivot through en)."""

    name = "fake"
    pairs: ClassVar[set[tuple[str, str]]] = {("en", "ru"), ("ru", "en"), ("en", "kk"), ("kk", "en")}

    def __init__(self, ws: Workspace, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        self.sent: list[str] = []
        self.failures: list[Exception] = []  # raised by the next calls, in turn
        self.delay = 0.0
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self.answer: Any = None  # a fixed answer instead of upper-casing

    def supports(self, source: str, target: str) -> bool:
        return (source, target) in self.pairs

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Answer]:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            failure = self.failures.pop(0) if self.failures else None
        try:
            time.sleep(self.delay)
            if failure is not None:
                raise failure
            with self.lock:
                self.sent.extend(texts)
            return [
                self.answer if self.answer is not None else f"{target}:{t.upper()}" for t in texts
            ]
        finally:
            with self.lock:
                self.in_flight -= 1


def make(tmp_path: Path, **options: Any) -> FakeEngine:
    ws = Workspace.from_config(tmp_path, {})
    return FakeEngine(ws, {"backoff": 0.01, **options})


def test_placeholders_are_protected_and_restored(tmp_path: Path) -> None:
    engine = make(tmp_path)
    [tr] = engine.translate(["Hello %(name)s, see https://x.kz/a"], "en", "ru")
    assert engine.sent == ["Hello [X0X], see [X1X]"]
    assert tr.text == "ru:HELLO %(name)s, SEE https://x.kz/a"
    assert tr.status == "sent"


def test_repeats_are_sent_once_and_a_rerun_sends_nothing(tmp_path: Path) -> None:
    engine = make(tmp_path)
    texts = ["Good news", "Bad news", "Good news", "Page 1", "Page 2"]
    first = engine.translate(texts, "en", "ru")
    # "Page 1" and "Page 2" differ only in a number: one request serves both.
    assert sorted(engine.sent) == ["Bad news", "Good news", "Page [X0X]"]
    assert [t.text for t in first][3:] == ["ru:PAGE 1", "ru:PAGE 2"]
    engine.close()
    again = make(tmp_path)
    second = again.translate(texts, "en", "ru")
    assert again.sent == []
    assert {t.status for t in second} == {"cached"}
    assert [t.text for t in second] == [t.text for t in first]
    assert (tmp_path / ".l10n-news" / CACHE_NAME).is_file()


def test_429_and_5xx_are_retried_with_back_off(tmp_path: Path) -> None:
    engine = make(tmp_path, retries=3)
    engine.failures = [RateLimited("429"), ServerError("500")]
    [tr] = engine.translate(["Retry me"], "en", "ru")
    assert tr.status == "sent"
    assert engine.retries_made == 2
    assert engine.requests_made == 3


def test_retries_are_bounded_and_the_failure_is_reported(tmp_path: Path) -> None:
    engine = make(tmp_path, retries=2)
    engine.failures = [ServerError("fake: HTTP 500")] * 5
    [tr] = engine.translate(["Never"], "en", "ru")
    assert tr.status == "failed" and tr.text is None
    assert tr.reason == "fake: HTTP 500"
    assert engine.requests_made == 3


def test_an_unreachable_engine_stops_sending(tmp_path: Path) -> None:
    engine = make(tmp_path, concurrency=1)
    engine.failures = [EngineUnreachable("fake is out of reach")]
    results = engine.translate([f"Text {c}" for c in "abcdef"], "en", "ru")
    assert {t.status for t in results} == {"failed"}
    assert engine.requests_made == 1
    assert engine.unreachable is not None
    engine.translate(["Another pair"], "en", "kk")
    assert engine.requests_made == 1


def test_unexpected_adapter_errors_are_wrapped(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.failures = [KeyError("translatedText")]
    [tr] = engine.translate(["Shape"], "en", "ru")
    assert tr.status == "failed"
    assert "KeyError" in (tr.reason or "")


def test_concurrency_is_bounded(tmp_path: Path) -> None:
    engine = make(tmp_path, concurrency=3)
    engine.delay = 0.02
    engine.translate([f"Text {c}" for c in "abcdefghijkl"], "en", "ru")
    assert 1 < engine.max_in_flight <= 3


def test_long_text_is_split_at_sentences_and_joined(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.max_chars = 60
    text = "The first sentence is here. The second one follows it. And a third closes."
    [tr] = engine.translate([text], "en", "ru")
    assert len(engine.sent) > 1 and all(len(s) <= 60 for s in engine.sent)
    assert tr.text is not None and tr.text.count("ru:") == len(engine.sent)


def test_mangled_tokens_are_rejected_and_not_cached(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.answer = "lost it"
    [tr] = engine.translate(["Hello %(name)s"], "en", "ru")
    assert tr.status == "rejected" and "lost [X0X]" in (tr.reason or "")
    engine.answer = None
    [tr] = engine.translate(["Hello %(name)s"], "en", "ru")
    assert tr.status == "sent"


def test_nothing_to_translate_is_copied_without_a_request(tmp_path: Path) -> None:
    engine = make(tmp_path)
    results = engine.translate(["...", "2013 — 2014", "  ", "%(n)s"], "en", "ru")
    assert engine.sent == []
    assert [t.text for t in results] == ["...", "2013 — 2014", "  ", "%(n)s"]
    assert {t.status for t in results} == {"local"}


def test_outer_whitespace_is_kept(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.answer = "  trimmed by the provider "
    [tr] = engine.translate([" Padded text\n"], "en", "ru")
    assert tr.text == " trimmed by the provider\n"


def test_an_empty_answer_is_a_failure(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.answer = ""
    [tr] = engine.translate(["Hello"], "en", "ru")
    assert tr.status == "failed"


def test_unsupported_pair_pivots_through_english(tmp_path: Path) -> None:
    engine = make(tmp_path)
    [tr] = engine.translate(["Сәлем"], "kk", "ru")
    assert engine.sent == ["Сәлем", "en:СӘЛЕМ"]
    assert tr.text == "ru:EN:СӘЛЕМ" and tr.note == "via en" and tr.status == "sent"


def test_without_pivot_an_unsupported_pair_sends_nothing(tmp_path: Path) -> None:
    engine = make(tmp_path, pivot=False)
    [tr] = engine.translate(["Сәлем"], "kk", "ru")
    assert tr.status == "unsupported" and engine.sent == []
    assert tr.reason == "fake does not translate kk→ru"


def test_on_result_reports_each_text_as_it_finishes(tmp_path: Path) -> None:
    engine = make(tmp_path)
    seen: list[int] = []
    engine.translate(
        ["a word", "b word", "a word"], "en", "ru", on_result=lambda i, t: seen.append(i)
    )
    assert sorted(seen) == [0, 1, 2]


def test_a_suggestion_keeps_its_score_and_note(tmp_path: Path) -> None:
    engine = make(tmp_path)
    engine.answer = Suggestion("Сәлем", score=90, note="memory 90%")
    [tr] = engine.translate(["Hello"], "en", "kk")
    assert (tr.text, tr.score, tr.note) == ("Сәлем", 90, "memory 90%")


@pytest.mark.parametrize(
    "options",
    [{"concurrency": 0}, {"timeout": "slow"}, {"pivot": 3}, {"retries": 1.5}, {"colour": "red"}],
)
def test_bad_options_are_config_errors(tmp_path: Path, options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        make(tmp_path, **options)


def test_ctrl_c_stops_the_run_and_keeps_what_finished(tmp_path: Path) -> None:
    engine = make(tmp_path, concurrency=1)
    done: list[str] = []

    def on_result(i: int, tr: Any) -> None:
        done.append(tr.text)
        if len(done) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        engine.translate([f"Text {c}" for c in "abcdef"], "en", "ru", on_result=on_result)
    engine.close()
    again = make(tmp_path)
    again.translate([f"Text {c}" for c in "abcdef"], "en", "ru")
    assert len(again.sent) <= 4  # what finished before Ctrl-C came from the cache
