"""What every importer produces (a `PageDraft`), and how it becomes article.md text."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from l10n_news.importers.dates import PageDate, format_page_date

# Russian and Kazakh letters -> Latin, for slugs (a simple, readable romanisation). The Kazakh
# letters take the base letter of the 2021 Latin alphabet (ғ ğ -> g, ң ñ -> n, қ -> q, ө ö -> o),
# as Kazakh sites' own addresses do: «Қазақстанның» -> qazaqstannyn.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}  # fmt: skip
SLUG_MAX = 80
# A slug cut to length should not end on a word that only joins others ("...-in-the").
_JOINING_WORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by",
        "from", "v", "na", "i", "s", "k", "o", "ob", "po", "za", "do", "ot", "iz", "dlya",
        "jane", "men", "pen", "ushin", "turaly",
    }
)  # fmt: skip
# Markdown that a line of plain text would accidentally start: heading, quote, list, rule, fence.
_MARKDOWN_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|[-*_=]{3,}\s*$|```|~~~)")


@dataclass(frozen=True)
class DroppedLine:
    """A chrome line kept out of the article; `label` is its vocabulary entry."""

    text: str
    label: str
    line: int


@dataclass
class PageDraft:
    title: str
    # A datetime when the page gives a time, a date when it gives only the day; None only
    # when the caller said the date is not needed (a translation of an existing article).
    date: PageDate | None
    lang: str
    body: str  # Markdown
    section: list[str] = field(default_factory=list)
    author: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    dropped: list[DroppedLine] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # photo credits, never in the body
    images: list[tuple[str, str]] = field(default_factory=list)  # (src, caption)

    def add_credit(self, text: str) -> None:
        if text and text not in self.credits:
            self.credits.append(text)


def transliterate(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())


def slugify(title: str) -> str:
    """'Мы сняли фильм: оператор' -> 'my-snyali-film-operator' ([a-z0-9-]+, at most 60)."""
    # An apostrophe joins ("team's" -> teams), it does not split a word in two.
    title = re.sub(r"(?<=\w)['’ʼ](?=\w)", "", title)
    text = unicodedata.normalize("NFKD", transliterate(title))
    text = text.encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > SLUG_MAX:
            while len(kept) > 1 and kept[-1] in _JOINING_WORDS:
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept) or (words[0][:SLUG_MAX] if words else "")


def escape_paragraph(text: str) -> str:
    """Plain text as a Markdown paragraph that reads back as the same text."""
    return "\\" + text if _MARKDOWN_START.match(text) else text


def _quoted(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: nothing in it is read as YAML syntax.
    return json.dumps(value, ensure_ascii=False)


def render_article(draft: PageDraft) -> str:
    """article.md text: front matter with every string quoted, then the Markdown body."""
    assert draft.date is not None, "parse_page(need_date=True) gives every article a date"
    lines = ["---", f"title: {_quoted(draft.title)}", f"lang: {draft.lang}"]
    lines.append(f"date: {_quoted(format_page_date(draft.date))}")
    if draft.section:
        lines.append(f"section: [{', '.join(_quoted(s) for s in draft.section)}]")
    if draft.author:
        lines.append(f"author: {_quoted(draft.author)}")
    if draft.summary:
        lines.append(f"summary: {_quoted(draft.summary)}")
    if draft.tags:
        lines.append(f"tags: [{', '.join(_quoted(t) for t in draft.tags)}]")
    if draft.credits:
        lines.append(f"credit: {_quoted('; '.join(draft.credits))}")
    if draft.images:
        lines.append("images:")
        for src, caption in draft.images:
            lines.append(f"  - src: {_quoted(src)}")
            if caption:
                lines.append(f"    caption: {_quoted(caption)}")
    lines += ["---", ""]
    return "\n".join(lines) + draft.body.strip("\n") + "\n"
