"""Rendering pages: the Jinja2 environment of the theme, and one function per page kind."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup, escape

from l10n_news.errors import PublishError
from l10n_news.publish.settings import is_safe_url
from l10n_news.publish.typography import typeset_html
from l10n_news.publish.ui import THEME_DIR, UiStrings


def body_markdown() -> MarkdownIt:
    """The parser of article bodies. Raw HTML in an article or a translation is shown as
    text, never interpreted."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    # Links and images lead only to http(s) or relative addresses (markdown-it's own default
    # would let data:image and others through).
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    return md


# Only these start an inline rule of `body_markdown` (line breaks, escapes, code,
# strikethrough, emphasis, links, images, autolinks, entities); the `text` rule stops elsewhere
# ("!" alone, ":", "-") only to find no rule that applies.
_INLINE_MARK = re.compile(r"[\n\\`~*_\[<&]")


def _inline_unless_plain(state: StateCore) -> None:
    """markdown-it's `inline` core rule, except that a paragraph of plain text (most of a news
    article) becomes its one text token at once: the inline parser would give just that, at
    a third of the cost of rendering a page."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if _INLINE_MARK.search(token.content):
            state.md.inline.parse(token.content, state.md, state.env, token.children)
        elif token.content:
            token.children.append(Token("text", "", 0, content=token.content))


_body_md = body_markdown()
_body_md.core.ruler.at("inline", _inline_unless_plain)

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
