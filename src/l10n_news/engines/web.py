"""Adapters for web translation services, each speaking its API through its own session.

Every adapter says which of our languages the provider knows (and how it spells them), which
environment variable holds its key, where the service lives (`url`, overridable for a proxy,
a self-hosted server or a test), how many texts one request may carry, and writes `send`:
one request for a list of texts. `WebEngine` reads the key when a request is made, keeps one
`HttpClient` (a requests.Session) per engine, and maps whatever comes back into the engine
error family; the base does protection, de-duplication, batching, cache and retries.

Keys travel in headers (DeepL, Yandex, Microsoft, llm) or in the JSON body (LibreTranslate),
never in a URL. deep-translator sends DeepL's and LibreTranslate's keys in the query string
and one text per request, so these adapters send their requests themselves.
"""

from __future__ import annotations

import os
import threading
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, ClassVar

from l10n_news.engines.base import Engine
from l10n_news.engines.errors import (
    AuthError,
    BadAnswer,
    BadRequest,
    QuotaExceeded,
    error_for_status,
)
from l10n_news.errors import ConfigError, EngineError

if TYPE_CHECKING:
    from l10n_news.engines.http import HttpClient


class WebEngine(Engine):
    """What every web adapter shares: the key, the URL, the session."""

    languages: ClassVar[dict[str, str]]  # our code -> the provider's code
    key_env: ClassVar[str | None] = None  # default for `api_key_env`; None: no key used
    key_required: ClassVar[bool] = False
    default_url: ClassVar[str] = ""
    option_keys: ClassVar[frozenset[str]] = frozenset({"api_key_env", "url"})

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        env = self.options.get("api_key_env", self.key_env)
        if env is not None and (not isinstance(env, str) or not env.isidentifier()):
            raise ConfigError(
                f"[engines.{self.name}] api_key_env must name an environment variable",
                path=ws.config_path,
            )
        self.key_variable: str | None = env
        url = self.options.get("url", self.default_url)
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"[engines.{self.name}] url must be an http:// or https:// address",
                path=ws.config_path,
            )
        self.url = url
        self._http: HttpClient | None = None
        self._http_lock = threading.Lock()

    def supports(self, source: str, target: str) -> bool:
        return source in self.languages and target in self.languages and source != target

    def api_key(self) -> str | None:
        """Read now, not at import: the key is never stored in any file or message."""
        key = os.environ.get(self.key_variable) if self.key_variable else None
        if self.key_required and not key:
            where = (
                f"the environment variable {self.key_variable}"
                if self.key_variable
                else (f"api_key_env in [engines.{self.name}]")
            )
            raise AuthError(f"{self.name} needs an API key: set {where}")
        return key or None

    def http(self, key: str | None) -> HttpClient:
        """This engine's session (made on first use: requests loads only when needed)."""
        with self._http_lock:
            if self._http is None:
                from l10n_news.engines.http import HttpClient

                self._http = HttpClient(
                    self.name, timeout=self.settings.timeout, pool=self.settings.concurrency
                )
            if key and key not in self._http.secrets:
                self._http.secrets = (*self._http.secrets, key)
            return self._http

    def close(self) -> None:
        super().close()
        if self._http is not None:
            self._http.close()
            self._http = None

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Any]:
        key = self.api_key()
        client = self.http(key)
        return self.send(client, texts, self.languages[source], self.languages[target], key)

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        """One request for `texts`, in the provider's language codes."""
        raise NotImplementedError

    def map_error(self, exc: Exception) -> EngineError:
        if isinstance(exc, KeyError | TypeError | ValueError | IndexError | AttributeError):
            return BadAnswer(
                f"{self.name}: the answer has an unexpected shape ({type(exc).__name__})"
            )
        return EngineError(f"{self.name}: {type(exc).__name__}")


def expect_list(name: str, value: Any, count: int) -> list[Any]:
    """The answer's list of translations, checked to be as long as what was sent."""
    if not isinstance(value, list) or len(value) != count:
        raise BadAnswer(f"{name}: expected {count} translations in the answer")
    return value


_RU_EN_KK = {"ru": "ru", "en": "en", "kk": "kk"}


class GoogleEngine(WebEngine):
    """Google Translate's free web endpoint (the one deep-translator reads): no key, one text."""

    name = "google"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    default_url = "https://translate.google.com/m"
    max_chars = 5000

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        out: list[str | None] = []
        for text in texts:
            response = http.request("GET", self.url, params={"sl": source, "tl": target, "q": text})
            found = _ResultFinder.first(response.text)
            if found is None:
                raise BadAnswer(f"{self.name}: no translation in the page")
            out.append(found)
        return out


