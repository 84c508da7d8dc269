"""Every table and key l10n-news.toml may hold, in one declarative place, and its check.

`Workspace.load` checks the whole file against `TABLES` before any stage runs: an unknown
table or key (`[publsh]`, `threshhold`) or a value of the wrong kind is refused with
`l10n-news.toml:LINE:` and the nearest valid name. Each stage still checks the ranges and
meanings of its own values (`threshold` within 0–100, a `base_url` that is http(s), ...);
tests/test_config.py keeps the stages' own key lists in agreement with this schema.

To add a key, add one line to its table in `TABLES` below (`"new_key": TEXT,`); to add a
table, add one entry (`"weblate": {"url": TEXT},`); an engine is its `"engines.NAME"` entry.
A table name may end in `.*` to accept any name there (`"language.*": {"alphabet": TEXT}`
accepts `[language.kk-Latn]`). Document the key in README.md beside its command.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n_news.errors import ConfigError


@dataclass(frozen=True)
class Kind:
    """What a value must be: a name for messages, a test, and optionally a closer look at a
    value that passed the test (returning a message when it names something unknown)."""

    name: str
    test: Callable[[Any], bool]
    look: Callable[[Any], str | None] | None = None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


TEXT = Kind("text", lambda v: isinstance(v, str))
BOOL = Kind("true or false", lambda v: isinstance(v, bool))
INT = Kind("a whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = Kind("a number", _is_number)
TEXT_LIST = Kind("a list of strings", _is_text_list)
TEXT_OR_FALSE = Kind("text or false", lambda v: isinstance(v, str) or v is False)


def engine_names() -> list[str]:
    """Every engine's name, from the [engines.NAME] tables (engines.registry lists the same)."""
    return sorted(t.removeprefix("engines.") for t in TABLES if t.startswith("engines."))


def _unknown_engine(value: Any) -> str | None:
    names = engine_names()
    for name in [value] if isinstance(value, str) else value:
        if name not in names:
            return f"unknown engine {name!r}{_nearest(name, names)}"
    return None


# Engine names are the [engines.NAME] tables below: a typo in a chain is a typo too.
ENGINE = Kind("an engine name", lambda v: isinstance(v, str), _unknown_engine)
ENGINE_LIST = Kind("a list of engine names", _is_text_list, _unknown_engine)

Table = Mapping[str, Kind]

TOP_LEVEL: Table = {
    "project": TEXT,
    "languages": TEXT_LIST,
    "source_language": TEXT,
    "segmentation": TEXT,
    "time_zone": TEXT,
}

# The keys every [engines.<name>] table shares (engines/options.py reads them).
ENGINE_COMMON: Table = {
    "concurrency": INT,
    "timeout": NUMBER,
    "retries": INT,
    "backoff": NUMBER,
    "max_backoff": NUMBER,
    "pivot": TEXT_OR_FALSE,
    "cache": BOOL,
}

# Table name (dotted) -> its keys. A table that only holds tables (engines) has no keys.
TABLES: dict[str, Table] = {
    "": TOP_LEVEL,
    "translate": {"engines": ENGINE_LIST, "trust_memory": BOOL, "save_every": NUMBER},
    "engines": {},
    "engines.memory": {**ENGINE_COMMON, "tmx": TEXT_LIST, "min_score": NUMBER},
    "engines.pseudo": {**ENGINE_COMMON},
    "engines.google": {**ENGINE_COMMON, "api_key_env": TEXT, "url": TEXT},
    "engines.mymemory": {**ENGINE_COMMON, "email": TEXT, "url": TEXT},
    "engines.libre": {
        **ENGINE_COMMON,
        "api_key_env": TEXT,
        "url": TEXT,
        "languages": TEXT_LIST,
        "max_chars": INT,
        "batch_limit": INT,
    },
    "engines.deepl": {**ENGINE_COMMON, "api_key_env": TEXT, "pro": BOOL, "url": TEXT},
    "engines.yandex": {**ENGINE_COMMON, "api_key_env": TEXT, "folder_id": TEXT, "url": TEXT},
    "engines.microsoft": {**ENGINE_COMMON, "api_key_env": TEXT, "region": TEXT, "url": TEXT},
    "engines.chatgpt": {**ENGINE_COMMON, "api_key_env": TEXT, "model": TEXT},
    "engines.llm": {
        **ENGINE_COMMON,
        "api_key_env": TEXT,
        "url": TEXT,
        "model": TEXT,
        "temperature": NUMBER,
        "response_format": TEXT,
        "batch_size": INT,
        "batch_chars": INT,
    },
    "glossary": {"path": TEXT},
    "review": {"reviewer": TEXT, "back_translation_engine": ENGINE},
    "publish": {
        "threshold": INT,
        "ad_phone": TEXT,
        "allowed_words": TEXT_LIST,
        "base_url": TEXT,
        "site_name": TEXT,
        "out_dir": TEXT,
        "telegram_url": TEXT,
        "bug_report_url": TEXT,
    },
    "language.*": {"alphabet": TEXT},  # [language.kk-Latn]: derived variants (derived.py)
    "weblate": {
        "url": TEXT,
        "project": TEXT,
        "project_name": TEXT,
        "website": TEXT,
        "api_key_env": TEXT,
        "repo": TEXT,
        "push": TEXT,
        "branch": TEXT,
        "push_branch": TEXT,
        "timeout": NUMBER,
    },
    "import": {"replace_chrome": BOOL},
    "import.chrome": {
        "banner": TEXT_LIST,
        "lines": TEXT_LIST,
        "home": TEXT_LIST,
        "related": TEXT_LIST,
        "counter": TEXT_LIST,
        "credit": TEXT_LIST,
    },
}


