"""One HTTP client per engine: its own requests.Session, a timeout on every request, errors mapped.

Each adapter that talks to a web service owns an `HttpClient`: a `requests.Session` whose
connection pool holds as many keep-alive connections as the engine has requests in flight, so
nothing process-wide is patched and two engines never share connections or settings. Statuses
and transport failures become the engine error family (`engines.errors`); `Retry-After` is
kept for the back-off. Keys go in headers or bodies only: `request` refuses a URL that carries
the key, so a mistake in an adapter fails a test instead of reaching a proxy's log.
"""

from __future__ import annotations

import email.utils
import json
import re
import threading
import time
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from l10n_news.engines.errors import (
    BadAnswer,
    EngineTimeout,
    EngineUnreachable,
    ServerError,
    error_for_status,
)
from l10n_news.errors import EngineError

DEFAULT_TIMEOUT = 20.0
_DETAIL_CHARS = 160  # how much of a provider's error text goes into our message
_SPACES = re.compile(r"\s+")


class HttpClient:
    """A session for one engine; thread-safe for the requests the engine base makes."""

    def __init__(self, engine: str, *, timeout: float = DEFAULT_TIMEOUT, pool: int = 8) -> None:
        self.engine = engine
        self.timeout = timeout
        self.session = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(1, pool))
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.secrets: tuple[str, ...] = ()  # blanked out of every message we build
        self.requests_sent = 0
        self._lock = threading.Lock()

    def close(self) -> None:
        self.session.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any] | list[tuple[str, Any]] | None = None,
        data: Any = None,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """Send one request; an EngineError for anything but a 2xx answer."""
        prepared = self.session.prepare_request(
            requests.Request(method, url, params=params, data=data, json=json_body, headers=headers)
        )
        if any(secret and secret in (prepared.url or "") for secret in self.secrets):
            raise EngineError(f"{self.engine}: refusing to send the API key in a URL")
        with self._lock:
            self.requests_sent += 1
        try:
            response = self.session.send(prepared, timeout=self.timeout)
        except requests.exceptions.Timeout:
            # ConnectTimeout is also a ConnectionError: a slow network, worth a retry.
            raise EngineTimeout(f"{self.engine}: no answer within the timeout") from None
        except requests.exceptions.ConnectionError:
            raise EngineUnreachable(f"{self.engine} is out of reach (no connection)") from None
        except requests.exceptions.RequestException as exc:
            raise ServerError(f"{self.engine}: the request failed ({type(exc).__name__})") from None
        if response.status_code >= 400:
            raise error_for_status(
                self.engine,
                response.status_code,
                detail=self.error_detail(response),
                retry_after=retry_after_seconds(response.headers.get("Retry-After")),
            )
        return response

    def json(self, response: requests.Response) -> Any:
        """The answer's JSON; BadAnswer when it is not JSON at all."""
        try:
            return json.loads(response.content.decode(response.encoding or "utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise BadAnswer(f"{self.engine}: the answer is not valid JSON") from None

    def error_detail(self, response: requests.Response) -> str:
        """The provider's own short explanation of an error, without any key in it."""
        try:
            payload = json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            return ""
        found = _first_message(payload)
        if not found:
            return ""
        text = _SPACES.sub(" ", found).strip()[:_DETAIL_CHARS]
        return self.redact(text)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text


def _first_message(payload: Any) -> str:
    """ "error", "message" or "detail" wherever a provider puts it (a string or nested)."""
    if isinstance(payload, str):
        return payload
    if isinstance(payload, dict):
        for key in ("message", "error", "detail", "responseDetails"):
            if key in payload:
                found = _first_message(payload[key])
                if found:
                    return found
    return ""


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` as seconds: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
