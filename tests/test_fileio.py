import os
import threading
import time

import pytest

from l10n_news.errors import LockError
from l10n_news.fileio import atomic_write_bytes, workspace_lock, write_if_changed


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    path = tmp_path / "a.po"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new"
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    assert os.listdir(tmp_path) == ["a.po"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "a.po"
    path.write_bytes(b"old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        atomic_write_bytes(path, b"half")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.po"]


def test_write_if_changed_skips_identical_bytes(tmp_path):
    path = tmp_path / "a"
    assert write_if_changed(path, b"x")
    mtime = path.stat().st_mtime_ns
    time.sleep(0.01)
    assert not write_if_changed(path, b"x")
    assert path.stat().st_mtime_ns == mtime


def test_second_holder_waits_then_refuses(tmp_path):
    lock = tmp_path / "lock"
    held = threading.Event()
    release = threading.Event()

    def hold():
        with workspace_lock(lock):
            held.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        with (
            pytest.raises(LockError, match="another l10n-news command"),
            workspace_lock(lock, wait=0.3),
        ):
            pass
    finally:
        release.set()
        t.join()
    with workspace_lock(lock, wait=1):
        pass


def test_staged_writes_land_together_or_not_at_all(tmp_path):
    from l10n_news.fileio import StagedWrites

    a, b = tmp_path / "a.po", tmp_path / "b.po"
    a.write_bytes(b"old a")
    with pytest.raises(RuntimeError), StagedWrites() as staged:
        assert staged.write(a, b"new a")
        assert staged.write(b, b"new b")
        raise RuntimeError("bad input in the third file")
    assert a.read_bytes() == b"old a" and not b.exists()
    assert sorted(os.listdir(tmp_path)) == ["a.po"]
    with StagedWrites() as staged:
        staged.write(a, b"new a")
        staged.write(b, b"new b")
        assert a.read_bytes() == b"old a", "nothing lands before the commit"
    assert a.read_bytes() == b"new a" and b.read_bytes() == b"new b"
    assert sorted(os.listdir(tmp_path)) == ["a.po", "b.po"]


def test_interrupted_staged_writes_keep_what_is_finished(tmp_path):
    from l10n_news.fileio import StagedWrites

    a = tmp_path / "a.po"
    with pytest.raises(KeyboardInterrupt), StagedWrites() as staged:
        staged.write(a, b"finished")
        raise KeyboardInterrupt
    assert a.read_bytes() == b"finished"
    assert os.listdir(tmp_path) == ["a.po"]
