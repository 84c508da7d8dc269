"""The leak check: the chrome and calendar of another language on a page.

What leaks when a site is localised is what nobody thought of as text to translate: another
language's `ui` strings (its translations, and the English msgids), the chrome vocabulary of
news pages (`importers/chrome.toml` and `[import.chrome]`: ad banners, share buttons, ...),
month and weekday names, and text of another script. The check reads each unit a page shows —
a translation, or a `ui` string — beside its source text:

- a phrase of that vocabulary is a leak unless the unit's own source has it too, or the page's
  language uses the same phrase itself (ВКонтакте is a Kazakh share label as well);
- a word in the other script (Cyrillic on an English page, Latin on a Russian or Kazakh page,
  Kazakh letters on a Russian page) is a leak unless the unit's source has it: names, brands,
  outlets and titles stand in the source of the unit that keeps them.

The text of an original-language article is its author's and is never judged here; nor are the
names the glossary allows for the language and `[publish] allowed_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale

from l10n_news.checks.scripts import only_basic_letters, script_of
from l10n_news.languages import LANGUAGES, get_language

_CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
_WORD = re.compile(r"[^\W\d_]+")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
_RUN = re.compile(r"\w+")  # what the phrase pattern's word boundaries (\w) delimit
_FORMAT_DIRECTIVE = re.compile(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]|\{[^{}]*\}")
# A single word of the other Cyrillic language must be this long to count: Russian and Kazakh
# share many short words (автор, тег), but not «Реклама» or «Поделиться».
_MIN_SAME_SCRIPT_WORD = 6
# Where a word of a vocabulary comes from, as a report says it.
UI = "ui string"
CHROME = "site-chrome word"
CALENDAR = "month or weekday name"


@dataclass(frozen=True)
class Leak:
    page: str  # the page, or the catalog file:line of the unit
    lang: str
    word: str
    why: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}: «{self.word}» {self.why} (in “{self.context}”)"

    def as_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


@dataclass
class LeakGroup:
    """One leaking word and every place it was found: reports list groups, not occurrences."""

    lang: str
    word: str
    why: str
    places: list[str]
    context: str

    def __str__(self) -> str:
        more = f" and {len(self.places) - 1} more" if len(self.places) > 1 else ""
        return f"«{self.word}» {self.why}: {self.places[0]}{more} (in “{self.context}”)"

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__, count=len(self.places))


def group_leaks(leaks: Iterable[Leak]) -> list[LeakGroup]:
    groups: dict[tuple[str, str, str], LeakGroup] = {}
    for leak in leaks:
        key = (leak.lang, leak.word.casefold(), leak.why)
        group = groups.get(key)
        if group is None:
            groups[key] = LeakGroup(leak.lang, leak.word, leak.why, [leak.page], leak.context)
        elif leak.page not in group.places:
            group.places.append(leak.page)
    return list(groups.values())


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold().replace("ё", "е")))


@cache
def calendar_words(lang: str) -> frozenset[str]:
    """Full month and weekday names of `lang` (both grammatical forms), from CLDR."""
    locale = Locale.parse(lang)
    names: set[str] = set()
    for table in (locale.months, locale.days):
        for context in ("format", "stand-alone"):
            names.update(n.casefold().rstrip(".") for n in table[context]["wide"].values())
    return frozenset(n for n in names if len(n) > 2)


@lru_cache(maxsize=4096)  # a source unit is read once per language it is shown in
def _folded_source(source: str) -> tuple[str, frozenset[str]]:
    folded = f" {_fold(source)} "
    return folded, frozenset(folded.split())


def guess_language(phrase: str) -> str:
    """The language a chrome word of unknown origin most likely is, from its letters."""
    if _CYRILLIC.search(phrase):
        return "kk" if _KAZAKH_ONLY.search(phrase) else "ru"
    return "en"


class Vocabulary:
    """What counts as another language's chrome on a page in `lang`."""

    def __init__(
        self,
        lang: str,
        strings: dict[str, dict[str, str]],
        *,
        allowed: Iterable[str] = (),
        foreign_only: dict[str, dict[str, str]] | None = None,
    ) -> None:
        """`strings`: language -> {phrase: where it comes from (UI, CHROME, CALENDAR)}, the
        vocabulary known to be right; `foreign_only`: more of it (a workspace's own `ui`
        translations), which is a leak on another language's page but cannot vouch for a
        phrase on its own language's page (a Russian word in the Kazakh catalog)."""
        self.lang = lang
        language = get_language(lang)
        self.script = language.script
        self.on_page = f"on {'an' if language.name[0] in 'AEIOU' else 'a'} {language.name} page"
        own = {_fold(p) for p in strings.get(lang, {})}
        self.foreign: dict[str, tuple[str, str]] = {}  # folded phrase -> (language, kind)
        tables = [*strings.items(), *(foreign_only or {}).items()]
        for other, table in tables:
            if other == lang:
                continue
            same_script = get_language(other).script == self.script
            for phrase, kind in table.items():
                folded = _fold(phrase)
                if not folded or folded in own or folded in self.foreign:
                    continue
                short = " " not in folded and len(folded) < _MIN_SAME_SCRIPT_WORD
                if (same_script and short and kind != CALENDAR) or len(folded) < 3:
                    continue
                self.foreign[folded] = (other, kind)
        words = sorted(self.foreign, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if words else None
        # A phrase matches only where a whole word of the text is its first word: a text with
        # none of these (most units) is spared the long pattern.
        self._first_words = frozenset(w.split()[0] for w in words)
        self.allowed = frozenset(w for phrase in allowed for w in _fold(phrase).split())

    def find(self, text: str, source: str = "", *, where: str = "") -> list[Leak]:
        """Leaks in `text`, shown on a page in this language as the rendering of `source`."""
        if not text:
            return []
        clean = _FORMAT_DIRECTIVE.sub(" ", text) if "%" in text or "{" in text else text
        folded_source, source_words = _folded_source(source)
        leaks: list[Leak] = []
        seen: set[str] = set()

        def flag(word: str, why: str, start: int) -> None:
            key = word.casefold()
            if key in seen:
                return
            seen.add(key)
            context = " ".join(clean[max(0, start - 30) : start + len(word) + 30].split())
            leaks.append(Leak(where, self.lang, word, why, context))

        folded_text = clean.casefold().replace("ё", "е")
        if self._pattern is not None and not self._first_words.isdisjoint(
            _RUN.findall(folded_text)
        ):
            for m in self._pattern.finditer(folded_text):
                phrase = " ".join(m.group().split())
                if f" {phrase} " in folded_source:
                    continue
                other, kind = self.foreign[phrase]
                name = get_language(other).name
                a = "an" if name[0] in "AEIOU" else "a"
                flag(clean[m.start() : m.end()], f"is {a} {name} {kind} {self.on_page}", m.start())
        for m in _WORD.finditer(clean) if self._may_have_stray_letters(clean) else ():
            word = m.group()
            key = word.casefold().replace("ё", "е")
            if len(word) < 2 or key in source_words or key in self.allowed:
                continue
            why = self._script_problem(word)
            if why and not _inflected_from(key, source_words):
                flag(word, why, m.start())
        return leaks

    def _may_have_stray_letters(self, text: str) -> bool:
        """Whether any word of `text` could have a `_script_problem`: most units have none,
        and one look at the letters they use spares judging them word by word."""
        if self.script == "Cyrl" and only_basic_letters(text, "Cyrl"):
            # Cyrillic letters alone: only Kazakh ones on a Russian page can be wrong.
            return self.lang == "ru" and _KAZAKH_ONLY.search(text) is not None
        if self.script == "Latn" and only_basic_letters(text, "Latn"):
            return False
        return self._script_problem("".join(set(text))) is not None

    def _script_problem(self, word: str) -> str | None:
        # One place says which script a letter is (every Latin block included).
        scripts = {script_of(ch) for ch in word}
        if self.script == "Latn":
            return f"is Cyrillic {self.on_page}" if "Cyrl" in scripts else None
        if "Latn" in scripts and not _ROMAN_NUMERAL.fullmatch(word):
            return f"is Latin script {self.on_page}"
        if self.lang == "ru" and _KAZAKH_ONLY.search(word):
            return f"has Kazakh letters {self.on_page}"
        return None


def _inflected_from(word: str, source_words: frozenset[str]) -> bool:
    """A name the source has in another form: URL for URLs, Astana for Astana's."""
    return len(word) >= 3 and any(
        len(w) >= 3 and abs(len(w) - len(word)) <= 2 and (w.startswith(word) or word.startswith(w))
        for w in source_words
    )


_SKIPPED_ELEMENTS = {"script", "style", "template", "noscript"}
_READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def visible_text(html: str) -> list[str]:
    """The pieces of text a visitor sees on a page (or hears from a screen reader): text and
    alt/title/aria-label, not scripts, styles or what is marked `translate="no"`."""
    import lxml.html

    root = lxml.html.document_fromstring(
        html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
    )
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


def base_strings(chrome: dict[str, dict[str, list[str]]]) -> dict[str, dict[str, str]]:
    """Every language's chrome vocabulary and calendar: {lang: {phrase: kind}}."""
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        table = strings.setdefault(lang, {})
        table.update(dict.fromkeys(calendar_words(lang), CALENDAR))
        for words in chrome.get(lang, {}).values():
            table.update(dict.fromkeys(words, CHROME))
    return strings


def check_text(
    chunks: Iterable[str],
    lang: str,
    *,
    page: str = "",
    allowed: Iterable[str] = (),
    source: str = "",
) -> list[Leak]:
    """Leaks in plain text shown on a page in `lang`, with the default vocabulary."""
    vocabulary = default_vocabulary(lang)
    if allowed:
        vocabulary = Vocabulary(lang, _default_strings(), allowed=allowed)
    leaks: list[Leak] = []
    seen: set[str] = set()
    for chunk in chunks:
        for leak in vocabulary.find(chunk, source, where=page):
            if leak.word.casefold() not in seen:
                seen.add(leak.word.casefold())
                leaks.append(leak)
    return leaks


@cache
def _default_strings() -> dict[str, dict[str, str]]:
    from l10n_news.importers.chrome import default_vocabulary as chrome_words

    return base_strings(chrome_words())


@cache
def default_vocabulary(lang: str) -> Vocabulary:
    return Vocabulary(lang, _default_strings())
