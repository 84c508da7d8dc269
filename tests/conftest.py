from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

from helpers import copy_sample

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNDER_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, why: str, fix: str) -> None:
    """Skips when `condition` is false, but fails under CI, where `fix` must have been done."""
    if condition:
        return
    if UNDER_CI:
        pytest.fail(f"{why}: {fix}")
    pytest.skip(why)


def require_tool(name: str) -> str:
    """The path of a command-line tool; skips without it, but fails under CI."""
    path = shutil.which(name)
    require(path is not None, f"{name} is not installed", ".ci/run must install it")
    assert path is not None
    return path


def require_module(name: str, why: str):
    """Import a module a test needs; skips without it, but fails under CI."""
    try:
        return importlib.import_module(name)
    except ImportError:
        require(False, f"{name} is not installed ({why})", "the test set-up must install it")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (real catalogs, pages, the seed). Skips when absent, but never under CI."""
    require((SHARED / "corpus").is_dir(), "../shared is not beside the project",
            "CI must provide it")
    return SHARED


@pytest.fixture
def sample_ws(tmp_path: Path) -> Path:
    """A copy of the sample workspace at the repository root."""
    return copy_sample(tmp_path / "ws")
