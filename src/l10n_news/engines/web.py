"""Adapters for web translation services, through deep-translator.

Each adapter says which of our languages the provider knows (and how it spells them), which
environment variable holds its key, and how to build deep-translator's client. The base does
the rest; `DeepTranslatorEngine` covers deep-translator's own gaps: the key is read from the
environment when a request is made (deep-translator reads its variables at import time, as
default arguments), every request has a timeout (`engines.http`), and its exceptions are mapped
(`engines.web_errors`). Its `translate_batch` is a plain loop, so we never use it: the base
sends texts one per request, concurrently.
"""

from __future__ import annotations

import os
import threading
from typing import Any, ClassVar

from l10n_news.engines.base import Engine
from l10n_news.engines.errors import AuthError
from l10n_news.errors import ConfigError, EngineError


class DeepTranslatorEngine(Engine):
    """What every deep-translator adapter shares."""

    languages: ClassVar[dict[str, str]]  # our code -> the provider's code
    key_env: ClassVar[str | None] = None  # default for `api_key_env`; None: no key used
    key_required: ClassVar[bool] = False
    option_keys: ClassVar[frozenset[str]] = frozenset({"api_key_env"})

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        env = self.options.get("api_key_env", self.key_env)
        if env is not None and (not isinstance(env, str) or not env.isidentifier()):
            raise ConfigError(
                f"[engines.{self.name}] api_key_env must name an environment variable",
                path=ws.config_path,
            )
        self.key_variable: str | None = env

    def supports(self, source: str, target: str) -> bool:
        return source in self.languages and target in self.languages and source != target

    def api_key(self) -> str | None:
        """Read now, not at import: the key is never stored in any file or message."""
        key = os.environ.get(self.key_variable) if self.key_variable else None
        if self.key_required and not key:
            where = f"the environment variable {self.key_variable}" if self.key_variable else (
                f"api_key_env in [engines.{self.name}]"
            )
            raise AuthError(f"{self.name} needs an API key: set {where}")
        return key or None

    def client(self, source: str, target: str, key: str | None) -> Any:
        """deep-translator's translator object for the provider's language codes."""
        raise NotImplementedError

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Any]:
        # requests and deep-translator load only when a request is made: every other command
        # (and a run that finds nothing to translate) starts faster without them.
        from l10n_news.engines import http

        http.install()
        key = self.api_key()
        client = self.client(self.languages[source], self.languages[target], key)
        with http.request_timeout(self.settings.timeout):
            return [client.translate(text) for text in texts]

    def map_error(self, exc: Exception) -> EngineError:
        from l10n_news.engines.web_errors import map_provider_error

        secret = os.environ.get(self.key_variable) if self.key_variable else None
        return map_provider_error(self.name, exc, secret=secret)


_RU_EN_KK = {"ru": "ru", "en": "en", "kk": "kk"}


class GoogleEngine(DeepTranslatorEngine):
    """Google Translate's free web endpoint: no key."""

    name = "google"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    max_chars = 5000

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import GoogleTranslator

        return GoogleTranslator(source=source, target=target)


class MyMemoryEngine(DeepTranslatorEngine):
    """MyMemory: no key; an optional `email` raises its daily quota. 500 characters a text."""

    name = "mymemory"
    languages: ClassVar[dict[str, str]] = {"ru": "ru-RU", "en": "en-GB", "kk": "kk-KZ"}
    max_chars = 500
    option_keys = frozenset({"email"})

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import MyMemoryTranslator

        email = self.options.get("email")
        return MyMemoryTranslator(source=source, target=target, email=email)


class DeeplEngine(DeepTranslatorEngine):
    """DeepL API (free or pro): a key; deep-translator's table has no Kazakh."""

    name = "deepl"
    languages: ClassVar[dict[str, str]] = {"ru": "ru", "en": "en"}
    key_env = "DEEPL_API_KEY"
    key_required = True
    option_keys = frozenset({"api_key_env", "pro"})

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import DeeplTranslator

        pro = bool(self.options.get("pro", False))
        return DeeplTranslator(source=source, target=target, api_key=key, use_free_api=not pro)


class YandexEngine(DeepTranslatorEngine):
    name = "yandex"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    key_env = "YANDEX_API_KEY"
    key_required = True

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import YandexTranslator

        return YandexTranslator(source=source, target=target, api_key=key)


class MicrosoftEngine(DeepTranslatorEngine):
    """Azure Translator: a key and, for most resources, a `region`."""

    name = "microsoft"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    key_env = "MICROSOFT_API_KEY"
    key_required = True
    option_keys = frozenset({"api_key_env", "region"})

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        self._clients = threading.local()  # one client per worker thread and pair

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import MicrosoftTranslator

        made: dict[tuple[str, str, str | None], Any] = self._clients.__dict__.setdefault("m", {})
        if (source, target, key) not in made:
            # Its constructor fetches the language list: one request, so made once per thread.
            from l10n_news.engines import http

            with http.request_timeout(self.settings.timeout):
                made[source, target, key] = MicrosoftTranslator(
                    source=source, target=target, api_key=key, region=self.options.get("region")
                )
        return made[source, target, key]


class ChatGptEngine(DeepTranslatorEngine):
    """OpenAI chat models through deep-translator (needs the `openai` package, API < 1.0)."""

    name = "chatgpt"
    languages: ClassVar[dict[str, str]] = {"ru": "russian", "en": "english", "kk": "kazakh"}
    key_env = "OPENAI_API_KEY"
    key_required = True
    option_keys = frozenset({"api_key_env", "model"})

    @property
    def cache_namespace(self) -> str:
        return f"{self.name}:{self.options.get('model', 'gpt-3.5-turbo')}"

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import ChatGptTranslator

        model = self.options.get("model", "gpt-3.5-turbo")
        return ChatGptTranslator(source=source, target=target, api_key=key, model=model)
