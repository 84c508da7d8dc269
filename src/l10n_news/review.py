"""Review of drafts: what awaits review, and the reviewer's decisions, each saved at once.

The entries awaiting review are the machine drafts (fuzzy with an `mt:` comment) and the
entries that need review (fuzzy otherwise, usually because the source changed). A decision
re-reads the catalog under the workspace lock, changes that one entry, and writes the catalog
atomically, so quitting at any point loses no decision made, and a catalog changed meanwhile
by another command is not overwritten with stale entries.

Decisions are compare-and-swap: each applies only to the entry as the reviewer was shown it
(its translation, flags and translator comments). When another reviewer, a translate run or
Poedit changed the entry meanwhile, the decision is refused with `EntryChanged`, which carries
the entry as it is now, so the reviewer decides again on what is really there; an entry that
left the catalog is refused with `EntryGone`. So no reviewer erases, or signs, another's work.

Accepting (or editing) clears fuzzy and the `#|` previous msgid, replaces the `mt:` provenance
comment with `# reviewed: <name> <YYYY-MM-DD>`. The `mt:` comment goes because it marks a
machine draft: left on an accepted entry, a later source change would show the entry as an
unreviewed draft again instead of "needs review".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from l10n_news.catalogs.catalog import (
    ALIGNED_COMMENT_PREFIX,
    MT_COMMENT_PREFIX,
    REVIEW_COMMENT_PREFIX,
    Catalog,
    Key,
    Message,
    State,
)
from l10n_news.checks.base import Finding, GlossaryLike
from l10n_news.checks.run import check_message, load_glossary
from l10n_news.errors import ConfigError, L10nError
from l10n_news.languages import refuse_derived
from l10n_news.workspace import Workspace

AWAITING = (State.DRAFT, State.NEEDS_REVIEW)
# Engines that cannot give an independent back-translation: the memory only knows our own
# translations, the pseudo engine only decorates text.
NOT_FOR_BACK_TRANSLATION = {"memory", "pseudo"}


class ReviewError(L10nError):
    """A review decision cannot be made (no reviewer, entry gone, no engine)."""


class DecisionRefused(ReviewError):
    """The entry is not what the reviewer was shown: the decision was not applied."""


class EntryGone(DecisionRefused):
    """The entry left the catalog (the source changed, or another command removed it)."""


class EntryChanged(DecisionRefused):
    """Someone changed the entry since it was shown; `current` is the entry as it is now."""

    def __init__(self, message: str, current: Message, **where: Any) -> None:
        super().__init__(message, **where)
        self.current = current


def shown_state(msg: Message) -> tuple:
    """What a decision is made on: the translation, the flags and the translator comments."""
    return (tuple(msg.strings), tuple(msg.flags), tuple(msg.translator_comments))


@dataclass
class ReviewItem:
    """One entry awaiting review, and where it lives."""

    lang: str
    domain: str
    source_lang: str
    path: Path
    file: str  # workspace-relative, for messages
    message: Message
    nplurals: int = 2
    # The entry as the reviewer was shown it; a decision applies only if it still is.
    shown: tuple = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if not self.shown:
            self.shown = shown_state(self.message)

    @property
    def awaits_review(self) -> bool:
        return self.message.state in AWAITING

    @property
    def key(self) -> Key:
        return self.message.key

    @property
    def state(self) -> State:
        return self.message.state

    def as_dict(self) -> dict[str, Any]:
        msg = self.message
        return {
            "file": self.file,
            "line": msg.lineno,
            "lang": self.lang,
            "domain": self.domain,
            "state": str(msg.state),
            "msgctxt": msg.msgctxt,
            "msgid": msg.msgid,
            "msgid_plural": msg.msgid_plural,
            "msgstr": msg.strings if msg.pluralizable else msg.msgstr,
            "previous_msgid": msg.previous_msgid,
            "comments": list(msg.translator_comments),
        }


@dataclass(frozen=True)
class BackTranslation:
    engine: str
    text: str  # the back-translation of the first (or only) form
    forms: tuple[str, ...] = ()  # of each msgstr[N] of a plural entry, in order


@dataclass
class EntryDetails:
    """What a reviewer is shown besides the source and the draft."""

    diff: str | None  # word diff of the previous and current source, when it changed
    findings: list[Finding] = field(default_factory=list)
    terms: list[tuple[str, str | None]] = field(default_factory=list)  # (term, rendering)


# --- what awaits review ------------------------------------------------------------------


def awaiting_review(
    ws: Workspace,
    lang: str,
    domains: Collection[str] | None = None,
    skip: Collection[Path] = (),
) -> list[ReviewItem]:
    """Drafts and needs-review entries of `lang`, domain by domain, in file order.

    Catalogs in `skip` (broken ones, see catalogs.broken) are left out."""
    refuse_derived(ws.check_language(lang))  # kk-Latn is reviewed as kk
    found = [(d, p) for lg, d, p in ws.catalog_paths() if lg == lang and p not in skip]
    if domains:
        missing = [d for d in domains if d not in {d for d, _ in found}]
        if missing:
            raise ConfigError(f"no {lang} catalog for domain {missing[0]!r}", path=ws.locales_dir)
        found = [(d, p) for d, p in found if d in domains]
    items = []
    for domain, path in found:
        source_lang = ws.domain_source_language(domain)
        if source_lang == lang:
            continue
        catalog = ws.read_catalog(path)
        for message in catalog:
            if message.state in AWAITING:
                items.append(
                    ReviewItem(
                        lang,
                        domain,
                        source_lang,
                        path,
                        ws.relative(path),
                        message,
                        catalog.nplurals,
                    )
                )
    return items


# --- what the reviewer sees ------------------------------------------------------------

_TOKEN_RE = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces: "=" kept, "-" only in `old`, "+" only in `new`; compared by words."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", "".join(b[j1:j2])))
    return pieces


def format_word_diff(pieces: list[tuple[str, str]]) -> str:
    """The diff as text: [-removed-] and {+added+}, as `git diff --word-diff` writes it."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(f"{marks[op][0]}{text}{marks[op][1]}" for op, text in pieces)


