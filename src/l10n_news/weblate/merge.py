"""What comes back from Weblate into one catalog, entry by entry: a three-way decision.

For every entry we remember, from the last sync, what Weblate held (`base_theirs`) and what
our catalog held after the merge (`base_ours`), each as a `Snapshot`: the strings and whether
they counted as reviewed. Then:

- Weblate changed nothing since the last sync: ours stands, whatever it is.
- Weblate changed it and we did not: Weblate's decision is taken (a translator's save or
  approval becomes a reviewed entry in that person's name; "needs editing" becomes fuzzy).
- Both changed to different texts: a conflict. Ours stands, and the conflict is reported with
  file:line; Weblate keeps its text, so nothing is lost on either side.
- Weblate's empty units never empty ours.

A unit with failing Weblate checks never arrives as reviewed: it comes back fuzzy, with a
comment saying so, and the publish gate holds its variant like any unreviewed entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from l10n_news.catalogs.catalog import (
    MT_COMMENT_PREFIX,
    REVIEW_COMMENT_PREFIX,
    Catalog,
    Key,
    Message,
    State,
)

# Weblate's unit states (weblate.utils.state).
STATE_EMPTY = 0
STATE_FUZZY = 10  # "needs editing"
STATE_TRANSLATED = 20
STATE_APPROVED = 30

WEBLATE_COMMENT_PREFIX = "weblate:"
# Drafts of ours whose provenance goes once a person has edited the text.
_PROVENANCE_PREFIXES = (MT_COMMENT_PREFIX, "aligned:")


@dataclass(frozen=True)
class Snapshot:
    strings: tuple[str, ...]
    reviewed: bool

    def as_list(self) -> list[Any]:
        return [list(self.strings), self.reviewed]

    @classmethod
    def from_list(cls, data: Any) -> Snapshot | None:
        try:
            strings, reviewed = data
            return cls(tuple(str(s) for s in strings), bool(reviewed))
        except (TypeError, ValueError):
            return None  # a damaged record: treated as no record


@dataclass
class WeblateUnit:
    """What the units API says of one translation unit, reduced to what the merge needs."""

    id: int
    key: Key
    strings: tuple[str, ...]
    state: int
    failing_checks: bool
    web_url: str = ""
    author: str | None = None  # who made the last change, where the changes API says

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> WeblateUnit:
        source = data.get("source") or [""]
        context = data.get("context") or None
        return cls(
            id=int(data["id"]),
            key=(context, source[0]),
            strings=tuple(data.get("target") or ()),
            state=int(data.get("state", STATE_EMPTY)),
            failing_checks=bool(data.get("has_failing_check")),
            web_url=str(data.get("web_url") or ""),
        )

    @property
    def empty(self) -> bool:
        return self.state <= STATE_EMPTY or not any(self.strings)


def snapshot_of(msg: Message) -> Snapshot:
    return Snapshot(tuple(msg.strings), msg.state is State.REVIEWED)


def theirs_snapshot(unit: WeblateUnit, review_required: bool) -> Snapshot:
    done = STATE_APPROVED if review_required else STATE_TRANSLATED
    return Snapshot(unit.strings, unit.state >= done and not unit.failing_checks)


@dataclass
class Conflict:
    file: str
    line: int | None
    key: Key
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    reason: str

    def format_line(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.reason}"


@dataclass
class MergeResult:
    taken_reviewed: int = 0  # Weblate's translation arrived as reviewed
    taken_fuzzy: int = 0  # arrived as needing review (needs editing, awaiting approval, checks)
    kept: int = 0  # ours stands
    conflicts: list[Conflict] = field(default_factory=list)
    missing: list[Key] = field(default_factory=list)  # Weblate units we have no entry for
    records: dict[str, list[Any]] = field(default_factory=dict)  # the new sync record

    @property
    def changed(self) -> int:
        return self.taken_reviewed + self.taken_fuzzy


def record_key(key: Key) -> str:
    """A JSON-friendly key: msgctxt and msgid joined by EOT, as in the .mo format."""
    ctx, msgid = key
    return msgid if ctx is None else f"{ctx}\x04{msgid}"


def _take(msg: Message, unit: WeblateUnit, theirs: Snapshot, today: str) -> bool:
    """Apply Weblate's text and state to our entry; True when it arrives as reviewed."""
    if len(unit.strings) != len(msg.strings):
        raise ValueError("plural forms differ")
    msg.set_translation(list(unit.strings))
    for prefix in _PROVENANCE_PREFIXES:
        msg.set_comment(prefix, None)
    who = unit.author or "a Weblate translator"
    if theirs.reviewed:
        msg.fuzzy = False
        msg.set_comment(WEBLATE_COMMENT_PREFIX, None)
        msg.set_comment(REVIEW_COMMENT_PREFIX, f"{who} {today}")
        return True
    msg.fuzzy = True
    msg.set_comment(REVIEW_COMMENT_PREFIX, None)
    if unit.failing_checks:
        why = f"failing checks in Weblate {today} ({unit.web_url or 'unit ' + str(unit.id)})"
    elif unit.state >= STATE_TRANSLATED:
        why = f"translated by {who} {today}, awaiting approval"
    else:
        why = f"needs editing, saved by {who} {today}"
    msg.set_comment(WEBLATE_COMMENT_PREFIX, why)
    return False


