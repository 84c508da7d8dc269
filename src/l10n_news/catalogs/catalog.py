"""The catalog model: messages and catalogs, and the msgmerge-style update. No file I/O here.

Reading and writing PO/POT files lives in `pofile`, MO files in `mofile`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from l10n_news.errors import CatalogError

# A machine draft carries a translator comment that starts with this, e.g.
# "# mt: google en→kk 2026-11-26"; a review leaves "# reviewed: Name 2026-11-26".
MT_COMMENT_PREFIX = "mt:"
REVIEW_COMMENT_PREFIX = "reviewed:"
# A pair `import --translation-of` could not be sure of: "# aligned: 0.62 from page-ru.html".
# Like a machine draft, it is a draft until a person accepts it.
ALIGNED_COMMENT_PREFIX = "aligned:"
DRAFT_COMMENT_PREFIXES = (MT_COMMENT_PREFIX, ALIGNED_COMMENT_PREFIX)

# msgmerge's fuzzy threshold (fstrcmp >= 0.6), as a rapidfuzz score.
FUZZY_MATCH_CUTOFF = 60.0

Key = tuple[str | None, str]  # (msgctxt, msgid)


class State(StrEnum):
    """Where an entry stands in review."""

    UNTRANSLATED = "untranslated"
    DRAFT = "draft"  # fuzzy, made by a machine-translation engine
    NEEDS_REVIEW = "needs-review"  # fuzzy because its source changed (or marked by hand)
    REVIEWED = "reviewed"  # translated and not fuzzy


@dataclass(eq=False)
class Message:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    lineno: int | None = None  # line of the entry's first line in the file it came from
    # The entry's text as read and its fingerprint then: written back unchanged if untouched,
    # so a catalog saved by Poedit or Lokalize keeps its own wrapping.
    source_text: str | None = field(default=None, repr=False)
    source_fingerprint: tuple | None = field(default=None, repr=False)
    # Blank lines before the entry in its file, kept on save (a new entry gets one).
    blank_lines_before: int = field(default=1, repr=False)

    @property
    def key(self) -> Key:
        return (self.msgctxt, self.msgid)

    @property
    def pluralizable(self) -> bool:
        return self.msgid_plural is not None

    @property
    def strings(self) -> list[str]:
        """Every msgstr of the entry (one, or one per plural form)."""
        return list(self.msgstr_plural) if self.pluralizable else [self.msgstr]

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not value:
            self.flags = [f for f in self.flags if f != "fuzzy"]
            self.previous_msgctxt = self.previous_msgid = self.previous_msgid_plural = None

    @property
    def has_translation(self) -> bool:
        """Every msgstr is filled (whether fuzzy or not)."""
        strings = self.strings
        return bool(strings) and all(strings)

    @property
    def translated(self) -> bool:
        """Counts as translated for gettext: filled and not fuzzy."""
        return self.has_translation and not self.fuzzy

    @property
    def is_machine_draft(self) -> bool:
        return any(c.startswith(DRAFT_COMMENT_PREFIXES) for c in self.translator_comments)

    @property
    def state(self) -> State:
        if not any(self.strings):
            return State.UNTRANSLATED
        if self.fuzzy:
            return State.DRAFT if self.is_machine_draft else State.NEEDS_REVIEW
        if not self.has_translation:
            return State.UNTRANSLATED  # some plural forms still empty
        return State.REVIEWED

    def fingerprint(self) -> tuple:
        return (
            self.msgctxt,
            self.msgid,
            self.msgid_plural,
            self.msgstr,
            tuple(self.msgstr_plural),
            tuple(self.flags),
            tuple(self.translator_comments),
            tuple(self.extracted_comments),
            tuple(self.references),
            self.previous_msgctxt,
            self.previous_msgid,
            self.previous_msgid_plural,
            self.obsolete,
        )

    @property
    def modified(self) -> bool:
        """True if the message differs from what was read (or was never read)."""
        return self.source_fingerprint is None or self.source_fingerprint != self.fingerprint()

    def set_translation(self, strings: str | list[str]) -> None:
        if isinstance(strings, str):
            strings = [strings]
        if self.pluralizable:
            self.msgstr_plural = list(strings)
        else:
            self.msgstr = strings[0]

    def clear_translation(self) -> None:
        self.msgstr = ""
        self.msgstr_plural = [""] * len(self.msgstr_plural)
        self.fuzzy = False

    def add_flag(self, flag: str) -> None:
        if flag not in self.flags:
            self.flags.append(flag)

    def set_comment(self, prefix: str, text: str | None) -> None:
        """Replace the translator comment that starts with `prefix` (drop it when text is None)."""
        self.translator_comments = [c for c in self.translator_comments if not c.startswith(prefix)]
        if text is not None:
            self.translator_comments.append(f"{prefix} {text}")

    def copy(self) -> Message:
        return Message(
            msgid=self.msgid,
            msgstr=self.msgstr,
            msgctxt=self.msgctxt,
            msgid_plural=self.msgid_plural,
            msgstr_plural=list(self.msgstr_plural),
            flags=list(self.flags),
            translator_comments=list(self.translator_comments),
            extracted_comments=list(self.extracted_comments),
            references=list(self.references),
            previous_msgctxt=self.previous_msgctxt,
            previous_msgid=self.previous_msgid,
            previous_msgid_plural=self.previous_msgid_plural,
            obsolete=self.obsolete,
            lineno=self.lineno,
        )


@dataclass
class UpdateReport:
    kept: int = 0  # exact match, translation carried over
    fuzzy: int = 0  # new or changed source, closest old translation proposed as fuzzy
    new: int = 0  # untranslated
    obsolete: int = 0  # entries that left the template and are kept as #~
    revived: int = 0  # obsolete entries that came back

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


_PLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")
_CHARSET_RE = re.compile(r"charset=([A-Za-z0-9_.:-]+)")


class Catalog:
    """A gettext catalog: the header, the active messages in order, and the obsolete ones."""

    def __init__(self, header: dict[str, str] | None = None) -> None:
        self.header: dict[str, str] = dict(header or {})
        self.header_comments: list[str] = []
        self.header_flags: list[str] = []
        self.obsolete: list[Message] = []
        self._messages: dict[Key, Message] = {}
        # Like a message's: the header's text as read, written back unchanged if untouched.
        self.header_source_text: str | None = None
        self.header_source_fingerprint: tuple | None = None
        self.trailing_text = ""  # comments after the last entry, kept as read
        # The header's msgstr lines as read ("Name: value\n", or msgcat's "#-#-#-#-#" lines)
        # and the fields parsed from them: fields nobody changed keep their bytes.
        self.header_source_lines: list[str] = []
        self.header_source_fields: dict[str, str] = {}
        # How the file was written: kept on save ("\n", "\r\n" or "\r").
        self.newline = "\n"
        self.header_lineno: int | None = None  # line of the header entry in its file
        # Blank lines as the file had them: before the header, before trailing_text, at the end.
        self.header_blank_lines = 0
        self.header_position = 0  # active entries before the header in the file (usually none)
        self.trailing_blank_lines = 1
        self.end_blank_lines = 0

    # --- the messages ---------------------------------------------------------------
    def __iter__(self) -> Iterator[Message]:
        return iter(self._messages.values())

    def __len__(self) -> int:
        return len(self._messages)

    def __contains__(self, key: object) -> bool:
        return key in self._messages

    def get(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        return self._messages.get((msgctxt, msgid))

    def add(self, message: Message) -> Message:
        """Add an active message; a second one with the same msgctxt and msgid is an error."""
        if message.obsolete:
            self.obsolete.append(message)
            return message
        if message.key in self._messages:
            ctx = f" (msgctxt {message.msgctxt!r})" if message.msgctxt is not None else ""
            raise CatalogError(f"duplicate message definition: {message.msgid!r}{ctx}")
        self._messages[message.key] = message
        return message

    def remove(self, message: Message) -> None:
        del self._messages[message.key]

    def all_messages(self) -> Iterator[Message]:
        """Active messages, then obsolete ones."""
        yield from self._messages.values()
        yield from self.obsolete

    # --- the header -------------------------------------------------------------------
    @property
    def language(self) -> str | None:
        return self.header.get("Language") or None

    @property
    def nplurals(self) -> int:
        """nplurals as gettext finds it: the first `nplurals=` anywhere in the header."""
        match = _PLURALS_RE.search(self.header.get("Plural-Forms", "")) or _PLURALS_RE.search(
            self.header_msgstr()
        )
        return int(match.group(1)) if match else 2

    @property
    def charset(self) -> str:
        """The encoding the header declares (UTF-8 when it declares none or a placeholder)."""
        match = _CHARSET_RE.search(self.header.get("Content-Type", ""))
        name = match.group(1) if match else "UTF-8"
        return "UTF-8" if name.upper() == "CHARSET" else name

    @property
    def codec(self) -> str:
        """Python's codec for `charset`; UTF-8 for a name Python does not know (msgfmt then
        only warns and copies the bytes, and so do we: nothing is converted)."""
        return python_codec(self.charset) or "utf-8"

    def header_msgstr(self) -> str:
        """The header entry's msgstr: the lines as read where their field is unchanged."""
        if self.header_source_lines and self.header == self.header_source_fields:
            return "".join(self.header_source_lines)
        out: list[str] = []
        seen: set[str] = set()
        for line in self.header_source_lines:
            name, sep, value = line.partition(":")
            name = name.strip()
            if not sep or name in seen:
                out.append(line)  # not a field, or a later copy of one (msgcat keeps both)
            elif name in self.header:
                seen.add(name)
                same = self.header[name] == value.strip()
                out.append(line if same else f"{name}: {self.header[name]}\n")
        out += [f"{k}: {v}\n" for k, v in self.header.items() if k not in seen]
        return "".join(out)

    def header_fingerprint(self) -> tuple:
        return (tuple(self.header.items()), tuple(self.header_comments), tuple(self.header_flags))

    # --- merging a template -------------------------------------------------------------
    def update(self, template: Catalog, *, fuzzy_matching: bool = True) -> UpdateReport:
        """Merge `template` (a POT) into this catalog with msgmerge's semantics.

        An unchanged msgid keeps its translation; a new msgid takes the closest old translation
        as fuzzy with the previous msgid (`#|`); messages gone from the template become
        obsolete (never deleted, unless they held no translation); translator comments and
        flags survive; extracted comments and references come from the template.
        """
        report = UpdateReport()
        old_active = self._messages
        old_obsolete = {m.key: m for m in self.obsolete}
        used: set[int] = set()
        new_messages: dict[Key, Message] = {}
        nplurals = self.nplurals
        unmatched: list[Message] = []

        for tmpl in template:
            old = old_active.get(tmpl.key)
            revived = False
            if old is None and tmpl.key in old_obsolete:
                old = old_obsolete[tmpl.key]
                revived = True
            if old is None:
                unmatched.append(tmpl)
                new_messages[tmpl.key] = tmpl  # placeholder keeps template order
                continue
            used.add(id(old))
            merged = _merge_exact(tmpl, old, nplurals)
            new_messages[tmpl.key] = merged
            if revived:
                report.revived += 1
            report.kept += 1

        if unmatched:
            # Candidates for fuzzy matching: every old message with a translation, as msgmerge.
            candidates = [
                m for m in (*old_active.values(), *self.obsolete) if any(m.strings) and m.msgid
            ]
            choices = [m.msgid for m in candidates]
            for tmpl in unmatched:
                best = None
                if fuzzy_matching and choices:
                    from rapidfuzz import fuzz, process  # merging only, not reading

                    found = process.extractOne(
                        tmpl.msgid, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MATCH_CUTOFF
                    )
                    if found is not None:
                        best = candidates[found[2]]
                if best is not None:
                    used.add(id(best))
                    new_messages[tmpl.key] = _merge_fuzzy(tmpl, best, nplurals)
                    report.fuzzy += 1
                else:
                    new_messages[tmpl.key] = _fresh(tmpl, nplurals)
                    report.new += 1

        obsolete: list[Message] = []
        for old in old_active.values():
            if id(old) in used or old.key in new_messages:
                continue
            if not any(old.strings) and not old.translator_comments:
                continue  # nothing a translator wrote: nothing to keep
            gone = old.copy()
            gone.source_text, gone.source_fingerprint = old.source_text, old.source_fingerprint
            gone.obsolete = True
            gone.references = []
            gone.extracted_comments = []
            obsolete.append(gone)
            report.obsolete += 1
        for old in self.obsolete:
            if id(old) in used and old.key in new_messages:
                continue  # revived
            obsolete.append(old)

        self._messages = new_messages
        self.obsolete = obsolete
        if "POT-Creation-Date" in template.header:
            self.header["POT-Creation-Date"] = template.header["POT-Creation-Date"]
        return report


