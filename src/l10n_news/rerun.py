"""Knowing, cheaply, that `run` has nothing to do.

A run that changed no file keeps `.l10n-news/rerun.json`: a fingerprint of every file the
pipeline reads or writes (a stat of each, nothing read), and the summary it printed. The next
`run` with the same options takes the fingerprint again; when it is the same, it prints the
kept summary and stops, having imported none of the render stack (Jinja2, markdown-it, lxml,
Babel). Anything else - an article or image added, edited or deleted, a template or catalog,
the theme, the configuration, the glossary, a page of the site edited or deleted, another
version of l10n-news or of the libraries it renders with - changes the fingerprint, and the
whole pipeline runs (each stage still skipping what its own records say is done).

A record is kept only when it is sure to be what a rerun would print:
- the run wrote nothing (the fingerprints before and after it are the same), so its summary
  is a no-change summary, not the report of work done;
- no file had changed in the RACY_NS before the run began: within the clock's granularity a
  file may change again without its times moving, and the fingerprint would not see it;
- machine translation had nothing to do: a failed or unreachable engine is tried again.
The records of the stages (`.l10n-news/*`) are not part of the fingerprint: they only save
time, and losing them changes no output.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from l10n_news import __version__
from l10n_news.errors import L10nError
from l10n_news.fileio import atomic_write_text
from l10n_news.state import RACY_NS
from l10n_news.workspace import Workspace

RECORD_NAME = "rerun.json"
FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent  # its code, theme and tables shape every output
# Libraries whose upgrade may change a page or a finding; found without importing them.
LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "babel", "lxml", "yaml",
             "hunspell", "spylls")
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts")  # checks.dictionaries
# Folders of the workspace that the pipeline reads or writes, besides the site and the files
# named in the configuration: the theme override and the translation memory's TMX files.
WORKSPACE_FOLDERS = ("articles", "locales", "templates", "tm")


@dataclass
class Replay:
    """What a run printed: the text summary, its --json form, and the lines for stderr."""

    text: list[str]
    json: str
    stderr: list[str] = field(default_factory=list)
    ok: bool = True


@dataclass
class Fingerprint:
    digest: str
    newest_ns: int  # the latest mtime or ctime of any file seen


def take_fingerprint(ws: Workspace, site: Path) -> Fingerprint:
    """One hash of the stat of every file and folder the pipeline reads or writes."""
    walk = _Walk()
    walk.file(ws.config_path)
    walk.file(glossary_path(ws))
    for name in WORKSPACE_FOLDERS:
        walk.tree(ws.root / name)
    walk.tree(site)
    walk.tree(PACKAGE_DIR)
    for folder in DICTIONARY_DIRS:
        walk.tree(Path(folder))
    for library in LIBRARIES:
        walk.file(_library_origin(library))
    walk.hash.update(f"{__version__}\0{sys.version}".encode())
    return Fingerprint(walk.hash.hexdigest(), walk.newest_ns)


def glossary_path(ws: Workspace) -> Path:
    rel = ws.section("glossary").get("path", "glossary.csv")
    return ws.root / rel if isinstance(rel, str) and rel else ws.config_path


def _library_origin(name: str) -> Path:
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    return Path(origin) if origin else Path(os.devnull, name)  # not installed: "missing"


class _Walk:
    """Feeds "path, type, mtime, ctime, size, inode" of each entry into one hash."""

    def __init__(self) -> None:
        self.hash = hashlib.blake2b(digest_size=20)
        self.newest_ns = 0

    def _add(self, path: str, st: os.stat_result | None) -> None:
        if st is None:
            self.hash.update(f"{path}\0-\n".encode("utf-8", "surrogateescape"))
            return
        self.newest_ns = max(self.newest_ns, st.st_mtime_ns, st.st_ctime_ns)
        line = (
            f"{path}\0{st.st_mode}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_size}"
            f"\0{st.st_ino}\n"
        )
        self.hash.update(line.encode("utf-8", "surrogateescape"))

    def file(self, path: Path) -> None:
        key = os.fspath(path)
        try:
            st = os.stat(key)
        except (FileNotFoundError, NotADirectoryError):
            st = None
        self._add(key, st)

    def tree(self, folder: Path) -> None:
        top = os.fspath(folder)
        try:
            self._add(top, os.stat(top))
            self._folder(top)
        except (FileNotFoundError, NotADirectoryError):
            self._add(top, None)

    def _folder(self, top: str) -> None:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            if entry.name == "__pycache__":
                continue  # Python's own cache of the package's code
            try:
                link = entry.is_symlink()
                # A link is followed for its target's stat (an edit of the target counts);
                # a linked folder is not entered, as publishing refuses what leaves the tree.
                st = entry.stat(follow_symlinks=True)
                self._add(entry.path, st)
                if link:
                    self._add(entry.path + "\0link", entry.stat(follow_symlinks=False))
                elif entry.is_dir(follow_symlinks=False):
                    self._folder(entry.path)
            except (FileNotFoundError, NotADirectoryError):
                self._add(entry.path, None)  # gone while listed, or a dangling link


class RerunRecord:
    """The fingerprint taken when `run` starts, and the record kept by the last quiet run."""

    def __init__(self, ws: Workspace, options: dict[str, Any], site: Path | None) -> None:
        self.ws = ws
        self.path = ws.state_dir / RECORD_NAME
        self.started_ns = time.time_ns()
        self.options = json.dumps(options, sort_keys=True, default=str)
        self.site = site
        self.before = take_fingerprint(ws, site) if site is not None else None

    @classmethod
    def look(cls, ws: Workspace, options: dict[str, Any], out: Path | None) -> RerunRecord:
        """Fingerprint the workspace now; `out` is --out (else the configured site folder)."""
        try:
            site = out.resolve() if out is not None else _configured_site(ws)
        except L10nError:
            site = None  # a bad [publish] table: the pipeline reports it, nothing is kept
        return cls(ws, options, site)

    def replay(self) -> Replay | None:
        """The kept summary, when nothing changed since the quiet run that kept it."""
        if self.before is None:
            return None
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        if data.get("options") != self.options or data.get("fingerprint") != self.before.digest:
            return None
        try:
            return Replay(**data["replay"])
        except (KeyError, TypeError):
            return None

    def keep(self, replay: Replay) -> bool:
        """Keep `replay` for the next run if it is sure to be what that run would print."""
        if self.before is None or self.site is None:
            return False
        if self.before.newest_ns >= self.started_ns - RACY_NS:
            return False  # a file changed too recently for its times to be trusted
        if not translation_idle(json.loads(replay.json).get("translate")):
            return False
        if take_fingerprint(self.ws, self.site).digest != self.before.digest:
            return False  # the run wrote something (or someone did meanwhile)
        record = {
            "format": FORMAT,
            "options": self.options,
            "fingerprint": self.before.digest,
            "replay": replay.__dict__,
        }
        atomic_write_text(self.path, json.dumps(record, ensure_ascii=False))
        return True



def _configured_site(ws: Workspace) -> Path:
    from l10n_news.publish.settings import load_settings  # small: no render stack

    return (ws.root / load_settings(ws).out_dir).resolve()


def translation_idle(report: dict[str, Any] | None) -> bool:
    """Whether `run`'s translate stage asked no engine anything and failed nothing."""
    if report is None:
        return True  # --no-translate
    busy = (
        report.get("requests")
        or report.get("written")
        or report.get("problems")
        or report.get("unreachable")
        or report.get("broken")
        or any(report.get("total", {}).values())
    )
    return bool(report.get("ok")) and not busy
