"""Markdown segmentation and rebuild on mdpo's real fixtures."""

import re

import pytest
from markdown_it import MarkdownIt

from l10n_news.sources import parse_article, segment_article, translate_article
from l10n_news.sources.markdown import protect_links, restore_links

FRONT = "---\ntitle: T\nlang: en\ndate: 2024-01-01T00:00:00+05:00\n---\n"
md = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def fixtures(shared):
    folder = shared / "corpus" / "markdown" / "po2md-translate-examples"
    return sorted(p for p in folder.glob("*.md") if not p.name.endswith(".expect.md"))


def normalise(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


def test_identity_translation_renders_the_same_html(shared):
    checked = 0
    for path in fixtures(shared):
        body = path.read_text("utf-8")
        article = parse_article(FRONT + body, "x")
        rebuilt = translate_article(article, lambda seg: seg.text)
        assert rebuilt.missing == []
        assert normalise(md.render(rebuilt.body)) == normalise(md.render(article.body)), path.name
        checked += 1
    assert checked >= 20


def test_no_url_is_ever_in_a_msgid(shared):
    for path in fixtures(shared):
        article = parse_article(FRONT + path.read_text("utf-8"), "x")
        for seg in segment_article(article):
            for target in seg.links:
                url = target.split()[0].strip("<>")
                if url:
                    assert f"({url}" not in seg.text, (path.name, seg.text)


@pytest.mark.parametrize(
    "inline",
    [
        'See [the site](https://example.kz/a_(b) "Title") and ![logo](img/l.png).',
        "Plain text with no links.",
        "[a](<url with spaces>) then [b](u2 'single')",
    ],
)
def test_protect_and_restore_links_round_trip(inline):
    protected, links = protect_links(inline)
    assert "](" not in protected
    assert restore_links(protected, links) == inline


def _blocks_of(parser: MarkdownIt, text: str) -> list[tuple]:
    return [(t.type, t.map, t.content, t.markup, t.info, t.attrs) for t in parser.parse(text)]


def test_units_come_from_the_same_blocks_as_a_full_parse_gives(shared):
    """The segmenter parses block structure only; a full parse (inline too) has the same."""
    from l10n_news.sources import markdown as segmenter

    texts = [p.read_text("utf-8") for p in fixtures(shared)]
    texts += [p.read_text("utf-8") for p in sorted((shared / "corpus/news").rglob("*.txt"))]
    assert len(texts) > 20
    for text in texts:
        assert _blocks_of(segmenter._md, text) == _blocks_of(md, text)


def test_a_setext_heading_is_rebuilt_once_with_its_underline():
    article = parse_article(FRONT + "Two line\nheading\n===\n\nText.\n\nOne line\n---\n", "x")
    translated = translate_article(article, lambda seg: seg.text.upper())
    assert translated.body == "TWO LINE HEADING\n===\n\nTEXT.\n\nONE LINE\n---\n"
    html = md.render(translated.body)
    assert "<h1>TWO LINE HEADING</h1>" in html and "<h2>ONE LINE</h2>" in html
