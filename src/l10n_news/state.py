"""What past runs did, so that a rerun skips work whose inputs did not change.

Kept in `.l10n-news/state.json`: for each stage and output, the signatures of the files it
read and wrote, and the settings it used. Losing the file costs only time: the work is redone
and, since writes skip identical bytes, nothing changes on disk.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from l10n_news.fileio import atomic_write_text

Signature = list[Any] | None

# A file changed this recently may change again within the clock's granularity without its
# mtime moving (git's "racy clean" problem), so its content hash is recorded too.
RACY_NS = 3_000_000_000


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def signature(path: Path) -> Signature:
    """[mtime_ns, size, inode(, content hash if racy)] of a file, or None if it is missing."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    sig: list[Any] = [st.st_mtime_ns, st.st_size, st.st_ino]
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        sig.append(_digest(path))
    return sig


def still_matches(recorded: Signature, path: Path) -> bool:
    """Whether `path` is still the file that `recorded` describes."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return recorded is None
    if recorded is None or recorded[:3] != [st.st_mtime_ns, st.st_size, st.st_ino]:
        return False
    # Recorded while racy: only the content can tell. Recorded settled: the stat is enough.
    return len(recorded) == 3 or recorded[3] == _digest(path)


class RunState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, dict[str, Any]] = {}
        self.dirty = False
        try:
            loaded = json.loads(path.read_text("utf-8"))
            if isinstance(loaded, dict):
                self.data = loaded
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            pass

    def unchanged(
        self, stage: str, key: str, files: dict[str, Path], settings: dict[str, Any] | None = None
    ) -> bool:
        """True when every file still matches its last record and the settings are the same."""
        record = self.data.get(stage, {}).get(key)
        if not isinstance(record, dict) or record.get("settings") != (settings or {}):
            return False
        sigs = record.get("files", {})
        if set(sigs) != set(files):
            return False
        if all(still_matches(sigs[name], path) for name, path in files.items()):
            if any(sig and len(sig) > 3 for sig in sigs.values()):
                self.remember(stage, key, files, settings)  # settle: no hashing next time
            return True
        return False

    def remember(
        self, stage: str, key: str, files: dict[str, Path], settings: dict[str, Any] | None = None
    ) -> None:
        record = {
            "files": {name: signature(path) for name, path in files.items()},
            "settings": settings or {},
        }
        if self.data.setdefault(stage, {}).get(key) != record:
            self.data[stage][key] = record
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            atomic_write_text(
                self.path, json.dumps(self.data, sort_keys=True, separators=(",", ":"))
            )
            self.dirty = False
