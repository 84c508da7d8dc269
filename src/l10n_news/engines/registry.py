"""Every engine, listed explicitly: the name used in l10n-news.toml -> its class."""

from __future__ import annotations

from typing import TYPE_CHECKING

from l10n_news.engines.base import Engine
from l10n_news.engines.chatgpt import ChatGptEngine
from l10n_news.engines.libre import LibreEngine
from l10n_news.engines.llm import LlmEngine
from l10n_news.engines.memory import MemoryEngine
from l10n_news.engines.pseudo import PseudoEngine
from l10n_news.engines.web import (
    DeeplEngine,
    GoogleEngine,
    MicrosoftEngine,
    MyMemoryEngine,
    YandexEngine,
)
from l10n_news.errors import ConfigError

if TYPE_CHECKING:
    from l10n_news.workspace import Workspace

ENGINES: dict[str, type[Engine]] = {
    "memory": MemoryEngine,
    "pseudo": PseudoEngine,
    "google": GoogleEngine,
    "mymemory": MyMemoryEngine,
    "libre": LibreEngine,
    "deepl": DeeplEngine,
    "yandex": YandexEngine,
    "microsoft": MicrosoftEngine,
    "chatgpt": ChatGptEngine,
    "llm": LlmEngine,
}


def engine_options(ws: Workspace, name: str) -> dict:
    """The `[engines.<name>]` table of l10n-news.toml (empty when absent)."""
    tables = ws.section("engines")
    options = tables.get(name, {})
    if not isinstance(options, dict):
        raise ConfigError(f"[engines.{name}] must be a table", path=ws.config_path)
    return options


def create_engine(ws: Workspace, name: str) -> Engine:
    """The engine called `name`, configured from `[engines.<name>]`."""
    cls = ENGINES.get(name)
    if cls is None:
        raise ConfigError(
            f"unknown engine {name!r} (known: {', '.join(ENGINES)})", path=ws.config_path
        )
    return cls(ws, engine_options(ws, name))
