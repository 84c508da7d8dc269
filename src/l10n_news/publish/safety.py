"""What a translation may carry into a page.

Text is always escaped when rendered; this module refuses, before anything is written, a
translation that tries to bring its own active content (`<script>`, `on...=` handlers,
`javascript:` URLs) or markup its source unit does not have.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt

from l10n_news.catalogs.catalog import Message
from l10n_news.errors import PublishError

_inline_md = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")

_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.IGNORECASE)
_HANDLER = re.compile(r"(?<![\w-])on[a-z]+\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"(?:java|vb)script:", re.IGNORECASE)
# Browsers ignore tabs and newlines inside a URL scheme: "java\tscript:" still runs.
_URL_NOISE = re.compile(r"[\x00-\x20]+")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_LINK_REF = re.compile(r"\]\[(\d+)\]")


def _active_content(text: str) -> list[str]:
    decoded = html.unescape(text)
    found = []
    if _SCRIPT.search(decoded):
        found.append("a <script> tag")
    if _HANDLER.search(decoded):
        found.append("an event-handler attribute (on...=)")
    if _JS_URL.search(_URL_NOISE.sub("", decoded)):
        found.append("a javascript: URL")
    return found


# Without one of these characters a text has no inline markup at all: no parse needed.
_MARKUP_CHAR = re.compile(r"[*_`\[\]<>!~&\\]")


@lru_cache(maxsize=8192)
def markup_signature(text: str) -> Counter[str]:
    """The inline markup of a unit as a multiset: emphasis, code, links, images, HTML tags.

    A multiset, not a sequence: another language may put the bold words elsewhere in the
    sentence, but it may not add a link or a tag the source does not have. (Cached: a source
    unit is compared once per language; callers must not change the Counter.)
    """
    signature: Counter[str] = Counter()
    if not _MARKUP_CHAR.search(text):
        return signature
    for block in _inline_md.parseInline(text):
        for tok in block.children or []:
            if tok.type in ("text", "softbreak", "hardbreak"):
                continue
            if tok.type == "html_inline":
                m = _HTML_TAG.match(tok.content)
                signature[f"<{m.group(1)}{m.group(2).lower()}>" if m else "html"] += 1
            else:
                signature[tok.type] += 1
    signature.update(f"ref{n}" for n in _LINK_REF.findall(text))
    return signature


def check_translation(msg: Message, po_path: Path | str) -> None:
    """Raise PublishError (naming the .po file and line) if the translation is not safe to show."""
    for translation in msg.strings:
        if not translation:
            continue
        bad = [
            what for what in _active_content(translation) if what not in _active_content(msg.msgid)
        ]
        if bad:
            raise PublishError(
                f"refused: the translation of {_short(msg.msgid)} carries {', '.join(bad)}",
                path=po_path,
                line=msg.lineno,
            )
        # Fewer marks than the source is harmless (a language may not need the emphasis);
        # a mark the source lacks is where injected links and tags would hide.
        extra = markup_signature(translation) - markup_signature(msg.msgid)
        if extra:
            raise PublishError(
                f"refused: the translation of {_short(msg.msgid)} adds markup its source "
                f"does not have ({', '.join(sorted(extra.elements()))})",
                path=po_path,
                line=msg.lineno,
            )


def _short(text: str, width: int = 40) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")