def entry_details(item: ReviewItem, glossary: GlossaryLike | None = None) -> EntryDetails:
    msg = item.message
    diff = None
    if msg.previous_msgid is not None and msg.previous_msgid != msg.msgid:
        diff = format_word_diff(word_diff(msg.previous_msgid, msg.msgid))
    findings = check_message(
        msg,
        source_lang=item.source_lang,
        target_lang=item.lang,
        glossary=glossary,
        nplurals=item.nplurals,
        file=item.file,
    )
    terms: list[tuple[str, str | None]] = []
    if glossary is not None and hasattr(glossary, "terms_in"):
        for term in glossary.terms_in(msg.msgid, item.source_lang):
            terms.append((term.label, term.rendering(item.lang)))
    return EntryDetails(diff, findings, terms)


# --- decisions ---------------------------------------------------------------------------


def reviewer_name(ws: Workspace, given: str | None = None) -> str:
    """The reviewer: `given` (--reviewer), else `[review] reviewer` of l10n-news.toml."""
    name = given if given is not None else ws.section("review").get("reviewer")
    if name is not None and not isinstance(name, str):
        raise ConfigError("[review] reviewer must be a string", path=ws.config_path)
    name = (name or "").strip()
    if not name:
        raise ReviewError(
            "who is reviewing? give --reviewer NAME or set reviewer in [review] of l10n-news.toml"
        )
    if "\n" in name:
        raise ReviewError("a reviewer name is one line")
    return name


