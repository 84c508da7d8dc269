"""The three-way decision of `weblate sync`, entry by entry, without a server."""

from __future__ import annotations

from l10n_news.catalogs.catalog import Catalog, Message, State
from l10n_news.weblate.merge import (
    STATE_APPROVED,
    STATE_EMPTY,
    STATE_FUZZY,
    STATE_TRANSLATED,
    WeblateUnit,
    merge_units,
    record_key,
)

TODAY = "2026-11-29"


def _catalog(msgstr: str = "", *, fuzzy: bool = False, comments: list[str] | None = None):
    catalog = Catalog()
    msg = Message("Culture", msgstr, msgctxt="section", lineno=12)
    msg.fuzzy = fuzzy
    msg.translator_comments = list(comments or [])
    catalog.add(msg)
    return catalog, msg


def _unit(text: str, state: int, *, checks: bool = False) -> WeblateUnit:
    return WeblateUnit(
        id=7, key=("section", "Culture"), strings=(text,), state=state,
        failing_checks=checks, web_url="http://w/u/7", author="Dana",
    )


def _merge(catalog: Catalog, unit: WeblateUnit, records=None, *, review_required=False):
    return merge_units(catalog, [unit], file="locales/kk/x.po", records=records or {},
                       review_required=review_required, today=TODAY)


def _record(theirs: tuple[str, bool], ours: tuple[str, bool]) -> dict:
    return {record_key(("section", "Culture")): [[[theirs[0]], theirs[1]], [[ours[0]], ours[1]]]}


def test_a_translators_save_arrives_reviewed_in_their_name() -> None:
    catalog, msg = _catalog("Мәдениет", fuzzy=True, comments=["mt: google en→kk 2026-11-01"])
    result = _merge(catalog, _unit("Мәдениет және өнер", STATE_TRANSLATED))
    assert (msg.msgstr, msg.state) == ("Мәдениет және өнер", State.REVIEWED)
    assert msg.translator_comments == [f"reviewed: Dana {TODAY}"]  # the mt: provenance is gone
    assert result.taken_reviewed == 1 and not result.conflicts


def test_needs_editing_arrives_fuzzy_and_says_so() -> None:
    catalog, msg = _catalog("")
    _merge(catalog, _unit("Мәдениет", STATE_FUZZY))
    assert msg.state is State.NEEDS_REVIEW and msg.msgstr == "Мәдениет"
    assert any(c.startswith("weblate: needs editing") for c in msg.translator_comments)


def test_with_review_translated_is_not_yet_reviewed() -> None:
    catalog, msg = _catalog("")
    _merge(catalog, _unit("Мәдениет", STATE_TRANSLATED), review_required=True)
    assert msg.fuzzy and any("awaiting approval" in c for c in msg.translator_comments)
    catalog, msg = _catalog("")
    _merge(catalog, _unit("Мәдениет", STATE_APPROVED), review_required=True)
    assert msg.state is State.REVIEWED


def test_an_empty_unit_never_empties_ours() -> None:
    catalog, msg = _catalog("Мәдениет")
    result = _merge(catalog, _unit("", STATE_EMPTY))
    assert msg.msgstr == "Мәдениет" and msg.state is State.REVIEWED and result.kept == 1


def test_first_sync_never_overwrites_a_reviewed_entry() -> None:
    catalog, msg = _catalog("Мәдениет")
    result = _merge(catalog, _unit("Өнер", STATE_TRANSLATED))
    assert msg.msgstr == "Мәдениет"
    [conflict] = result.conflicts
    assert conflict.format_line().startswith("locales/kk/x.po:12: changed here and in Weblate")


def test_weblate_unchanged_since_last_sync_leaves_ours_alone() -> None:
    catalog, msg = _catalog("Мәдени өмір")  # an editor changed it here since
    records = _record(("Мәдениет", True), ("Мәдениет", True))
    result = _merge(catalog, _unit("Мәдениет", STATE_TRANSLATED), records)
    assert msg.msgstr == "Мәдени өмір" and result.kept == 1 and not result.conflicts


def test_a_change_in_weblate_alone_is_taken() -> None:
    catalog, msg = _catalog("Мәдениет")
    records = _record(("Мәдениет", True), ("Мәдениет", True))
    _merge(catalog, _unit("Өнер", STATE_TRANSLATED), records)
    assert msg.msgstr == "Өнер" and msg.state is State.REVIEWED
    # and a translator's later "needs editing" on a reviewed entry demotes it, text kept
    records = _record(("Өнер", True), ("Өнер", True))
    _merge(catalog, _unit("Өнер", STATE_FUZZY), records)
    assert msg.state is State.NEEDS_REVIEW and msg.msgstr == "Өнер"


def test_both_sides_changed_is_a_conflict_and_ours_stands() -> None:
    catalog, msg = _catalog("Мәдени өмір")
    records = _record(("Мәдениет", True), ("Мәдениет", True))
    result = _merge(catalog, _unit("Өнер", STATE_TRANSLATED), records)
    assert msg.msgstr == "Мәдени өмір" and len(result.conflicts) == 1
    # the record keeps what each side held, so the same conflict is found again next time
    assert result.records[record_key(("section", "Culture"))][0] == [["Өнер"], True]


def test_failing_weblate_checks_hold_a_reviewed_entry_back() -> None:
    catalog, msg = _catalog("Мәдениет.")
    result = _merge(catalog, _unit("Мәдениет.", STATE_TRANSLATED, checks=True))
    assert msg.state is State.NEEDS_REVIEW and msg.msgstr == "Мәдениет."
    assert any("failing checks in Weblate" in c for c in msg.translator_comments)
    assert result.taken_fuzzy == 1


def test_plural_forms_that_disagree_are_reported_not_guessed() -> None:
    catalog = Catalog()
    msg = Message("%d film", msgid_plural="%d films", msgstr_plural=["", ""], lineno=3)
    catalog.add(msg)
    unit = WeblateUnit(id=1, key=(None, "%d film"), strings=("a", "b", "c"),
                       state=STATE_TRANSLATED, failing_checks=False)
    result = merge_units(catalog, [unit], file="f.po", records={}, review_required=False,
                         today=TODAY)
    assert msg.msgstr_plural == ["", ""]
    assert "plural forms" in result.conflicts[0].reason


def test_units_we_do_not_have_are_listed() -> None:
    catalog, _ = _catalog("Мәдениет")
    unit = WeblateUnit(id=2, key=(None, "Elsewhere"), strings=("x",), state=STATE_TRANSLATED,
                       failing_checks=False)
    result = merge_units(catalog, [unit], file="f.po", records={}, review_required=False,
                         today=TODAY)
    assert result.missing == [(None, "Elsewhere")]
