"""Loopback servers shaped like the translation APIs our adapters speak, with fault injection.

Each `Api` reads a request the way its service does (where the texts, languages and key are,
which language codes it knows) and answers in its format, errors included: DeepL v2
`/v2/translate`, Yandex Cloud `/translate/v2/translate`, Microsoft v3 `/translate`, MyMemory
`/get`, Google's web page `/m`, LibreTranslate `/translate`, and an OpenAI-compatible
`/v1/chat/completions` (`llm_server.ChatApi`). `LoopbackServer` records every URL it was sent,
so a test can prove no key travelled in one. Its "translation" is `fake_translation`.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from libre_server import fake_translation
from loopback import ServedOnLoopback


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("utf-8"))

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, payload: Any, **headers: str) -> Reply:
    return Reply(status, json.dumps(payload, ensure_ascii=False).encode(), headers=headers)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Faults:
    """What goes wrong. `statuses` answer the next requests in turn (429s with `retry_after`)."""

    statuses: deque[int] = field(default_factory=deque)
    retry_after: str | None = None
    malformed: bool = False  # a 200 whose body is not what the API sends (not JSON)
    delay: float = 0.0  # seconds before every answer (timeouts)
    latency: float = 0.0  # the same, for benchmarks
    per_token: float = 0.0  # seconds per token answered (about four characters)


class Api:
    """One service's shape: subclasses read requests and write answers as it does."""

    path: str = "/"
    method: str = "POST"
    codes: frozenset[str] = frozenset({"en", "ru", "kk"})
    key: str | None = None  # the key the service accepts; None: it needs none

    def read(self, req: Request) -> tuple[list[str], str, str]:
        """(texts, source code, target code)."""
        raise NotImplementedError

    def key_sent(self, req: Request) -> str | None:
        return None

    def answer(self, req: Request, translations: list[str]) -> Reply:
        raise NotImplementedError

    def error(self, status: int, message: str) -> Reply:
        return json_reply(status, {"message": message})

    def auth_status(self) -> int:
        return 403

    def check_codes(self, source: str, target: str) -> None:
        for code in (source, target):
            if code not in self.codes:
                raise ApiError(400, f"language {code!r} is not supported")

    def translate(self, text: str, target: str) -> str:
        return fake_translation(text, target.lower()[:2])


class DeeplApi(Api):
    path = "/v2/translate"
    codes = frozenset({"EN", "RU", "DE"})
    targets = frozenset({"EN-GB", "EN-US", "RU", "DE"})
    key = "deepl-secret:fx"

    def read(self, req: Request) -> tuple[list[str], str, str]:
        form = req.form()
        source, target = form.get("source_lang", [""])[0], form.get("target_lang", [""])[0]
        if source not in self.codes:
            raise ApiError(400, "Value for 'source_lang' not supported.")
        if target not in self.targets:
            raise ApiError(400, "Value for 'target_lang' not supported.")
        if not form.get("text") or len(form["text"]) > 50:
            raise ApiError(400, "Parameter 'text' not specified or too many.")
        return form["text"], source, target

    def check_codes(self, source: str, target: str) -> None:
        pass  # read() knows DeepL's own rules

    def key_sent(self, req: Request) -> str | None:
        scheme, _, key = req.headers.get("authorization", "").partition(" ")
        return key if scheme == "DeepL-Auth-Key" else None

    def answer(self, req: Request, translations: list[str]) -> Reply:
        items = [{"detected_source_language": "EN", "text": t} for t in translations]
        return json_reply(200, {"translations": items})


class YandexApi(Api):
    path = "/translate/v2/translate"
    key = "yandex-secret"

    def read(self, req: Request) -> tuple[list[str], str, str]:
        body = req.json()
        if sum(len(t) for t in body["texts"]) > 10_000:
            raise ApiError(400, "texts length exceeds 10000")
        return body["texts"], body["sourceLanguageCode"], body["targetLanguageCode"]

    def key_sent(self, req: Request) -> str | None:
        scheme, _, key = req.headers.get("authorization", "").partition(" ")
        return key if scheme == "Api-Key" else None

    def auth_status(self) -> int:
        return 401

    def error(self, status: int, message: str) -> Reply:
        return json_reply(status, {"code": 3 if status == 400 else 16, "message": message})

    def answer(self, req: Request, translations: list[str]) -> Reply:
        return json_reply(200, {"translations": [{"text": t} for t in translations]})


class MicrosoftApi(Api):
    path = "/translate"
    key = "microsoft-secret"
    region = "westeurope"

    def read(self, req: Request) -> tuple[list[str], str, str]:
        if req.query.get("api-version") != ["3.0"]:
            raise ApiError(400, "The API version parameter is missing or invalid.")
        items = req.json()
        if len(items) > 1000 or sum(len(i["Text"]) for i in items) > 50_000:
            raise ApiError(400, "The request is too large.")
        if req.headers.get("ocp-apim-subscription-region") != self.region:
            raise ApiError(401, "The request is not authorized: wrong or missing region.")
        return [i["Text"] for i in items], req.query["from"][0], req.query["to"][0]

    def key_sent(self, req: Request) -> str | None:
        return req.headers.get("ocp-apim-subscription-key")

    def auth_status(self) -> int:
        return 401

    def error(self, status: int, message: str) -> Reply:
        return json_reply(status, {"error": {"code": status * 1000, "message": message}})

    def answer(self, req: Request, translations: list[str]) -> Reply:
        to = req.query["to"][0]
        return json_reply(200, [{"translations": [{"text": t, "to": to}]} for t in translations])


