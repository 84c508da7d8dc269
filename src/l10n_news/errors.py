"""One error family for the whole library.

The CLI turns any `L10nError` into one line (`file:line: message`) and an exit code;
anything else is a bug and may show a traceback.
"""

from __future__ import annotations

from pathlib import Path


class L10nError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(L10nError):
    """l10n-news.toml is missing, malformed, or names something unknown."""


class SourceError(L10nError):
    """An article (or another source) cannot be read."""


class CatalogError(L10nError):
    """A PO/POT/MO file is malformed or cannot be written."""


class LockError(L10nError):
    """Another l10n-news command holds the workspace."""

    exit_code = 3


class EngineError(L10nError):
    """A machine-translation engine failed (network, quota, bad answer)."""


class CheckFailed(L10nError):
    """Quality checks found errors."""

    exit_code = 1


class PublishError(L10nError):
    """A page could not be published safely."""


class ImportFailed(L10nError):
    """A page could not be imported into the workspace."""
