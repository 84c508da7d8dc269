"""Reading TermBase eXchange (TBX, ISO 30042) files: the glossary's second format.

v2 "martif" files (termEntry/langSet/tig) and v3 files (conceptEntry/langSec/termSec). A term
whose administrative status is "deprecated" or "superseded" is a known wrong rendering; a
"preferred" one comes first. Entity declarations are refused, as for TMX. Only the ru, en and
kk sections are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from l10n_news.errors import ConfigError
from l10n_news.languages import LANGUAGES

_TBX_ENTRY = {"termEntry", "conceptEntry"}
_TBX_LANG = {"langSet", "langSec"}
_TBX_TERM_GROUP = {"tig", "ntig", "termSec"}
_TBX_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


@dataclass(frozen=True)
class TbxEntry:
    """One concept: its forms per language (the preferred first) and its known wrong ones."""

    forms: dict[str, tuple[str, ...]]
    wrong: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str | None = None
    line: int = 0


def read_tbx(data: bytes, *, path: str | Path | None = None) -> list[TbxEntry]:
    """Terms of a TBX file (entities refused, as for TMX); ru, en and kk sections only."""
    reader = _TbxReader(path)
    try:
        reader.parser.Parse(data, True)
    except expat.ExpatError as exc:
        message = f"not well-formed XML: {expat.errors.messages[exc.code]}"
        raise ConfigError(message, path=path, line=exc.lineno) from None
    return reader.terms


class _TbxReader:
    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.EntityDeclHandler = self._refuse
        self.parser.ExternalEntityRefHandler = self._refuse
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.terms: list[TbxEntry] = []
        self.entry: dict[str, list[tuple[str, str]]] | None = None  # lang -> (form, status)
        self.entry_line = 0
        self.note: str | None = None
        self.lang: str | None = None
        self.group: dict[str, str] | None = None  # the term and its status being read
        self.field: tuple[str, list[str]] | None = None  # ("term" | "status" | "note", text)

    def _refuse(self, *args: object) -> None:
        line = self.parser.CurrentLineNumber
        raise ConfigError("entities are not allowed in a TBX file", path=self.path, line=line)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local in _TBX_ENTRY:
            self.entry, self.note = {}, None
            self.entry_line = self.parser.CurrentLineNumber
        elif local in _TBX_LANG and self.entry is not None:
            lang = attrs.get(_XML_LANG) or attrs.get("lang") or ""
            self.lang = lang.replace("_", "-").split("-")[0].lower()
        elif local in _TBX_TERM_GROUP and self.lang is not None:
            self.group = {}
        elif self.group is not None and local == "term":
            self.field = ("term", [])
        elif self.group is not None and attrs.get("type") in _TBX_STATUS_TYPES:
            self.field = ("status", [])
        elif (
            self.entry is not None
            and self.note is None
            and (local == "note" or attrs.get("type") == "definition")
        ):
            self.field = ("note", [])

    def _end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if self.field is not None and local in ("term", "note", "termNote", "descrip"):
            kind, parts = self.field
            text = " ".join("".join(parts).split())
            if kind == "note":
                self.note = text or None
            elif self.group is not None:
                self.group[kind] = text
            self.field = None
        elif local in _TBX_TERM_GROUP and self.group is not None:
            if self.group.get("term") and self.entry is not None and self.lang in LANGUAGES:
                status = self.group.get("status", "")
                self.entry.setdefault(self.lang, []).append((self.group["term"], status))
            self.group = None
        elif local in _TBX_LANG:
            self.lang = None
        elif local in _TBX_ENTRY and self.entry is not None:
            self._finish_entry()
            self.entry = None

    def _text(self, data: str) -> None:
        if self.field is not None:
            self.field[1].append(data)

    def _finish_entry(self) -> None:
        assert self.entry is not None
        forms: dict[str, tuple[str, ...]] = {}
        wrong: dict[str, tuple[str, ...]] = {}
        for lang, found in self.entry.items():
            bad = tuple(t for t, st in found if st.startswith(("deprecated", "superseded")))
            good = [t for t, st in found if t not in bad]
            good.sort(key=lambda t: not dict(found)[t].startswith("preferred"))
            if good:
                forms[lang] = tuple(good)
                if bad:
                    wrong[lang] = bad
        if forms:
            self.terms.append(TbxEntry(forms, wrong, note=self.note, line=self.entry_line))
