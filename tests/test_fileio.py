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


def _files_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_staged_temp_files_wait_in_the_staging_folder_not_beside_their_targets(tmp_path):
    from l10n_news.fileio import StagedWrites

    lock = tmp_path / ".l10n-news" / "lock"
    page = tmp_path / "site" / "en" / "story" / "index.html"
    with workspace_lock(lock), StagedWrites() as staged:
        staged.write(page, b"<p>new</p>")
        staged.write(tmp_path / "locales" / "kk.po", b"msgid ...")
        assert _files_under(tmp_path / "site") == []
        assert not (tmp_path / "locales" / "kk.po").exists()
        assert len(_files_under(tmp_path / ".l10n-news" / "tmp")) == 2
    assert _files_under(tmp_path / "site") == ["en/story/index.html"]
    assert _files_under(tmp_path / ".l10n-news" / "tmp") == []
    # A single atomic write under the lock stages there too.
    with workspace_lock(lock):
        atomic_write_bytes(page, b"<p>newer</p>")
    assert page.read_bytes() == b"<p>newer</p>"
    assert _files_under(tmp_path / "site") == ["en/story/index.html"]


def test_a_batch_costs_one_sync_and_one_fsync_per_folder(tmp_path, monkeypatch):
    from l10n_news import fileio

    syncs, fsyncs = [], []
    real_fsync = os.fsync
    monkeypatch.setattr(fileio, "sync_file_systems", lambda folders: syncs.append(set(folders)))
    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd)))
    with workspace_lock(tmp_path / ".l10n-news" / "lock"), fileio.StagedWrites() as staged:
        for lang in ("ru", "kk", "en"):
            for n in range(20):
                staged.write(tmp_path / "locales" / lang / f"story-{n}.po", f"{lang} {n}".encode())
        assert not syncs and not fsyncs, "nothing is flushed before the commit"
    assert len(syncs) == 1
    assert len(fsyncs) == 3, "one fsync per target folder, none per file"
    assert (tmp_path / "locales" / "kk" / "story-7.po").read_bytes() == b"kk 7"


def test_a_batch_into_many_folders_costs_two_syncs(tmp_path, monkeypatch):
    from l10n_news import fileio

    syncs, fsyncs = [], []
    monkeypatch.setattr(fileio, "sync_file_systems", lambda folders: syncs.append(set(folders)))
    monkeypatch.setattr(os, "fsync", lambda fd: fsyncs.append(fd))
    pages = [tmp_path / "site" / "ru" / f"story-{n}" / "index.html" for n in range(30)]
    with workspace_lock(tmp_path / ".l10n-news" / "lock"), fileio.StagedWrites() as staged:
        for page in pages:
            staged.write(page, page.parent.name.encode())
    assert not fsyncs, "no folder is fsynced one by one"
    assert len(syncs) == 2, "the staged data before the renames, the renames after"
    assert syncs[1] == {page.parent for page in pages}
    assert pages[7].read_bytes() == b"story-7"


def test_a_failed_sync_lands_nothing(tmp_path, monkeypatch):
    from l10n_news import fileio

    target = tmp_path / "a.po"
    target.write_bytes(b"old")

    def failing(folders):
        raise OSError("I/O error")

    monkeypatch.setattr(fileio, "sync_file_systems", failing)
    with (
        pytest.raises(OSError),
        workspace_lock(tmp_path / ".l10n-news" / "lock"),
        fileio.StagedWrites() as staged,
    ):
        staged.write(target, b"new")
    assert target.read_bytes() == b"old"
    assert _files_under(tmp_path) == [".l10n-news/lock", "a.po"]


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from l10n_news.fileio import StagedWrites, workspace_lock
root = Path(sys.argv[1])
with workspace_lock(root / ".l10n-news" / "lock"), StagedWrites() as staged:
    for n in range(40):
        staged.write(root / "site" / "en" / f"story-{n}" / "index.html", b"<p>page</p>")
    print("staged", flush=True)
    time.sleep(60)
"""


def test_the_next_command_removes_the_temp_files_of_a_killed_run(tmp_path):
    import signal
    import subprocess
    import sys

    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "staged"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
    staging = tmp_path / ".l10n-news" / "tmp"
    assert len(_files_under(staging)) == 40
    assert _files_under(tmp_path / "site") == [], "no temp file where a deploy would take it"
    with workspace_lock(tmp_path / ".l10n-news" / "lock"):
        assert _files_under(staging) == []
