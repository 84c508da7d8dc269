"""Rendering pages: the Jinja2 environment of the theme, and one function per page kind."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from l10n_news.errors import PublishError
from l10n_news.publish.settings import is_safe_url
from l10n_news.publish.typography import typeset_html
from l10n_news.publish.ui import THEME_DIR, UiStrings

# Raw HTML in an article or a translation is shown as text, never interpreted.
_body_md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
# Links and images lead only to http(s) or relative addresses (markdown-it's own default
# would let data:image and others through).
_body_md.validateLink = is_safe_url  # type: ignore[method-assign]

# kk-Latn: Open Graph's language_TERRITORY has no script, so the CLDR locale id kk_Latn_KZ.
OG_LOCALES = {"ru": "ru_RU", "en": "en_US", "kk": "kk_KZ", "kk-Latn": "kk_Latn_KZ"}
NATIVE_NAMES = {"ru": "Русский", "en": "English", "kk": "Қазақша"}


def render_markdown(text: str) -> Markup:
    return Markup(_body_md.render(text))


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


@dataclass(frozen=True)
class SwitcherItem:
    lang: str
    name: str
    href: str
    current: bool = False


def make_environment(override_dir: Path) -> Environment:
    """The theme's templates, with the workspace's `templates/` searched first. Autoescape on."""
    loader = FileSystemLoader([str(override_dir), str(THEME_DIR)])
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    # `{{ text|typeset(lang) }}`: a language's typography on a template's own text.
    env.filters["typeset"] = lambda text, lang: typeset_html(escape(text), lang)
    return env


def render(env: Environment, name: str, strings: UiStrings, context: Mapping[str, Any]) -> str:
    """Render one template with one language's UI strings installed."""
    env.install_gettext_callables(  # type: ignore[attr-defined]
        strings.gettext,
        strings.ngettext,
        newstyle=True,
        pgettext=strings.pgettext,
        npgettext=strings.npgettext,
    )
    try:
        template = env.get_template(name)
        return template.render(**context)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        raise PublishError(
            f"template error: {exc}", path=where, line=getattr(exc, "lineno", None)
        ) from None
