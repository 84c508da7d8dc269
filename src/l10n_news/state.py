"""What past runs did, so that a rerun skips work whose inputs did not change.

Kept in `.l10n-news/state.json`: for each stage and output, the signatures of the files it
read and wrote, and the settings it used. Losing the file costs only time: the work is redone
and, since writes skip identical bytes, nothing changes on disk.
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from l10n_news.fileio import atomic_write_text

# A file's signature is "mtime_ns:size:inode", or "-" when it is missing; a record is one
# short string per output, so that the records of a 2000-article archive stay small.
MISSING = "-"

# A file changed this recently may change again within the clock's granularity without its
# mtime moving (git's "racy clean" problem), so its content hash is recorded too.
RACY_NS = 3_000_000_000


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def signature(path: Path) -> str:
    """ "mtime_ns:size:inode" (plus ":hash" while racy), or "-" when the file is missing."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return MISSING
    sig = f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}"
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        sig += ":" + _digest(path)
    return sig


def still_matches(recorded: str, path: Path) -> bool:
    """Whether `path` is still the file that `recorded` describes."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return recorded == MISSING
    parts = recorded.split(":")
    if recorded == MISSING or parts[:3] != [str(st.st_mtime_ns), str(st.st_size), str(st.st_ino)]:
        return False
    # Recorded while racy: only the content can tell. Recorded settled: the stat is enough.
    return len(parts) == 3 or parts[3] == _digest(path)


def _settings_text(settings: dict[str, Any] | None) -> str:
    return _settings_json(tuple(sorted((settings or {}).items())))


@lru_cache(maxsize=32)
def _settings_json(items: tuple[tuple[str, Any], ...]) -> str:
    # Cached: a stage asks with the same settings for each of its thousands of outputs.
    return json.dumps(dict(items), sort_keys=True, separators=(",", ":"))


# The records last read or written by this process, by path, with the file's stat: the
# stages of one `run` share them instead of parsing the same JSON once per stage.
_loaded: dict[str, tuple[tuple[int, int, int], dict[str, dict[str, str]]]] = {}


def _stat_key(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _load(path: Path) -> dict[str, dict[str, str]]:
    key = _stat_key(path)
    cached = _loaded.get(str(path))
    if key is not None and cached is not None and cached[0] == key:
        return cached[1]
    data: dict[str, dict[str, str]] = {}
    try:
        loaded = json.loads(path.read_text("utf-8"))
        if isinstance(loaded, dict):
            data = loaded
    except (FileNotFoundError, ValueError, UnicodeDecodeError):
        pass
    if key is not None:
        _loaded[str(path)] = (key, data)
    return data


class RunState:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Shared with other RunStates of this file in this process: a record is only ever
        # made after its files landed, so one stage's unsaved records are still true.
        self.data = _load(path)
        self.dirty = False

    def unchanged(
        self, stage: str, key: str, files: dict[str, Path], settings: dict[str, Any] | None = None
    ) -> bool:
        """True when every file still matches its last record and the settings are the same."""
        record = self.data.get(stage, {}).get(key)
        if not isinstance(record, str):
            return False
        recorded_settings, _, sigs = record.partition("|")
        if recorded_settings != _settings_text(settings):
            return False
        pairs = dict(item.split("=", 1) for item in sigs.split(";") if "=" in item)
        if set(pairs) != set(files):
            return False
        if all(still_matches(pairs[name], path) for name, path in files.items()):
            if any(sig.count(":") > 2 for sig in pairs.values()):
                self.remember(stage, key, files, settings)  # settle: no hashing next time
            return True
        return False

    def remember(
        self, stage: str, key: str, files: dict[str, Path], settings: dict[str, Any] | None = None
    ) -> None:
        sigs = ";".join(f"{name}={signature(path)}" for name, path in sorted(files.items()))
        record = f"{_settings_text(settings)}|{sigs}"
        if self.data.setdefault(stage, {}).get(key) != record:
            self.data[stage][key] = record
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            text = json.dumps(self.data, sort_keys=True, separators=(",", ":"))
            atomic_write_text(self.path, text)
            self.dirty = False
            key = _stat_key(self.path)
            if key is not None:
                _loaded[str(self.path)] = (key, self.data)
