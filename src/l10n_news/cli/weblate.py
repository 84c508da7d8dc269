"""weblate sync: one Weblate project for the workspace, and its translations back here."""

from __future__ import annotations

import click

from l10n_news.cli.common import json_option, print_json, workspace_option
from l10n_news.errors import L10nError
from l10n_news.workspace import Workspace


class SyncIncomplete(L10nError):
    """The sync finished, but with conflicts or refusals to look at."""

    exit_code = 1


@click.group()
def weblate() -> None:
    """Work with a Weblate server: translators in the browser, editors here."""


@weblate.command()
@workspace_option
@click.option(
    "--prune",
    is_flag=True,
    help="Delete Weblate components of articles no longer in the workspace "
    "(without it they are only reported).",
)
@json_option
def sync(ws: Workspace, prune: bool, as_json: bool) -> None:
    """Create or update the Weblate project, then bring its translations into our catalogs.

    Configured in [weblate] (url, project, repo, api_key_env). Strings a translator saved in
    Weblate come back reviewed in that person's name; "needs editing" comes back fuzzy; a
    string changed on both sides is a conflict, reported as file:line, and ours is kept.
    Exits 1 when there were conflicts or Weblate refused a step.

    Example:

        WEBLATE_API_KEY=wlu_... l10n-news weblate sync
    """
    from l10n_news.weblate.sync import sync_workspace

    report = sync_workspace(ws, prune=prune)
    if as_json:
        print_json(report.as_dict())
    else:
        for slug in report.created:
            click.echo(f"created component {report.project}/{slug}")
        for slug in report.updated:
            click.echo(f"updated the file layout of {report.project}/{slug}")
        for slug in report.removed:
            done = "deleted" if slug in report.pruned else "not deleted without --prune"
            click.echo(f"component {report.project}/{slug} has no article here: {done}")
        for file, counts in report.files.items():
            if counts["reviewed_from_weblate"] or counts["needs_review_from_weblate"]:
                click.echo(
                    f"{file}: {counts['reviewed_from_weblate']} reviewed and "
                    f"{counts['needs_review_from_weblate']} needing review from Weblate"
                )
        for conflict in report.conflicts:
            click.echo(conflict.format_line())
        for problem in report.problems:
            click.echo(f"problem: {problem}")
        if report.comments:
            click.echo(f"{report.comments} check errors posted as Weblate comments")
        click.echo(
            f"synced {len(report.files)} catalogs with {report.project}: "
            f"{len(report.conflicts)} conflicts, {len(report.problems)} problems"
        )
    if not report.ok:
        raise SyncIncomplete("the sync left conflicts or problems (listed above)")
