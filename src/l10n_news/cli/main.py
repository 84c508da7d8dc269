"""The `l10n-news` command: an explicit list of commands, each in its own module."""

from __future__ import annotations

from pathlib import Path

import click

from l10n_news import __version__
from l10n_news.cli import catalogs, importing, tm
from l10n_news.cli import checks as checks_cli
from l10n_news.cli import publish as publish_cli
from l10n_news.cli import review as review_cli
from l10n_news.cli import run as run_cli
from l10n_news.cli import translate as translate_cli
from l10n_news.cli import weblate as weblate_cli
from l10n_news.cli.common import L10nGroup


@click.group(cls=L10nGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="l10n-news")
@click.option(
    "-C",
    "workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Run as if started in this workspace folder.",
)
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None) -> None:
    """Localise a news site between Russian, English and Kazakh through gettext.

    The pipeline: extract -> update -> translate -> check/review -> compile -> publish.
    Every command works on the workspace in the current folder, or the one given with -C DIR.
    """
    ctx.obj = {"workspace": workspace}


# The registry: every command, explicitly.
for command in (
    catalogs.extract,
    catalogs.update,
    catalogs.compile_,
    catalogs.stats,
    translate_cli.translate,
    tm.tm,
    publish_cli.publish,
    importing.import_,
    checks_cli.check,
    review_cli.review,
    run_cli.run,
    weblate_cli.weblate,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="l10n-news")
