"""The machine-translation cache: each (engine, source, target, protected text) is paid once.

A SQLite file in the workspace's state folder; deleting it only costs requests. Only the
thread that opened it uses it (the engine base records answers in the calling thread).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from l10n_news.errors import EngineError

if TYPE_CHECKING:
    from l10n_news.engines.base import Answer
    from l10n_news.workspace import Workspace

CACHE_NAME = "mt-cache.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""
_LOOKUP_CHUNK = 500  # SQLite limits the number of ? in one statement


class TranslationCache:
    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, ws: Workspace) -> TranslationCache:
        path = ws.state_dir / CACHE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=10)
            # WAL + NORMAL: a commit per answer stays cheap and a kill loses at most the last few.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.commit()
        except sqlite3.Error as exc:
            raise EngineError(f"cannot open the translation cache: {exc}", path=path) from None
        return cls(path, db)

    def get_many(
        self, engine: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """The cached translation of each of `texts` that has one."""
        wanted = list(dict.fromkeys(texts))
        found: dict[str, str] = {}
        try:
            for k in range(0, len(wanted), _LOOKUP_CHUNK):
                part = wanted[k : k + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    "SELECT text, translation FROM translations"
                    f" WHERE engine=? AND source=? AND target=? AND text IN ({marks})",
                    (engine, source, target, *part),
                )
                found.update(rows)
        except sqlite3.Error as exc:
            raise self._failed("read", exc) from None
        return found

    def put(self, engine: str, source: str, target: str, text: str, answer: Answer) -> None:
        translation = answer if isinstance(answer, str) or answer is None else answer.text
        if not translation:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                (engine, source, target, text, translation, time.time()),
            )
        except sqlite3.Error as exc:
            raise self._failed("write", exc) from None

    def commit(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error as exc:
            raise self._failed("write", exc) from None

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def _failed(self, action: str, exc: sqlite3.Error) -> EngineError:
        return EngineError(f"cannot {action} the translation cache: {exc}", path=self.path)
