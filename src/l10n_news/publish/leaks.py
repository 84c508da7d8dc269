"""The leak check: text of the wrong language or script on a published page.

It reads what a visitor sees (text, plus alt/title/aria-label), skipping scripts, styles and
anything marked `translate="no"` (HTML's own "do not translate" marker, which the theme puts on
the language switcher's language names, the site name and the phone number). On an English page
any Cyrillic word is a leak; on a Russian or Kazakh page any Latin word is, and so is a word of
the other Cyrillic language (Kazakh letters on a Russian page, Russian month names on a Kazakh
one). Names the glossary allows and the configured `allowed_words` pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import lxml.html
from babel import Locale

from l10n_news.languages import get_language
from l10n_news.workspace import Workspace

_CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
_SKIPPED_ELEMENTS = {"script", "style", "template", "noscript"}
_READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


@dataclass(frozen=True)
class Leak:
    page: str
    lang: str
    word: str
    why: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}: «{self.word}» {self.why} (in “{self.context}”)"

    def as_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


_UTF8_HTML = lxml.html.HTMLParser(encoding="utf-8")


def visible_text(html: str) -> list[str]:
    """The pieces of text a visitor sees on the page (or hears from a screen reader).

    Parsed with lxml, which reads a page about ten times faster than html.parser: the leak
    check reads every page publishing writes.
    """
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_HTML)
    chunks: list[str] = []

    def walk(element: lxml.html.HtmlElement, parent_hidden: bool) -> None:
        is_element = isinstance(element.tag, str)  # comments and processing instructions
        hidden = (
            parent_hidden
            or not is_element
            or (element.tag in _SKIPPED_ELEMENTS or element.get("translate") == "no")
        )
        if not hidden:
            chunks.extend(v for k in _READ_ATTRIBUTES if (v := element.get(k)))
            if element.text and element.text.strip():
                chunks.append(element.text)
        for child in element:
            walk(child, hidden)
        if element.tail and element.tail.strip() and not parent_hidden:
            chunks.append(element.tail)

    walk(root, False)
    return chunks


@cache
def _month_names(lang: str) -> frozenset[str]:
    months = Locale.parse(lang).months
    names = {
        name.lower()
        for context in ("format", "stand-alone")
        # Only full names: abbreviations such as kk «там.» are ordinary Russian words.
        for width in ("wide",)
        for name in months[context][width].values()
    }
    return frozenset(n.rstrip(".") for n in names if len(n.rstrip(".")) > 2)


def _foreign_months(lang: str) -> dict[str, str]:
    """Month names of the other Cyrillic language that this one does not also use."""
    other = {"kk": "ru", "ru": "kk"}.get(lang)
    if other is None:
        return {}
    own = _month_names(lang)
    return {name: other for name in _month_names(other) - own}


def _expand_allowed(words: Iterable[str]) -> frozenset[str]:
    """Allowed names, word by word and lowercased: "Harmony Lessons" allows both words."""
    out: set[str] = set()
    for phrase in words:
        out.update(w.lower() for w in _LATIN.findall(phrase))
        out.update(w.lower() for w in _CYRILLIC.findall(phrase))
    return frozenset(out)


def check_text(
    chunks: Iterable[str], lang: str, *, page: str = "", allowed: Iterable[str] = ()
) -> list[Leak]:
    """Leaks in plain text chunks shown on a page in `lang`."""
    script = get_language(lang).script
    name = get_language(lang).name
    on_page = f"on {'an' if name[0] in 'AEIOU' else 'a'} {name} page"
    ok = _expand_allowed(allowed)
    months = _foreign_months(lang)
    leaks: list[Leak] = []
    seen: set[str] = set()

    def flag(word: str, why: str, chunk: str, start: int) -> None:
        if word.lower() in ok or word in seen:
            return
        seen.add(word)
        context = chunk[max(0, start - 30) : start + len(word) + 30].strip()
        leaks.append(Leak(page, lang, word, why, " ".join(context.split())))

    for chunk in chunks:
        if script == "Latn":
            for m in _CYRILLIC.finditer(chunk):
                flag(m.group(), f"is Cyrillic {on_page}", chunk, m.start())
            continue
        for m in _LATIN.finditer(chunk):
            if not _ROMAN_NUMERAL.fullmatch(m.group()):
                flag(m.group(), f"is Latin script {on_page}", chunk, m.start())
        for m in _CYRILLIC.finditer(chunk):
            word = m.group()
            if lang == "ru" and _KAZAKH_ONLY.search(word):
                flag(word, f"has Kazakh letters {on_page}", chunk, m.start())
            elif word.lower() in months:
                flag(
                    word,
                    f"is a {get_language(months[word.lower()]).name} month name {on_page}",
                    chunk,
                    m.start(),
                )
    return leaks


def check_html(html: str, lang: str, *, page: str = "", allowed: Iterable[str] = ()) -> list[Leak]:
    return check_text(visible_text(html), lang, page=page, allowed=allowed)


def glossary_names(ws: Workspace, lang: str) -> set[str]:
    """Names the glossary lets stand in another script; empty while there is no glossary module."""
    try:
        from l10n_news.glossary import Glossary  # type: ignore[import-not-found]
    except ImportError:
        return set()
    loader = getattr(Glossary, "load", None)
    if loader is None:
        return set()
    glossary = loader(ws)
    names = getattr(glossary, "allowed_names", None)
    return set(names(lang)) if names is not None else set()
