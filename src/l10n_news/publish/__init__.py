"""Publishing: the site theme, the `ui` catalog, the gate, rendering and the leak check.

The names below load on first use (PEP 562), so that `extract`, which needs only the theme's
strings (`publish.ui`), does not pay for Jinja2, lxml and babel.dates.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from l10n_news.publish.site import PublishReport, publish_workspace
    from l10n_news.publish.ui import ui_template

_HOMES = {
    "PublishReport": "l10n_news.publish.site",
    "publish_workspace": "l10n_news.publish.site",
    "ui_template": "l10n_news.publish.ui",
}

__all__ = ["PublishReport", "publish_workspace", "ui_template"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