class _ResultFinder(HTMLParser):
    """The text of the page's `div.result-container` (or `div.t0`, its older name)."""

    CLASSES = frozenset({"result-container", "t0"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 while inside the result div
        self.parts: list[str] = []
        self.found = False

    @classmethod
    def first(cls, page: str) -> str | None:
        finder = cls()
        finder.feed(page)
        finder.close()
        return "".join(finder.parts).strip() if finder.found else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag == "div"
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "div" and not self.found and classes & self.CLASSES:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


class MyMemoryEngine(WebEngine):
    """MyMemory: no key; an optional `email` raises its daily quota. 500 characters a text."""

    name = "mymemory"
    languages: ClassVar[dict[str, str]] = {"ru": "ru-RU", "en": "en-GB", "kk": "kk-KZ"}
    default_url = "https://api.mymemory.translated.net/get"
    max_chars = 500
    option_keys = frozenset({"url", "email"})

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        out: list[str | None] = []
        email = self.options.get("email")
        for text in texts:
            params = {"q": text, "langpair": f"{source}|{target}"}
            if isinstance(email, str) and email:
                params["de"] = email
            data = http.json(http.request("GET", self.url, params=params))
            out.append(self._translation(data))
        return out

    def _translation(self, data: Any) -> str:
        # MyMemory answers HTTP 200 and puts its real status in the body.
        status = int(data.get("responseStatus") or 200)
        if status != 200:
            detail = str(data.get("responseDetails") or "")[:160]
            if status == 403:  # no key is involved: its 403 means an invalid language pair
                raise BadRequest(f"{self.name}: the request was refused (HTTP 403): {detail}")
            raise error_for_status(self.name, status, detail=detail)
        text = data["responseData"]["translatedText"]
        if isinstance(text, str) and text.startswith("MYMEMORY WARNING"):
            raise QuotaExceeded(f"{self.name}: the daily quota is spent")
        return text


class DeeplEngine(WebEngine):
    """DeepL API v2: key in `Authorization: DeepL-Auth-Key`, up to 50 `text` fields a request."""

    name = "deepl"
    # DeepL spells sources without a variant and wants English targets as EN-GB or EN-US.
    languages: ClassVar[dict[str, str]] = {"ru": "RU", "en": "EN"}
    targets: ClassVar[dict[str, str]] = {"RU": "RU", "EN": "EN-GB"}
    key_env = "DEEPL_API_KEY"
    key_required = True
    default_url = "https://api-free.deepl.com/v2/translate"
    option_keys = frozenset({"api_key_env", "url", "pro"})
    batch_size = 50  # DeepL's limit of texts per request
    batch_chars = 100_000  # the request body may not exceed 128 KiB

    def __init__(self, ws: Any, options: dict[str, Any]) -> None:
        if options.get("pro") and "url" not in options:
            options = {**options, "url": "https://api.deepl.com/v2/translate"}
        super().__init__(ws, options)

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        form = [("text", t) for t in texts]
        form += [("source_lang", source), ("target_lang", self.targets.get(target, target))]
        headers = {"Authorization": f"DeepL-Auth-Key {key}"}
        data = http.json(http.request("POST", self.url, data=form, headers=headers))
        return [t["text"] for t in expect_list(self.name, data["translations"], len(texts))]


class YandexEngine(WebEngine):
    """Yandex Cloud Translate v2: `Authorization: Api-Key`, a `texts` list of 10,000 characters."""

    name = "yandex"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    key_env = "YANDEX_API_KEY"
    key_required = True
    default_url = "https://translate.api.cloud.yandex.net/translate/v2/translate"
    option_keys = frozenset({"api_key_env", "url", "folder_id"})
    batch_size = 100
    batch_chars = 10_000
    max_chars = 10_000

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        body: dict[str, Any] = {
            "texts": texts,
            "sourceLanguageCode": source,
            "targetLanguageCode": target,
            "format": "PLAIN_TEXT",
        }
        folder = self.options.get("folder_id")
        if isinstance(folder, str) and folder:
            body["folderId"] = folder  # needed with a user's IAM token, not a service key
        headers = {"Authorization": f"Api-Key {key}"}
        data = http.json(http.request("POST", self.url, json_body=body, headers=headers))
        return [t["text"] for t in expect_list(self.name, data["translations"], len(texts))]


class MicrosoftEngine(WebEngine):
    """Azure Translator v3: key and `region` in headers, up to 1000 texts of 50,000 characters."""

    name = "microsoft"
    languages: ClassVar[dict[str, str]] = _RU_EN_KK
    key_env = "MICROSOFT_API_KEY"
    key_required = True
    default_url = "https://api.cognitive.microsofttranslator.com/translate"
    option_keys = frozenset({"api_key_env", "url", "region"})
    batch_size = 1000
    batch_chars = 50_000

    def send(
        self, http: HttpClient, texts: list[str], source: str, target: str, key: str | None
    ) -> list[str | None]:
        headers = {"Ocp-Apim-Subscription-Key": key or ""}
        region = self.options.get("region")
        if isinstance(region, str) and region:
            headers["Ocp-Apim-Subscription-Region"] = region
        params = {"api-version": "3.0", "from": source, "to": target}
        body = [{"Text": t} for t in texts]
        data = http.json(
            http.request("POST", self.url, params=params, json_body=body, headers=headers)
        )
        items = expect_list(self.name, data, len(texts))
        return [item["translations"][0]["text"] for item in items]