def merge_units(
    catalog: Catalog,
    units: list[WeblateUnit],
    *,
    file: str,
    records: dict[str, Any],
    review_required: bool,
    today: str,
) -> MergeResult:
    """Bring Weblate's units into `catalog` (changed in place) and return what happened."""
    result = MergeResult()
    for unit in units:
        msg = catalog.get(unit.key[1], unit.key[0])
        if msg is None:
            result.missing.append(unit.key)
            continue
        rkey = record_key(unit.key)
        record = records.get(rkey) or [None, None]
        base_theirs = Snapshot.from_list(record[0]) if record[0] is not None else None
        base_ours = Snapshot.from_list(record[1]) if record[1] is not None else None
        theirs = theirs_snapshot(unit, review_required)
        ours = snapshot_of(msg)
        _decide(msg, unit, theirs, ours, base_theirs, base_ours, result, file, today)
        result.records[rkey] = [theirs.as_list(), snapshot_of(msg).as_list()]
    return result


def _decide(
    msg: Message,
    unit: WeblateUnit,
    theirs: Snapshot,
    ours: Snapshot,
    base_theirs: Snapshot | None,
    base_ours: Snapshot | None,
    result: MergeResult,
    file: str,
    today: str,
) -> None:
    """One entry's decision, counted in `result`; `msg` changes when Weblate's side is taken."""
    same_text = ours.strings == theirs.strings
    # Weblate's failing checks hold a reviewed entry of ours with the same text back, always.
    flagged = unit.failing_checks and ours.reviewed and same_text
    first_sync = base_theirs is None
    if not flagged and (unit.empty or theirs in (ours, base_theirs)):
        result.kept += 1  # in step, or Weblate made no change since the last sync
        return
    we_changed = base_ours is not None and ours != base_ours
    if any(ours.strings) and not same_text and (we_changed or (first_sync and ours.reviewed)):
        where = unit.web_url or f"unit {unit.id}"
        result.conflicts.append(
            Conflict(file, msg.lineno, unit.key, ours.strings, theirs.strings,
                     f"changed here and in Weblate ({where}): ours is kept, Weblate keeps its text")
        )
        result.kept += 1
        return
    if not flagged and ours.reviewed and not theirs.reviewed and (first_sync or we_changed):
        result.kept += 1  # only a decision made in Weblate since the last sync demotes ours
        return
    try:
        reviewed = _take(msg, unit, theirs, today)
    except ValueError:
        result.conflicts.append(
            Conflict(file, msg.lineno, unit.key, ours.strings, theirs.strings,
                     "Weblate has another number of plural forms: ours is kept")
        )
        result.kept += 1
        return
    if reviewed:
        result.taken_reviewed += 1
    else:
        result.taken_fuzzy += 1
