"""check_message and check_workspace: which entries, which checks, the ignore comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n_news.catalogs import Catalog, Message
from l10n_news.checks import Severity, check_message, check_workspace
from l10n_news.checks.base import ignored_checks
from l10n_news.checks.registry import CHECKS
from l10n_news.errors import ConfigError
from test_review import review_workspace


def findings(message: Message, **kw) -> list[tuple[str, str]]:
    found = check_message(message, source_lang="en", target_lang="ru", nplurals=3, **kw)
    return [(f.check, f.message) for f in found]


def test_ids_are_unique_and_every_check_has_a_severity() -> None:
    ids = [c.id for c in CHECKS]
    assert len(ids) == len(set(ids)) == 25
    assert all(c.severity in (Severity.ERROR, Severity.WARNING) for c in CHECKS)


def test_a_finding_carries_the_entry() -> None:
    msg = Message("12 films", "10 фильмов", msgctxt="lead", lineno=7)
    [finding] = check_message(msg, source_lang="en", target_lang="ru", file="locales/x.po")
    assert finding.as_dict() == {
        "file": "locales/x.po",
        "line": 7,
        "msgctxt": "lead",
        "msgid": "12 films",
        "lang": "ru",
        "check": "numbers",
        "severity": "error",
        "message": "the number 12 of the source is not in the translation",
    }
    assert finding.format_line() == (
        "locales/x.po:7: error: [numbers] the number 12 of the source is not in the translation"
    )


def test_empty_and_obsolete_entries_are_not_checked() -> None:
    assert findings(Message("12 films")) == []
    assert findings(Message("12 films", "10", obsolete=True)) == []


def test_drafts_are_checked() -> None:
    draft = Message("12 films", "10 фильмов", flags=["fuzzy"], translator_comments=["mt: x"])
    assert findings(draft) != []


def test_ignore_comment() -> None:
    assert ignored_checks(["l10n-news: ignore numbers, quotes", "note"]) == {"numbers", "quotes"}
    msg = Message("12 films", "10 «фильмов»", translator_comments=["l10n-news: ignore numbers"])
    # An ignored finding stays visible, as "ignored": never an error.
    found = check_message(msg, source_lang="en", target_lang="ru", nplurals=3)
    assert [(f.check, f.severity) for f in found] == [("numbers", "ignored")]
    msg.translator_comments = ["l10n-news: ignore all"]
    msg.msgstr = "<script>"
    found = check_message(msg, source_lang="en", target_lang="ru", nplurals=3)
    assert found and {f.severity for f in found} == {"ignored"}


def test_plural_entry_reports_once_per_problem() -> None:
    msg = Message(
        "%d film",
        msgid_plural="%d films",
        flags=["c-format"],
        msgstr_plural=["%s фильм", "%s фильма", "%s фильмов"],
    )
    assert findings(msg) == [
        ("placeholders", "argument 1 has type string in the translation, int in the source")
    ]
    msg.msgstr_plural = ["%d фильм", "%d фильма"]
    assert (
        "plural-forms",
        "2 plural forms, but the catalog's Plural-Forms asks for 3",
    ) in findings(msg)


def test_only_runs_the_chosen_checks() -> None:
    msg = Message("12 films!", "10 фильмов")
    assert {c for c, _ in findings(msg)} == {"numbers", "ends-punctuation"}
    assert {c for c, _ in findings(msg, only=["numbers"])} == {"numbers"}
    with pytest.raises(ConfigError, match="unknown check"):
        findings(msg, only=["number"])


def test_check_workspace_skips_the_source_language_and_filters(tmp_path: Path) -> None:
    ws = review_workspace(tmp_path / "ws")
    en = Catalog({"Language": "en"})
    en.add(Message("Culture", "Wrong 1"))  # the source language's own catalog is not checked
    ws.write_catalog(ws.po_path("en", "ui"), en)
    kk = ws.read_catalog(ws.po_path("kk", "ui"))
    kk.get("Culture").msgstr = "Culture"
    ws.write_catalog(ws.po_path("kk", "ui"), kk)
    found = check_workspace(ws)
    assert [(f.lang, f.msgid, f.check) for f in found] == [("kk", "Culture", "untranslated")]
    assert found[0].file == "locales/kk/LC_MESSAGES/ui.po"
    assert found[0].line == kk.get("Culture").lineno
    assert check_workspace(ws, langs=["ru"]) == []
    with pytest.raises(ConfigError):
        check_workspace(ws, domains=["nope"])


def test_cached_findings_are_reused_until_an_input_changes(tmp_path, monkeypatch) -> None:
    from l10n_news.checks import run as checks_run
    from test_publish_site import TRANSLATIONS, make_workspace, write_catalog

    ws = make_workspace(tmp_path / "ws")
    table = dict(TRANSLATIONS["ru"])
    table["The new hall holds two thousand books."] = "The new hall holds two thousand books."
    write_catalog(ws, "ru", "library-hall", table)
    first = checks_run.check_workspace(ws, use_cache=True)
    assert any(f.check == "untranslated" for f in first)
    calls = []
    real = checks_run.check_catalog
    monkeypatch.setattr(
        checks_run, "check_catalog", lambda *a, **k: calls.append(a[2]) or real(*a, **k)
    )
    assert checks_run.check_workspace(ws, use_cache=True) == first
    assert calls == []  # nothing read again
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"] | {"Books": "Кітап"})
    again = checks_run.check_workspace(ws, use_cache=True)
    # The kk catalog and its ru sibling (whose findings may depend on it) are checked again.
    assert sorted(calls) == ["library-hall", "library-hall"]
    assert [f for f in again if f.lang == "ru"] == [f for f in first if f.lang == "ru"]


def test_a_record_made_while_a_file_was_fresh_holds_once_it_settles(tmp_path, monkeypatch) -> None:
    """`run` writes catalogs, checks them and publishes seconds later: the record made while
    the files were just written still holds for the same content, and not for another."""
    import os

    from l10n_news import state
    from l10n_news.checks.run import FindingsCache
    from test_publish_site import TRANSLATIONS, make_workspace, write_catalog

    ws = make_workspace(tmp_path / "ws")
    write_catalog(ws, "ru", "library-hall", TRANSLATIONS["ru"])
    monkeypatch.setattr(state, "RACY_NS", 10**30)  # every file was just written
    found = check_workspace(ws, use_cache=True)
    monkeypatch.setattr(state, "RACY_NS", 0)  # and every one has settled since
    assert FindingsCache(ws).get("ru", "library-hall") == [f for f in found if f.lang == "ru"]

    po = ws.po_path("ru", "library-hall")
    st = po.stat()
    text = po.read_text("utf-8")
    changed = text.replace("Книги", "Кныги")
    assert changed != text and len(changed.encode()) == len(text.encode())
    po.write_text(changed, "utf-8")
    os.utime(po, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time: only the bytes
    assert FindingsCache(ws).get("ru", "library-hall") is None


def test_kept_findings_go_with_the_dictionaries_they_were_found_with(
    tmp_path, monkeypatch
) -> None:
    from l10n_news.checks import dictionaries
    from l10n_news.checks.run import FindingsCache
    from test_publish_site import TRANSLATIONS, make_workspace, write_catalog

    ws = make_workspace(tmp_path / "ws")
    write_catalog(ws, "ru", "library-hall", TRANSLATIONS["ru"])
    check_workspace(ws, use_cache=True)
    assert FindingsCache(ws).get("ru", "library-hall") is not None
    installed = dictionaries.fingerprint()
    monkeypatch.setattr(dictionaries, "fingerprint", lambda: installed + "|kk_KZ.dic:1:2")
    assert FindingsCache(ws).get("ru", "library-hall") is None  # a new dictionary: check again


def test_an_entry_met_again_is_checked_once_and_reported_where_it_stands(monkeypatch) -> None:
    from l10n_news.checks import run

    calls: list[str] = []
    real = run._problems

    def counting(message, base, selected):
        calls.append(message.msgid)
        return real(message, base, selected)

    monkeypatch.setattr(run, "_problems", counting)
    memo: run.CheckMemo = {}
    tag = Message("12 films", "10 фильмов", msgctxt="tag", lineno=7)
    again = Message("12 films", "10 фильмов", msgctxt="tag", lineno=30)
    again.translator_comments.append("l10n-news: ignore numbers")
    other = Message("12 films", "11 фильмов", msgctxt="tag", lineno=9)  # another translation
    def check(message, file, domain="story-1", **kw):
        return check_message(
            message, source_lang="en", target_lang="ru", file=file, domain=domain, memo=memo, **kw
        )

    first = check(tag, "a.po")
    second = check(again, "b.po", domain="story-2")  # another article's catalog
    third = check(other, "c.po")
    assert calls == ["12 films", "12 films"], "the same entry twice is checked once"
    assert [(f.file, f.line, f.severity) for f in first] == [("a.po", 7, Severity.ERROR)]
    # Found once, reported for each entry, with that entry's own ignore comment.
    assert [(f.file, f.line, f.severity) for f in second] == [("b.po", 30, Severity.IGNORED)]
    assert [f.message for f in second] == [f.message for f in first]
    assert [f.message for f in third] == ["the number 12 of the source is not in the translation"]
    # Without a memo, with other translations beside it, or in the ui catalog (formatted by
    # the templates), an entry is checked again.
    check_message(tag, source_lang="en", target_lang="ru")
    check(tag, "a.po", other_translations={"kk": "10 фильмов"})
    check(tag, "ui.po", domain="ui")
    assert len(calls) == 5
