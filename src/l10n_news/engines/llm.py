"""The `llm` engine: any OpenAI-compatible chat completions API, given what a translator sees.

One request carries several units of one article, each with its context (`UnitContext`): the
headline and lead, the units before and after, the unit's role, the glossary terms it uses
with their required renderings, and a reviewed translation in the third language (the pivot).
The model answers JSON, `{"translations": [{"id": ..., "text": ...}]}`, matched back by id; a
unit it leaves out fails alone. Protection, cache, batching, retries and provenance are the
base's. A draft that misses a required glossary term is sent once more with the miss named;
whatever comes back is kept as a draft, and `check` reports a term still missing.

Works with the cloud (`https://api.openai.com/v1`) and with self-hosted servers that speak the
same API (llama.cpp's `llama-server`, Ollama, vLLM): `url`, `model`, `api_key_env`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, ClassVar

from l10n_news.engines.context import Unit
from l10n_news.engines.errors import BadAnswer
from l10n_news.engines.protect import check_tokens
from l10n_news.engines.web import WebEngine
from l10n_news.errors import ConfigError, EngineError
from l10n_news.languages import LANGUAGES

if TYPE_CHECKING:
    from l10n_news.engines.base import Answer
    from l10n_news.engines.http import HttpClient

RESPONSE_FORMATS = ("json_schema", "json_object", "none")

# The house conventions a draft should follow, per target language (the checks enforce them).
CONVENTIONS = {
    "ru": (
        "quotes «…», with „…“ inside; decimal comma and a space between thousands "
        "(1 250,5); dates as 19 февраля 2013 года; times as 19:30; a spaced dash — between "
        "clauses"
    ),
    "kk": (
        "quotes «…», with „…“ inside; decimal comma and a space between thousands "
        "(1 250,5); dates as 2013 жылғы 19 ақпан; times as 19:30"
    ),
    "en": (
        "British English; quotes “…”, with ‘…’ inside; decimal point and a comma between "
        "thousands (1,250.5); dates as 19 February 2013; times as 19:30"
    ),
}

_SYSTEM = """\
You translate news articles from {source} into {target} for publication.
The user sends one JSON object: the article's headline and lead, and the units to translate.
Translate the "text" of each unit, and nothing else: the headline, the lead, "before",
"after" and "pivot" are there so you understand the unit; never translate or copy them.
A value "(unit N)" stands for the text of the unit whose id is N.
Rules:
- Codes like [X0X] stand for numbers, names, links and markup: keep each one exactly as it
  is, once, where it belongs in the sentence.
- Where a unit lists "glossary" terms, render each term with the required translation given,
  inflected as the sentence needs.
- A "pivot" is a reviewed translation of the same unit into {pivot_hint}: follow its
  meaning and names where it helps.
- "role" says what the unit is (title, summary, paragraph, caption, tag, ...): a title stays
  short, a tag is one word or name.
