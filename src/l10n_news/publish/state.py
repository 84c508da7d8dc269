"""The record of the last publish (`.l10n-news/publish-state.json`): input hashes and outputs.

A variant whose inputs hash the same as last time keeps its verdict and its pages without its
catalog even being parsed; that is what makes a rerun with nothing changed take well under a second.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from l10n_news.fileio import write_if_changed
from l10n_news.workspace import Workspace

STATE_NAME = "publish-state.json"
FORMAT_VERSION = 1


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The hash of a file's bytes, or of its absence."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return "absent"


class FileDigests:
    """File hashes, recomputed only for files whose size or modification time changed."""

    def __init__(self, table: dict[str, list[Any]]) -> None:
        self.table = dict(table)  # path -> [mtime_ns, size, digest]
        self.changed = False
        self.fresh: dict[str, list[Any]] = {}  # computed since the last `take_fresh`

    def take_fresh(self) -> dict[str, list[Any]]:
        """The entries computed since the last call (what a worker sends back)."""
        fresh, self.fresh = self.fresh, {}
        return fresh

    def adopt(self, entries: dict[str, list[Any]]) -> None:
        """Entries another process computed."""
        if entries:
            self.table.update(entries)
            self.changed = True

    def of(self, path: Path | str) -> str:
        key = os.fspath(path)  # strings: a rerun asks for thousands of these
        try:
            stat = os.stat(key)
        except (FileNotFoundError, NotADirectoryError):
            return "absent"
        known = self.table.get(key)
        if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
            return known[2]
        value = file_digest(Path(key))
        self.table[key] = self.fresh[key] = [stat.st_mtime_ns, stat.st_size, value]
        self.changed = True
        return value


def state_path(ws: Workspace) -> Path:
    return ws.state_dir / STATE_NAME


def load_state(ws: Workspace, out: Path) -> dict[str, Any]:
    """The last publish into `out`; an empty record if none, or if it was for another folder."""
    try:
        data = json.loads(state_path(ws).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if data.get("version") != FORMAT_VERSION or data.get("out") != str(out):
        return {}
    return data


def save_state(
    ws: Workspace,
    out: Path,
    variants: dict[str, Any],
    pages: dict[str, Any],
    files: dict[str, list[Any]],
) -> None:
    data = {
        "version": FORMAT_VERSION,
        "out": str(out),
        "variants": variants,
        "pages": pages,
        "files": files,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    write_if_changed(state_path(ws), text.encode("utf-8"))
