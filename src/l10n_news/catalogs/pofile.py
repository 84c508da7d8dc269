"""Reading and writing PO and POT files (the model lives in `catalog`).

The reader accepts and refuses what GNU msgfmt --check's reader does (tests/
test_po_differential.py), in any charset and with LF, CRLF or CR line ends. Saving keeps what a
translator's tool wrote: an entry nobody changed is written back exactly as it was read
(Poedit's wrapping, header order, comments, blank lines), in the file's charset and line
ending; new or changed entries are written the way GNU msgmerge writes them (79 columns).
polib and Babel do neither (README, "Development", has the figures).
"""

from __future__ import annotations

import re
from pathlib import Path

from l10n_news.catalogs.catalog import Catalog, Message, python_codec
from l10n_news.errors import CatalogError

WIDTH = 79

_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_PREVIOUS_ORDER = ("msgctxt", "msgid", "msgid_plural")
_UNDECODABLE_RE = re.compile("[\udc80-\udcff]")
_TOKEN_RE = re.compile(
    r"\s*(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr)(?:\[(?P<index>\d+)\])?"
    r'|(?P<string>"(?:[^"\\]|\\.)*"))'
)
_KEYWORD_LINE_RE = re.compile(
    r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?[ \t]*("(?:[^"\\]|\\.)*")'
)
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(\".*)$")
_CHARSET_RE = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_UNESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "?": "?",
    "'": "'",
}
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}
_ESCAPE_RE = re.compile(r'[\\"\n\t\r\a\b\f\v]')
_OCTAL_RE = re.compile(r"[0-7]{1,3}")
_HEX_RE = re.compile(r"[0-9A-Fa-f]+")


def unescape(text: str, charset: str = "utf-8") -> str:
    """Undo C escapes. Octal and hex escapes are bytes in the catalog's charset, as for msgfmt."""
    if "\\" not in text:
        return text
    out: list[str] = []
    pending = bytearray()  # bytes from \ooo and \xhh escapes, decoded together
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if ch == "\\" and i + 1 < n else ""
        m = None
        if nxt and nxt in "01234567":
            m = _OCTAL_RE.match(text, i + 1)
        elif nxt == "x":
            m = _HEX_RE.match(text, i + 2)
        if m is not None:
            value = int(m.group(0), 8 if nxt != "x" else 16)
            if value > 0xFF:
                raise ValueError(
                    f"escape \\{nxt if nxt == 'x' else ''}{m.group(0)[:12]} is not one byte"
                )
            pending.append(value)
            i = m.end()
            continue
        if pending:
            out.append(_decode_escaped(pending, charset))
            pending.clear()
        if ch != "\\":
            out.append(ch)
            i += 1
        elif nxt in _UNESCAPES:
            out.append(_UNESCAPES[nxt])
            i += 2
        else:
            raise ValueError(f"invalid escape sequence \\{nxt}")
    if pending:
        out.append(_decode_escaped(pending, charset))
    return "".join(out)


def _decode_escaped(data: bytearray, charset: str) -> str:
    if 0 in data:
        raise ValueError("a NUL byte (\\0) in a string: gettext would cut the text there")
    # msgfmt copies escaped bytes without checking them against the charset: so do we
    # (bytes that do not decode are kept as surrogates and written back as they were).
    return bytes(data).decode(charset, "surrogateescape")


def escape(text: str) -> str:
    escaped = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)
    if _UNDECODABLE_RE.search(escaped):
        # A byte its charset lacks (read from an escape) goes back out as an escape.
        escaped = _UNDECODABLE_RE.sub(lambda m: f"\\{ord(m.group(0)) - 0xDC00:03o}", escaped)
    return escaped