class Review:
    """A review session: every decision is written to disk before the call returns."""

    def __init__(
        self, ws: Workspace, reviewer: str | None = None, *, today: date | None = None
    ) -> None:
        self.ws = ws
        self._reviewer = reviewer
        self.today = today
        self._seen: dict[Path, tuple[tuple[int, ...], Catalog]] = {}  # for `reload`

    @property
    def reviewer(self) -> str:
        return reviewer_name(self.ws, self._reviewer)

    def _date(self) -> str:
        if self.today is not None:
            return self.today.isoformat()
        return datetime.now(ZoneInfo(self.ws.time_zone)).date().isoformat()

    def _apply(self, item: ReviewItem, change: Callable[[Message], None]) -> Message:
        """Apply `change` to the entry if it is still as shown (compare-and-swap)."""
        with self.ws.lock():
            for _ in range(_SAVE_ATTEMPTS):
                version = _file_version(item.path)
                catalog = self.ws.read_catalog(item.path)
                msg = self._as_shown(item, catalog)
                change(msg)
                # An editor such as Poedit takes no lock: if it saved the file since we read
                # it, start again from its version rather than write over it.
                if _file_version(item.path) == version:
                    self.ws.write_catalog(item.path, catalog)
                    break
            else:
                raise ReviewError(
                    "the catalog keeps changing under the review; try again", path=item.file
                )
        refresh(item, msg)
        return msg

    @staticmethod
    def _as_shown(item: ReviewItem, catalog: Catalog) -> Message:
        """The entry in `catalog`, provided it is still what the reviewer was shown."""
        msg = catalog.get(item.message.msgid, item.message.msgctxt)
        if msg is None:
            raise EntryGone(
                "refused: this entry is no longer in the catalog (changed by another command)",
                path=item.file,
                line=item.message.lineno,
            )
        if shown_state(msg) != item.shown:
            refresh(item, msg)
            raise EntryChanged(
                "refused: this entry was changed by someone else since it was shown; "
                "decide again on what it is now",
                msg,
                path=item.file,
                line=msg.lineno,
            )
        return msg

    def reload(self, item: ReviewItem) -> bool:
        """Bring the item up to date with its catalog before it is shown; False when the
        entry is gone or no longer awaits review (someone decided it meanwhile)."""
        version = _file_version(item.path)
        if version is None:
            return False
        cached = self._seen.get(item.path)
        if cached is None or cached[0] != version:
            cached = self._seen[item.path] = (version, self.ws.read_catalog(item.path))
        msg = cached[1].get(item.message.msgid, item.message.msgctxt)
        if msg is None:
            return False
        refresh(item, msg.copy())
        return item.awaits_review

    def _mark_reviewed(self, msg: Message) -> None:
        msg.fuzzy = False  # also drops the #| previous msgid
        msg.set_comment(MT_COMMENT_PREFIX, None)
        msg.set_comment(ALIGNED_COMMENT_PREFIX, None)  # an aligned draft is a draft as well
        msg.set_comment(REVIEW_COMMENT_PREFIX, f"{self.reviewer} {self._date()}")

    def accept(self, item: ReviewItem) -> Message:
        """Accept the draft as it is."""
        self.reviewer  # noqa: B018 - fail before touching the file when nobody is named

        def change(msg: Message) -> None:
            if not msg.has_translation:
                raise ReviewError(
                    "nothing to accept: the translation is empty", path=item.file, line=msg.lineno
                )
            self._mark_reviewed(msg)

        return self._apply(item, change)

    def edit(self, item: ReviewItem, text: str | list[str]) -> Message:
        """Replace the translation with the reviewer's text, and accept it."""
        self.reviewer  # noqa: B018
        strings = [text] if isinstance(text, str) else list(text)
        if not all(s.strip() for s in strings):
            raise ReviewError("an edited translation cannot be empty (use clear)")

        def change(msg: Message) -> None:
            if msg.pluralizable and len(strings) != item.nplurals:
                raise ReviewError(
                    f"this entry has {item.nplurals} plural forms; give one text for each"
                )
            msg.set_translation(strings)
            self._mark_reviewed(msg)

        return self._apply(item, change)

    def clear(self, item: ReviewItem) -> Message:
        """Throw the draft away: empty msgstr, not fuzzy, no machine-draft comment."""

        def change(msg: Message) -> None:
            msg.clear_translation()
            msg.set_comment(MT_COMMENT_PREFIX, None)
            msg.set_comment(ALIGNED_COMMENT_PREFIX, None)

        return self._apply(item, change)

    def skip(self, item: ReviewItem) -> None:
        """Leave the entry as it is (nothing is written)."""


_SAVE_ATTEMPTS = 5


def _file_version(path: Path) -> tuple[int, ...] | None:
    """(inode, mtime, size): atomic writes replace the file, so any save changes this."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def refresh(item: ReviewItem, current: Message) -> None:
    """Show the entry as it is now: later decisions are compared with this state."""
    item.message = current
    item.shown = shown_state(current)


# --- back-translation --------------------------------------------------------------------


def back_translation_engine(ws: Workspace) -> str | None:
    """`[review] back_translation_engine`, else the first network engine of [translate]."""
    name = ws.section("review").get("back_translation_engine")
    if name is not None:
        if not isinstance(name, str) or not name:
            raise ConfigError(
                "[review] back_translation_engine must be an engine name", path=ws.config_path
            )
        return name
    engines = ws.section("translate").get("engines", [])
    if not isinstance(engines, list):
        return None
    return next(
        (e for e in engines if isinstance(e, str) and e not in NOT_FOR_BACK_TRANSLATION), None
    )


def back_translate(ws: Workspace, item: ReviewItem) -> BackTranslation:
    """The draft translated back into the source language, for a reviewer who doesn't read it."""
    name = back_translation_engine(ws)
    if name is None:
        raise ReviewError(
            "back-translation is unavailable: no network engine in [translate] engines; "
            "set [review] back_translation_engine",
            path=ws.config_path,
        )
    try:
        from l10n_news.engines.registry import create_engine
    except ImportError:
        raise ReviewError(
            "back-translation is unavailable: this installation has no machine-translation engines"
        ) from None
    engine = create_engine(ws, name)
    try:
        if getattr(engine, "network", True) is False:
            raise ReviewError(
                f"back-translation is unavailable: {name} is not a translation service"
            )
        # Every form of a plural entry: a reviewer checks msgstr[2] as much as msgstr[0].
        drafts = item.message.strings
        distinct = [draft for draft in dict.fromkeys(drafts) if draft]
        results = dict(
            zip(distinct, engine.translate(distinct, item.lang, item.source_lang), strict=True)
        )
    finally:
        close = getattr(engine, "close", None)  # the engine holds the translation cache open
        if close is not None:
            close()
    for result in results.values():
        if not result.text:
            reason = result.reason or result.status
            raise ReviewError(f"back-translation is unavailable: {name} gave none ({reason})")
    texts = tuple(results[draft].text or "" if draft else "" for draft in drafts)
    return BackTranslation(name, texts[0], texts if item.message.pluralizable else ())


def review_glossary(ws: Workspace) -> GlossaryLike | None:
    return load_glossary(ws)
