"""review.py: what awaits review, the decisions (each saved at once), diff, back-translation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import make_workspace
from l10n_news.catalogs import Catalog, Message, write_po
from l10n_news.catalogs.catalog import State
from l10n_news.engines import registry
from l10n_news.engines.base import Translation
from l10n_news.review import (
    EntryChanged,
    EntryGone,
    Review,
    ReviewError,
    awaiting_review,
    back_translate,
    back_translation_engine,
    entry_details,
    format_word_diff,
    reviewer_name,
    word_diff,
)
from l10n_news.workspace import Workspace

CONFIG = (
    'languages = ["ru", "en", "kk"]\nsource_language = "en"\nproject = "test"\n'
    '[review]\nreviewer = "Dana"\n[translate]\nengines = ["memory", "google"]\n'
)
TODAY = date(2026, 11, 26)


def review_workspace(root: Path, config: str = CONFIG) -> Workspace:
    """A workspace with a kk catalog of the ui domain holding one entry of each state."""
    make_workspace(root, config)
    ws = Workspace.load(root)
    template = Catalog({"Content-Type": "text/plain; charset=UTF-8", "X-Source-Language": "en"})
    template.add(Message("Culture"))
    ws.write_catalog(ws.pot_path("ui"), template)
    cat = Catalog(
        {
            "Language": "kk",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    cat.add(
        Message(
            "Join Telegram",
            "Telegram-ға қосылыңыз",
            flags=["fuzzy"],
            translator_comments=["mt: google en→kk 2026-11-25"],
        )
    )
    cat.add(
        Message(
            "Read the 2,500 comments",
            "2 500 пікірді оқыңыз",
            flags=["fuzzy"],
            previous_msgid="Read the comments",
        )
    )
    cat.add(Message("Culture", "Мәдениет", translator_comments=["reviewed: Aigerim 2026-11-20"]))
    cat.add(Message("Sport"))
    cat.add(
        Message(
            "%d film",
            msgid_plural="%d films",
            msgstr_plural=["%d фильм", "%d фильм"],
            flags=["fuzzy", "c-format"],
            translator_comments=["mt: google en→kk 2026-11-25"],
        )
    )
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    return ws


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return review_workspace(tmp_path / "ws")


def reread(ws: Workspace, msgid: str) -> Message:
    msg = ws.read_catalog(ws.po_path("kk", "ui")).get(msgid)
    assert msg is not None
    return msg


def test_awaiting_review_lists_drafts_and_needs_review_in_file_order(ws: Workspace) -> None:
    items = awaiting_review(ws, "kk")
    assert [(i.message.msgid, i.state) for i in items] == [
        ("Join Telegram", State.DRAFT),
        ("Read the 2,500 comments", State.NEEDS_REVIEW),
        ("%d film", State.DRAFT),
    ]
    assert items[0].file == "locales/kk/LC_MESSAGES/ui.po"
    assert items[0].as_dict()["line"] == items[0].message.lineno
    assert awaiting_review(ws, "ru") == []
    assert len(awaiting_review(ws, "kk", ["ui"])) == 3


def test_awaiting_review_refuses_unknown_language_or_domain(ws: Workspace) -> None:
    with pytest.raises(Exception, match=r"not configured|unknown language"):
        awaiting_review(ws, "de")
    with pytest.raises(Exception, match="no kk catalog for domain 'nope'"):
        awaiting_review(ws, "kk", ["nope"])


def test_accept_clears_fuzzy_and_previous_and_records_reviewer(ws: Workspace) -> None:
    item = awaiting_review(ws, "kk")[1]
    Review(ws, today=TODAY).accept(item)
    msg = reread(ws, "Read the 2,500 comments")
    assert not msg.fuzzy and msg.previous_msgid is None
    assert msg.translator_comments == ["reviewed: Dana 2026-11-26"]
    assert msg.state == State.REVIEWED


def test_accept_replaces_the_mt_comment(ws: Workspace) -> None:
    item = awaiting_review(ws, "kk")[0]
    Review(ws, "Aigerim", today=TODAY).accept(item)
    assert reread(ws, "Join Telegram").translator_comments == ["reviewed: Aigerim 2026-11-26"]


def test_each_decision_is_on_disk_at_once(ws: Workspace) -> None:
    review = Review(ws, today=TODAY)
    first, second, plural = awaiting_review(ws, "kk")
    review.accept(first)
    assert reread(ws, "Join Telegram").state == State.REVIEWED  # before any other decision
    review.clear(second)
    cleared = reread(ws, "Read the 2,500 comments")
    assert cleared.msgstr == "" and not cleared.fuzzy and cleared.state == State.UNTRANSLATED
    review.edit(plural, ["%d фильм", "%d фильмдер"])
    edited = reread(ws, "%d film")
    assert edited.msgstr_plural == ["%d фильм", "%d фильмдер"] and not edited.fuzzy
    assert "c-format" in edited.flags
    assert awaiting_review(ws, "kk") == []


def test_skip_writes_nothing(ws: Workspace) -> None:
    path = ws.po_path("kk", "ui")
    before = path.read_bytes()
    Review(ws).skip(awaiting_review(ws, "kk")[0])
    assert path.read_bytes() == before


def test_edit_validates_the_text(ws: Workspace) -> None:
    review = Review(ws, today=TODAY)
    first, _, plural = awaiting_review(ws, "kk")
    with pytest.raises(ReviewError, match="cannot be empty"):
        review.edit(first, "  ")
    with pytest.raises(ReviewError, match="2 plural forms"):
        review.edit(plural, ["%d фильм"])
    review.edit(first, "Telegram арнамызға жазылыңыз")
    assert reread(ws, "Join Telegram").msgstr == "Telegram арнамызға жазылыңыз"


def test_a_decision_on_an_entry_gone_meanwhile_is_refused(ws: Workspace) -> None:
    item = awaiting_review(ws, "kk")[0]
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.remove(cat.get("Join Telegram"))
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    with pytest.raises(ReviewError, match="no longer in the catalog"):
        Review(ws).accept(item)


def test_a_decision_keeps_changes_made_meanwhile_by_another_command(ws: Workspace) -> None:
    first, _, _ = awaiting_review(ws, "kk")
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.get("Sport").msgstr = "Спорт"
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    Review(ws, today=TODAY).accept(first)
    assert reread(ws, "Sport").msgstr == "Спорт"


def test_reviewer_comes_from_option_then_config(tmp_path: Path, ws: Workspace) -> None:
    assert reviewer_name(ws) == "Dana"
    assert reviewer_name(ws, "Aigerim") == "Aigerim"
    bare = review_workspace(tmp_path / "bare", 'languages = ["ru", "en", "kk"]\n')
    with pytest.raises(ReviewError, match="--reviewer"):
        reviewer_name(bare)
    with pytest.raises(ReviewError, match="--reviewer"):
        Review(bare).accept(awaiting_review(bare, "kk")[0])


def test_word_diff_marks_changed_words() -> None:
    pieces = word_diff("Read the comments", "Read the 2,500 comments")
    assert ("+", "2,500 ") in pieces
    assert format_word_diff(pieces) == "Read the {+2,500 +}comments"
    assert format_word_diff(word_diff("a b c", "a x c")) == "a [-b-]{+x+} c"


def test_entry_details_show_diff_findings_and_terms(ws: Workspace) -> None:
    class FakeTerm:
        label = "Telegram"

        def rendering(self, lang: str) -> str:
            return "Telegram"

    class FakeGlossary:
        def terms_in(self, text: str, lang: str) -> list[FakeTerm]:
            return [FakeTerm()] if "Telegram" in text else []

        def allowed_names(self, lang: str) -> set[str]:
            return {"Telegram"}

        def check(self, *args: str) -> list[str]:
            return []

    first, second, _ = awaiting_review(ws, "kk")
    assert entry_details(first, FakeGlossary()).terms == [("Telegram", "Telegram")]
    details = entry_details(second)
    assert details.diff == "Read the {+2,500 +}comments"
    assert details.findings == []  # «2 500» is how Kazakh writes 2,500
    first.message.msgstr = "Telegram-ға 3 рет қосылыңыз"
    assert [f.check for f in entry_details(first).findings] == []  # extra numbers are fine
    second.message.msgstr = "2,500 пікірді оқыңыз"
    assert [f.check for f in entry_details(second).findings] == ["numbers"]


def test_back_translation_engine_choice(tmp_path: Path, ws: Workspace) -> None:
    assert back_translation_engine(ws) == "google"  # the memory cannot back-translate
    chosen = review_workspace(
        tmp_path / "chosen",
        'languages = ["ru", "en", "kk"]\n[review]\nback_translation_engine = "libre"\n',
    )
    assert back_translation_engine(chosen) == "libre"
    offline = review_workspace(
        tmp_path / "offline", 'languages = ["ru", "en", "kk"]\n[translate]\nengines = ["memory"]\n'
    )
    assert back_translation_engine(offline) is None
    with pytest.raises(ReviewError, match="back-translation is unavailable"):
        back_translate(offline, awaiting_review(offline, "kk")[0])


def test_back_translate_uses_the_engine_from_kk_to_the_source(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    class FakeEngine:
        network = True

        def translate(self, texts: list[str], source: str, target: str) -> list[Translation]:
            calls.append((texts, source, target))
            return [Translation(texts[0], "Join Telegram", "google", "sent")]

    monkeypatch.setattr(registry, "create_engine", lambda ws, name: FakeEngine())
    result = back_translate(ws, awaiting_review(ws, "kk")[0])
    assert (result.engine, result.text) == ("google", "Join Telegram")
    assert calls == [(["Telegram-ға қосылыңыз"], "kk", "en")]

    class FailingEngine(FakeEngine):
        def translate(self, texts: list[str], source: str, target: str) -> list[Translation]:
            return [Translation(texts[0], None, "google", "failed", reason="offline")]

    monkeypatch.setattr(registry, "create_engine", lambda ws, name: FailingEngine())
    with pytest.raises(ReviewError, match=r"google gave none \(offline\)"):
        back_translate(ws, awaiting_review(ws, "kk")[0])


# A catalog as Poedit saves it: its own header order and generator, long lines unwrapped,
# a translator's comment, a "#, fuzzy" draft with #| previous, no wrapping at 79 columns.
POEDIT_PO = """\
# Kazakh translation of the site chrome.
# Aigerim <aigerim@example.kz>, 2026.
#
msgid ""
msgstr ""
"Project-Id-Version: site-ui\\n"
"Language-Team: Kazakh\\n"
"Language: kk\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Generator: Poedit 3.4.2\\n"
"POT-Creation-Date: 2026-11-20 10:00+0500\\n"
"PO-Revision-Date: 2026-11-25 18:31+0500\\n"
"Last-Translator: Aigerim <aigerim@example.kz>\\n"