def python_codec(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _with_template_metadata(tmpl: Message, base: Message) -> Message:
    out = base.copy()
    out.obsolete = False
    out.msgctxt, out.msgid, out.msgid_plural = tmpl.msgctxt, tmpl.msgid, tmpl.msgid_plural
    out.extracted_comments = list(tmpl.extracted_comments)
    out.references = list(tmpl.references)
    # Format flags describe the source: take them from the template; keep the rest.
    keep = [f for f in base.flags if not f.endswith("-format")]
    out.flags = keep + [f for f in tmpl.flags if f.endswith("-format") and f not in keep]
    out.lineno = None
    return out


def _fit_plurals(msg: Message, old: Message, nplurals: int) -> None:
    if msg.pluralizable:
        strings = list(old.msgstr_plural) if old.pluralizable else [old.msgstr]
        strings = (strings + [""] * nplurals)[: max(nplurals, len(old.msgstr_plural))]
        msg.msgstr_plural, msg.msgstr = strings, ""
    else:
        msg.msgstr = old.msgstr_plural[0] if old.pluralizable and old.msgstr_plural else old.msgstr
        msg.msgstr_plural = []


def _merge_exact(tmpl: Message, old: Message, nplurals: int) -> Message:
    out = _with_template_metadata(tmpl, old)
    if old.pluralizable != tmpl.pluralizable or (
        tmpl.pluralizable and old.msgid_plural != tmpl.msgid_plural
    ):
        _fit_plurals(out, old, nplurals)
        if any(out.strings):
            out.fuzzy = True
    if old.source_fingerprint is not None and out.fingerprint() == old.source_fingerprint:
        # Nothing changed: keep the text as the translator's tool wrote it.
        out.source_text, out.source_fingerprint = old.source_text, old.source_fingerprint
    return out


def _merge_fuzzy(tmpl: Message, old: Message, nplurals: int) -> Message:
    out = _with_template_metadata(tmpl, old)
    _fit_plurals(out, old, nplurals)
    out.fuzzy = True
    out.previous_msgctxt = old.msgctxt
    out.previous_msgid = old.previous_msgid if old.fuzzy and old.previous_msgid else old.msgid
    out.previous_msgid_plural = old.msgid_plural
    return out


def _fresh(tmpl: Message, nplurals: int) -> Message:
    out = tmpl.copy()
    out.msgstr = ""
    out.msgstr_plural = [""] * nplurals if tmpl.pluralizable else []
    out.flags = [f for f in tmpl.flags if f != "fuzzy"]
    out.previous_msgctxt = out.previous_msgid = out.previous_msgid_plural = None
    out.translator_comments = []
    out.lineno = None
    return out


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))
