"""review: go through machine drafts and changed entries one at a time, or list them."""

from __future__ import annotations

import os
import sys
from collections import Counter

import click

from l10n_news.checks.base import shorten
from l10n_news.cli.common import domain_option, json_option, print_json, workspace_option
from l10n_news.errors import L10nError, LockError
from l10n_news.review import (
    EntryChanged,
    EntryGone,
    Review,
    ReviewItem,
    back_translate,
    entry_details,
    review_glossary,
)
from l10n_news.review import awaiting_review as find_awaiting
from l10n_news.workspace import Workspace

KEYS_HELP = "[a]ccept  [e]dit  [s]kip  [c]lear  [b]ack-translate  [q]uit"


def _show(item: ReviewItem, number: int, total: int, glossary: object) -> None:
    msg = item.message
    details = entry_details(item, glossary)  # type: ignore[arg-type]
    where = f"{item.file}:{msg.lineno}" if msg.lineno else item.file
    provenance = next(
        (c for c in msg.translator_comments if c.startswith(("mt:", "aligned:"))), ""
    )
    click.echo()
    click.secho(f"[{number}/{total}] {where} · {msg.state} {provenance}".rstrip(), bold=True)
    if msg.msgctxt is not None:
        click.echo(f"context: {msg.msgctxt}")
    click.secho(f"source ({item.source_lang}):", fg="cyan")
    click.echo(f"  {msg.msgid}")
    if msg.msgid_plural is not None:
        click.echo(f"  plural: {msg.msgid_plural}")
    if details.diff is not None:
        click.secho("source changed ([-was-] {+now+}):", fg="cyan")
        click.echo(f"  {details.diff}")
    click.secho(f"draft ({item.lang}):", fg="cyan")
    for n, text in enumerate(msg.strings):
        label = f"[{n}] " if msg.pluralizable else ""
        click.echo(f"  {label}{text}")
    for finding in details.findings:
        color = "red" if finding.severity == "error" else "yellow"
        click.secho(f"  {finding.severity}: [{finding.check}] {finding.message}", fg=color)
    for term, rendering in details.terms:
        click.echo(f"  glossary: {term} → {rendering or '(no rendering given)'}")


