"""The per-engine HTTP client: no key in a URL, errors in the provider's words without keys."""

from __future__ import annotations

import email.utils
import time

import pytest

from api_servers import LibreApi, LoopbackServer
from l10n_news.engines.errors import AuthError, BadAnswer, RateLimited
from l10n_news.engines.http import HttpClient, retry_after_seconds
from l10n_news.errors import EngineError


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= (retry_after_seconds(later) or 0) <= 31


def test_a_key_in_a_url_is_refused_before_anything_is_sent() -> None:
    with LoopbackServer(LibreApi()) as server:
        http = HttpClient("libre", timeout=2)
        http.secrets = ("s3cret",)
        with pytest.raises(EngineError, match="refusing to send the API key in a URL"):
            http.request("POST", server.url, params={"api_key": "s3cret"})
        assert server.requests == 0
        http.close()


def test_errors_carry_the_providers_words_without_the_key() -> None:
    api = LibreApi()
    api.key = "right-key"
    with LoopbackServer(api) as server:
        http = HttpClient("libre", timeout=2)
        http.secrets = ("wrong-key",)
        with pytest.raises(AuthError) as caught:
            http.request("POST", server.url, json_body={"q": "x", "api_key": "wrong-key"})
        assert "Invalid or missing API key" in caught.value.message
        assert http.redact("key wrong-key here") == "key *** here"
        server.faults.statuses.append(429)
        server.faults.retry_after = "2"
        with pytest.raises(RateLimited) as limited:
            http.request("POST", server.url, json_body={"q": "x", "api_key": "right-key"})
        assert limited.value.retry_after == 2.0
        server.faults.malformed = True
        answer = http.request(
            "POST",
            server.url,
            json_body={"q": "x", "source": "en", "target": "ru", "api_key": "right-key"},
        )
        with pytest.raises(BadAnswer):
            http.json(answer)
        http.close()
