"""The site's chrome as a gettext domain: `ui.pot` from the theme, and its translations.

The UI's msgids are English (the theme is written in English), so an English page needs no
catalog. The theme ships reviewed Russian and Kazakh translations of its own strings
(`theme/locale/<lang>/ui.po`), so a new workspace publishes at once; a workspace's
`locales/<lang>/LC_MESSAGES/ui.po` is laid over them: its translations win, entry by entry.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from babel.messages.extract import extract
from markupsafe import Markup, escape

from l10n_news import __version__
from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.errors import PublishError
from l10n_news.workspace import UI_DOMAIN, Workspace

THEME_DIR = Path(__file__).parent / "theme"
UI_SOURCE_LANGUAGE = "en"
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")
# `{# Translators: ... #}` right above a string becomes its `#.` comment.
COMMENT_TAGS = ("Translators:",)
# What the theme calls; Babel's defaults would also accept N_ and ugettext, which Jinja lacks.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}


def workspace_templates_dir(ws: Workspace) -> Path:
    return ws.root / "templates"


def template_files(ws: Workspace) -> dict[str, Path]:
    """Template name -> file: the theme's, with the workspace's overrides put over them."""
    files: dict[str, Path] = {}
    for folder in (THEME_DIR, workspace_templates_dir(ws)):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix in TEMPLATE_SUFFIXES:
                    files[path.relative_to(folder).as_posix()] = path
    return dict(sorted(files.items()))


def _reference(ws: Workspace, path: Path) -> str:
    if path.is_relative_to(THEME_DIR):
        return f"theme/{path.relative_to(THEME_DIR).as_posix()}"
    return ws.relative(path)


def ui_template(ws: Workspace) -> Catalog:
    """The POT of the site's chrome, extracted from the templates with Babel's Jinja2 method."""
    catalog = Catalog(
        {
            "Project-Id-Version": f"{ws.project} {UI_DOMAIN}",
            "POT-Creation-Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M+0000"),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "X-Generator": f"l10n-news {__version__}",
            "X-Source-Language": UI_SOURCE_LANGUAGE,
        }
    )
    for path in template_files(ws).values():
        ref_path = _reference(ws, path)
        with path.open("rb") as fileobj:
            try:
                found = list(
                    extract(
                        "jinja2.ext:babel_extract",
                        fileobj,
                        keywords=KEYWORDS,
                        comment_tags=COMMENT_TAGS,
                        options={"trimmed": "true"},
                        strip_comment_tags=True,
                    )
                )
            except Exception as exc:  # Jinja's TemplateSyntaxError and friends
                line = getattr(exc, "lineno", None)
                raise PublishError(
                    f"cannot read the template: {exc}", path=path, line=line
                ) from None
        for lineno, text, comments, context in found:
            msgid, plural = (text, None) if isinstance(text, str) else (text[0], text[1])
            ref = f"{ref_path}:{lineno}"
            existing = catalog.get(msgid, context)
            if existing is None:
                existing = catalog.add(
                    Message(
                        msgid=msgid,
                        msgctxt=context,
                        msgid_plural=plural,
                        msgstr_plural=["", ""] if plural else [],
                    )
                )
                if "%(" in msgid:
                    existing.add_flag("python-format")
            if ref not in existing.references:
                existing.references.append(ref)
            for comment in comments:
                if comment not in existing.extracted_comments:
                    existing.extracted_comments.append(comment)
    return catalog


THEME_LOCALE_DIR = THEME_DIR / "locale"


def theme_catalog_path(lang: str) -> Path:
    return THEME_LOCALE_DIR / lang / f"{UI_DOMAIN}.po"


@cache
def theme_ui_catalog(lang: str) -> Catalog | None:
    from l10n_news.catalogs.pofile import read_po

    path = theme_catalog_path(lang)
    return read_po(path, path=f"theme/locale/{lang}/{UI_DOMAIN}.po") if path.is_file() else None


def ui_catalog(ws: Workspace, lang: str) -> tuple[Catalog, dict[tuple[str | None, str], str]]:
    """The `ui` catalog a `lang` page uses, and the file each of its entries comes from.

    The theme's translations, with the workspace's over them: a workspace entry overrides the
    theme's when it has a translation (reviewed or not); an empty one, as `update` makes for
    every new msgid, leaves the theme's in place.
    """
    path = ws.po_path(lang, UI_DOMAIN)
    own = ws.read_catalog(path) if path.is_file() else None
    theme = theme_ui_catalog(lang)
    header = own.header if own is not None else theme.header if theme is not None else {}
    merged = Catalog(dict(header) or {"Language": lang})
    origin: dict[tuple[str | None, str], str] = {}
    for catalog, shown in (
        (own, ws.relative(path)),
        (theme, f"theme/locale/{lang}/{UI_DOMAIN}.po"),
    ):
        for msg in catalog or ():
            key = (msg.msgctxt, msg.msgid)
            if key not in origin and (msg.has_translation or catalog is theme):
                origin[key] = shown
                merged.add(msg)
    if own is not None:
        for msg in own:  # untranslated entries the theme does not have either
            if (msg.msgctxt, msg.msgid) not in origin:
                origin[(msg.msgctxt, msg.msgid)] = ws.relative(path)
                merged.add(msg)
    return merged, origin


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


@dataclass
class UiStrings:
    """A `ui` catalog turned into the gettext callables Jinja's i18n extension calls.

    Every translation comes back HTML-escaped: Jinja marks a newstyle gettext result as safe
    markup, so escaping here is what keeps a translation from injecting HTML.
    Strings with no usable translation are recorded in `missing` and shown in English only
    when the caller allowed it (never for a published page: the gate refuses those first).
    """

    table: dict[tuple[str | None, str], list[str]]
    identity: bool = False
    plural_index: Callable[[int], int] = _english_plural
    missing: set[str] = field(default_factory=set)

    def _lookup(self, context: str | None, msgid: str) -> list[str] | None:
        found = self.table.get((context, msgid))
        if found is None and not self.identity:
            self.missing.add(msgid if context is None else f"{context}|{msgid}")
        return found

    def gettext(self, msgid: str) -> Markup:
        found = self._lookup(None, msgid)
        return escape(found[0] if found else msgid)

    def pgettext(self, context: str, msgid: str) -> Markup:
        found = self._lookup(context, msgid)
        return escape(found[0] if found else msgid)

    def ngettext(self, singular: str, plural: str, n: int) -> Markup:
        found = self._lookup(None, singular)
        return escape(self._plural(found, singular, plural, n))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> Markup:
        found = self._lookup(context, singular)
        return escape(self._plural(found, singular, plural, n))

    def _plural(self, found: list[str] | None, singular: str, plural: str, n: int) -> str:
        if not found:
            return singular if n == 1 else plural
        index = self.plural_index(n)
        return found[min(index, len(found) - 1)]


def ui_strings(catalog: Catalog | None, *, allow_drafts: bool = False) -> UiStrings:
    """Callables for one language; `None` means the UI's own language (msgids shown as they are)."""
    if catalog is None:
        return UiStrings({}, identity=True)
    table: dict[tuple[str | None, str], list[str]] = {}
    for msg in catalog:
        if not msg.has_translation or (msg.fuzzy and not allow_drafts):
            continue
        # A string Jinja cannot format safely is missing: the page is not rendered with it.
        if not all(_formats_safely(msg.msgid, text) for text in msg.strings if text):
            continue
        table[(msg.msgctxt, msg.msgid)] = msg.strings
    return UiStrings(table, plural_index=_plural_function(catalog))


# Cached, as the next one: every page of a publish asks them of the same few dozen strings.
@lru_cache(maxsize=4096)
def _formats_safely(msgid: str, text: str) -> bool:
    from l10n_news.checks.formats import template_format_problems

    return not template_format_problems(msgid, text)


def _plural_function(catalog: Catalog) -> Callable[[int], int]:
    return _plural_of(catalog.header.get("Plural-Forms", "").partition("plural=")[2].rstrip("; "))


@lru_cache(maxsize=64)
def _plural_of(expression: str) -> Callable[[int], int]:
    try:
        return gettext.c2py(expression) if expression else _english_plural
    except ValueError:
        return _english_plural
