"""A workspace: the folder with l10n-news.toml, its articles and its catalogs.

The whole file is checked against the schema in `config.py` when it is loaded (unknown
tables and keys, values of the wrong kind); each stage then reads its own section
(`Workspace.section`) and checks what its values mean. This module checks the top-level keys.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news.catalogs.catalog import Catalog
from l10n_news.catalogs.pofile import dump_po, read_po
from l10n_news.config import check_config, is_time_zone, key_line
from l10n_news.errors import CatalogError, ConfigError, SourceError
from l10n_news.fileio import atomic_write_bytes, workspace_lock, write_if_changed
from l10n_news.languages import (
    check_derived,
    get_language,
    refuse_derived,
    translated_languages,
)

CONFIG_NAME = "l10n-news.toml"
STATE_DIR = ".l10n-news"
UI_DOMAIN = "ui"
SEGMENTATIONS = ("paragraph", "sentence")
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A slug names a folder and files (<slug>.pot, <slug>.po): far below any file-name limit.
SLUG_MAX_LENGTH = 100
SLUG_FORM = "lowercase letters, digits and single hyphens, e.g. city-library-opens"


def link_below(root: Path, parts: tuple[str, ...]) -> int | None:
    """How many of `parts`, followed down from `root`, lead to the first symbolic link on
    the way (the last part included); None when none of them is one."""
    current = os.fspath(root)
    for n, part in enumerate(parts, 1):
        current = os.path.join(current, part)
        if os.path.islink(current):
            return n
    return None


def check_slug(slug: str) -> str:
    """Slugs are [a-z0-9-]+; anything else (path separators, '..') is refused."""
    if len(slug) > SLUG_MAX_LENGTH:
        raise ConfigError(
            f"slug of {len(slug)} characters is too long (at most {SLUG_MAX_LENGTH})"
        )
    if not _SLUG_RE.fullmatch(slug) or slug == UI_DOMAIN:
        raise ConfigError(
            f"bad slug {slug!r}: use lowercase letters, digits and single hyphens"
            + (
                f" ({UI_DOMAIN!r} is reserved for the site's UI strings)"
                if slug == UI_DOMAIN
                else ""
            )
        )
    return slug


def _slug_hint(name: str) -> str:
    hint = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:SLUG_MAX_LENGTH].strip("-")
    return f" (such as {hint!r})" if hint and hint != name and hint != UI_DOMAIN else ""


@dataclass
class Workspace:
    root: Path
    languages: list[str]
    source_language: str
    segmentation: str = "paragraph"
    project: str = "l10n-news"
    time_zone: str = "Asia/Almaty"
    config: dict[str, Any] = field(default_factory=dict)
    # (lang, domain) -> its catalog's path: a publish asks for each several times per page.
    _po_paths: dict[tuple[str, str], Path] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @functools.cached_property
    def _root_resolved(self) -> bool:
        return self.root == self.root.resolve()

    # --- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, root: str | Path = ".") -> Workspace:
        root = Path(root).resolve()
        path = root / CONFIG_NAME
        if not path.is_file():
            raise ConfigError(
                f"no {CONFIG_NAME} here: not an l10n-news workspace (use -C DIR)", path=root
            )
        try:
            text = path.read_text("utf-8")
            config = tomllib.loads(text)
        except UnicodeDecodeError:
            raise ConfigError("invalid UTF-8", path=path) from None
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None)
            msg = str(exc).split(" (at line")[0]
            if "('languages', " in msg:  # [languages.kk-Latn] beside the languages list
                msg += "; a language's settings go in [language.<code>]"
            raise ConfigError(f"invalid TOML: {msg}", path=path, line=line) from None
        except OSError as exc:
            raise ConfigError(f"cannot read: {exc.strerror}", path=path) from None
        return cls.from_config(root, config, path, text=text)

    @classmethod
    def from_config(
        cls,
        root: Path,
        config: dict[str, Any],
        path: Path | None = None,
        *,
        text: str | None = None,
    ) -> Workspace:
        where = path or root / CONFIG_NAME
        check_config(config, where, text)

        def fail(key: str, message: str) -> ConfigError:
            return ConfigError(message, path=where, line=key_line(text, "", key))

        languages = config.get("languages", ["ru", "en", "kk"])
        if not languages:
            raise fail("languages", "languages must list at least one language")
        for code in languages:
            try:
                get_language(code)
            except ConfigError as exc:
                raise fail("languages", exc.message) from None
        duplicate = next((c for i, c in enumerate(languages) if c in languages[:i]), None)
        if duplicate is not None:
            raise fail("languages", f"language {duplicate!r} is listed twice")
        source = config.get("source_language", languages[0])
        try:
            get_language(source)
            check_derived(languages, source)  # kk-Latn: made from kk, never translated
        except ConfigError as exc:
            raise fail("source_language", exc.message) from None
        if source not in languages:
            raise fail("source_language", f"source_language {source!r} is not in languages")
        segmentation = config.get("segmentation", "paragraph")
        if segmentation not in SEGMENTATIONS:
            raise fail(
                "segmentation",
                f"segmentation must be one of {', '.join(SEGMENTATIONS)}, not {segmentation!r}",
            )
        time_zone = config.get("time_zone", "Asia/Almaty")
        if not is_time_zone(time_zone):
            raise fail(
                "time_zone", f"time_zone {time_zone!r} is not an IANA zone such as Asia/Almaty"
            )
        return cls(
            root=root,
            languages=list(languages),
            source_language=source,
            segmentation=segmentation,
            project=config.get("project", root.name or "l10n-news"),
            time_zone=time_zone,
            config=config,
        )

    def section(self, name: str) -> dict[str, Any]:
        """A table of l10n-news.toml (empty if absent); the stage that owns it checks it."""
        value = self.config.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"[{name}] must be a table", path=self.config_path)
        return value

    # --- paths -----------------------------------------------------------------------
    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def state_dir(self) -> Path:
        """Caches and records of past runs; never edited by hand, safe to delete."""
        return self.root / STATE_DIR

    def article_path(self, slug: str) -> Path:
        return self.articles_dir / check_slug(slug) / "article.md"

    def pot_path(self, domain: str) -> Path:
        return self.locales_dir / f"{domain}.pot"

    def po_path(self, lang: str, domain: str) -> Path:
        found = self._po_paths.get((lang, domain))
        if found is None:
            found = self._po_paths[lang, domain] = (
                self.locales_dir / lang / "LC_MESSAGES" / f"{domain}.po"
            )
        return found

    def mo_path(self, lang: str, domain: str) -> Path:
        return self.po_path(lang, domain).with_suffix(".mo")

    def relative(self, path: Path) -> str:
        """A path as shown to the user: relative to the workspace when inside it."""
        if self.root.is_absolute() and path.is_relative_to(self.root):
            # Below the root with no ".." and no link, resolving would change nothing
            # there: the lstat of each part below the root costs a third of a resolve.
            rel = path.relative_to(self.root)
            plain = ".." not in rel.parts and link_below(self.root, rel.parts) is None
            if plain and self._root_resolved:
                return str(rel)
        try:
            return str(path.resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    # --- what is there -----------------------------------------------------------------
    def article_slugs(self) -> list[str]:
        """Every article's slug; a folder whose name is no slug is an error, never skipped."""
        if not self.articles_dir.is_dir():
            return []
        slugs = sorted(p.parent.name for p in self.articles_dir.glob("*/article.md"))
        for name in slugs:
            if not _SLUG_RE.fullmatch(name) or len(name) > SLUG_MAX_LENGTH or name == UI_DOMAIN:
                raise SourceError(
                    f"article folder {name!r} is not a valid slug: rename it using {SLUG_FORM}"
                    f"{_slug_hint(name)}",
                    path=self.articles_dir / name,
                )
        return slugs

    def domains(self) -> list[str]:
        """Every domain with a template (locales/*.pot), in name order."""
        if not self.locales_dir.is_dir():
            return []
        return sorted(p.stem for p in self.locales_dir.glob("*.pot"))

    def catalog_paths(self) -> Iterator[tuple[str, str, Path]]:
        """(lang, domain, path) of every .po under locales/."""
        if not self.locales_dir.is_dir():
            return
        for path in sorted(self.locales_dir.glob("*/LC_MESSAGES/*.po")):
            yield path.parent.parent.name, path.stem, path

    def check_language(self, lang: str) -> str:
        get_language(lang)
        if lang not in self.languages:
            raise ConfigError(
                f"language {lang!r} is not configured (languages: {', '.join(self.languages)})",
                path=self.config_path,
            )
        return lang

    def target_languages(self, source_language: str, only: list[str] | None = None) -> list[str]:
        """Every configured language but the source, or the chosen ones among them.

        Derived variants (kk-Latn) have no catalogs: they are made from their language's.
        """
        if only:
            langs = [refuse_derived(self.check_language(lang)) for lang in only]
        else:
            langs = translated_languages(self.languages)
        return [lang for lang in langs if lang != source_language]

    def domain_source_language(self, domain: str) -> str:
        """The language a domain's msgids are written in: the article's, or the default."""
        template = self.pot_path(domain)
        if template.is_file():
            head = template.read_bytes()[:4096].decode("utf-8", "replace")
            m = re.search(r'"X-Source-Language: ([a-z]{2,3})\\n"', head)
            if m:
                return m.group(1)
        return self.source_language

    # --- catalogs ----------------------------------------------------------------------
    def read_catalog(self, path: Path) -> Catalog:
        return read_po(path, path=self.relative(path))

    def write_catalog(self, path: Path, catalog: Catalog) -> bool:
        """Write atomically; unchanged bytes are not rewritten. True if written."""
        return write_if_changed(path, dump_po(catalog))  # its own charset and line endings

    def write_bytes(self, path: Path, data: bytes) -> None:
        """Write any workspace file atomically."""
        atomic_write_bytes(path, data)

    def lock(self, wait: float = 10.0):
        """Hold the workspace for one command: another one waits, then refuses."""
        if not self.root.is_dir():
            raise CatalogError("the workspace folder does not exist", path=self.root)
        return workspace_lock(self.state_dir / "lock", wait=wait)
