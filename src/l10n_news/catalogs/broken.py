"""One bad catalog is one problem: read what can be read, name the rest with file:line.

Read-only commands report a catalog that cannot be read and go on with the others; writing
stages leave it as it is, do the rest, and end non-zero. `BrokenCatalogs` is the error they
end with; `catalog_problems` finds the broken ones among a set of paths (for a stage, such as
publish, that wants to hold back what depends on them).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from l10n_news.catalogs.catalog import Catalog
from l10n_news.catalogs.pofile import read_po
from l10n_news.errors import CatalogError


class BrokenCatalogs(CatalogError):
    """Some catalogs could not be read (or compiled); everything else was done.

    Printed as one `l10n-news: file:line: message` line per catalog.
    """

    def __init__(self, problems: list[CatalogError]) -> None:
        if not problems:
            raise ValueError("BrokenCatalogs needs at least one problem")
        first = problems[0]
        super().__init__(first.message, path=first.path, line=first.line)
        self.problems = list(problems)

    def __str__(self) -> str:
        # The CLI prefixes the first line with "l10n-news: "; the others carry their own.
        return "\nl10n-news: ".join(CatalogError.__str__(p) for p in self.problems)


def raise_if_broken(problems: list[CatalogError]) -> None:
    if problems:
        raise BrokenCatalogs(problems)


def try_read_catalog(path: Path, shown_as: str) -> Catalog | CatalogError:
    """The catalog at `path`, or the error that says where it is broken."""
    try:
        return read_po(path, path=shown_as)
    except CatalogError as exc:
        return exc


def catalog_problems(paths: Iterable[tuple[Path, str]]) -> dict[Path, CatalogError]:
    """path -> its error, for each (path, name shown in messages) that cannot be read."""
    return scan_catalogs(paths)[1]


def scan_catalogs(
    paths: Iterable[tuple[Path, str]],
) -> tuple[dict[Path, Catalog], dict[Path, CatalogError]]:
    """Every (path, name shown in messages) read: the catalogs, and the errors of the rest."""
    catalogs: dict[Path, Catalog] = {}
    problems: dict[Path, CatalogError] = {}
    for path, shown_as in paths:
        if path.is_file():
            result = try_read_catalog(path, shown_as)
            if isinstance(result, CatalogError):
                problems[path] = result
            else:
                catalogs[path] = result
    return catalogs, problems