class _Entry:
    """What the parser has gathered of one entry so far."""

    def __init__(self, start: int) -> None:
        self.start = start  # 0-based index of its first line
        self.msg = Message(msgid="")
        self.fields: dict[str, list[str]] = {}
        self.plural_strings: dict[int, list[str]] = {}
        self.previous: dict[str, list[str]] = {}
        self.has_msgid = False
        self.has_msgstr = False
        self.obsolete: bool | None = None
        self.last: list[str] | None = None
        self.pending = False  # a keyword waits for its first string
        self.previous_last: list[str] | None = None  # the #| string being continued
        self.undecodable_line: int | None = None  # first string with bytes its charset lacks
        self.started = False  # any line at all

    def text(self, name: str) -> str | None:
        parts = self.fields.get(name)
        return None if parts is None else "".join(parts)


def read_po(source: str | bytes | Path, *, path: str | Path | None = None) -> Catalog:
    """Parse a PO or POT file. Raises CatalogError with file:line on any syntax error.

    Bytes are decoded with the charset the header declares; LF, CRLF and CR line endings are
    all read, and the catalog remembers which one it had (`Catalog.newline`) for writing.
    """
    if isinstance(source, Path):
        path = path or source
        try:
            source = source.read_bytes()
        except OSError as exc:
            raise CatalogError(f"cannot read: {exc.strerror}", path=path) from None
    charset, strict = "utf-8", True
    if isinstance(source, bytes):
        source, charset, strict = _decode(source, path)
    newline = _newline_of(source)
    if newline != "\n":
        source = source.replace("\r\n", "\n") if newline == "\r\n" else source.replace("\r", "\n")
    catalog = _Parser(source, path, charset, strict=strict).parse()
    catalog.newline = newline
    return catalog


def _newline_of(text: str) -> str:
    """The file's line ending, judged by its first line (a file without one counts as LF)."""
    first_lf = text.find("\n")
    if first_lf > 0 and text[first_lf - 1] == "\r":
        return "\r\n"
    if first_lf < 0 and "\r" in text:
        return "\r"
    return "\n"


def _decode(data: bytes, path: str | Path | None) -> tuple[str, str, bool]:
    """(text, codec, strict): strict when the header names a charset Python knows; then a
    string with bytes outside it is an error, as for msgfmt. Bytes that do not decode are
    kept as surrogates either way, so a comment's odd byte is written back as it was."""
    if data.startswith(b"\xef\xbb\xbf"):
        # GNU msgfmt refuses a byte-order mark too ("syntax error" on line 1).
        raise CatalogError(
            "starts with a byte-order mark (BOM): save it as UTF-8 without BOM", path=path, line=1
        )
    nul = data.find(b"\0")
    if nul >= 0:
        raise CatalogError(
            "a NUL byte: gettext would cut the text there", path=path, line=_line_at(data, nul)
        )
    match = _CHARSET_RE.search(data[:8192])
    declared = match.group(1).decode("ascii") if match else "CHARSET"
    codec = python_codec(declared) if declared.upper() != "CHARSET" else None
    return data.decode(codec or "utf-8", "surrogateescape"), codec or "utf-8", codec is not None


def _line_at(data: bytes, offset: int) -> int:
    head = data[:offset]
    lf = head.count(b"\n")
    return (lf if lf or b"\r" not in head else head.count(b"\r")) + 1


def _logical_lines(physical: list[str]) -> tuple[list[str], list[str], list[int]]:
    """(lines as parsed, their text as written, the 0-based file line each starts on).

    A backslash right before a line end joins the next line to this one, anywhere (in a
    comment too): GNU's PO lexer does so, and we read what it reads.
    """
    lines: list[str] = []
    raw: list[str] = []
    starts: list[int] = []
    joined = written = ""
    start = 0
    for n, line in enumerate(physical):
        if not written:
            start = n
        written += line
        if line.endswith("\\\n"):
            joined += line[:-2]
            continue
        lines.append(joined + line)
        raw.append(written)
        starts.append(start)
        joined = written = ""
    if written:
        lines.append(joined)
        raw.append(written)
        starts.append(start)
    return lines, raw, starts


