from __future__ import annotations

import importlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNDER_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str) -> str:
    """The path of a command-line tool; skips without it, but fails under CI."""
    path = shutil.which(name)
    if path is None:
        if UNDER_CI:
            pytest.fail(f"{name} is not installed: .ci/run must install it")
        pytest.skip(f"{name} is not installed")
    return path


def require_module(name: str, why: str):
    """Import a module a test needs; skips without it, but fails under CI."""
    try:
        return importlib.import_module(name)
    except ImportError:
        if UNDER_CI:
            pytest.fail(f"{name} is not installed ({why}): the test extra must have it")
        pytest.skip(f"{name} is not installed ({why})")


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (real catalogs, pages, the seed). Skips when absent, but never under CI."""
    if not (SHARED / "corpus").is_dir():
        if UNDER_CI:
            pytest.fail(f"{SHARED} is missing; CI must provide it")
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture
def sample_ws(tmp_path: Path) -> Path:
    """A copy of the sample workspace at the repository root."""
    dest = tmp_path / "ws"
    dest.mkdir()
    shutil.copy2(ROOT / "l10n-news.toml", dest / "l10n-news.toml")
    for name in ("articles", "locales", "templates", "glossary.csv"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("*.mo"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest
