from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_news.catalogs.catalog import Message
from l10n_news.checks import unsafe
from l10n_news.errors import PublishError
from l10n_news.publish import publish_workspace
from l10n_news.publish.safety import check_translation, markup_signature
from test_publish_site import PARAGRAPH, TRANSLATIONS, make_workspace, write_catalog


@pytest.mark.parametrize(
    ("translation", "what"),
    [
        ("Текст <script>alert(1)</script>", "a <script> tag"),
        ('Текст <img src=x onerror="alert(1)">', "an event-handler attribute"),
        ("[Текст](javascript:alert(1))", "a javascript: or data: URL"),
        ("[Текст](java\tscript&#58;alert(1))", "a javascript: or data: URL"),
    ],
)
def test_active_content_is_refused_naming_the_po_line(translation: str, what: str) -> None:
    msg = Message(msgid="Some text", msgstr=translation, lineno=12)
    with pytest.raises(PublishError, match=what) as info:
        check_translation(msg, "locales/ru/LC_MESSAGES/a.po")
    assert str(info.value).startswith("locales/ru/LC_MESSAGES/a.po:12: refused:")


def test_markup_must_come_from_the_source() -> None:
    assert markup_signature("a **b** [c][1]") == markup_signature("[в][1] **б** а")
    check_translation(Message(msgid="a **b** c", msgstr="а б в"), "x.po")  # dropping is harmless
    with pytest.raises(PublishError, match=r"adds markup its source does not have \(</b>, <b>\)"):
        check_translation(Message(msgid="plain", msgstr="<b>жирный</b>", lineno=3), "x.po")
    with pytest.raises(PublishError, match=r"\(ref2\)"):
        check_translation(Message(msgid="see [here][1]", msgstr="[тут][1] и [там][2]"), "x.po")


def test_unsafe_translation_holds_back_only_its_variant(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=("kk",))
    table = dict(TRANSLATIONS["ru"])
    table[PARAGRAPH] = "Во вторник <script>alert('x')</script> открыли зал."
    path = write_catalog(ws, "ru", "library-hall", table)
    report = publish_workspace(ws)
    line = next(
        i for i, text in enumerate(path.read_text("utf-8").split("\n"), 1) if PARAGRAPH in text
    )
    problems = report.problems["ru/library-hall"]
    where = problems[0].split(": ", 1)[0]
    assert where.startswith("locales/ru/LC_MESSAGES/library-hall.po:")
    assert int(where.rsplit(":", 1)[1]) <= line
    assert any("[unsafe-markup]" in p for p in problems)  # the check's own id
    assert not (ws.root / "site/ru/library-hall/index.html").exists()
    assert (ws.root / "site/kk/library-hall/index.html").is_file()
    assert "/ru/library-hall/" not in (ws.root / "site/sitemap.xml").read_text("utf-8")


def test_an_ignored_unsafe_finding_is_still_refused(tmp_path: Path) -> None:
    # The ignore comment lets a check's error stand; it cannot make active content safe.
    ws = make_workspace(tmp_path / "ws", langs=("kk",))
    table = dict(TRANSLATIONS["ru"])
    table[PARAGRAPH] = "Во вторник <svg/onload=alert(1)> открыли зал."
    path = write_catalog(ws, "ru", "library-hall", table)
    text = path.read_text("utf-8").replace(
        "# reviewed: tester", "# l10n-news: ignore all\n# reviewed: tester"
    )
    path.write_text(text, "utf-8")
    report = publish_workspace(ws)
    assert "[unsafe-markup] carries an event-handler" in report.languages["ru"].held["library-hall"]
    assert not (ws.root / "site/ru/library-hall").exists()


def test_raw_html_in_a_source_and_its_translation_is_shown_as_text(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", langs=())
    article = ws.article_path("library-hall")
    article.write_text(article.read_text("utf-8") + "\nPress <kbd>5</kbd> & wait.\n", "utf-8")
    table = dict(TRANSLATIONS["ru"])
    table["Press <kbd>5</kbd> & wait."] = "Нажмите <kbd>5</kbd> и ждите."
    write_catalog(ws, "ru", "library-hall", table)
    report = publish_workspace(ws)
    # The tag's name stands in the unit's source too: not a leak, whatever its script.
    assert not report.leaks and report.languages["ru"].published == ["library-hall"]
    page = (ws.root / "site/ru/library-hall/index.html").read_text("utf-8")
    assert "Нажмите &lt;kbd&gt;5&lt;/kbd&gt; и ждите." in page
    assert "Press &lt;kbd&gt;5&lt;/kbd&gt; &amp; wait." in (
        ws.root / "site/en/library-hall/index.html"
    ).read_text("utf-8")


def test_ui_translations_are_escaped(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    ui = ws.po_path("ru", "ui")
    ui.write_text(
        ui.read_text("utf-8").replace('msgstr "Реклама"', 'msgstr "Реклама & <i>"'), "utf-8"
    )
    report = publish_workspace(ws)
    assert "<i>" in report.languages["ru"].held["library-hall"]
    assert report.languages["kk"].published == ["library-hall"]
    assert not (ws.root / "site/ru").exists()
    ui.write_text(
        ui.read_text("utf-8").replace('msgstr "Реклама & <i>"', 'msgstr "Реклама & Ко"'), "utf-8"
    )
    publish_workspace(ws)
    page = (ws.root / "site/ru/library-hall/index.html").read_text("utf-8")
    assert "Реклама &amp; Ко" in page


@given(st.text(alphabet="ab 1.#>-+*_`[]()<>=:&~!\\\n\u202e\u200fон", max_size=24))
def test_a_text_the_shortcut_passes_has_nothing_any_rule_counts(text: str) -> None:
    """`unsafe_problems` passes a text without one of `_ANY_SIGN` or a block's first
    character at once: such a text must have no active content, markup or structure."""
    if unsafe._ANY_SIGN.search(text) or text.lstrip()[:1] in unsafe._BLOCK_FIRST:
        return
    assert unsafe._active_content(text) == ()
    assert not unsafe.markup_signature(text)
    assert not unsafe.structure_signature(text)


def _parsed_signature(text: str) -> Counter[str]:
    """`markup_signature` as markdown-it's parse gives it, with no shortcut."""
    signature: Counter[str] = Counter()
    for block in unsafe._inline_md.parseInline(text):
        for tok in block.children or []:
            if tok.type not in ("text", "softbreak", "hardbreak"):
                signature[tok.type] += 1
    signature.update(f"ref{n}" for n in unsafe._LINK_REF.findall(text))
    signature["image syntax"] = len(unsafe._IMAGE.findall(text))
    return +signature


@given(st.text(alphabet="ab 1[]()!:/.\n", max_size=30))
def test_brackets_alone_make_the_signature_the_parse_makes(text: str) -> None:
    unsafe.markup_signature.cache_clear()
    assert unsafe.markup_signature(text) == _parsed_signature(text)