- Write {target} as a native news editor would: {conventions}.
Answer with JSON only: {{"translations": [{{"id": "<unit id>", "text": "<translation>"}}]}},
one entry for every unit id."""

_RETRY_NOTE = (
    "These units were translated before, but the drafts broke the glossary. Translate each "
    'again, fixing every problem listed under "problems".'
)

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)

_SCHEMA = {
    "type": "object",
    "properties": {
        "translations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
                "required": ["id", "text"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["translations"],
    "additionalProperties": False,
}


class LlmEngine(WebEngine):
    """An OpenAI-compatible `/chat/completions` endpoint, several units of one article a request."""

    name = "llm"
    uses_context: ClassVar[bool] = True
    languages: ClassVar[dict[str, str]] = {code: code for code in LANGUAGES}
    key_env = "LLM_API_KEY"
    key_required = False  # a self-hosted server usually needs none
    default_url = "https://api.openai.com/v1"
    option_keys = frozenset(
        {
            "api_key_env",
            "url",
            "model",
            "batch_size",
            "batch_chars",
            "temperature",
            "response_format",
        }
    )
    batch_size = 40
    batch_chars = 6000
    max_chars = 4000

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        table = "[engines.llm]"
        model = self.options.get("model")
        if not isinstance(model, str) or not model.strip():
            raise ConfigError(
                f'{table} model must name the model, e.g. "gpt-4o-mini"', path=ws.config_path
            )
        self.model = model.strip()
        self.endpoint = self.url.rstrip("/")
        if not self.endpoint.endswith("/chat/completions"):
            self.endpoint += "/chat/completions"
        self.batch_size = _whole(self.options, "batch_size", 40, 1, 500, table, ws)  # type: ignore[misc]
        self.batch_chars = _whole(self.options, "batch_chars", 6000, 200, 200_000, table, ws)  # type: ignore[misc]
        self.max_chars = min(self.max_chars, self.batch_chars)  # type: ignore[misc]
        temperature = self.options.get("temperature", 0.0)
        if (
            isinstance(temperature, bool)
            or not isinstance(temperature, int | float)
            or not (0 <= temperature <= 2)
        ):
            raise ConfigError(f"{table} temperature must be between 0 and 2", path=ws.config_path)
        self.temperature = float(temperature)
        fmt = self.options.get("response_format", "json_schema")
        if fmt not in RESPONSE_FORMATS:
            raise ConfigError(
                f"{table} response_format must be one of {', '.join(RESPONSE_FORMATS)}",
                path=ws.config_path,
            )
        self.response_format: str = fmt

    @property
    def label(self) -> str:
        return f"llm:{self.model}"

    @property
    def cache_namespace(self) -> str:
        return f"llm:{self.model}"

    # --- one batch ---------------------------------------------------------------------------
    def translate_units(self, units: list[Unit], source: str, target: str) -> list[Answer]:
        key = self.api_key()
        http = self.http(key)
        drafts = self._ask(http, key, build_prompt(units, source, target), len(units))
        # Each unit's draft, with the glossary problems it has; those are sent once more.
        problems = {
            k: self._glossary_problems(units[k], drafts[k], source, target)
            for k in range(len(units))
        }
        again = [k for k, found in problems.items() if found]
        if again:
            retry = [units[k] for k in again]
            prompt = build_prompt(
                retry,
                source,
                target,
                drafts=[drafts[k] or "" for k in again],
                problems=[problems[k] for k in again],
            )
            self.count_request()
            try:
                better = self._ask(http, key, prompt, len(retry))
            except EngineError:
                return list(drafts)  # the first drafts stand; `check` reports the misses
            for k, text in zip(again, better, strict=True):
                # Kept even if still wrong (`check` reports it), unless it broke a placeholder.
                if text and check_tokens(units[k].text, text) is None:
                    drafts[k] = text
        return list(drafts)

    def _glossary_problems(
        self, unit: Unit, draft: str | None, source: str, target: str
    ) -> list[str]:
        if draft is None or self.glossary is None or unit.context is None or not unit.context.terms:
            return []
        return self.glossary.check(unit.text, source, target, draft)

    def _ask(
        self, http: HttpClient, key: str | None, prompt: list[dict[str, str]], count: int
    ) -> list[str | None]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": prompt,
            "temperature": self.temperature,
        }
        if self.response_format == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "translations", "strict": True, "schema": _SCHEMA},
            }
        elif self.response_format == "json_object":
            body["response_format"] = {"type": "json_object"}
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        data = http.json(http.request("POST", self.endpoint, json_body=body, headers=headers))
        usage = data.get("usage") if isinstance(data, dict) else None
        if isinstance(usage, dict):
            self.add_usage(
                {
                    k: v
                    for k, v in usage.items()
                    if k in ("prompt_tokens", "completion_tokens") and isinstance(v, int)
                }
            )
        choice = data["choices"][0]
        if choice.get("finish_reason") == "length":
            raise BadAnswer(f"{self.name}: the answer was cut off at the model's token limit")
        return parse_translations(self.name, choice["message"]["content"], count)


def build_prompt(
    units: list[Unit],
    source: str,
    target: str,
    *,
    drafts: list[str] | None = None,
    problems: list[list[str]] | None = None,
) -> list[dict[str, str]]:
    """The chat messages for `units` (all of one document): a system message and a JSON one."""
    src, tgt = LANGUAGES[source].name, LANGUAGES[target].name
    pivots = {u.context.pivot_lang for u in units if u.context and u.context.pivot_lang}
    pivot_hint = " or ".join(sorted(LANGUAGES[p].name for p in pivots)) or "a third language"
    system = _SYSTEM.format(
        source=src, target=tgt, pivot_hint=pivot_hint, conventions=CONVENTIONS.get(target, "")
    )
    payload: dict[str, Any] = {"from": src, "to": tgt}
    ids = {(u.original or u.text): str(k + 1) for k, u in enumerate(units)}
    document = next((u.context.document for u in units if u.context and u.context.document), None)
    if document is not None:
        article = {"headline": document.headline, "lead": document.lead}
        payload["article"] = {k: _by_id(v, ids) for k, v in article.items() if v}
    if drafts is not None:
        payload["note"] = _RETRY_NOTE
    payload["units"] = [
        _unit_payload(k, unit, ids, drafts, problems) for k, unit in enumerate(units)
    ]
    user = json.dumps(payload, ensure_ascii=False)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _unit_payload(
    k: int,
    unit: Unit,
    ids: dict[str, str],
    drafts: list[str] | None,
    problems: list[list[str]] | None,
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": str(k + 1)}
    ctx = unit.context
    if ctx is not None and ctx.role:
        item["role"] = ctx.role
    item["text"] = unit.text
    if ctx is not None:
        for side, neighbour in (("before", ctx.before), ("after", ctx.after)):
            if neighbour:
                item[side] = _by_id(neighbour, ids)
        if ctx.terms:
            item["glossary"] = [
                {"term": t.source, "translation": t.required} | ({"note": t.note} if t.note else {})
                for t in ctx.terms
            ]
        if ctx.pivot_lang and ctx.pivot_text:
            item["pivot"] = {"language": LANGUAGES[ctx.pivot_lang].name, "text": ctx.pivot_text}
    if drafts is not None and problems is not None:
        item["draft"] = drafts[k]
        item["problems"] = problems[k]
    return item


def _by_id(text: str, ids: dict[str, str]) -> str:
    """A text that is itself a unit of this request is named by its id, not sent twice."""
    return f"(unit {ids[text]})" if text in ids else text


def parse_translations(engine: str, content: Any, count: int) -> list[str | None]:
    """The model's JSON answer as one text per unit (None where it gave none)."""
    if not isinstance(content, str):
        raise BadAnswer(f"{engine}: the answer has no text")
    fenced = _FENCE.match(content)
    try:
        data = json.loads(fenced.group(1) if fenced else content)
    except ValueError:
        raise BadAnswer(f"{engine}: the answer is not the JSON that was asked for") from None
    items = data.get("translations") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise BadAnswer(f'{engine}: the answer has no "translations" list')
    found: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            found.setdefault(str(item.get("id")), item["text"])
    return [found.get(str(k + 1)) for k in range(count)]


def _whole(
    options: dict[str, Any], key: str, default: int, low: int, high: int, table: str, ws: Any
) -> int:
    value = options.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(
            f"{table} {key} must be a whole number from {low} to {high}", path=ws.config_path
        )
    return value
