"""Atomic writes and the workspace lock: a file on disk is never half-written."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from l10n_news.errors import L10nError, LockError


def _write_temp(path: Path, data: bytes) -> str:
    """Write and fsync `data` under a temporary name beside `path`; return that name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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
    """Write `data` to a temp file beside `path`, fsync it, then rename it over `path`."""
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


class StagedWrites:
    """Writes that land all together or not at all.

    Each file is written and fsynced beside its target under a temporary name; `commit()`
    renames them into place, `abort()` removes them. A stage that meets bad input halfway
    aborts, so the bad input changes nothing, while memory stays one file at a time; one that
    is interrupted (Ctrl-C) commits what it finished.
    """

    def __init__(self) -> None:
        self._staged: dict[Path, str] = {}

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
        tmp = _write_temp(path, data)
        old = self._staged.pop(path, None)
        if old is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(old)
        self._staged[path] = tmp
        return True

    def commit(self) -> None:
        folders = set()
        for path, tmp in self._staged.items():
            os.replace(tmp, path)
            folders.add(path.parent)
        self._staged.clear()
        for folder in folders:
            _fsync_dir(folder)

    def abort(self) -> None:
        for tmp in self._staged.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._staged.clear()


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
        try:
            yield
        finally:
            del held[key]
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
