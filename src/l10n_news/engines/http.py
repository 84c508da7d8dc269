"""A timeout and keep-alive for deep-translator, which calls `requests.get/post` without either.

deep-translator's modules do `import requests` and call `requests.post(url, params=...)` with
no timeout, so a stalled provider hangs a worker for ever, and every call opens a new
connection. Its adapters take no session either. `install()` puts a stand-in for the name
`requests` inside those modules only (never the real module): the same functions, sent
through a per-thread Session, with the timeout the calling worker set via `request_timeout`.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Iterator
from typing import Any

import requests

DEFAULT_TIMEOUT = 20.0
# The deep-translator modules that make HTTP requests through `requests`.
_PATCHED_MODULES = (
    "deep_translator.google",
    "deep_translator.mymemory",
    "deep_translator.libre",
    "deep_translator.deepl",
    "deep_translator.yandex",
    "deep_translator.microsoft",
)
_local = threading.local()
_install_lock = threading.Lock()


@contextlib.contextmanager
def request_timeout(seconds: float) -> Iterator[None]:
    """Requests made by this thread inside the block time out after `seconds`."""
    previous = getattr(_local, "timeout", None)
    _local.timeout = seconds
    try:
        yield
    finally:
        _local.timeout = previous


def _session() -> requests.Session:
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


class _RequestsWithTimeout:
    """Looks like the `requests` module to deep-translator; adds timeout and keep-alive."""

    def __init__(self) -> None:
        self.exceptions = requests.exceptions

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", getattr(_local, "timeout", None) or DEFAULT_TIMEOUT)
        return _session().request(method, url, **kwargs)

    def get(self, url: str, params: Any = None, **kwargs: Any) -> requests.Response:
        return self.request("GET", url, params=params, **kwargs)

    def post(self, url: str, data: Any = None, **kwargs: Any) -> requests.Response:
        return self.request("POST", url, data=data, **kwargs)


_STAND_IN = _RequestsWithTimeout()


def install() -> None:
    """Idempotent; called by the adapters before their first request, never at import."""
    with _install_lock:
        for name in _PATCHED_MODULES:
            module = importlib.import_module(name)
            if getattr(module, "requests", None) is not _STAND_IN:
                module.requests = _STAND_IN  # type: ignore[attr-defined]
