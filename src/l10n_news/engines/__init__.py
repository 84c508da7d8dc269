"""Machine translation: one base (`base.Engine`), small adapters, an explicit registry.

The package itself imports nothing: publishing borrows `engines.protect` (to transliterate
around names and links) and must not pay for the engine base it never uses.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Engine", "Suggestion", "Translation"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from l10n_news.engines import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
