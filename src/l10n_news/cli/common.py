"""What every command shares: the workspace option, JSON output, and the one error mapping."""

from __future__ import annotations

import contextlib
import functools
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from l10n_news.errors import L10nError

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    """Adds `-C DIR` and passes the loaded Workspace as the first argument `ws`."""

    @click.option(
        "-C",
        "--workspace",
        "workspace_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The workspace folder (the one with l10n-news.toml). Default: the current folder.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, workspace_dir: Path | None, **kwargs: Any) -> Any:
        from l10n_news.workspace import Workspace  # loaded when a command runs, not for --help

        if workspace_dir is None:
            # `l10n-news -C DIR command` works too, as with git.
            root = click.get_current_context().find_root()
            workspace_dir = (root.obj or {}).get("workspace") or Path(".")
        ws = Workspace.load(workspace_dir)
        return func(ws, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(func)


def language_option(func: F) -> F:
    return click.option(
        "-l",
        "--lang",
        "langs",
        multiple=True,
        metavar="LANG",
        help="Only this target language (repeatable). Default: every configured one.",
    )(func)


def domain_option(func: F) -> F:
    return click.option(
        "--domain",
        "domains",
        multiple=True,
        metavar="DOMAIN",
        help="Only this domain: an article slug, or 'ui' (repeatable).",
    )(func)


def parse_formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    """`--format html,markdown` of `publish` and `run`, checked."""
    from l10n_news.publish.settings import FORMATS  # the small module, not the render stack

    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    for fmt in chosen:
        if fmt not in FORMATS:
            raise click.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}")
    return chosen or ("html",)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def show_progress() -> bool:
    """A progress bar only where a person watches: a terminal on stderr."""
    return sys.stderr.isatty()


@contextlib.contextmanager
def term_as_interrupt() -> Iterator[None]:
    """`kill` (SIGTERM) stops a command like Ctrl-C does, so finished work is saved first."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread (e.g. some test runners)
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class L10nGroup(click.Group):
    """Turns every library error into one line on stderr and its exit code; no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with term_as_interrupt():
                return super().invoke(ctx)
        except L10nError as exc:
            click.echo(f"l10n-news: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("l10n-news: interrupted; finished work is saved", err=True)
            ctx.exit(130)