class MyMemoryApi(Api):
    path = "/get"
    method = "GET"
    codes = frozenset({"en-GB", "ru-RU", "kk-KZ"})

    def read(self, req: Request) -> tuple[list[str], str, str]:
        source, _, target = req.query["langpair"][0].partition("|")
        return [req.query["q"][0]], source, target

    def check_codes(self, source: str, target: str) -> None:
        if target not in self.codes:
            # MyMemory answers HTTP 200 and puts its status in the body.
            raise ApiError(-403, f"'{target.upper()}' IS AN INVALID TARGET LANGUAGE")

    def error(self, status: int, message: str) -> Reply:
        if status < 0:
            data = {"responseData": {"translatedText": message}, "responseDetails": message}
            return json_reply(200, {**data, "responseStatus": str(-status)})
        return json_reply(status, {"responseDetails": message, "responseStatus": status})

    def answer(self, req: Request, translations: list[str]) -> Reply:
        data = {"translatedText": translations[0], "match": 0.85}
        return json_reply(200, {"responseData": data, "responseStatus": 200, "matches": []})


class GoogleWebApi(Api):
    path = "/m"
    method = "GET"

    def read(self, req: Request) -> tuple[list[str], str, str]:
        return [req.query["q"][0]], req.query["sl"][0], req.query["tl"][0]

    def error(self, status: int, message: str) -> Reply:
        page = f"<html><title>Error {status}</title><body>{html.escape(message)}</body></html>"
        return Reply(status, page.encode(), "text/html")

    def answer(self, req: Request, translations: list[str]) -> Reply:
        result = html.escape(translations[0])
        page = (
            '<html><body><div class="header">Google Translate</div>'
            f'<div class="result-container">{result}</div></body></html>'
        )
        return Reply(200, page.encode(), "text/html; charset=utf-8")


class LibreApi(Api):
    path = "/translate"
    key = None

    def read(self, req: Request) -> tuple[list[str], str, str]:
        body = req.json()
        q = body["q"]
        return (q if isinstance(q, list) else [q]), body["source"], body["target"]

    def key_sent(self, req: Request) -> str | None:
        return req.json().get("api_key")

    def error(self, status: int, message: str) -> Reply:
        return json_reply(status, {"error": message})

    def answer(self, req: Request, translations: list[str]) -> Reply:
        q = req.json()["q"]
        return json_reply(200, {"translatedText": translations if isinstance(q, list) else q})


class LoopbackServer(ServedOnLoopback):
    """A real HTTP server on 127.0.0.1 speaking `api`, with `faults`; records what it was sent."""

    def __init__(self, api: Api, faults: Faults | None = None) -> None:
        self.api = api
        self.faults = faults or Faults()
        self.urls: list[str] = []  # every request line's target: path and query string
        self.requests = 0
        self.texts_received = 0
        self.keys_received: list[str | None] = []
        self._lock = threading.Lock()
        self._serve(self._handler_class())

    @property
    def url(self) -> str:
        """The endpoint's full address, as an engine's `url` option takes it."""
        return self.base + self.api.path

    def handle(self, req: Request) -> Reply:
        api, faults = self.api, self.faults
        with self._lock:
            self.requests += 1
            status = faults.statuses.popleft() if faults.statuses else None
        time.sleep(faults.delay + faults.latency)
        if req.path != api.path or req.method != api.method:
            return api.error(404, "Not Found")
        if status:  # 0 in `statuses`: this request is answered normally
            extra = (
                {"Retry-After": faults.retry_after} if status == 429 and faults.retry_after else {}
            )
            reply = api.error(status, f"injected fault {status}")
            reply.headers.update(extra)
            return reply
        try:
            if api.key is not None:
                sent = api.key_sent(req)
                with self._lock:
                    self.keys_received.append(sent)
                if sent != api.key:
                    raise ApiError(api.auth_status(), "Invalid or missing API key")
            texts, source, target = api.read(req)
            api.check_codes(source, target)
        except ApiError as exc:
            return api.error(exc.status, exc.message)
        except (KeyError, ValueError, TypeError, IndexError):
            return api.error(400, "Bad request")
        if faults.malformed:
            return Reply(200, b'{"translations": [', "application/json")
        with self._lock:
            self.texts_received += len(texts)
        translations = [api.translate(t, target) for t in texts]
        if faults.per_token:
            time.sleep(faults.per_token * sum(len(t) for t in translations) / 4)
        return api.answer(req, translations)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 64 * 1024  # headers and body in one write (no Nagle delay)

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                req = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                )
                with server._lock:
                    server.urls.append(self.path)
                reply = server.handle(req)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(reply.body)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up (its timeout)

            do_GET = do_POST = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
