"""Knowing, cheaply, that `run` has nothing to do.

A run keeps `.l10n-news/rerun.json` (`rerun-json.json` for --json): the summary it printed, and
a fingerprint of every file the pipeline reads or writes (a stat of each, nothing read). The
next `run` with the same options takes the fingerprint again; when it is the same, it prints
the kept summary and stops, having imported none of the render stack (Jinja2, markdown-it,
lxml, Babel). Anything else - an article or image added, edited or deleted, a template or
catalog, the theme, the configuration, the glossary, a page of the site edited or deleted,
another version of l10n-news or of the libraries it renders with - changes the fingerprint, and
the whole pipeline runs (each stage still skipping what its own records say is done).

The record is bound to the fingerprint taken before the run began. A run that wrote anything
(or a file someone changed meanwhile) moved the times of what it wrote, and ctimes never come
back: its record can never match, so only the summary of a run that had nothing to do is ever
replayed. Nothing is kept when a file changed in the RACY_NS before the run began (within the
clock's granularity a file may change again without its times moving), nor when machine
translation did anything or failed (a failed or unreachable engine is tried again).
The fingerprint covers the whole workspace but its top-level dot-folders: the records of the
stages (`.l10n-news/*`) only save time, and losing them changes no output.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from array import array
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from l10n_news import __version__
from l10n_news.errors import L10nError
from l10n_news.fileio import atomic_write_text
from l10n_news.state import RACY_NS
from l10n_news.workspace import Workspace

# One record per form of the summary, so a script's `run --json` and a person's `run` do not
# take each other's place.
RECORD_NAME = "rerun.json"
JSON_RECORD_NAME = "rerun-json.json"
FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent  # its code, theme and tables shape every output
# Libraries whose upgrade may change a page or a finding; found without importing them.
LIBRARIES = ("jinja2", "markupsafe", "markdown_it", "mdit_py_plugins", "babel", "lxml", "yaml",
             "pysbd", "rapidfuzz", "pymorphy3", "pymorphy3_dicts_ru", "tzdata", "hunspell",
             "spylls")
# Data outside the workspace that checks and pages read: the spelling dictionaries
# (checks.dictionaries) and the system's time-zone rules (zoneinfo reads them first).
DATA_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell/dicts")
DATA_FILES = ("/usr/share/zoneinfo/tzdata.zi",)


@dataclass
class Replay:
    """What a run printed (the text summary's lines, or the --json text), and its verdict."""

    lines: list[str]
    stderr: list[str] = field(default_factory=list)
    ok: bool = True


@dataclass
class Fingerprint:
    digest: str
    newest_ns: int  # the latest mtime or ctime of any file seen


def take_fingerprint(ws: Workspace, site: Path) -> Fingerprint | None:
    """One hash of the stat of every file and folder the pipeline reads or writes (None
    when one cannot be read, or the configuration is wrong: the pipeline then runs and says
    what is wrong)."""
    walk = _Walk()
    try:
        walk.workspace(ws.root)
        walk.file(glossary_path(ws))  # it may lie outside
        if not _walked(ws.root, site):
            walk.tree(site)
        walk.tree(PACKAGE_DIR)
        for folder in DATA_FOLDERS:
            walk.tree(Path(folder))
        for data in DATA_FILES:
            walk.file(Path(data))
        for library in LIBRARIES:
            walk.file(_library_origin(library))
    except (OSError, L10nError):
        return None
    return walk.fingerprint(__version__, sys.version, str(len(walk.paths)))


def _walked(root: Path, folder: Path) -> bool:
    """Whether the walk of the workspace covers `folder` (it skips the top-level dot-folders)."""
    try:
        rel = folder.relative_to(root)
    except ValueError:
        return False
    return bool(rel.parts) and not rel.parts[0].startswith(".")


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


_ABSENT = (-1, -1, -1, -1, -1)
_INODE_BITS = (1 << 63) - 1  # inode numbers are unsigned 64-bit: kept to what "q" holds


class _Walk:
    """The path and (mode, mtime, ctime, size, inode) of each entry, hashed at the end.

    Folders are listed in the order the file system gives: an unchanged folder lists the
    same way, and a different order can only make the fingerprint differ, never match.
    """

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.numbers = array("q")

    def _add(self, path: str, st: os.stat_result | None) -> None:
        self.paths.append(path)
        if st is None:
            self.numbers.extend(_ABSENT)
        else:
            self.numbers.extend((st.st_mode, st.st_mtime_ns, st.st_ctime_ns, st.st_size,
                                 st.st_ino & _INODE_BITS))

    def file(self, path: Path) -> None:
        key = os.fspath(path)
        self._add(key, _stat(key))

    def tree(self, folder: Path) -> None:
        top = os.fspath(folder)
        st = _stat(top)
        self._add(top, st)
        if st is not None and stat.S_ISDIR(st.st_mode):
            self._folders(top)

    def workspace(self, root: Path) -> None:
        """Everything in the workspace but its top-level dot-folders: the state (`.l10n-news`,
        which holds this record and changes with every run), `.git` and the like. Pictures may
        lie anywhere in it, not only in the article's folder."""
        # The root's own times are left out: they move when a dot-folder comes or goes, and
        # every other entry that comes or goes is in the listing itself.
        with os.scandir(root) as listing:
            names = [entry.name for entry in listing if not entry.name.startswith(".")]
        for name in names:
            self.tree(root / name)

    def _folders(self, top: str) -> None:
        # One loop without calls per entry: a 2,000-article archive has some 35,000 of them.
        paths, numbers, pending = self.paths, self.numbers, [top]
        while pending:
            folder = pending.pop()
            try:
                listing = os.scandir(folder)
            except (FileNotFoundError, NotADirectoryError):
                self._add(folder + "\0gone", None)  # removed while the walk went on
                continue
            with listing:
                for entry in listing:
                    if entry.name == "__pycache__":
                        continue  # Python's own cache of the package's code
                    path = entry.path
                    try:
                        # A link is followed for its target's stat (an edit of the target
                        # counts); a linked folder is not entered: publishing refuses links
                        # that leave the workspace.
                        st = entry.stat()
                    except (FileNotFoundError, NotADirectoryError):
                        st = None  # a dangling link, or gone while listed
                    paths.append(path)
                    if st is None:
                        numbers.extend(_ABSENT)
                        continue
                    numbers.extend((st.st_mode, st.st_mtime_ns, st.st_ctime_ns, st.st_size,
                                    st.st_ino & _INODE_BITS))
                    if entry.is_symlink():
                        self._add(path + "\0link", entry.stat(follow_symlinks=False))
                    elif entry.is_dir(follow_symlinks=False):
                        pending.append(path)

    def fingerprint(self, *extra: str) -> Fingerprint:
        text = "\0".join([*extra, *self.paths]).encode("utf-8", "surrogateescape")
        digest = hashlib.blake2b(text, digest_size=20)
        digest.update(self.numbers.tobytes())
        times = [*self.numbers[1::5], *self.numbers[2::5]]
        return Fingerprint(digest.hexdigest(), max(times, default=0))


class RerunRecord:
    """The fingerprint taken when `run` starts, and the record kept by the last quiet run."""

    def __init__(self, ws: Workspace, options: dict[str, Any], site: Path | None) -> None:
        self.ws = ws
        self.path = ws.state_dir / (JSON_RECORD_NAME if options.get("json") else RECORD_NAME)
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
        """The kept summary, when nothing changed since the run that kept it."""
        if self.before is None:
            return None
        try:
            head, body = self.path.read_bytes().split(b"\n", 1)
            if json.loads(head) != self._head(self.before):
                return None
            return Replay(**json.loads(body))
        except (FileNotFoundError, ValueError, TypeError):
            return None  # no record, or not one this version wrote

    def keep(self, replay: Replay, translate: dict[str, Any] | None) -> bool:
        """Keep what the run printed, bound to the fingerprint taken before it began.

        A run that wrote anything changed the times of what it wrote: its record can never
        match again, so only the summary of a run with nothing to do is ever replayed.
        `translate` is the translate stage's report (None with --no-translate).
        """
        if self.before is None:
            return False
        if self.before.newest_ns >= self.started_ns - RACY_NS:
            return False  # a file changed too recently for its times to be trusted
        if not translation_idle(translate):
            return False  # a failed engine is tried again next time
        # Two lines: what the record is for, read first; then the summary.
        head = json.dumps(self._head(self.before))
        body = json.dumps(replay.__dict__, ensure_ascii=False)
        try:
            atomic_write_text(self.path, f"{head}\n{body}")
        except OSError:
            return False  # a read-only state folder: the next run simply runs again
        return True

    def _head(self, fingerprint: Fingerprint) -> dict[str, Any]:
        return {"format": FORMAT, "options": self.options, "fingerprint": fingerprint.digest}


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


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
