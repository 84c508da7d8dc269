"""The engine error family: every way a machine-translation request can go wrong.

Each class says whether a retry may help (`retryable`) and whether the engine is out of use for
the rest of the run (`fatal`: unreachable, refused key, quota spent), so the base stops sending.
"""

from __future__ import annotations

from l10n_news.errors import EngineError


class EngineTimeout(EngineError):
    """The request took longer than the configured timeout."""

    retryable = True
    fatal = False


class RateLimited(EngineError):
    """HTTP 429: too many requests; back off and try again."""

    retryable = True
    fatal = False

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(EngineError):
    """HTTP 5xx: the provider failed; may work on a retry."""

    retryable = True
    fatal = False


class EngineUnreachable(EngineError):
    """No connection at all (offline, DNS, refused): no point sending the rest."""

    retryable = False
    fatal = True


class AuthError(EngineError):
    """The key is missing, invalid or blocked."""

    retryable = False
    fatal = True


class QuotaExceeded(EngineError):
    """The account's daily or monthly quota is spent."""

    retryable = False
    fatal = True


class BadRequest(EngineError):
    """The provider refused this one text (too long, malformed, unsupported language)."""

    retryable = False
    fatal = False


class BadAnswer(EngineError):
    """The provider answered, but with nothing usable (no text, wrong shape)."""

    retryable = False
    fatal = False


def is_retryable(exc: EngineError) -> bool:
    return bool(getattr(exc, "retryable", False))


def is_fatal(exc: EngineError) -> bool:
    return bool(getattr(exc, "fatal", False))
