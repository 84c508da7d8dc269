"""The body renderer's shortcuts render exactly what markdown-it itself renders: the plain-text
paragraph, and a translation put into the blocks of its source parsed once per article."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_news.publish import render
from l10n_news.publish.render import body_markdown, render_body, render_markdown
from l10n_news.sources import parse_article, translate_article

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


FRONT = "---\ntitle: T\nlang: en\ndate: 2024-01-01T00:00:00+05:00\n---\n"


def _bodies(shared: Path) -> list[str]:
    bodies = [p.read_text("utf-8") for p in sorted((shared / "corpus/news").rglob("*.txt"))]
    examples = shared / "corpus/markdown/po2md-translate-examples"
    bodies += [p.read_text("utf-8") for p in sorted(examples.glob("*.md"))]
    bodies += [p.read_text("utf-8").split("---\n", 2)[2] for p in (ROOT / "articles").rglob("*.md")]
    return [*bodies, *TRICKY]


def _same_both_ways(body: str, translate) -> bool:
    """Renders the body both ways and compares; True when the blocks were reused."""
    article = parse_article(FRONT + body, "x")
    translated = translate_article(article, translate)
    assert render_body(article.body, translated.units, translated.body) == render_markdown(
        translated.body
    )
    blocks = render._body_html(article.body)
    return blocks is not None and all(map(render._stays_inline, translated.units))


def test_translations_render_in_their_source_blocks_as_markdown_it_renders_them(shared):
    bodies = _bodies(shared)
    ways = [
        lambda seg: seg.text,  # the source page
        lambda seg: seg.text.upper(),
        lambda seg: " ".join(reversed(seg.text.split())),  # markup moved about
        lambda seg: "Аударма *мәтіні* мен [сілтеме][1] " + seg.text[:20],
    ]
    reused = sum(_same_both_ways(body, way) for body in bodies for way in ways)
    assert reused > len(bodies), "most real bodies take the shortcut: the test compares it"


# What a translator may type: block markers, breaks, pipes, closing hashes, entities.
TRANSLATION = st.text(alphabet="аәб xy#>-+*=_~`|[]()<>!\\\n\r\t 1.)&;:/", max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(TRANSLATION, min_size=1, max_size=8))
def test_any_translation_renders_as_its_rebuilt_body_renders(texts: list[str]) -> None:
    body = (
        "# Heading\n\nA paragraph\nof two lines.\n\n- an item\n- another *item*\n\n"
        "> quoted\n\nSetext\n===\n\n1. first\n\nSee [the page][1].\n\n"
        "[1]: https://example.kz/page\n"
    )
    count = iter(range(10_000))
    _same_both_ways(body, lambda seg: texts[next(count) % len(texts)])
