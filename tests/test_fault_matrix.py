"""The fault matrix of bench/fault_matrix.py, bounded: hostile inputs (in process), a kill of
each writing command and two races on one workspace (real processes)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import fault_matrix  # noqa: E402

CASES = fault_matrix.input_cases() + fault_matrix.random_cases(3)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}: {c.name}" for c in CASES])
def test_hostile_input_gets_the_outcome_it_expects(case, tmp_path: Path) -> None:
    result = fault_matrix.run_input_case(case, tmp_path, fault_matrix.l10n_news_in_process)
    assert result.outcome != fault_matrix.TRACEBACK, result.detail
    assert result.expected, (result.outcome, result.detail)


def test_the_table_counts_each_class() -> None:
    case = CASES[0]
    results = [
        fault_matrix.CaseResult(case, fault_matrix.REFUSE),
        fault_matrix.CaseResult(case, fault_matrix.TRACEBACK),
    ]
    table = fault_matrix.input_table(results)
    assert table[1].split() == [case.kind, "2", "1", "0", "1"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fault_matrix.make_archive(tmp_path_factory.mktemp("archive") / "ws", 4)


def test_a_kill_of_each_writing_command_leaves_the_workspace_whole(
    archive: Path, tmp_path: Path
) -> None:
    runs = fault_matrix.run_kills(archive, tmp_path, kills=1, rng=random.Random(12))
    assert [r.kind for r in runs] == [f"kill during {n}" for n in fault_matrix.KILLED_COMMANDS]
    for run in runs:
        assert run.tried == 1 and run.consistent == 1, (run.kind, run.notes)


def test_two_commands_at_once_leave_the_workspace_whole(archive: Path, tmp_path: Path) -> None:
    runs = fault_matrix.run_concurrent(archive, tmp_path, pairs=2)
    for run in runs:
        assert run.consistent == 1 and not run.tracebacks, (run.kind, run.notes)


def test_the_damage_report_sees_a_lost_translation(archive: Path, tmp_path: Path) -> None:
    import shutil

    from l10n_news.catalogs.pofile import read_po, write_po

    root = tmp_path / "ws"
    shutil.copytree(archive, root)
    before = fault_matrix.translations(root)
    victim = next(root.glob("locales/kk/LC_MESSAGES/story-*.po"))
    catalog = read_po(victim)
    next(m for m in catalog if m.msgstr).clear_translation()
    victim.write_text(write_po(catalog), "utf-8")
    problems = fault_matrix.damage_report(root, before)
    assert problems and "1 translation(s) lost" in problems[0]
