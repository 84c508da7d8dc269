"""Rendering pages: the Jinja2 environment of the theme, and one function per page kind."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup, escape

from l10n_news.errors import PublishError
from l10n_news.publish.settings import is_safe_url
from l10n_news.publish.typography import typeset_html
from l10n_news.publish.ui import THEME_DIR, UiStrings
from l10n_news.sources.markdown import unit_lines


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


# The blocks of a body are the same in every language: the markers around each unit are the
# source's. So a body is parsed into blocks once per article, and each language only puts its
# units' text in (a text that could make or end a block is parsed with its whole body).
_blocks_md = body_markdown().disable(["inline", "text_join"])
_AFTER_BLOCKS = [
    rule.fn
    for rule in _body_md.core.ruler.__rules__[
        [r.name for r in _body_md.core.ruler.__rules__].index("block") + 1 :
    ]
    if rule.enabled
]
# What a unit's text may not start with, end with or hold to stay one inline run wherever
# the source's markers put it: a block marker, an ATX closing "#", a line break, a cell "|".
_STARTS_BLOCK = re.compile(r"[#>\-+*=_~`|\[<]|\d{1,9}[.)](?:\s|$)")
_ENDS_BLOCK = frozenset("#\\")
_NOT_INLINE = re.compile(r"[\n\r\0|]")


_UNIT = "\0"  # stands for a unit in a body's HTML: parsing turns every NUL of a text into U+FFFD


@dataclass(frozen=True)
class _BodyHtml:
    pieces: tuple[str, ...]  # the body's HTML around its units: one more piece than units
    env: dict[str, Any]  # what the blocks define for the inline parser: link references


@lru_cache(maxsize=64)
def _body_html(body: str) -> _BodyHtml | None:
    """The HTML of a source body with a gap for each unit, or None when its units and the
    page parser's inline runs do not pair one to one (a table, raw HTML the segmenter reads
    otherwise)."""
    env: dict[str, Any] = {}
    tokens = _blocks_md.parse(body, env)
    runs = [i for i, tok in enumerate(tokens) if tok.type == "inline" and tok.content.strip()]
    units = unit_lines(body)
    if any(cell for _, _, cell in units) or [
        tuple(tokens[i].map or ()) for i in runs
    ] != [(start, end) for start, end, _ in units]:
        return None
    for i in runs:
        tokens[i].content = _UNIT
    state = StateCore("", _body_md, env)
    state.tokens = tokens
    for rule in _AFTER_BLOCKS:
        rule(state)
    pieces = _body_md.renderer.render(tokens, _body_md.options, env).split(_UNIT)
    return _BodyHtml(tuple(pieces), env) if len(pieces) == len(runs) + 1 else None


def _stays_inline(text: str) -> bool:
    return (
        bool(text)
        and text == text.strip()
        and not _STARTS_BLOCK.match(text)
        and text[-1] not in _ENDS_BLOCK
        and not _NOT_INLINE.search(text)
    )


def _inline_html(text: str, env: dict[str, Any]) -> str:
    """One unit's text as the page parser renders an inline run."""
    if not _INLINE_MARK.search(text):
        return escapeHtml(text)
    state = StateCore("", _body_md, dict(env))
    state.tokens = [Token("inline", "", 0, content=text, children=None)]
    for rule in _AFTER_BLOCKS:
        rule(state)
    return _body_md.renderer.renderInline(state.tokens[0].children or [], _body_md.options, env)


def render_body(source_body: str, units: list[str], rebuilt: str) -> Markup:
    """The HTML of an article body whose units read `units` (one text per unit of
    `source_body`, in order); `rebuilt` is the same body as Markdown, parsed whole when the
    blocks cannot be reused. Renders exactly what `render_markdown(rebuilt)` renders."""
    body = _body_html(source_body)
    if body is None or len(units) != len(body.pieces) - 1 or not all(map(_stays_inline, units)):
        return render_markdown(rebuilt)
    html = [body.pieces[0]]
    for text, piece in zip(units, body.pieces[1:], strict=True):
        html += (_inline_html(text, body.env), piece)
    return Markup("".join(html))


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
