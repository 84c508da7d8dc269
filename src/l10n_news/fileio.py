"""Atomic writes and the workspace lock: a file on disk is never half-written."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from l10n_news.errors import L10nError, LockError

# Staging folders of the workspaces whose lock this process holds (lock path -> folder).
# A temp file goes there, never beside its target, so a killed run leaves nothing in site/
# or locales/ for a deploy or a VCS to pick up; the next command to take the lock empties it.
_staging: dict[str, tuple[Path, int]] = {}  # lock path -> (folder, its device)
STAGING_NAME = "tmp"  # beside the lock file, inside .l10n-news/


def _device(folder: Path) -> int:
    return os.stat(folder).st_dev


def _temp_folder(path: Path) -> Path:
    """Where the temp file of `path` is written: a staging folder on the same file system
    (a rename cannot cross file systems), else the target's own folder."""
    device = _device(path.parent)
    for folder, folder_device in list(_staging.values()):
        if folder_device == device:
            return folder
    return path.parent


def _write_temp(
    path: Path, data: bytes, *, sync: bool = True, made: set[Path] | None = None
) -> str:
    """Write `data` to a temp file for `path` (fsynced when `sync`); return its name.
    `made`: folders known to exist (a batch writes many files into few folders)."""
    if made is None or path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made is not None:
            made.add(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=_temp_folder(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        # Keep the permissions a translator or the VCS gave the file.
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to a temp file, fsync it, then rename it over `path`."""
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically write `data` unless the file already holds exactly it. True if written."""
    if _same_bytes(path, data):
        return False
    atomic_write_bytes(path, data)
    return True


# Up to this many target folders a batch fsyncs each; beyond, it syncs their file system.
_FOLDER_FSYNCS = 8


class StagedWrites:
    """Writes that land all together or not at all.

    Each file is first written under a temporary name (in the workspace's staging folder);
    `commit()` makes all of them durable with one file-system sync, renames them into place
    and fsyncs each target folder once (or, for many folders, syncs their file system once
    more), so durability costs once per batch, not per file.
    `abort()` removes them. A stage that meets bad input halfway aborts, so the bad input
    changes nothing, while memory stays one file at a time; one that is interrupted (Ctrl-C)
    commits what it finished.
    """

    def __init__(self) -> None:
        self._staged: dict[Path, str] = {}
        self._folders: set[Path] = set()  # made (or found) for a staged file

    def __enter__(self) -> StagedWrites:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        # Ctrl-C keeps what is finished; an error (bad input) keeps nothing.
        if kind is None or issubclass(kind, KeyboardInterrupt):
            self.commit()
        else:
            self.abort()

    def write(self, path: Path, data: bytes) -> bool:
        """Stage `data` for `path` unless the file already holds exactly it. True if staged."""
        if _same_bytes(path, data):
            return False
        tmp = _write_temp(path, data, sync=False, made=self._folders)
        old = self._staged.pop(path, None)
        if old is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(old)
        self._staged[path] = tmp
        return True

    def commit(self) -> None:
        if not self._staged:
            return
        try:
            sync_file_systems({os.path.dirname(tmp) for tmp in self._staged.values()})
        except BaseException:
            self.abort()
            raise
        folders = set()
        for path, tmp in self._staged.items():
            os.replace(tmp, path)
            folders.add(path.parent)
        self._staged.clear()
        if len(folders) > _FOLDER_FSYNCS:
            # A site puts each page in a folder of its own: one more sync of the file
            # system makes all the renames durable at once (measured: 400 folder fsyncs
            # took 0.2 s, the sync a few ms).
            sync_file_systems(folders)
            return
        for folder in folders:
            _fsync_dir(folder)

    def abort(self) -> None:
        for tmp in self._staged.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._staged.clear()


@functools.cache
def _syncfs() -> Callable[[int], None] | None:
    """Linux's syncfs(2), which flushes one file system (sync(2) flushes every one)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only when a batch is committed: start-up stays light

    try:
        libc_syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None

    def syncfs(fd: int) -> None:
        if libc_syncfs(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, f"syncfs: {os.strerror(code)}")

    return syncfs


def sync_file_systems(folders: Iterable[str | Path]) -> None:
    """Make everything written under `folders` durable: one syncfs per file system."""
    syncfs = _syncfs()
    if syncfs is None:
        os.sync()
        return
    seen: set[int] = set()
    for folder in folders:
        fd = os.open(folder, os.O_RDONLY)
        try:
            device = os.fstat(fd).st_dev
            if device not in seen:
                seen.add(device)
                syncfs(fd)
        finally:
            os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clear_staging(folder: Path) -> int:
    """Remove the temp files a killed run left in a staging folder. Returns how many.

    Called with the workspace lock held: every writer stages only under that lock, so
    whatever is there belongs to a run that is gone.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if entry.is_file(follow_symlinks=False) or entry.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed += 1
    return removed


def read_text(path: Path) -> str:
    """Read a UTF-8 text file; invalid UTF-8 is a one-line error naming the line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise L10nError("no such file", path=path) from None
    except IsADirectoryError:
        raise L10nError("is a folder, not a file", path=path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise L10nError(f"invalid UTF-8 (byte {exc.start})", path=path, line=line) from None
    return text.removeprefix("\ufeff")


# Locks this thread holds, by path, with how deeply: `run` holds the workspace while each stage
# it calls takes the same lock again.
_local = threading.local()


def _held() -> dict[str, int]:
    if not hasattr(_local, "held"):
        _local.held = {}
    return _local.held


@contextlib.contextmanager
def workspace_lock(lock_path: Path, *, wait: float = 10.0) -> Iterator[None]:
    """Hold an exclusive lock so two commands never interleave their writes.

    The second command waits up to `wait` seconds, then refuses with a clear message. The
    same process may take the lock again inside (re-entrant).
    """
    key, held = str(lock_path.resolve()), _held()
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            held[key] -= 1
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise LockError(
                        "another l10n-news command is working on this workspace; "
                        "try again when it has finished",
                        path=lock_path,
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        held[key] = 1
        staging = lock_path.parent / STAGING_NAME
        clear_staging(staging)
        staging.mkdir(exist_ok=True)
        _staging[key] = (staging, _device(staging))
        try:
            yield
        finally:
            _staging.pop(key, None)
            del held[key]
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
