"""Markup: tags and Markdown links as in the source, balanced, and nothing executable."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.markup import check_markup, check_unsafe_markup, unbalanced_tags


def markup(source: str, target: str) -> list[str]:
    return check_markup(CheckInput(source, target, "en", "kk"))


def test_same_tags_translated_attributes_may_change() -> None:
    assert (
        markup(
            '<a href="/x" title="Read">the <b>film</b></a>',
            '<a href="/x" title="Оқу"><b>фильм</b></a>',
        )
        == []
    )


def test_changed_or_lost_tags() -> None:
    assert markup('<a href="/x">film</a>', '<a href="/y">фильм</a>') == [
        'the tag <a href="/x"> of the source is missing',
        'the tag <a href="/y"> is not in the source',
    ]
    assert "<b> is not closed" in markup("<b>Now</b>", "<b>Қазір<b>")


def test_markdown_link_references_and_targets_unchanged() -> None:
    assert (
        markup(
            "See [the programme][1] and [site](https://kino.kz)",
            "[Бағдарламаны][1] және [сайтты](https://kino.kz) қараңыз",
        )
        == []
    )
    assert markup("See [the programme][1]", "[Бағдарламаны][2] қараңыз") == [
        "the link [ref] 1 of the source is missing or changed",
        "the link [ref] 2 is not in the source",
    ]


def test_markdown_emphasis_counts() -> None:
    assert markup("A **bold** move", "**Батыл** қадам") == []
    assert markup("A **bold** move", "**Батыл қадам") == [
        "the source has 2 ** emphasis marker(s), the translation 1"
    ]


def test_unbalanced_tags() -> None:
    assert unbalanced_tags("<p>a<br>b</p>") == []
    assert unbalanced_tags("</i>") == ["</i> closes no open tag"]


def test_unsafe_markup() -> None:
    def unsafe(target: str) -> list[str]:
        return check_unsafe_markup(CheckInput("Click here", target))

    assert unsafe("Мұнда басыңыз") == []
    assert unsafe("<script>alert(1)</script>") == [
        "carries a <script> tag",
        "adds markup its source does not have (</script>, <script>)",
    ]
    assert unsafe('x" onmouseover="alert(1)') == ["carries an event-handler attribute (on...=)"]
    assert unsafe("[басыңыз](javascript:alert(1))") == ["carries a javascript: or data: URL"]
