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


def error_for_status(
    engine: str, status: int, *, detail: str = "", retry_after: float | None = None
) -> EngineError:
    """The EngineError for an HTTP status a provider answered with (`detail`: its own words)."""
    said = f": {detail}" if detail else ""
    if status == 429:
        return RateLimited(f"{engine}: too many requests (HTTP 429){said}", retry_after=retry_after)
    if status in (401, 403):
        return AuthError(f"{engine}: the API key was refused (HTTP {status}){said}")
    if status in (402, 456):
        return QuotaExceeded(f"{engine}: the quota is spent (HTTP {status}){said}")
    if status >= 500 or status == 408:
        return ServerError(f"{engine}: the server failed (HTTP {status}){said}")
    return BadRequest(f"{engine}: the request was refused (HTTP {status}){said}")


def is_retryable(exc: EngineError) -> bool:
    return bool(getattr(exc, "retryable", False))


def is_fatal(exc: EngineError) -> bool:
    return bool(getattr(exc, "fatal", False))
