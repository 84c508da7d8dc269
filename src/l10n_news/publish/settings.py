"""The [publish] table of l10n-news.toml, read and checked in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from l10n_news.errors import ConfigError
from l10n_news.workspace import Workspace

DEFAULT_BASE_URL = "https://news.example/"
FORMATS = ("html", "markdown")  # what `publish --format` may write


@dataclass(frozen=True)
class PublishSettings:
    threshold: int = 100  # percent of units that must be reviewed
    ad_phone: str = ""
    allowed_words: tuple[str, ...] = ()
    base_url: str = DEFAULT_BASE_URL
    site_name: str = "l10n-news"
    out_dir: str = "site"
    telegram_url: str = "https://t.me/"
    bug_report_url: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False)


_STRING_KEYS = ("ad_phone", "base_url", "site_name", "out_dir", "telegram_url", "bug_report_url")
_KNOWN = {"threshold", "allowed_words", *_STRING_KEYS}


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop these anywhere in a URL: "java\tscript:" is still a scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_url(url: str) -> bool:
    """An http(s) address or a relative one: nothing a browser would run or fetch oddly."""
    clean = _URL_NOISE.sub("", url)
    if clean.startswith(("//", "\\", "/\\")):
        return False  # protocol-relative: another host
    m = _SCHEME.match(clean)
    return m is None or m.group(1).lower() in ("http", "https")


def load_settings(ws: Workspace) -> PublishSettings:
    table = ws.section("publish")

    def fail(message: str) -> ConfigError:
        return ConfigError(f"[publish] {message}", path=ws.config_path)

    unknown = sorted(set(table) - _KNOWN)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KNOWN))})")
    threshold = table.get("threshold", 100)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 0 <= threshold <= 100:
        raise fail("threshold must be a whole percentage from 0 to 100")
    words = table.get("allowed_words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise fail("allowed_words must be a list of words")
    values: dict[str, str] = {}
    for key in _STRING_KEYS:
        if key in table and not isinstance(table[key], str):
            raise fail(f"{key} must be text")
        if key in table:
            values[key] = table[key]
    base_url = values.pop("base_url", DEFAULT_BASE_URL)
    if not base_url.startswith(("http://", "https://")):
        raise fail("base_url must start with http:// or https://")
    for key in ("telegram_url", "bug_report_url"):
        if key in values and not is_safe_url(values[key]):
            raise fail(f"{key} must be an http(s) address or a relative one")
    out_dir = (ws.root / values.get("out_dir", "site")).resolve()
    if not out_dir.is_relative_to(ws.root.resolve()) or out_dir == ws.root.resolve():
        raise fail("out_dir must be a folder inside the workspace (or give --out)")
    return PublishSettings(
        threshold=threshold,
        allowed_words=tuple(words),
        base_url=base_url.rstrip("/") + "/",
        site_name=values.pop("site_name", ws.project),
        raw=dict(table),
        **values,
    )