def is_time_zone(name: str) -> bool:
    """Whether `name` is an IANA zone ("Asia/Almaty"); "Asia" (a folder) or "" is not."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def table_schema(name: str) -> Table | None:
    """The keys of table `name` ("publish", "engines.libre"), or None for an unknown table."""
    if name in TABLES:
        return TABLES[name]
    parent, _, _ = name.rpartition(".")
    wildcard = TABLES.get(f"{parent}.*" if parent else "*")
    if wildcard is not None:
        return wildcard
    if any(table.startswith(f"{name}.") for table in TABLES):
        return {}  # only holds tables, such as [language] for "language.*"
    return None


def check_config(config: dict[str, Any], path: Path, text: str | None = None) -> None:
    """Refuse unknown tables and keys, and values of the wrong kind, with file:line."""
    _check_table(config, "", path, _Lines(text or ""))


def _check_table(table: dict[str, Any], name: str, path: Path, lines: _Lines) -> None:
    keys = table_schema(name) or {}
    for key, value in table.items():
        child = f"{name}.{key}" if name else key
        if table_schema(child) is not None:
            if not isinstance(value, dict):
                raise ConfigError(
                    f"[{child}] must be a table", path=path, line=lines.key(name, key)
                )
            _check_table(value, child, path, lines)
        elif key in keys:
            problem = _value_problem(keys[key], value)
            if problem:
                where = f"[{name}] " if name else ""
                raise ConfigError(f"{where}{key}{problem}", path=path, line=lines.key(name, key))
        elif isinstance(value, dict):
            raise ConfigError(
                f"unknown table [{child}]{_nearest(key, _child_tables(name), parent=name)}",
                path=path,
                line=lines.table(child) or lines.key(name, key),
            )
        else:
            where = f" in [{name}]" if name else ""
            home = _home_of(key)
            hint = f"; it belongs in [{home}]" if home else _nearest(
                key, [*keys, *_child_tables(name)]
            )
            raise ConfigError(
                f"unknown key {key!r}{where}{hint}", path=path, line=lines.key(name, key)
            )


def _home_of(key: str) -> str | None:
    """The one table that has `key`, for a key written in the wrong place."""
    homes = [t for t, keys in TABLES.items() if key in keys and t and "*" not in t]
    return homes[0] if len(homes) == 1 else None


def _value_problem(kind: Kind, value: Any) -> str | None:
    if not kind.test(value):
        return f" must be {kind.name}"
    unknown = kind.look(value) if kind.look is not None else None
    return f": {unknown}" if unknown else None


def _child_tables(name: str) -> list[str]:
    prefix = f"{name}." if name else ""
    names = {t[len(prefix) :].split(".")[0] for t in TABLES if t and t.startswith(prefix)}
    return sorted(n for n in names if n != "*")


def _nearest(word: str, names: list[str], *, parent: str | None = None) -> str:
    """"; did you mean 'x'?" for the closest name, else the names there are."""
    import difflib  # only on the way to an error

    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if not close and names:
        # A key put in the wrong table, or a typo beyond difflib's cutoff: list what fits.
        return f" (known: {', '.join(sorted(names))})"
    if not close:
        return ""
    if parent is not None:
        return f"; did you mean [{parent + '.' if parent else ''}{close[0]}]?"
    return f"; did you mean {close[0]!r}?"


# --- where a table or key is written ------------------------------------------------------

_HEADER_RE = re.compile(r"^\s*\[\[?\s*(?P<path>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_BARE_OR_QUOTED = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY_RE = re.compile(rf"^\s*(?P<key>{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")


def _split_dotted(path: str) -> tuple[str, ...]:
    parts = re.findall(r"""\s*("[^"]*"|'[^']*'|[^.]+)\s*(?:\.|$)""", path)
    return tuple(p.strip().strip("\"'") for p in parts)


class _Lines:
    """Line numbers of table headers and keys in the TOML text (1-based; None if not found).

    tomllib keeps no positions, so the text is scanned line by line: enough for headers and
    `key = value` lines, which is how people write configuration.
    """

    def __init__(self, text: str) -> None:
        self.entries: list[tuple[int, tuple[str, ...], tuple[str, ...] | None]] = []
        table: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER_RE.match(line)
            if header:
                table = _split_dotted(header.group("path"))
                self.entries.append((number, table, None))
                continue
            key = _KEY_RE.match(line)
            if key:
                self.entries.append((number, table, _split_dotted(key.group("key"))))

    def table(self, name: str) -> int | None:
        return self._find(_split_dotted(name) if name else ())

    def key(self, name: str, key: str) -> int | None:
        return self._find((*(_split_dotted(name) if name else ()), key))

    def _find(self, wanted: tuple[str, ...]) -> int | None:
        """The line that writes `wanted`: its header, or a key (dotted or not) spelling it out;
        else the line of the closest enclosing thing written (an inline table's key)."""
        for size in range(len(wanted), 0, -1):
            prefix = wanted[:size]
            for number, table, key in self.entries:
                path = table if key is None else (*table, *key)
                if path[:size] == prefix and len(path) >= size:
                    return number
        return None


def key_line(text: str | None, table: str, key: str) -> int | None:
    """The line of `key` in `[table]` ("" for the top level) of the TOML text, if found."""
    return _Lines(text or "").key(table, key) if text else None
