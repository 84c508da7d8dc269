"""The site-chrome vocabulary: ad banners, share buttons, breadcrumb home items, ...

The defaults live in `chrome.toml` (package data) so that extending them is configuration, not
code. l10n-news.toml may add words, or replace the defaults, in its `[import]` table:

    [import]
    replace_chrome = false          # true: only the words below count
    [import.chrome]
    banner = ["Спонсор проекта"]
    lines = ["Подпишитесь на рассылку"]
    home = ["Басты бет"]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from l10n_news.errors import ConfigError

KINDS = ("banner", "lines", "home")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+\-–—]|\d{1,3}[.)])\s+")
_EDGE_PUNCT = " \t.:;!|»«\"'→›>"


def normalize(line: str) -> str:
    """A line as compared with the vocabulary: no bullet or number, case- and space-folded."""
    text = _BULLET.sub("", line)
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    return text.casefold()


@dataclass
class Chrome:
    """Normalised vocabulary -> the entry as written (the label a report shows)."""

    banner: dict[str, str] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)
    home: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, words: list[str]) -> None:
        table: dict[str, str] = getattr(self, kind)
        for word in words:
            key = normalize(word)
            if key:
                table.setdefault(key, word.strip())

    def banner_label(self, line: str) -> str | None:
        """The banner word a line starts with ("Реклама +7 700 ..." -> "Реклама")."""
        text = normalize(line)
        for key, label in self.banner.items():
            if text == key or (text.startswith(key) and not text[len(key)].isalnum()):
                return label
        return None

    def line_label(self, line: str) -> str | None:
        """The vocabulary entry this whole line is, if any."""
        return self.lines.get(normalize(line))

    def is_home(self, item: str) -> bool:
        return normalize(item) in self.home

    def label(self, line: str) -> str | None:
        return self.line_label(line) or self.banner_label(line)


def default_vocabulary() -> dict[str, dict[str, list[str]]]:
    """chrome.toml as shipped: {lang: {kind: [words]}}."""
    text = resources.files("l10n_news.importers").joinpath("chrome.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_chrome(section: dict[str, Any], config_path: Path | None = None) -> Chrome:
    """The chrome for a workspace: the defaults and/or its `[import]` words."""
    replace = section.get("replace_chrome", False)
    if not isinstance(replace, bool):
        raise ConfigError("[import] replace_chrome must be true or false", path=config_path)
    extra = section.get("chrome", {})
    if not isinstance(extra, dict):
        raise ConfigError("[import.chrome] must be a table", path=config_path)
    chrome = Chrome()
    for kind, words in extra.items():
        if kind not in KINDS:
            raise ConfigError(
                f"[import.chrome] has unknown key {kind!r} (known: {', '.join(KINDS)})",
                path=config_path,
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"[import.chrome] {kind} must be a list of strings", path=config_path)
        chrome.add(kind, words)
    if not replace:
        for table in default_vocabulary().values():
            for kind in KINDS:
                chrome.add(kind, table.get(kind, []))
    return chrome
