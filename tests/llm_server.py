"""A loopback OpenAI-compatible chat completions server whose "model" does only what it is told.

It reads the JSON our `llm` engine sends (units with ids, glossary terms, drafts and problems on
a retry) and answers `{"translations": [...]}` as the message content, with `usage` counts.
Its translation is `fake_translation`, except that a glossary term listed for a unit is
rendered as required: `heed_terms` says when it listens ("always", "when_named": only once
the miss is named in a retry, "never"). A prompt that is not our JSON (deep-translator's
"Translate the text below into ...") is translated as plain text, glossary unknown. Latency is
fixed per request plus per completion token, for the benchmark.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from typing import Any

from api_servers import Api, ApiError, Reply, Request, json_reply
from libre_server import fake_translation

CODES = {"English": "en", "Russian": "ru", "Kazakh": "kk"}
_NAIVE_TEXT = re.compile(r'into (\w+)\.\s*Text: "(.*)"\s*$', re.DOTALL)


def tokens(text: str) -> int:
    """About four characters a token, as the usual tokenizers count for these languages."""
    return max(1, math.ceil(len(text) / 4))


class ChatApi(Api):
    path = "/v1/chat/completions"
    key = None

    def __init__(
        self,
        *,
        model: str = "test-model",
        key: str | None = None,
        heed_terms: str = "always",
        per_token: float = 0.0,
        drop_ids: frozenset[str] = frozenset(),
        prose: bool = False,
    ) -> None:
        self.model = model
        self.key = key
        self.heed_terms = heed_terms
        self.per_token = per_token  # seconds per completion token
        self.drop_ids = drop_ids  # units left out of the answer
        self.prose = prose  # answer chatter instead of the JSON asked for
        self.prompts: list[dict[str, Any]] = []  # the JSON payloads received
        self.bodies: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def key_sent(self, req: Request) -> str | None:
        scheme, _, key = req.headers.get("authorization", "").partition(" ")
        return key if scheme == "Bearer" else None

    def auth_status(self) -> int:
        return 401

    def error(self, status: int, message: str) -> Reply:
        return json_reply(status, {"error": {"message": message, "type": "invalid_request_error"}})

    def check_codes(self, source: str, target: str) -> None:
        pass

    def read(self, req: Request) -> tuple[list[str], str, str]:
        body = req.json()
        if body.get("model") != self.model:
            raise ApiError(404, f"The model `{body.get('model')}` does not exist")
        with self._lock:
            self.bodies.append(body)
        user = body["messages"][-1]["content"]
        try:
            payload = json.loads(user)
        except ValueError:
            match = _NAIVE_TEXT.search(user)
            if match is None:
                raise ApiError(400, "cannot read the prompt") from None
            return [match.group(2)], "", CODES.get(match.group(1).capitalize(), "xx")
        with self._lock:
            self.prompts.append(payload)
        return [u["text"] for u in payload["units"]], CODES[payload["from"]], CODES[payload["to"]]

    def answer(self, req: Request, translations: list[str]) -> Reply:
        body = req.json()
        user = body["messages"][-1]["content"]
        try:
            payload = json.loads(user)
        except ValueError:
            content = translations[0]  # the naive prompt: plain text back, nothing else known
        else:
            target = CODES[payload["to"]]
            items = [
                {"id": u["id"], "text": self._translate_unit(u, target)}
                for u in payload["units"]
                if u["id"] not in self.drop_ids
            ]
            content = json.dumps({"translations": items}, ensure_ascii=False)
        if self.prose:
            content = "Sure! Here are the translations you asked for."
        prompt_tokens = sum(tokens(m["content"]) for m in body["messages"])
        completion_tokens = tokens(content)
        time.sleep(self.per_token * completion_tokens)
        return json_reply(
            200,
            {
                "id": "chatcmpl-loopback",
                "object": "chat.completion",
                "model": self.model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            },
        )

    def _translate_unit(self, unit: dict[str, Any], target: str) -> str:
        listens = self.heed_terms == "always" or (
            self.heed_terms == "when_named" and "problems" in unit
        )
        text = unit["text"]
        renderings: list[str] = []
        if listens:
            for k, term in enumerate(unit.get("glossary", [])):
                pattern = re.compile(re.escape(term["term"]), re.IGNORECASE)
                text, found = pattern.subn(f"\x00{k}\x00", text)
                renderings.append(term["translation"] if found else "")
        out = fake_translation(text, target)
        return re.sub("\x00(\\d+)\x00", lambda m: renderings[int(m.group(1))], out)
