"""The body renderer's plain-text shortcut renders exactly what markdown-it itself renders."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from l10n_news.publish.render import body_markdown, render_markdown

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "Plain sentence with «кавычки», a\u00a0no-break space and 48 фильмов.",
    "Characters the text rule stops at: - : % # $ + = @ ^ { } ' \" ( ) , . ; ? /",
    "Two lines\nof one paragraph",
    "A hard break  \nafter two spaces",
    "An escaped \\*star\\* and a back\\\\slash",
    "Some `code` and ~~struck~~ and *emphasis* and __strong__",
    "A [link](https://example.kz/a) and ![an image](pic.jpg) and [ref][1]\n\n[1]: https://x.kz",
    "An autolink <https://example.kz> and <b>raw html</b> and &amp; &copy; &#1049;",
    "A bare address https://example.kz/page stays text",
    "# Heading with *marks*\n\n- item one\n- item **two**\n\n> quoted _text_",
    "| a | b |\n|---|---|\n| plain cell | *marked* cell |",
    "Snake_case_word and 2*3*4 and !important",
    "",
    "   ",
]


def _texts_of_sample() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "articles").rglob("article.md"))]
    for po in sorted((ROOT / "locales").rglob("*.po")):
        texts += [s for e in polib.pofile(str(po)) for s in (e.msgid, e.msgstr)]
    return texts


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_render_as_markdown_it_renders_them(text: str) -> None:
    assert str(render_markdown(text)) == body_markdown().render(text)


def test_the_sample_renders_as_markdown_it_renders_it() -> None:
    texts = _texts_of_sample()
    assert len(texts) > 100
    reference = body_markdown()
    assert [str(render_markdown(t)) for t in texts] == [reference.render(t) for t in texts]


def test_real_news_renders_as_markdown_it_renders_it(shared: Path) -> None:
    texts = [p.read_text("utf-8") for p in sorted((shared / "corpus/news").rglob("*.txt"))]
    assert len(texts) >= 5
    reference = body_markdown()
    for text in texts:
        assert str(render_markdown(text)) == reference.render(text)
