"""deep-translator's and requests' exceptions, mapped into the one EngineError family.

deep-translator's exceptions share no base class, some carry the API key in their text
(`AuthorizationException`), and requests' messages carry the URL with its query string (where
DeepL's and LibreTranslate's keys travel). So no message is passed through as it is: each
becomes a sentence of our own, and any key still found in it is blanked out.
"""

from __future__ import annotations

import json

import requests
from deep_translator import exceptions as dt

from l10n_news.engines.errors import (
    AuthError,
    BadAnswer,
    BadRequest,
    EngineTimeout,
    EngineUnreachable,
    QuotaExceeded,
    RateLimited,
    ServerError,
    error_for_status,
)
from l10n_news.errors import EngineError

# deep-translator's ServerException keeps only a label for the HTTP status; find the status.
_STATUS_OF_LABEL = {label: status for status, label in dt.ServerException.errors.items()}


def map_provider_error(
    engine: str, exc: BaseException, *, secret: str | None = None
) -> EngineError:
    error = _map(engine, exc)
    if secret and secret in error.message:
        error.message = error.message.replace(secret, "***")
        error.args = (error.message,)
    return error


def _map(engine: str, exc: BaseException) -> EngineError:
    if isinstance(exc, requests.exceptions.Timeout):
        # ConnectTimeout is also a ConnectionError: a slow network, worth a retry.
        return EngineTimeout(f"{engine}: no answer within the timeout")
    if isinstance(exc, requests.exceptions.ConnectionError | ConnectionError):
        return EngineUnreachable(f"{engine} is out of reach (no connection)")
    if isinstance(exc, requests.exceptions.RequestException):
        return ServerError(f"{engine}: the request failed ({type(exc).__name__})")
    if isinstance(exc, dt.TooManyRequests):
        return RateLimited(f"{engine}: too many requests")
    if isinstance(exc, dt.ServerException):
        label = exc.args[0] if exc.args else ""
        status = _STATUS_OF_LABEL.get(label)
        if status == 403 and engine == "yandex":
            return QuotaExceeded(f"{engine}: the daily request limit is reached")
        if status == 404 and engine == "yandex":
            return QuotaExceeded(f"{engine}: the daily character limit is reached")
        if status is None:
            return ServerError(f"{engine}: the server failed ({label or 'unknown error'})")
        return error_for_status(engine, status)
    if isinstance(exc, dt.AuthorizationException | dt.ApiKeyException):
        return AuthError(f"{engine}: the API key is missing or was refused")
    if isinstance(exc, dt.RequestError):
        # Google and MyMemory raise it for any failed status other than 429.
        return ServerError(f"{engine}: the request failed")
    if isinstance(exc, dt.TranslationNotFound | dt.ElementNotFoundInGetRequest):
        return BadAnswer(f"{engine}: no translation in the answer")
    if isinstance(exc, dt.NotValidPayload | dt.NotValidLength):
        return BadRequest(f"{engine}: the text is empty or too long for this provider")
    if isinstance(exc, dt.LanguageNotSupportedException | dt.InvalidSourceOrTargetLanguage):
        return BadRequest(f"{engine}: language not supported")
    if isinstance(exc, dt.MicrosoftAPIerror):
        return BadRequest(f"{engine}: the API returned an error")
    if isinstance(exc, json.JSONDecodeError | KeyError | TypeError | ValueError | IndexError):
        return BadAnswer(f"{engine}: the answer has an unexpected shape ({type(exc).__name__})")
    if isinstance(exc, ImportError):
        return EngineUnreachable(f"{engine}: a Python package it needs is missing ({exc.name})")
    return EngineError(f"{engine}: {type(exc).__name__}")
