"""Machine translation: one base (`base.Engine`), small adapters, an explicit registry."""

from l10n_news.engines.base import Engine, Suggestion, Translation

__all__ = ["Engine", "Suggestion", "Translation"]
