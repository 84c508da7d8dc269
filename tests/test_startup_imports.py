"""Each command imports only what it uses: read from `python -X importtime` of real runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from l10n_news.cli.main import COMMANDS, cli

# The heavy stacks: publishing (Jinja2, Markdown), HTML (lxml), import (trafilatura,
# dateparser) and the translation clients.
PUBLISHING = ("jinja2", "markdown_it")
IMPORTING = ("lxml", "trafilatura", "deep_translator", "dateparser")
FORBIDDEN = {
    "stats": PUBLISHING + IMPORTING,
    "update": PUBLISHING + IMPORTING,
    "compile": PUBLISHING + IMPORTING,
    "extract": IMPORTING,
    "check": IMPORTING,
}


def imported_modules(ws: Path, *args: str) -> set[str]:
    """Every module a fresh `python -m l10n_news -C ws ARGS` imported, from -X importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "l10n_news", "-C", str(ws), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "l10n_news" in names, "no -X importtime report: the test reads nothing"
    return names


def top_level(names: set[str]) -> set[str]:
    return {name.split(".", 1)[0] for name in names}


def test_each_catalog_command_imports_only_what_it_uses(sample_ws):
    # In pipeline order on a fresh copy, so every command does real work: templates are
    # written, catalogs merged and compiled, every entry checked.
    for command in ("extract", "update", "compile", "stats", "check"):
        loaded = top_level(imported_modules(sample_ws, command))
        unwanted = sorted(loaded & set(FORBIDDEN[command]))
        assert not unwanted, f"`l10n-news {command}` imports {', '.join(unwanted)}"


def test_extract_pays_for_templates_only_when_it_reads_them(sample_ws):
    # The real run must reach the theme and the articles: the positive control for the test
    # above, which would otherwise pass on a command that did nothing.
    loaded = top_level(imported_modules(sample_ws, "extract"))
    assert "markdown_it" in loaded
    assert "babel" in loaded


@pytest.mark.parametrize("args", [("--help",), ("--version",)])
def test_the_top_level_help_imports_no_command(tmp_path, args):
    loaded = imported_modules(tmp_path, *args)
    commands = {module for module, _, _ in COMMANDS.values()}
    assert not loaded & commands
    assert not {"l10n_news.workspace", "l10n_news.catalogs"} & loaded


def test_stored_summaries_match_the_commands():
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.commands[name]
        assert COMMANDS[name][2] == command.get_short_help_str(limit=1000), name
    assert set(cli.list_commands(ctx)) == set(COMMANDS)
