"""Quality checks: one small function per check id, findings returned as data.

`run.check_workspace` and `run.check_message` are the entry points; `registry.CHECKS` lists
every check explicitly.

The names below load on first use (PEP 562): `compile` borrows a few small helpers from this
package (format parsers, the plural rule test) and must not load every check with them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from l10n_news.checks.base import Finding, Severity
    from l10n_news.checks.run import check_message, check_workspace

_HOMES = {
    "Finding": "l10n_news.checks.base",
    "Severity": "l10n_news.checks.base",
    "check_message": "l10n_news.checks.run",
    "check_workspace": "l10n_news.checks.run",
}

__all__ = ["Finding", "Severity", "check_message", "check_workspace"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
