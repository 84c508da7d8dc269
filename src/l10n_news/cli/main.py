"""The `l10n-news` command: an explicit list of commands, each in its own module.

A command's module is imported only when that command runs (or its own --help is asked for):
`l10n-news stats` must not pay for the publishing or import stack. The one-line summaries
that `l10n-news --help` lists are kept here, so listing the commands imports none of them;
tests/test_startup_imports.py checks that they match each command's docstring.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from importlib import import_module
from pathlib import Path

import click

from l10n_news import __version__
from l10n_news.cli.common import L10nGroup

# The registry: every command, explicitly, as name -> (module, attribute, summary).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "extract": (
        "l10n_news.cli.catalogs",
        "extract",
        "Write locales/<slug>.pot for each article (and locales/ui.pot for the site's UI).",
    ),
    "update": (
        "l10n_news.cli.catalogs",
        "update",
        "Merge each template into the catalogs of every target language (msgmerge semantics).",
    ),
    "compile": (
        "l10n_news.cli.catalogs",
        "compile_",
        "Compile every .po under locales/ into a .mo beside it (fuzzy entries left out).",
    ),
    "stats": (
        "l10n_news.cli.catalogs",
        "stats",
        "Show, per language and domain: total, reviewed, drafts, needs review, untranslated, "
        "obsolete and words.",
    ),
    "translate": (
        "l10n_news.cli.translate",
        "translate",
        "Fill untranslated entries with machine-translated drafts (fuzzy, marked `mt:`).",
    ),
    "tm": (
        "l10n_news.cli.tm",
        "tm",
        "Exchange the translation memory with other tools as TMX 1.4 files.",
    ),
    "publish": (
        "l10n_news.cli.publish",
        "publish",
        "Render every article variant that passes the review gate into a static site.",
    ),
    "import": (
        "l10n_news.cli.importing",
        "import_",
        "Import news pages (scraped text, HTML or Markdown) as articles.",
    ),
    "check": (
        "l10n_news.cli.checks",
        "check",
        "Check every translated and draft entry: placeholders, numbers, markup, glossary ...",
    ),
    "review": (
        "l10n_news.cli.review",
        "review",
        "Review machine drafts and changed entries one at a time, in the terminal.",
    ),
    "run": (
        "l10n_news.cli.run",
        "run",
        "Extract, update, translate, check, compile and publish, with one summary at the end.",
    ),
    "weblate": (
        "l10n_news.cli.weblate",
        "weblate",
        "Work with a Weblate server: translators in the browser, editors here.",
    ),
}


class LazyCommands(MutableMapping[str, click.Command]):
    """`Group.commands` that imports a command's module when the command is first looked up."""

    def __init__(self, registry: dict[str, tuple[str, str, str]]) -> None:
        self.registry = registry
        self.loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.loaded:
            module, attribute, _ = self.registry[name]
            self.loaded[name] = getattr(import_module(module), attribute)
        return self.loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self.loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self.registry, *self.loaded]))

    def __len__(self) -> int:
        return len(set(self.registry) | set(self.loaded))

    def summary(self, name: str) -> str:
        entry = self.registry.get(name)
        return entry[2] if entry else self[name].get_short_help_str(limit=1000)


class LazyGroup(L10nGroup):
    """Lists its commands from their stored summaries, so `--help` imports none of them."""

    commands: LazyCommands

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.utils.make_default_short_help(self.commands.summary(name), limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    commands=LazyCommands(COMMANDS),
    context_settings={"help_option_names": ["-h", "--help"]},
)
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


def main() -> None:
    cli(prog_name="l10n-news")
