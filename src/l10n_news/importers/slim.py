"""Read an HTML page in bounded memory: stream it through lxml, keep what extraction needs.

A page of 50 MB is mostly not text: inline images (`data:` URIs), scripts and their JSON state,
styles, SVG. Building the whole tree of such a page, twice (trafilatura and its metadata),
takes gigabytes. So the file is fed to lxml's HTML parser in chunks with a *target* that
writes a slimmer copy as it goes: elements that never hold article text are left out with
their content, long attribute values are dropped, and only JSON-LD scripts (breadcrumbs,
dates) are kept. The copy is what trafilatura reads. A page whose text alone exceeds
`MAX_TEXT_CHARS` is no news article and is refused rather than parsed.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from lxml import etree

from l10n_news.errors import ImportFailed

CHUNK = 1 << 20
# A long read is some 100,000 characters; twenty times that is no article.
MAX_TEXT_CHARS = 2_000_000
MAX_ATTRIBUTE_CHARS = 2_000
MAX_JSON_LD_CHARS = 200_000
# Elements whose content is never article text (script is kept for JSON-LD only).
_SKIPPED = frozenset(
    {"style", "noscript", "template", "svg", "math", "canvas", "object", "iframe", "video",
     "audio", "picture", "source"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "track", "wbr"}
)  # fmt: skip
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _Slimmer:
    """An lxml parser target that writes a slimmer HTML document."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.text_chars = 0
        self._skip = 0  # depth inside a skipped element
        self._json_ld = False
        self._json_chars = 0
        self._in_script = False

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        tag = tag.lower()
        if self._skip or tag in _SKIPPED:
            self._skip += tag not in _VOID
            return
        if tag == "script":
            kind = (attrib.get("type") or "").strip().lower()
            self._in_script = True
            self._json_ld = kind == "application/ld+json"
            self._json_chars = 0
            if not self._json_ld:
                return
        self.out.append(f"<{tag}{_attributes(attrib)}>")

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if self._skip:
            self._skip -= tag not in _VOID
            return
        if tag == "script":
            if self._json_ld:
                self.out.append("</script>")
            self._in_script = self._json_ld = False
            return
        if tag not in _VOID:
            self.out.append(f"</{tag}>")

    def data(self, text: str) -> None:
        if self._skip:
            return
        if self._in_script:
            if self._json_ld and self._json_chars + len(text) <= MAX_JSON_LD_CHARS:
                self._json_chars += len(text)
                self.out.append(text.replace("</", "<\\/"))
            return
        self.text_chars += len(text)
        if self.text_chars > MAX_TEXT_CHARS:
            raise _TooMuchText
        self.out.append(escape(text, quote=False))

    def comment(self, text: str) -> None:
        """Comments are left out."""

    def close(self) -> str:
        return "".join(self.out)


class _TooMuchText(Exception):
    pass


def _attributes(attrib: dict[str, str]) -> str:
    parts = []
    for name, value in attrib.items():
        name = name.lower()
        if name.startswith("on") or name == "style" or len(value) > MAX_ATTRIBUTE_CHARS:
            continue
        if value.lstrip().lower().startswith(("data:", "javascript:")):
            continue
        parts.append(f' {name}="{escape(value)}"')
    return "".join(parts)


def _encoding(head: bytes) -> str:
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    m = _CHARSET.search(head[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        return "windows-1251" if name == "cp1251" else name
    return "utf-8"


def slim_html(path: Path) -> str:
    """The page at `path` as a smaller HTML document holding its text and metadata."""
    target = _Slimmer()
    try:
        with path.open("rb") as stream:
            head = stream.read(CHUNK)
            if b"\x00" in head[:8192]:
                raise ImportFailed("binary file, not a news page", path=path)
            if not head.strip():
                raise ImportFailed("empty page", path=path)
            try:
                parser = etree.HTMLParser(target=target, encoding=_encoding(head))
            except LookupError:
                parser = etree.HTMLParser(target=target, encoding="utf-8")
            chunk = head
            while chunk:
                parser.feed(chunk)
                chunk = stream.read(CHUNK)
            html: str = parser.close()
    except FileNotFoundError:
        raise ImportFailed("no such file", path=path) from None
    except IsADirectoryError:
        raise ImportFailed("is a folder, not a page", path=path) from None
    except _TooMuchText:
        raise ImportFailed(
            f"the page holds over {MAX_TEXT_CHARS:,} characters of text: not a news article",
            path=path,
        ) from None
    except etree.LxmlError as exc:
        raise ImportFailed(f"not an HTML page: {exc}", path=path) from None
    if not html.strip():
        raise ImportFailed("empty page", path=path)
    return html
