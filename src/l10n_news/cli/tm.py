"""tm export, tm import: the translation memory as TMX 1.4 files."""

from __future__ import annotations

from pathlib import Path

import click

from l10n_news.catalogs.broken import BrokenCatalogs
from l10n_news.cli.common import json_option, print_json, workspace_option
from l10n_news.tm import export_tm, import_tm, imported_path
from l10n_news.workspace import Workspace


@click.group()
def tm() -> None:
    """Exchange the translation memory with other tools as TMX 1.4 files."""


@tm.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-l",
    "--lang",
    "langs",
    multiple=True,
    metavar="LANG",
    help="Only translations into this language (repeatable). Default: every configured one.",
)
@workspace_option
@json_option
def export(ws: Workspace, file: Path, langs: tuple[str, ...], as_json: bool) -> None:
    """Write every reviewed translation to FILE as TMX 1.4.

    One unit per source text and domain, in the domain's source language plus each reviewed
    translation of it. Drafts and entries that need review are left out.

    Example:

        l10n-news tm export memory.tmx -l kk
    """
    exported = export_tm(ws, file, list(langs) or None)
    if as_json:
        broken = [str(problem) for problem in exported.broken]
        print_json({"file": str(file), "units": exported.units, "broken": broken})
    else:
        click.echo(f"tm export: {exported.units} units written to {file}")
    if exported.broken:  # the rest was exported; the exit status says what was left out
        raise BrokenCatalogs(exported.broken)


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@workspace_option
@json_option
def import_(ws: Workspace, file: Path, as_json: bool) -> None:
    """Add the translations of a TMX file to the workspace's memory.

    The file is checked, then a clean copy is kept as tm/NAME.tmx, which the memory engine
    reads from then on (importing a file of the same name again replaces it). Units without
    text in two of ru, en, kk are left out.

    Example:

        l10n-news tm import memory.tmx
    """
    count = import_tm(ws, file)
    stored = ws.relative(imported_path(ws, file)) if count else None
    if as_json:
        print_json({"file": str(file), "stored": stored, "units": count})
        return
    if stored is None:
        click.echo(f"tm import: no unit of {file} has text in two of the workspace's languages")
        return
    click.echo(f"tm import: {count} units stored in {stored}")
