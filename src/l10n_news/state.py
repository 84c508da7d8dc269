"""What past runs did, so that a rerun skips work whose inputs did not change.

Kept in `.l10n-news/state.json`: for each stage and output, the stat signatures of its inputs
and of the output it wrote. Losing the file costs only time: the work is redone and, since
writes skip identical bytes, nothing changes on disk.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from l10n_news.fileio import atomic_write_text

Signature = list[int | str] | None

# A file changed this recently may change again within the clock's granularity without its
# mtime moving, so its content is hashed too (git's "racy clean" problem).
RACY_NS = 3_000_000_000


def signature(path: Path) -> Signature:
    """(mtime_ns, size, inode[, content hash]) of a file, or None when it does not exist."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    sig: list[int | str] = [st.st_mtime_ns, st.st_size, st.st_ino]
    if time.time_ns() - st.st_mtime_ns < RACY_NS:
        sig.append(hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest())
    return sig


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

    def unchanged(self, stage: str, key: str, record: dict[str, Any]) -> bool:
        """True when `record` (signatures of inputs and output) equals the last one saved."""
        return self.data.get(stage, {}).get(key) == record

    def remember(self, stage: str, key: str, record: dict[str, Any]) -> None:
        if self.data.setdefault(stage, {}).get(key) != record:
            self.data[stage][key] = record
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            atomic_write_text(self.path, json.dumps(self.data, sort_keys=True, indent=0))
            self.dirty = False