# Checked against the printed edition.
#: theme/base.html:12
msgid "LONG_MSGID"
msgstr "LONG_MSGSTR"

#. section
#: theme/base.html:20
#, fuzzy
#| msgid "News"
msgid "Latest news"
msgstr "Жаңалықтар"

#: theme/base.html:30
msgid "Culture"
msgstr ""
"Мәде"
"ниет"

#~ msgid "Old entry"
#~ msgstr "Ескі жазба"
""".replace(
    "LONG_MSGID",
    "A very long sentence about the film festival that would be wrapped by msgmerge "
    "at seventy-nine columns but Poedit keeps on one line.",
).replace(
    "LONG_MSGSTR",
    "Кинофестиваль туралы өте ұзын сөйлем, оны msgmerge жетпіс тоғызыншы бағанда "
    "бөледі, ал Poedit бір жолда қалдырады.",
)


def test_a_poedit_catalog_keeps_every_byte_but_the_reviewed_entry(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ws", CONFIG)
    ws = Workspace.load(tmp_path / "ws")
    path = ws.po_path("kk", "ui")
    path.parent.mkdir(parents=True)
    path.write_bytes(POEDIT_PO.encode("utf-8"))
    from l10n_news.checks import check_workspace

    check_workspace(ws)  # checking reads only
    assert path.read_bytes() == POEDIT_PO.encode("utf-8")
    [item] = awaiting_review(ws, "kk")
    Review(ws, today=TODAY).accept(item)
    expected = POEDIT_PO.replace(
        '''#. section
#: theme/base.html:20
#, fuzzy
#| msgid "News"
msgid "Latest news"''',
        '''# reviewed: Dana 2026-11-26
#. section
#: theme/base.html:20
msgid "Latest news"''',
    )
    assert path.read_text("utf-8") == expected


# --- two reviewers on one workspace: decisions are compare-and-swap -----------------------


def test_a_clear_does_not_erase_what_another_reviewer_accepted(ws: Workspace) -> None:
    shown_to_a = awaiting_review(ws, "kk")[0]
    shown_to_b = awaiting_review(ws, "kk")[0]
    Review(ws, "Bea", today=TODAY).edit(shown_to_b, "Telegram арнасына жазылыңыз")
    with pytest.raises(EntryChanged, match="changed by someone else"):
        Review(ws, "Aigerim", today=TODAY).clear(shown_to_a)
    after = reread(ws, "Join Telegram")
    assert after.msgstr == "Telegram арнасына жазылыңыз"
    assert after.state == State.REVIEWED
    assert after.translator_comments == ["reviewed: Bea 2026-11-26"]
    # A now sees B's decision, which no longer awaits review.
    assert shown_to_a.message.msgstr == "Telegram арнасына жазылыңыз"
    assert not shown_to_a.awaits_review


def test_an_accept_does_not_sign_another_reviewers_text(ws: Workspace) -> None:
    shown_to_a = awaiting_review(ws, "kk")[0]
    shown_to_b = awaiting_review(ws, "kk")[0]
    Review(ws, "Bea", today=TODAY).edit(shown_to_b, "Telegram арнасына жазылыңыз")
    with pytest.raises(EntryChanged):
        Review(ws, "Aigerim", today=TODAY).accept(shown_to_a)
    assert reread(ws, "Join Telegram").translator_comments == ["reviewed: Bea 2026-11-26"]


def test_a_draft_changed_in_poedit_is_decided_again_on_its_new_text(ws: Workspace) -> None:
    item = awaiting_review(ws, "kk")[0]
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.get("Join Telegram").msgstr = "Telegram-ға жазылыңыз"  # still fuzzy: still a draft
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    review = Review(ws, "Aigerim", today=TODAY)
    with pytest.raises(EntryChanged) as refused:
        review.accept(item)
    assert refused.value.current.msgstr == "Telegram-ға жазылыңыз"
    assert reread(ws, "Join Telegram").state == State.DRAFT
    # The second decision is made on what the reviewer now sees, and applies.
    assert item.awaits_review and item.message.msgstr == "Telegram-ға жазылыңыз"
    review.accept(item)
    after = reread(ws, "Join Telegram")
    assert after.state == State.REVIEWED and after.msgstr == "Telegram-ға жазылыңыз"


def test_a_flag_or_comment_change_counts_as_a_change(ws: Workspace) -> None:
    first, second, _ = awaiting_review(ws, "kk")
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.get("Join Telegram").translator_comments.append("ask the desk about the channel name")
    cat.get("Read the 2,500 comments").flags.append("no-python-format")
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    review = Review(ws, "Aigerim", today=TODAY)
    with pytest.raises(EntryChanged):
        review.clear(first)
    with pytest.raises(EntryChanged):
        review.accept(second)
    assert reread(ws, "Join Telegram").msgstr == "Telegram-ға қосылыңыз"


def test_a_gone_entry_is_refused_as_gone(ws: Workspace) -> None:
    item = awaiting_review(ws, "kk")[0]
    cat = ws.read_catalog(ws.po_path("kk", "ui"))
    cat.remove(cat.get("Join Telegram"))
    ws.write_catalog(ws.po_path("kk", "ui"), cat)
    with pytest.raises(EntryGone):
        Review(ws, "Aigerim").clear(item)


def test_a_save_by_an_editor_between_read_and_write_is_not_overwritten(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Poedit takes no lock: when it saves while a decision is being made, the decision is
    made again on Poedit's file, so both changes stay."""
    item = awaiting_review(ws, "kk")[0]
    path = ws.po_path("kk", "ui")
    real_read = ws.read_catalog
    saves = []

    def read_then_poedit_saves(p):
        catalog = real_read(p)
        if not saves:
            theirs = real_read(p)
            theirs.get("Sport").msgstr = "Спорт"
            path.write_text(write_po(theirs) + "\n", "utf-8")  # a save by another program
            saves.append(True)
        return catalog

    monkeypatch.setattr(ws, "read_catalog", read_then_poedit_saves)
    Review(ws, "Aigerim", today=TODAY).accept(item)
    assert reread(ws, "Sport").msgstr == "Спорт"
    assert reread(ws, "Join Telegram").state == State.REVIEWED
