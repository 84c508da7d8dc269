"""LibreTranslate, usually self-hosted: `url`, an optional key, the languages it has installed.

deep-translator's LibreTranslator knows only the languages of its own table (no Kazakh) and
insists on a key; we build it for "auto" and then set the real codes through its `source` and
`target` setters, and drop the key when the server needs none.
"""

from __future__ import annotations

from typing import Any, ClassVar

from l10n_news.engines.web import DeepTranslatorEngine
from l10n_news.errors import ConfigError

DEFAULT_LANGUAGES = ("en", "ru", "kk")


class LibreEngine(DeepTranslatorEngine):
    name = "libre"
    key_env = "LIBRE_API_KEY"
    key_required = False
    option_keys = frozenset({"api_key_env", "url", "languages", "max_chars"})
    languages: ClassVar[dict[str, str]] = {code: code for code in DEFAULT_LANGUAGES}

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        table = "[engines.libre]"
        url = self.options.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(
                f'{table} url must be the server\'s address, e.g. "http://127.0.0.1:5000/"',
                path=ws.config_path,
            )
        self.url = url if url.endswith("/") else url + "/"
        codes = self.options.get("languages", list(DEFAULT_LANGUAGES))
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{table} languages must be a list of codes", path=ws.config_path)
        # An instance attribute: this server's languages, not every LibreTranslate's.
        self.languages = {code: code for code in codes}  # type: ignore[misc]
        limit = self.options.get("max_chars", 5000)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 50:
            raise ConfigError(f"{table} max_chars must be a number >= 50", path=ws.config_path)
        self.max_chars = limit  # type: ignore[misc]

    def client(self, source: str, target: str, key: str | None) -> Any:
        from deep_translator import LibreTranslator

        client = LibreTranslator(
            source="auto", target="auto", api_key=key or "none", custom_url=self.url
        )
        client.source, client.target = source, target
        # "": no api_key parameter is sent (and its 403 error can still be built: with None,
        # deep-translator's AuthorizationException fails on "str + None").
        client.api_key = key or ""
        return client