class _Parser:
    def __init__(
        self, text: str, path: str | Path | None, charset: str = "utf-8", *, strict: bool = True
    ) -> None:
        self.charset = charset
        self.strict = strict  # bytes outside the charset are errors in strings
        # Only "\n" ends a line: str.splitlines() would also split at \v and \f in strings.
        physical = text.split("\n")
        physical = [line + "\n" for line in physical[:-1]] + (
            [physical[-1]] if physical[-1] else []
        )
        self.lines, self.raw_lines, self.numbers = _logical_lines(physical)
        self.path = path
        self.catalog = Catalog()
        self.header_seen = False
        self.keys: set[tuple[str | None, str]] = set()  # active and obsolete: msgfmt's rule
        self.content_end = 0  # index after the last non-blank line of the last entry read
        # Most files hold no byte their charset lacks: one look here spares one per string.
        self.undecodable = _UNDECODABLE_RE.search(text) is not None

    def error(self, lineno: int, message: str) -> CatalogError:
        return CatalogError(message, path=self.path, line=self.line_of(lineno))

    def line_of(self, index: int) -> int:
        """The 1-based file line where logical line `index` starts."""
        if not self.numbers:
            return 1
        return self.numbers[min(index, len(self.numbers) - 1)] + 1

    def parse(self) -> Catalog:
        # The syntax is GNU's: a stream of keywords and strings (several may share a line,
        # blank lines may sit inside an entry); an entry ends where the next one's first
        # comment or keyword begins. Comments may only come before an entry's keywords.
        entry = _Entry(0)
        plain_strings = not self.undecodable
        for i, raw in enumerate(self.lines):
            line = raw.strip()
            if not line:
                if not entry.started:
                    entry.start = i + 1
                continue
            if (
                line[0] == '"'
                and plain_strings
                and entry.last is not None
                and not entry.pending
                and entry.obsolete is not True
                and len(line) > 1
                and line[-1] == '"'
                and line.count('"') == 2
                and "\\" not in line
            ):
                # Most lines of a file: an active entry's string continued, with nothing to
                # unescape (what `tokens` and `append` would do, without the calls).
                entry.last.append(line[1:-1])
                continue
            obsolete = False
            if line.startswith("#~"):
                obsolete = True
                line = line[2:].lstrip()
                if not line:
                    continue
                if line.startswith("|"):
                    line = "#" + line
            if line.startswith("#"):
                if entry.has_msgstr and not entry.pending:
                    self.finish(entry, i)
                    entry = _Entry(i)
                elif entry.has_msgid or "msgctxt" in entry.fields:
                    raise self.error(i, "a comment inside an entry (before its msgstr)")
                self.comment(entry, line, i)
                entry.started = True
                continue
            entry = self.tokens(entry, line, obsolete, i)
        if entry.started:
            if entry.previous and not entry.has_msgid:
                raise self.error(
                    len(self.lines) - 1, "a previous msgid (#|) with no entry after it"
                )
            if not entry.has_msgid and "msgctxt" not in entry.fields:
                # Comments after the last entry: GNU tools accept them; keep them as they are.
                first = entry.start
                while not self.lines[first].strip():
                    first += 1
                self.catalog.trailing_blank_lines = first - self.content_end
                self.catalog.trailing_text = "".join(self.raw_lines[first:])
                return self.catalog
            self.finish(entry, len(self.lines))
        self.catalog.end_blank_lines = len(self.lines) - self.content_end
        return self.catalog

    def tokens(self, entry: _Entry, line: str, obsolete: bool, i: int) -> _Entry:
        """Feed one line of keywords and strings to the entry (or to the next one)."""
        if (
            line[0] == '"'
            and line[-1] == '"'
            and entry.last is not None
            and not entry.pending
            and line.count('"') == 2
            and "\\" not in line
        ):
            # The usual continuation line, one plain string: no token loop.
            self.append(entry, line, obsolete, i)
            return entry
        simple = _KEYWORD_LINE_RE.fullmatch(line)
        if simple is not None and not entry.pending:
            # The usual keyword line: one keyword and one string.
            entry = self.keyword(entry, simple.group(1), simple.group(2), obsolete, i)
            self.append(entry, simple.group(3), obsolete, i)
            return entry
        pos = 0
        while pos < len(line):
            m = _TOKEN_RE.match(line, pos)
            if m is None:
                rest = line[pos:].lstrip()
                if rest.startswith('"'):
                    raise self.error(i, 'end of line within a string (a missing "?)')
                raise self.error(i, f"syntax error: {rest[:40]!r}")
            pos = m.end()
            if m.group("string") is not None:
                if entry.last is None:
                    raise self.error(i, "a string with no keyword before it")
                self.append(entry, m.group("string"), obsolete, i)
                continue
            if entry.pending:
                raise self.error(i, "a keyword without its string")
            entry = self.keyword(entry, m.group("keyword"), m.group("index"), obsolete, i)
            entry.pending = True
        return entry

    def append(self, entry: _Entry, raw: str, obsolete: bool, i: int) -> None:
        """A string (as written, quotes and all) for the field the last keyword opened."""
        if entry.obsolete is not None and entry.obsolete != obsolete:
            raise self.error(i, "obsolete (#~) and active lines mixed in one entry")
        value = self.string(raw, i)
        # Only bytes written as they are must fit the charset: msgfmt copies escaped ones.
        if entry.undecodable_line is None and self.undecodable and _UNDECODABLE_RE.search(raw):
            entry.undecodable_line = self.line_of(i)
        assert entry.last is not None
        entry.last.append(value)
        entry.pending = False

    def keyword(
        self, entry: _Entry, keyword: str, index: str | None, obsolete: bool, i: int
    ) -> _Entry:
        if keyword in ("msgctxt", "msgid") and entry.has_msgstr:
            self.finish(entry, i)
            entry = _Entry(i)
        if entry.obsolete is None and keyword in ("msgctxt", "msgid"):
            entry.obsolete = obsolete
        elif entry.obsolete is not None and entry.obsolete != obsolete:
            raise self.error(i, "obsolete (#~) and active lines mixed in one entry")
        entry.started = True
        if entry.previous and "msgid" not in entry.previous:
            raise self.error(i, "a previous msgctxt (#|) without a previous msgid")
        if keyword == "msgctxt":
            if entry.has_msgid or "msgctxt" in entry.fields:
                raise self.error(i, "msgctxt must come before msgid, once")
            entry.msg.lineno = entry.msg.lineno or self.line_of(i)
            entry.last = entry.fields["msgctxt"] = []
        elif keyword == "msgid":
            if entry.has_msgid:
                raise self.error(i, "missing msgstr before this msgid")
            entry.has_msgid = True
            entry.msg.lineno = entry.msg.lineno or self.line_of(i)
            entry.last = entry.fields["msgid"] = []
        elif keyword == "msgid_plural":
            if not entry.has_msgid or entry.has_msgstr or "msgid_plural" in entry.fields:
                raise self.error(i, "msgid_plural must follow msgid")
            entry.last = entry.fields["msgid_plural"] = []
        else:
            entry.last = self.msgstr(entry, index, i)
            entry.has_msgstr = True
        return entry

    def msgstr(self, entry: _Entry, index: str | None, i: int) -> list[str]:
        if not entry.has_msgid:
            raise self.error(i, "msgstr without msgid")
        if index is None:
            if "msgid_plural" in entry.fields:
                raise self.error(i, "a plural entry needs msgstr[N], not msgstr")
            if "msgstr" in entry.fields:
                raise self.error(i, "a second msgstr")
            entry.fields["msgstr"] = []
            return entry.fields["msgstr"]
        if "msgid_plural" not in entry.fields:
            raise self.error(i, "msgstr[N] without msgid_plural")
        n = int(index)
        if n != len(entry.plural_strings):
            raise self.error(i, f"msgstr[{n}] out of order")
        entry.plural_strings[n] = []
        return entry.plural_strings[n]

    def string(self, text: str, i: int) -> str:
        if len(text) > 1 and text[0] == '"' and text[-1] == '"':
            inner = text[1:-1]
            if '"' not in inner and "\\" not in inner:
                return inner  # the common case, without a regular expression
        m = _STRING_RE.match(text)
        if not m:
            raise self.error(i, f"malformed string: {text[:40]!r}")
        try:
            return unescape(m.group(1), self.charset)
        except ValueError as exc:
            raise self.error(i, str(exc)) from None

    def comment(self, entry: _Entry, line: str, i: int) -> None:
        msg = entry.msg
        kind = line[1:2]
        body = line[2:]
        if kind == "|":
            body = body.strip()
            m = _KEYWORD_RE.match(body)
            if m and m.group(1) in _PREVIOUS_ORDER:
                self.check_previous_order(entry, m.group(1), i)
                raw = m.group(3)
                entry.previous_last = entry.previous[m.group(1)] = [self.string(raw, i)]
            elif body.startswith('"') and entry.previous_last is not None:
                raw = body
                entry.previous_last.append(self.string(raw, i))
            else:
                raise self.error(i, f"malformed previous-msgid comment: {line[:40]!r}")
            entry.last = None  # a keyword must open the entry's own first string
            if entry.undecodable_line is None and self.undecodable and _UNDECODABLE_RE.search(raw):
                entry.undecodable_line = self.line_of(i)
            return
        if entry.previous:
            # In GNU's grammar the #| lines lead straight into the entry's keywords.
            raise self.error(i, "a comment between the previous msgid (#|) and the entry")
        entry.last = None
        if kind == ",":
            msg.flags.extend(f.strip() for f in body.split(",") if f.strip())
        elif kind == ".":
            msg.extracted_comments.append(body[1:] if body.startswith(" ") else body)
        elif kind == ":":
            msg.references.extend(body.split())
        else:
            text = line[1:]
            msg.translator_comments.append(text[1:] if text.startswith(" ") else text)

    def check_previous_order(self, entry: _Entry, keyword: str, i: int) -> None:
        """#| msgctxt, #| msgid, #| msgid_plural: in this order, each once (msgfmt's grammar)."""
        rank = _PREVIOUS_ORDER.index(keyword)
        if any(_PREVIOUS_ORDER.index(k) >= rank for k in entry.previous):
            raise self.error(i, f"previous {keyword} (#|) out of order")
        if keyword == "msgid_plural" and "msgid" not in entry.previous:
            raise self.error(i, "previous msgid_plural (#|) without a previous msgid")

    def finish(self, entry: _Entry, end: int) -> None:
        msg = entry.msg
        if not entry.has_msgstr or entry.pending:
            raise self.error(end - 1, "entry has no msgstr")
        msg.msgctxt = entry.text("msgctxt")
        msg.msgid = entry.text("msgid") or ""
        msg.msgid_plural = entry.text("msgid_plural")
        if msg.msgid_plural is not None:
            msg.msgstr_plural = [
                "".join(entry.plural_strings[k]) for k in sorted(entry.plural_strings)
            ]
        else:
            msg.msgstr = entry.text("msgstr") or ""
        prev = entry.previous
        msg.previous_msgctxt = "".join(prev["msgctxt"]) if "msgctxt" in prev else None
        msg.previous_msgid = "".join(prev["msgid"]) if "msgid" in prev else None
        msg.previous_msgid_plural = (
            "".join(prev["msgid_plural"]) if "msgid_plural" in prev else None
        )
        msg.obsolete = bool(entry.obsolete)
        first_line = entry.start
        while first_line < end and not self.lines[first_line].strip():
            first_line += 1
        last = end
        while last > first_line and not self.lines[last - 1].strip():
            last -= 1
        raw = "".join(self.raw_lines[first_line:last])
        blank_lines, self.content_end = first_line - self.content_end, last
        if msg.msgid == "" and msg.msgctxt is None and not msg.obsolete:
            self.catalog.header_blank_lines = blank_lines
            self.catalog.header_position = len(self.catalog)
            # The header's bytes are not checked against its charset (msgfmt reads the
            # charset from it); every other string is.
            self.set_header(msg, raw, entry.msg.lineno or self.line_of(first_line))
            return
        if entry.undecodable_line is not None and self.strict and self.header_seen:
            # Bytes its charset cannot decode were kept as surrogates: refused in strings
            # once the header has named the charset (msgfmt: "invalid multibyte sequence"),
            # let be in comments, which keep them.
            raise CatalogError(
                f"invalid {self.charset} byte sequence in a string",
                path=self.path,
                line=entry.undecodable_line,
            )
        if msg.key in self.keys:
            raise CatalogError(
                f"duplicate message definition: {msg.msgid[:60]!r}", path=self.path, line=msg.lineno
            )
        self.keys.add(msg.key)
        msg.source_text = raw if raw.endswith("\n") else raw + "\n"
        msg.source_fingerprint = msg.fingerprint()
        msg.blank_lines_before = blank_lines
        self.catalog.add(msg)

    def set_header(self, msg: Message, raw: str, lineno: int) -> None:
        if self.header_seen:
            raise CatalogError("a second header entry (empty msgid)", path=self.path, line=lineno)
        self.header_seen = True
        cat = self.catalog
        cat.header_lineno = lineno
        cat.header_source_lines = msg.msgstr.splitlines(keepends=True)
        for line in cat.header_source_lines:
            name, sep, value = line.partition(":")
            # A line without a colon is no field; msgfmt keeps it (msgcat writes
            # "#-#-#-#-#  kk.po (...)  #-#-#-#-#" lines between merged headers).
            if sep and name.strip() not in cat.header:
                cat.header[name.strip()] = value.strip()
        cat.header_source_fields = dict(cat.header)
        cat.header_comments = msg.translator_comments
        cat.header_flags = msg.flags
        cat.header_source_text = raw if raw.endswith("\n") else raw + "\n"
        cat.header_source_fingerprint = cat.header_fingerprint()


