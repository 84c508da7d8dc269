"""OpenAI chat models through deep-translator (needs the `openai` package, API < 1.0).

Kept for workspaces that name it; deep-translator sends each text alone with the prompt
"Translate the text below into <language>". The `llm` engine is the one with context.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

from l10n_news.engines.web import WebEngine
from l10n_news.errors import EngineError


class ChatGptEngine(WebEngine):
    name = "chatgpt"
    languages: ClassVar[dict[str, str]] = {"ru": "russian", "en": "english", "kk": "kazakh"}
    key_env = "OPENAI_API_KEY"
    key_required = True
    default_url = "https://api.openai.com/v1"
    option_keys = frozenset({"api_key_env", "model"})

    @property
    def cache_namespace(self) -> str:
        return f"{self.name}:{self.options.get('model', 'gpt-3.5-turbo')}"

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Any]:
        key = self.api_key()
        from deep_translator import ChatGptTranslator

        model = self.options.get("model", "gpt-3.5-turbo")
        client = ChatGptTranslator(
            source=self.languages[source], target=self.languages[target], api_key=key, model=model
        )
        return [client.translate(text) for text in texts]

    def map_error(self, exc: Exception) -> EngineError:
        from l10n_news.engines.web_errors import map_provider_error

        secret = os.environ.get(self.key_variable) if self.key_variable else None
        return map_provider_error(self.name, exc, secret=secret)
