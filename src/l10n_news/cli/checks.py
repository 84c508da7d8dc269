"""check: quality checks of translations and drafts, compiler-style or as JSON."""

from __future__ import annotations

from collections import Counter

import click

from l10n_news.catalogs.broken import BrokenCatalogs, scan_catalogs
from l10n_news.checks.base import Severity
from l10n_news.checks.registry import CHECKS, HEADER_CHECKS
from l10n_news.checks.run import check_workspace
from l10n_news.cli.common import (
    domain_option,
    json_option,
    language_option,
    print_json,
    workspace_option,
)
from l10n_news.errors import CheckFailed
from l10n_news.workspace import Workspace

_CHECK_LIST = "\n".join(f"  {c.id} ({c.severity}): {c.summary}" for c in (*CHECKS, *HEADER_CHECKS))


@click.command(
    epilog=f"\b\nChecks:\n{_CHECK_LIST}\n\n\b\nSilence a check for one entry with a translator "
    "comment:\n  # l10n-news: ignore numbers quotes"
)
@workspace_option
@language_option
@domain_option
@click.option(
    "--only", "only", multiple=True, metavar="CHECK", help="Run only this check (repeatable)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to check in. Default: one per CPU, when there are many catalogs.",
)
@json_option
def check(
    ws: Workspace,
    langs: tuple[str, ...],
    domains: tuple[str, ...],
    only: tuple[str, ...],
    jobs: int | None,
    as_json: bool,
) -> None:
    """Check every translated and draft entry: placeholders, numbers, markup, glossary ...

    Prints one line per finding, `file:line: severity: [check] message`, then a summary.
    Exits with status 1 when any finding is an error (warnings alone exit 0). A catalog that
    cannot be read is reported as `file:line: message` and the others are checked (exit 2).

    Example:

        l10n-news check -l kk --domain ui
    """
    from l10n_news.checks.plurals import plural_rule_findings
    from l10n_news.languages import catalog_languages, derived_from, variants_of

    for lang in langs:
        ws.check_language(lang)
    chosen_langs = catalog_languages(list(langs)) or None
    catalogs, broken = scan_catalogs((p, ws.relative(p)) for _, _, p in ws.catalog_paths())
    # A derived variant (kk-Latn) is checked on the text it is made from (kk): same findings.
    findings = check_workspace(
        ws,
        langs=chosen_langs,
        domains=list(domains) or None,
        only=list(only) or None,
        skip=set(broken),
        jobs=jobs,
    )
    if not only or "plural-forms" in only:
        for lang, domain, path in ws.catalog_paths():
            chosen = (not chosen_langs or lang in chosen_langs) and (
                not domains or domain in domains
            )
            if chosen and path in catalogs:
                findings += plural_rule_findings(catalogs[path], ws.relative(path), lang)
    counts = Counter(f.severity for f in findings)
    if as_json:
        rows = [f.as_dict() for f in findings]
        for row in rows:
            derived = variants_of(str(row.get("lang")), ws.languages)
            if derived:
                row["derived"] = derived  # these variants show this text, transliterated
        print_json(rows)
    else:
        for finding in findings:
            click.echo(finding.format_line())
        ignored = f", {counts[Severity.IGNORED]} ignored" if counts[Severity.IGNORED] else ""
        click.echo(
            f"check: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s)"
            + ignored
        )
        for lang in ws.languages:
            base = derived_from(lang)
            if base is not None:
                click.echo(f"check: {lang} is made from {base}: {base}'s findings are its own")
    if broken:
        raise BrokenCatalogs(list(broken.values()))
    if counts[Severity.ERROR]:
        raise CheckFailed(f"{counts[Severity.ERROR]} error(s) found")
