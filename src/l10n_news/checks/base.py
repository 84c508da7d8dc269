"""The records every check shares: what a check sees, what it reports, how it is registered."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Protocol

# Numbers, dates, times and phone numbers all need a digit: a text without one skips those
# checks outright (most prose units of an article have none).
HAS_DIGIT = re.compile(r"\d").search
DIGIT_RUNS = re.compile(r"\d+")  # where a number can start: its checks look there only

# A translator silences checks for one entry with a translator comment such as
# "# l10n-news: ignore numbers" or "# l10n-news: ignore quotes, script" ("all" silences every one).
IGNORE_COMMENT_RE = re.compile(r"^\s*l10n-news:\s*ignore\s+(?P<ids>.+)$", re.IGNORECASE)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # A finding a translator let stand with `# l10n-news: ignore <id>`: still shown by `check`,
    # never counted as an error, never holding a page back.
    IGNORED = "ignored"


class GlossaryLike(Protocol):
    """What the checks need of `l10n_news.glossary.Glossary` (a fake will do in tests)."""

    def allowed_names(self, lang: str) -> set[str]: ...

    def check(self, source_text: str, source: str, target: str, translation: str) -> list[str]: ...


@dataclass(frozen=True)
class CheckInput:
    """One source string and one of its translations, with what a check may need to know."""

    source: str
    target: str
    source_lang: str | None = None
    target_lang: str | None = None
    flags: tuple[str, ...] = ()
    glossary: GlossaryLike | None = None
    # For a plural entry: how many forms the catalog's Plural-Forms asks for, and the forms.
    nplurals: int | None = None
    plural_strings: tuple[str, ...] | None = None
    plural_form: int | None = None  # which msgstr[N] `target` is (None: not a plural entry)
    # msgid_plural: every form may hold the count ("%d files" even in msgstr[0] for ru's 21).
    plural_source: str | None = None
    # Translations of the same entry in other languages: lang -> text (for "untranslated").
    other_translations: dict[str, str] = field(default_factory=dict)
    # Names and brands that stay as they are: glossary do-not-translate terms and the glossary
    # forms written in another script (see `run.protected_names`).
    names: frozenset[str] = frozenset()
    context: str | None = None  # the entry's msgctxt ("brand" marks names in the UI domain)
    # The catalog's domain. A check may ask only whether it is "ui" (formatted by the
    # templates): check_message's memo takes an entry of one article for another's.
    domain: str | None = None


CheckFunc = Callable[[CheckInput], list[str]]


@dataclass(frozen=True)
class Check:
    """A registered check: a stable id, a severity and the function returning its messages."""

    id: str
    severity: Severity
    func: CheckFunc
    summary: str  # one line for the docs and `--help`
    per_entry: bool = False  # runs once per entry, not once per msgstr (plural forms)


@dataclass(frozen=True)
class Finding:
    """One problem found in one catalog entry."""

    file: str  # workspace-relative .po path ("" when checking a lone string)
    line: int | None
    msgctxt: str | None
    msgid: str
    lang: str | None
    check: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def format_line(self) -> str:
        """Compiler style: `file:line: severity: [check] message`."""
        where = f"{self.file}:{self.line}" if self.line else self.file or "<string>"
        return f"{where}: {self.severity}: [{self.check}] {self.message}"


def ignored_checks(translator_comments: Collection[str]) -> set[str]:
    """Check ids silenced by `l10n-news: ignore ...` comments ("all" for every check)."""
    ids: set[str] = set()
    for comment in translator_comments:
        m = IGNORE_COMMENT_RE.match(comment)
        if m:
            ids.update(i for i in re.split(r"[\s,]+", m.group("ids").strip()) if i)
    return ids


def shorten(text: str, limit: int = 40) -> str:
    """A string as quoted in a message: on one line and not too long."""
    text = text.replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"
