"""A fake LibreTranslate on 127.0.0.1 for tests and the benchmark, with fault injection.

It speaks the parts of LibreTranslate's HTTP API that clients use: `POST /translate` (fields
`q`, `source`, `target`, `format`, `api_key`, in the query string, a form body or JSON) answering
`{"translatedText": ...}`, `GET /languages`, and errors as `{"error": ...}` with 400/403/429/500.
Its "translation" is deterministic: `(<target>) ` + the text with its letter case swapped, so
tests can tell a translated text, and a lowercased token `[x0x]`, apart.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from loopback import ServedOnLoopback

LANGUAGES = [
    {"code": "en", "name": "English", "targets": ["ru", "kk"]},
    {"code": "ru", "name": "Russian", "targets": ["en", "kk"]},
    {"code": "kk", "name": "Kazakh", "targets": ["en", "ru"]},
]
_TOKEN = re.compile(r"\[X(\d+)X\]", re.IGNORECASE)


def fake_translation(text: str, target: str) -> str:
    return f"({target}) {text.swapcase()}"


@dataclass
class Faults:
    """What goes wrong, and when. Statuses in `next_statuses` answer the next requests in turn."""

    latency: float = 0.0  # seconds added to every /translate
    next_statuses: deque[int] = field(default_factory=deque)  # e.g. deque([429, 500])
    fail_after: int | None = None  # after this many good answers, every request gets 500
    api_key: str | None = None  # when set, a request without this key gets 403
    slow_if: str | None = None  # a text containing this is answered after `slow_seconds`
    slow_seconds: float = 0.0
    mangle_if: str | None = None  # tokens in such a text lose their brackets: [X1X] -> X1X
    space_if: str | None = None  # tokens in such a text gain spaces: [X1X] -> [ X 1 X ]
    drop_digits_if: str | None = None  # such a text comes back with its digits dropped


class FakeLibreServer(ServedOnLoopback):
    def __init__(self, faults: Faults | None = None) -> None:
        self.faults = faults or Faults()
        self.requests = 0  # POST /translate received (errors included)
        self.translated = 0  # good answers
        self.texts: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.last_params: dict[str, str] = {}
        self._lock = threading.Lock()
        self._serve(self._handler_class())

    @property
    def url(self) -> str:
        return self.base + "/"

    # --- one request ----------------------------------------------------------------------
    def answer(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        faults = self.faults
        with self._lock:
            self.requests += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.last_params = {k: str(v) for k, v in params.items()}
        try:
            if faults.latency:
                time.sleep(faults.latency)
            with self._lock:
                status = faults.next_statuses.popleft() if faults.next_statuses else None
                if faults.fail_after is not None and self.translated >= faults.fail_after:
                    status = 500
            if faults.api_key is not None and params.get("api_key") != faults.api_key:
                return 403, {"error": "Invalid API key"}
            if status is not None:
                return status, {"error": f"injected fault {status}"}
            q, target = params.get("q"), params.get("target")
            if q is None or not target or not params.get("source"):
                return 400, {"error": "Invalid request: missing q, source or target"}
            texts = q if isinstance(q, list) else [q]
            out = [self._translate_one(str(t), str(target)) for t in texts]
            with self._lock:
                self.translated += 1
            return 200, {"translatedText": out if isinstance(q, list) else out[0]}
        finally:
            with self._lock:
                self.in_flight -= 1

    def _translate_one(self, text: str, target: str) -> str:
        faults = self.faults
        with self._lock:
            self.texts[text] += 1
        if faults.slow_if and faults.slow_if in text:
            time.sleep(faults.slow_seconds)
        result = fake_translation(text, target)
        if faults.mangle_if and faults.mangle_if in text:
            result = _TOKEN.sub(lambda m: f"X{m.group(1)}X", result)
        if faults.space_if and faults.space_if in text:
            result = _TOKEN.sub(lambda m: f"[ X {m.group(1)} X ]", result)
        if faults.drop_digits_if and faults.drop_digits_if in text:
            result = re.sub(r"\d", "", result)
        return result

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like the real server behind gunicorn
            # Headers and body in one write: unbuffered, Nagle and delayed ACKs add ~40 ms.
            wbufsize = 64 * 1024

            def do_GET(self) -> None:
                if urlsplit(self.path).path.rstrip("/") == "/languages":
                    self._send(200, LANGUAGES)
                else:
                    self._send(404, {"error": "Not Found"})

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                if parts.path.rstrip("/") != "/translate":
                    self._send(404, {"error": "Not Found"})
                    return
                params: dict[str, Any] = {k: v[0] for k, v in parse_qs(parts.query).items()}
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if body:
                    if "json" in (self.headers.get("Content-Type") or ""):
                        params.update(json.loads(body))
                    else:
                        params.update({k: v[0] for k, v in parse_qs(body.decode()).items()})
                self._send(*server.answer(params))

            def _send(self, status: int, payload: Any) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up (its timeout): fine

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: tests read the counters instead

        return Handler
