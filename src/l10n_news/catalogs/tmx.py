"""TMX 1.4 (translation memory exchange): read and write translation units.

Reading is safe for untrusted files: expat is driven directly, any entity declaration is
refused (no "billion laughs", no external entities) and nothing outside the file is fetched.
Inline codes (`<ph>`, `<bpt>`, `<ept>`, `<it>`, `<hi>`, `<ut>`) keep their text, so a segment
reads back as the plain string it was exported from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from l10n_news import __version__
from l10n_news.errors import CatalogError

XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
_NS_SEP = " "
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_INLINE = {"bpt", "ept", "ph", "it", "hi", "ut", "sub"}


@dataclass
class TranslationUnit:
    """One <tu>: the same text in several languages, with optional properties."""

    variants: dict[str, str]  # language code (as normalised by `normalise_lang`) -> text
    srclang: str | None = None
    props: dict[str, str] = field(default_factory=dict)  # e.g. x-domain, x-context
    line: int | None = None


@dataclass
class TmxDocument:
    units: list[TranslationUnit]
    srclang: str = "*all*"
    header: dict[str, str] = field(default_factory=dict)


def normalise_lang(code: str) -> str:
    """'kk-KZ', 'ru_RU', 'EN-us' -> 'kk', 'ru', 'en': memory pairs by language, not region."""
    return code.strip().replace("_", "-").split("-")[0].lower()


# --- reading -----------------------------------------------------------------------------
def read_tmx(source: bytes | Path, *, path: str | Path | None = None) -> TmxDocument:
    """Parse TMX from bytes or a file; CatalogError with file:line for anything malformed."""
    if isinstance(source, Path):
        path = path if path is not None else source
        try:
            source = source.read_bytes()
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror}", path=path) from None
    return _TmxReader(path).parse(source)


class _TmxReader:
    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.parser = expat.ParserCreate(namespace_separator=_NS_SEP)
        self.parser.EntityDeclHandler = self._refuse_entity
        self.parser.ExternalEntityRefHandler = self._refuse_external
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.buffer_text = True
        self.stack: list[str] = []
        self.doc = TmxDocument(units=[])
        self.unit: TranslationUnit | None = None
        self.tuv_lang: str | None = None
        self.tuv_line = 0
        self.seg: list[str] | None = None
        self.prop: tuple[str, list[str]] | None = None

    def parse(self, data: bytes) -> TmxDocument:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise CatalogError(
                f"not well-formed XML: {expat.errors.messages[exc.code]}",
                path=self.path,
                line=exc.lineno,
            ) from None
        except (LookupError, ValueError) as exc:
            # The XML declaration names an encoding Python lacks or expat cannot read
            # ("x-unknown", "UTF-32"); the TMX specification asks for UTF-8 or UTF-16.
            raise CatalogError(
                f"unsupported encoding in the XML declaration: {exc} (use UTF-8)",
                path=self.path,
                line=1,
            ) from None
        return self.doc

    def _fail(self, message: str) -> None:
        raise CatalogError(message, path=self.path, line=self.parser.CurrentLineNumber)

    def _refuse_entity(self, *args: object) -> None:
        self._fail("entity declarations are not allowed in a TMX file")

    def _refuse_external(self, *args: object) -> int:
        self._fail("external entities are not allowed in a TMX file")
        return 0

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        parent = self.stack[-1] if self.stack else None
        self.stack.append(name)
        if self.seg is not None:
            if name not in _INLINE:
                self._fail(f"<{name}> is not allowed inside <seg>")
            return
        if parent is None:
            if name != "tmx":
                self._fail(f"the root element is <{name}>, not <tmx>")
            version = attrs.get("version", "")
            if version and not version.startswith("1."):
                self._fail(f"unsupported TMX version {version!r}")
        elif name == "header" and parent == "tmx":
            self.doc.header = dict(attrs)
            self.doc.srclang = attrs.get("srclang", "*all*")
        elif name == "tu" and parent == "body":
            srclang = attrs.get("srclang")
            self.unit = TranslationUnit(
                variants={},
                srclang=normalise_lang(srclang) if srclang and srclang != "*all*" else None,
                line=self.parser.CurrentLineNumber,
            )
        elif name == "tuv" and parent == "tu":
            # TMX 1.4 says xml:lang; 1.1 files say lang.
            lang = attrs.get(XML_LANG) or attrs.get("lang")
            if not lang:
                self._fail("<tuv> without xml:lang")
            self.tuv_lang = normalise_lang(lang)
            self.tuv_line = self.parser.CurrentLineNumber
        elif name == "seg" and parent == "tuv":
            self.seg = []
        elif name == "prop" and parent == "tu":
            self.prop = (attrs.get("type", ""), [])

    def _end(self, name: str) -> None:
        self.stack.pop()
        if self.seg is not None and name != "seg":
            return
        if name == "seg":
            assert self.unit is not None and self.tuv_lang is not None and self.seg is not None
            # A second variant in the same language adds nothing the memory can use.
            self.unit.variants.setdefault(self.tuv_lang, "".join(self.seg))
            self.seg = None
        elif name == "tuv":
            if self.unit is not None and self.tuv_lang not in self.unit.variants:
                raise CatalogError("<tuv> without <seg>", path=self.path, line=self.tuv_line)
            self.tuv_lang = None
        elif name == "prop" and self.prop is not None and self.unit is not None:
            kind, parts = self.prop
            if kind:
                self.unit.props[kind] = "".join(parts)
            self.prop = None
        elif name == "tu" and self.unit is not None:
            self.doc.units.append(self.unit)
            self.unit = None

    def _text(self, data: str) -> None:
        if self.seg is not None:
            self.seg.append(data)
        elif self.prop is not None:
            self.prop[1].append(data)


# --- writing -----------------------------------------------------------------------------
def write_tmx(
    units: list[TranslationUnit], *, srclang: str = "*all*", adminlang: str = "en"
) -> str:
    """TMX 1.4 text for `units`; segments are plain text (markup is escaped, not coded)."""
    header = {
        "creationtool": "l10n-news",
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": "block",
        "o-tmf": "gettext",
        "adminlang": adminlang,
        "srclang": srclang,
    }
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        "  <header " + " ".join(f"{k}={quoteattr(v)}" for k, v in header.items()) + "/>",
        "  <body>",
    ]
    for unit in units:
        attrs = f" srclang={quoteattr(unit.srclang)}" if unit.srclang else ""
        out.append(f"    <tu{attrs}>")
        for kind, value in unit.props.items():
            out.append(f"      <prop type={quoteattr(kind)}>{_escape(value)}</prop>")
        for lang, text in unit.variants.items():
            out.append(f"      <tuv xml:lang={quoteattr(lang)}><seg>{_escape(text)}</seg></tuv>")
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)


def is_xml_text(text: str) -> bool:
    """False for text XML 1.0 cannot carry (control characters other than tab and newlines)."""
    return not _NOT_XML_RE.search(text)


def _escape(text: str) -> str:
    # A carriage return would come back as a newline after XML end-of-line handling.
    return escape(text).replace("\r", "&#13;")
