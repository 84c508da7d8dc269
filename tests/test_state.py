import os

from l10n_news.state import RunState


def test_a_rewrite_within_the_same_clock_tick_is_seen(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("one")
    state = RunState(tmp_path / "state.json")
    state.remember("extract", "a", {"src": path})
    assert state.unchanged("extract", "a", {"src": path})
    st = path.stat()
    path.write_text("two")  # same size; put the old mtime back, as a coarse clock would
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not state.unchanged("extract", "a", {"src": path})


def test_settled_files_are_compared_by_stat_and_survive_a_reload(tmp_path):
    path = tmp_path / "a.po"
    path.write_text("x")
    hour_ago = path.stat().st_mtime_ns - 3600 * 10**9
    os.utime(path, ns=(hour_ago, hour_ago))
    state = RunState(tmp_path / "state.json")
    state.remember("update", "ru/a", {"po": path, "pot": tmp_path / "missing.pot"}, {"k": 1})
    state.save()
    again = RunState(tmp_path / "state.json")
    assert again.unchanged(
        "update", "ru/a", {"po": path, "pot": tmp_path / "missing.pot"}, {"k": 1}
    )
    assert not again.unchanged(
        "update", "ru/a", {"po": path, "pot": tmp_path / "missing.pot"}, {"k": 2}
    )
    (tmp_path / "missing.pot").write_text("now here")
    assert not again.unchanged(
        "update", "ru/a", {"po": path, "pot": tmp_path / "missing.pot"}, {"k": 1}
    )


def test_a_broken_state_file_only_costs_time(tmp_path):
    (tmp_path / "state.json").write_text("{not json")
    state = RunState(tmp_path / "state.json")
    assert not state.unchanged("compile", "x", {"po": tmp_path / "x.po"})
