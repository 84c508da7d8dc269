"""The one definition of "unsafe": what a translation may not bring that its source lacks.

`check` reports these as error findings (check id `unsafe-markup`) and `publish` refuses a
variant for them, from the same function, so the two can never disagree. A translation is
unsafe when, compared with its source unit, it adds:
- active content: a `<script>` tag, an event-handler attribute (`on...=`, also after `/` or a
  quote as in `<svg/onload=...>` or `" onmouseover="`), a `javascript:`/`vbscript:`/`data:`
  address; entity-escaped forms (`&lt;script&gt;`) count as what they decode to;
- inline markup: emphasis, code, links, images (`![p][y]` included), HTML tags;
- a Markdown reference definition (`[x]: https://...`), which turns text into a live link;
- block structure: a paragraph break, a heading, a list item, a quote, a code block, a rule;
- a bidi control character, which reorders what the reader sees.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache

from markdown_it import MarkdownIt

_inline_md = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")

_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.IGNORECASE)
# A handler follows whitespace, a slash or a quote: <svg/onload=...>, x" onmouseover="...
_HANDLER = re.compile(r"(?:^|[\s/\"'`;<])on[a-z]+\s*=", re.IGNORECASE)
_ACTIVE_URL = re.compile(r"(?:java|vb)script:|data:[a-z]+/", re.IGNORECASE)
# Browsers ignore tabs and newlines inside a URL scheme: "java\tscript:" still runs.
_URL_NOISE = re.compile(r"[\x00-\x20]+")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_LINK_REF = re.compile(r"\]\[([^\]]*)\]")
_IMAGE = re.compile(r"!\[")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BLOCK_START = {
    "heading": re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE),
    "setext heading": re.compile(r"\n {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE),
    "list item": re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE),
    "quote": re.compile(r"^ {0,3}>", re.MULTILINE),
    "code fence": re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),
    "thematic break": re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE),
}
_BLOCK_FIRST = frozenset("#-+*>`~_[0123456789")  # what a block's first line may start with
_NO_MARKS: Counter[str] = Counter()  # shared: callers never change a signature
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]")
# Without one of these characters a text has no inline markup at all: no parse needed. (An
# image or a reference link needs "[" too; "!", "]" or ">" alone start no inline rule.)
_MARKUP_CHAR = re.compile(r"[*_`\[<~&\\]")
_MARK_BUT_BRACKET = re.compile(r"[*_`<~&\\]")
# A tag needs "<", a handler "=", an active URL ":"; an entity that decodes to one needs "&".
_ACTIVE_CHAR = re.compile(r"[<=:&]")
# Any of these, or a block's first character, is where active content, inline markup or
# structure could be: a text with none of them is safe to show, whatever its source.
_ANY_SIGN = re.compile(r"[<=:&*_`\[~\\\n\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]")


@lru_cache(maxsize=8192)
def _active_content(text: str) -> tuple[str, ...]:
    """Active content in `text`: a script tag, an event handler, a script or data URL."""
    if not _ACTIVE_CHAR.search(text):
        return ()
    decoded = html.unescape(text)
    found = []
    if _SCRIPT.search(decoded):
        found.append("a <script> tag")
    if _HANDLER.search(decoded):
        found.append("an event-handler attribute (on...=)")
    if _ACTIVE_URL.search(_URL_NOISE.sub("", decoded)):
        found.append("a javascript: or data: URL")
    return tuple(found)


@lru_cache(maxsize=8192)
def markup_signature(text: str) -> Counter[str]:
    """The inline markup of a unit as a multiset: emphasis, code, links, images, HTML tags.

    A multiset, not a sequence: another language may put the bold words elsewhere in the
    sentence, but it may not add a link or a tag the source does not have. (Cached: a source
    unit is compared once per language; callers must not change the Counter.)
    """
    if not _MARKUP_CHAR.search(text):
        return _NO_MARKS
    signature: Counter[str] = Counter()
    # With "[" the only mark and no "](", no link can form (`[a][1]` without its definition
    # is text): the parse would find nothing the two counts below do not.
    blocks = _inline_md.parseInline(text) if "](" in text or _MARK_BUT_BRACKET.search(text) else []
    for block in blocks:
        for tok in block.children or []:
            if tok.type in ("text", "softbreak", "hardbreak"):
                continue
            if tok.type == "html_inline":
                m = _HTML_TAG.match(tok.content)
                signature[f"<{m.group(1)}{m.group(2).lower()}>" if m else "html"] += 1
            else:
                signature[tok.type] += 1
    # Reference links and images parse as text without their definition; count them anyway.
    signature.update(f"ref{n}" for n in _LINK_REF.findall(text))
    signature["image syntax"] = len(_IMAGE.findall(text))
    return +signature


@lru_cache(maxsize=8192)
def structure_signature(text: str) -> Counter[str]:
    """Block structure and link definitions of a unit, as a multiset."""
    block = "\n" in text or text.lstrip()[:1] in _BLOCK_FIRST
    if not block and not BIDI_CONTROLS.search(text):
        return _NO_MARKS  # one line of prose: no structure
    signature: Counter[str] = Counter()
    if block:
        for name, pattern in _BLOCK_START.items():
            signature[name] = len(pattern.findall(text))
        signature["paragraph break"] = len(_BLANK_LINE.findall(text))
        signature["reference definition"] = len(_REF_DEFINITION.findall(text))
    signature["bidi control"] = len(BIDI_CONTROLS.findall(text))
    return +signature


def unsafe_problems(source: str, translation: str) -> list[str]:
    """What `translation` brings that `source` does not have; empty when it is safe to show."""
    return list(_unsafe_problems(source, translation)) if translation else []


# Cached: `check` asks of every unit, and the publishing gate asks again of the units it shows.
@lru_cache(maxsize=8192)
def _unsafe_problems(source: str, translation: str) -> tuple[str, ...]:
    if not _ANY_SIGN.search(translation) and translation.lstrip()[:1] not in _BLOCK_FIRST:
        return ()  # no character any of the three needs: most translated prose
    problems = []
    source_active = _active_content(source)
    for what in _active_content(translation):
        if what not in source_active:
            problems.append(f"carries {what}")
    # Fewer marks than the source is harmless (a language may not need the emphasis);
    # a mark the source lacks is where injected links and tags would hide.
    marks = markup_signature(translation)
    extra = marks - markup_signature(source) if marks else marks
    if extra:
        problems.append(f"adds markup its source does not have ({', '.join(sorted(extra))})")
    marks = structure_signature(translation)
    extra = marks - structure_signature(source) if marks else marks
    if extra:
        problems.append(f"adds structure its source does not have ({', '.join(sorted(extra))})")
    return tuple(problems)