# --- writing --------------------------------------------------------------------------------


def _wrap(escaped: str, room: int) -> list[str]:
    """Split an escaped string into pieces that fit `room` columns, GNU style.

    A piece ends after each `\\n`; a long piece is broken after a space.
    """
    pieces: list[str] = []
    for part in re.split(r"(?<=\\n)", escaped):
        if not part:
            continue
        while len(part) > room:
            cut = part.rfind(" ", 0, room)
            if cut <= 0:
                cut = part.find(" ", room)
                if cut < 0:
                    break
            pieces.append(part[: cut + 1])
            part = part[cut + 1 :]
        if part:
            pieces.append(part)
    return pieces


def _string_lines(keyword: str, value: str, prefix: str, width: int) -> list[str]:
    escaped = escape(value)
    one_line = f'{prefix}{keyword} "{escaped}"'
    inner_newline = "\\n" in escaped[:-2]
    if not inner_newline and len(one_line) <= width:
        return [one_line]
    pieces = _wrap(escaped, width - len(prefix) - 2)
    return [f'{prefix}{keyword} ""'] + [f'{prefix}"{p}"' for p in pieces]


def _reference_lines(refs: list[str], width: int) -> list[str]:
    lines: list[str] = []
    current = "#:"
    for ref in refs:
        if len(current) + 1 + len(ref) > width and current != "#:":
            lines.append(current)
            current = "#:"
        current += " " + ref
    if current != "#:":
        lines.append(current)
    return lines