def _edited_text(current: str, label: str) -> str | None:
    """The reviewer's new text: in $VISUAL/$EDITOR when set, else typed on one line."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        text = click.edit(current, editor=editor, extension=".txt", require_save=True)
        return None if text is None else text.rstrip("\n")
    value = click.prompt(f"new translation{label}", default=current, show_default=False)
    return value if value != current else None


def _read_key() -> str:
    """One key: typed in the terminal (no Enter needed), or read from a pipe or file.

    click.getchar insists on a terminal (/dev/tty), so keys given on stdin by a script, as
    in `printf 'as q' | l10n-news review -l kk`, are read here; line breaks between them
    are ignored, and the end of the input reads as "" (a quit).
    """
    if sys.stdin is not None and sys.stdin.isatty():
        return click.getchar()
    stdin = sys.stdin
    while True:
        key = stdin.read(1) if stdin is not None else ""
        if key not in ("\n", "\r"):
            return key


def _interactive(ws: Workspace, items: list[ReviewItem], reviewer: str | None) -> Counter[str]:
    session = Review(ws, reviewer)
    _ = session.reviewer  # a missing reviewer is a one-line error before anything is shown
    done: Counter[str] = Counter()
    try:
        _decide_each(ws, session, items, done)
    except (KeyboardInterrupt, EOFError, click.Abort):
        # Ctrl-C or Ctrl-D at a key or in the inline editor: a quit like any other, since
        # each decision is already on disk (a catalog write is atomic, even when interrupted).
        click.echo()
    return done


def _decide_each(
    ws: Workspace, session: Review, items: list[ReviewItem], done: Counter[str]
) -> None:
    glossary = review_glossary(ws)
    for number, item in enumerate(items, start=1):
        if not session.reload(item):
            # Decided (or removed) by someone else since the list was made: nothing to show.
            where = f"{item.file}:{item.message.lineno}"
            click.echo(f"\n[{number}/{len(items)}] {where}: now {item.message.state}; skipped")
            done["decided elsewhere"] += 1
            continue
        _show(item, number, len(items), glossary)
        while True:
            click.echo(KEYS_HELP + " ? ", nl=False)
            key = _read_key().lower()
            click.echo(key.strip())
            if key in ("q", "", "\x04", "\x03"):  # q, end of input, Ctrl-D, Ctrl-C
                return
            try:
                decided = _decide(ws, session, item, key, done)
            except LockError:
                raise
            except EntryGone as exc:
                _refused(exc, done)
                break  # one key spent; the next key goes to the next entry
            except EntryChanged as exc:
                _refused(exc, done)
                if not item.awaits_review:
                    click.echo(f"  it is now {item.message.state}: nothing left to decide here")
                    break
                _show(item, number, len(items), glossary)
                continue
            except L10nError as exc:
                click.secho(f"  {exc}", fg="red")
                continue
            if decided:
                break


def _refused(exc: L10nError, done: Counter[str]) -> None:
    click.secho(f"  {exc}", fg="red")
    done["refused"] += 1


def _decide(
    ws: Workspace, session: Review, item: ReviewItem, key: str, done: Counter[str]
) -> bool:
    """Apply one key to the entry; False when the reviewer still has to choose."""
    if key == "a":
        session.accept(item)
        done["accepted"] += 1
    elif key == "e":
        texts = []
        for n, text in enumerate(item.message.strings):
            label = f" [{n}]" if item.message.pluralizable else ""
            texts.append(_edited_text(text, label) or text)
        if texts == item.message.strings:
            click.echo("unchanged; choose again")
            return False
        session.edit(item, texts)
        done["edited"] += 1
    elif key == "s":
        session.skip(item)
        done["skipped"] += 1
    elif key == "c":
        session.clear(item)
        done["cleared"] += 1
    elif key == "b":
        result = back_translate(ws, item)
        click.secho(f"back-translation ({result.engine}):", fg="cyan")
        for n, text in enumerate(result.forms or (result.text,)):
            click.echo(f"  {f'[{n}] ' if result.forms else ''}{text}")
        return False
    else:
        click.echo("keys: a e s c b q (see above)")
        return False
    return True


@click.command()
@workspace_option
@click.option(
    "-l",
    "--lang",
    "lang",
    required=True,
    metavar="LANG",
    help="The language whose drafts to review.",
)
@domain_option
@click.option(
    "--reviewer",
    metavar="NAME",
    help="Who reviews (recorded on accepted entries). Default: [review] reviewer.",
)
@click.option(
    "--list", "list_only", is_flag=True, help="Only list what awaits review; change nothing."
)
@json_option
def review(
    ws: Workspace,
    lang: str,
    domains: tuple[str, ...],
    reviewer: str | None,
    list_only: bool,
    as_json: bool,
) -> None:
    """Review machine drafts and changed entries one at a time, in the terminal.

    For each entry: the source, the draft, a word diff when the source changed, the check
    findings and glossary terms. Keys: a accept, e edit ($EDITOR, or inline without one),
    s skip, c clear, b back-translate into the source language, q quit. Each decision is
    written at once, so quitting loses nothing decided. A decision on an entry someone
    changed meanwhile is refused and the entry shown again (exit 1 at the end). With --list
    (and --json), only print what awaits review.

    Example:

    \b
        l10n-news review -l kk --list
        l10n-news review -l kk --domain ui --reviewer "Aigerim"
    """
    from l10n_news.catalogs.broken import BrokenCatalogs, catalog_problems

    broken = catalog_problems((p, ws.relative(p)) for lg, _, p in ws.catalog_paths() if lg == lang)
    items = find_awaiting(ws, lang, list(domains) or None, skip=set(broken))
    if list_only or as_json:
        if as_json:
            print_json([item.as_dict() for item in items])
            if broken:
                raise BrokenCatalogs(list(broken.values()))
            return
        for item in items:
            msg = item.message
            click.echo(f"{item.file}:{msg.lineno}: {msg.state}: {shorten(msg.msgid, 60)}")
        awaits = "entry awaits" if len(items) == 1 else "entries await"
        click.echo(f"review: {len(items)} {awaits} review")
        if broken:
            raise BrokenCatalogs(list(broken.values()))
        return
    if not items:
        click.echo(f"review: nothing awaits review in {lang}")
        return
    done = _interactive(ws, items, reviewer)
    summary = ", ".join(f"{n} {what}" for what, n in done.items()) or "no decision"
    click.echo(f"review: {summary}; every decision is saved")
    if broken:
        raise BrokenCatalogs(list(broken.values()))
    if done["refused"]:
        # A script must see that some of its keys did not apply.
        click.get_current_context().exit(1)
