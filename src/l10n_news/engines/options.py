"""The keys every `[engines.<name>]` table shares, checked once for every engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n_news.errors import ConfigError

DEFAULT_PIVOT = "en"


@dataclass(frozen=True)
class EngineSettings:
    concurrency: int = 8  # requests in flight at once
    timeout: float = 20.0  # seconds per request
    retries: int = 4  # extra attempts after a 429, a 5xx or a timeout
    backoff: float = 0.5  # seconds before the first retry; doubles each time, with jitter
    max_backoff: float = 30.0
    pivot: str | None = DEFAULT_PIVOT  # language to go through for an unsupported pair
    cache: bool = True

    COMMON_KEYS = frozenset(
        {"concurrency", "timeout", "retries", "backoff", "max_backoff", "pivot", "cache"}
    )

    @classmethod
    def parse(
        cls, engine: str, options: dict[str, Any], own_keys: frozenset[str], *, path: Path
    ) -> EngineSettings:
        table = f"[engines.{engine}]"
        unknown = sorted(set(options) - cls.COMMON_KEYS - own_keys)
        if unknown:
            known = ", ".join(sorted(cls.COMMON_KEYS | own_keys))
            raise ConfigError(f"{table}: unknown key {unknown[0]!r} (known: {known})", path=path)

        def number(key: str, default: float, low: float, high: float, kind: type) -> Any:
            value = options.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"{table} {key} must be a number", path=path)
            if kind is int and not isinstance(value, int):
                raise ConfigError(f"{table} {key} must be a whole number", path=path)
            if not low <= value <= high:
                raise ConfigError(f"{table} {key} must be between {low} and {high}", path=path)
            return kind(value)

        pivot = options.get("pivot", DEFAULT_PIVOT)
        if pivot is False:
            pivot = None
        elif not isinstance(pivot, str) or not pivot:
            raise ConfigError(f"{table} pivot must be a language code or false", path=path)
        cache = options.get("cache", True)
        if not isinstance(cache, bool):
            raise ConfigError(f"{table} cache must be true or false", path=path)
        return cls(
            concurrency=number("concurrency", 8, 1, 64, int),
            timeout=number("timeout", 20.0, 0.1, 600, float),
            retries=number("retries", 4, 0, 10, int),
            backoff=number("backoff", 0.5, 0, 60, float),
            max_backoff=number("max_backoff", 30.0, 0, 600, float),
            pivot=pivot,
            cache=cache,
        )