def _comment(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if text else prefix


def format_message(msg: Message, width: int = WIDTH) -> str:
    if msg.source_text is not None and not msg.modified:
        return msg.source_text
    out: list[str] = [_comment("#", c) for c in msg.translator_comments]
    out += [_comment("#.", c) for c in msg.extracted_comments]
    if not msg.obsolete:
        out += _reference_lines(msg.references, width)
    if msg.flags:
        out.append("#, " + ", ".join(msg.flags))
    prev = "#~| " if msg.obsolete else "#| "
    if msg.previous_msgctxt is not None:
        out += _string_lines("msgctxt", msg.previous_msgctxt, prev, width)
    if msg.previous_msgid is not None:
        out += _string_lines("msgid", msg.previous_msgid, prev, width)
    if msg.previous_msgid_plural is not None:
        out += _string_lines("msgid_plural", msg.previous_msgid_plural, prev, width)
    p = "#~ " if msg.obsolete else ""
    if msg.msgctxt is not None:
        out += _string_lines("msgctxt", msg.msgctxt, p, width)
    out += _string_lines("msgid", msg.msgid, p, width)
    if msg.msgid_plural is not None:
        out += _string_lines("msgid_plural", msg.msgid_plural, p, width)
        for k, s in enumerate(msg.msgstr_plural or [""]):
            out += _string_lines(f"msgstr[{k}]", s, p, width)
    else:
        out += _string_lines("msgstr", msg.msgstr, p, width)
    return "\n".join(out) + "\n"


def format_header(catalog: Catalog, width: int = WIDTH) -> str:
    if (
        catalog.header_source_text is not None
        and catalog.header_fingerprint() == catalog.header_source_fingerprint
    ):
        return catalog.header_source_text
    out = [_comment("#", c) for c in catalog.header_comments]
    if catalog.header_flags:
        out.append("#, " + ", ".join(catalog.header_flags))
    out.append('msgid ""')
    out.append('msgstr ""')
    for line in catalog.header_msgstr().splitlines(keepends=True):
        out += [f'"{piece}"' for piece in _wrap(escape(line), width - 2)]
    return "\n".join(out) + "\n"


def dump_po(catalog: Catalog, width: int = WIDTH) -> bytes:
    """The catalog as the bytes of its file: its own charset and line endings.

    A text that its charset cannot hold (a new translation with a character outside
    ISO-8859-15, say) turns the whole file into UTF-8, header included, in the same write.
    """
    codec = catalog.codec
    text = write_po(catalog, width)
    if catalog.newline != "\n":
        text = text.replace("\n", catalog.newline)
    try:
        return text.encode(codec, "surrogateescape")  # comments' odd bytes, as they were
    except UnicodeEncodeError:
        _declare_utf8(catalog)
        return dump_po(catalog, width)


def _declare_utf8(catalog: Catalog) -> None:
    content_type = catalog.header.get("Content-Type", "text/plain; charset=UTF-8")
    content_type = re.sub(r"charset=[A-Za-z0-9_.:-]+", "charset=UTF-8", content_type)
    if "charset=" not in content_type:
        content_type = "text/plain; charset=UTF-8"
    catalog.header["Content-Type"] = content_type


def write_po(catalog: Catalog, width: int = WIDTH) -> str:
    """The catalog as PO text: header, active messages in order, then obsolete ones."""
    # (blank lines before, text) per block: the file's own spacing where it was read.
    blocks: list[tuple[int, str]] = [
        (m.blank_lines_before, format_message(m, width)) for m in catalog
    ]
    if catalog.header or catalog.header_comments:
        at = min(catalog.header_position, len(blocks))  # where the file had it
        blocks.insert(at, (catalog.header_blank_lines, format_header(catalog, width)))
    blocks.extend((m.blank_lines_before, format_message(m, width)) for m in catalog.obsolete)
    if catalog.trailing_text:
        blocks.append((catalog.trailing_blank_lines, catalog.trailing_text))
    if blocks and not (
        catalog.header_position == 0 and (catalog.header or catalog.header_comments)
    ):
        blocks[0] = (0, blocks[0][1])  # a file starts with its first entry
    # GNU reads entries with no blank line between them too: the file's count is kept.
    out = ["\n" * blanks + text for blanks, text in blocks]
    if out:
        out.append("\n" * catalog.end_blank_lines)
    return "".join(out)
