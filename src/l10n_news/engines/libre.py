"""LibreTranslate, usually self-hosted: `url`, an optional key, the languages it has installed.

`q` may be a list, so one request carries many texts (up to the server's `--batch-limit`, and
`--char-limit` characters in all); the key travels in the JSON body. deep-translator sends
one text per request with the key in the query string, and knows no Kazakh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from l10n_news.engines.web import WebEngine, expect_list
from l10n_news.errors import ConfigError

if TYPE_CHECKING:
    from l10n_news.engines.http import HttpClient

DEFAULT_LANGUAGES = ("en", "ru", "kk")


class LibreEngine(WebEngine):
    """LibreTranslate, usually self-hosted: `q` is a list, so one request carries many texts."""

    name = "libre"
    key_env = "LIBRE_API_KEY"
    option_keys = frozenset({"api_key_env", "url", "languages", "max_chars", "batch_limit"})
    languages: ClassVar[dict[str, str]] = {code: code for code in DEFAULT_LANGUAGES}
    batch_size = 50

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        if "url" not in options:
            raise ConfigError(
                '[engines.libre] url must be the server\'s address, e.g. "http://127.0.0.1:5000/"',
                path=ws.config_path,
            )
        super().__init__(ws, options)
        table = "[engines.libre]"
        self.url = self.url if self.url.endswith("/") else self.url + "/"
        codes = self.options.get("languages", list(DEFAULT_LANGUAGES))
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{table} languages must be a list of codes", path=ws.config_path)
        # An instance attribute: this server's languages, not every LibreTranslate's.
        self.languages = {code: code for code in codes}  # type: ignore[misc]
        # The server's --char-limit bounds a whole request; --batch-limit the texts in one.
        self.max_chars = _bounded_int(self.options, "max_chars", 5000, 50, table, ws)  # type: ignore[misc]
        self.batch_chars = self.max_chars  # type: ignore[misc]
        self.batch_size = _bounded_int(self.options, "batch_limit", 50, 1, table, ws)  # type: ignore[misc]

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        body: dict[str, Any] = {"q": texts, "source": source, "target": target, "format": "text"}
        if key:
            body["api_key"] = key
        data = http.json(http.request("POST", self.url + "translate", json_body=body))
        return expect_list(self.name, data["translatedText"], len(texts))


def _bounded_int(
    options: dict[str, Any], key: str, default: int, low: int, table: str, ws: Any
) -> int:
    value = options.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ConfigError(f"{table} {key} must be a whole number >= {low}", path=ws.config_path)
    return value
