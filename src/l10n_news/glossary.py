"""The workspace glossary: fixed renderings of terms and names, per language.

`glossary.csv` at the workspace root (or `[glossary] path`) has one term per row:

    en,ru,kk,note,do_not_translate
    Silver Bear,Серебряный медведь,Күміс аю,a Berlinale prize,
    Netflix,,,a brand,yes

A language cell may hold several forms separated by `|`: the first is the required rendering,
the others are accepted too, and a form starting with `!` is a known wrong rendering (reported
by `check`, replaced by `enforce`). A do-not-translate row keeps its first written form in
every language.

A `.tbx` path is read as TBX v2 or v3 instead (`read_tbx`).

Matching is case-insensitive, on word boundaries, longest term first, and lets a Russian or
Kazakh word take an inflection ending ("Берлинале" matches "Берлиналеде").

A newsroom's glossary of names runs to tens of thousands of rows, so terms are not tried one
by one: every form is indexed by the first letters of its first word (case- and ё-folded),
each word of a text looks up the forms its first letters could begin, and only those few are
tried, with the form's own pattern, at that word.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n_news.catalogs.tbx import read_tbx
from l10n_news.errors import ConfigError
from l10n_news.fileio import read_text
from l10n_news.languages import LANGUAGES, get_language
from l10n_news.workspace import Workspace

DEFAULT_PATH = "glossary.csv"
LANGUAGE_COLUMNS = tuple(LANGUAGES)  # ru, en, kk
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"", "no", "n", "false", "0"}

# Letters a Russian or Kazakh word may take beyond its glossary form. Kazakh stacks suffixes
# ("фестивальдерінде"), so it gets more room.
_CYRILLIC_LETTER = "[а-яёәғқңөұүһі]"
_ENDING_ROOM = {"ru": 3, "kk": 6}
_REPLACEABLE_FINAL = "аяоеёуюыиэйьі"
_RU_ADJECTIVE_ENDINGS = {"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"}
_MIN_STEM = 4
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD_RE = re.compile(r"\w+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Term:
    """One glossary row."""

    forms: dict[str, tuple[str, ...]]  # lang -> accepted forms, the required one first
    wrong: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> known wrong forms
    note: str | None = None
    do_not_translate: bool = False
    line: int | None = None

    @functools.cached_property
    def label(self) -> str:
        """How the term is named in messages: its English form, else the first written."""
        for lang in ("en", *LANGUAGE_COLUMNS):
            if self.forms.get(lang):
                return self.forms[lang][0]
        return "?"

    def rendering(self, lang: str) -> str | None:
        """The required form in `lang` (None when the glossary gives none)."""
        if self.do_not_translate:
            return self.label
        forms = self.forms.get(lang)
        return forms[0] if forms else None

    def accepted(self, lang: str) -> tuple[str, ...]:
        """Every form that satisfies the glossary in `lang`."""
        if not self.do_not_translate:
            return self.forms.get(lang, ())
        return self._kept_forms.get(lang) or (self.label,)

    @functools.cached_property
    def _kept_forms(self) -> dict[str, tuple[str, ...]]:
        # A do-not-translate term: its label, then whatever the row writes per language.
        return {lang: tuple(dict.fromkeys((self.label, *f))) for lang, f in self.forms.items()}


@dataclass(frozen=True)
class TermMatch:
    term: Term
    start: int
    end: int
    text: str  # as written in the text, with its ending


class Glossary:
    """Terms with their renderings; build with `Glossary.load(ws)` or `Glossary.parse(text)`."""

    def __init__(self, terms: Iterable[Term] = (), *, path: str | Path | None = None) -> None:
        self.terms: list[Term] = list(terms)
        self.path = str(path) if path is not None else None
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self._indexes: dict[str, _FormIndex] = {}
        self._allowed: dict[str, set[str]] = {}
        self._protected: dict[str, frozenset[str]] = {}
        self._keep: list[Term] | None = None

    def __len__(self) -> int:
        return len(self.terms)

    # --- loading ---------------------------------------------------------------------
    @classmethod
    def load(cls, ws: Workspace) -> Glossary:
        """The workspace's glossary; an empty one when the file does not exist."""
        section = ws.section("glossary")
        rel = section.get("path", DEFAULT_PATH)
        if not isinstance(rel, str) or not rel:
            raise ConfigError("[glossary] path must be a file name", path=ws.config_path)
        path = ws.root / rel
        if not path.exists():
            if "path" in section:
                raise ConfigError(f"[glossary] path: {rel} does not exist", path=ws.config_path)
            return cls(path=ws.relative(path))
        if path.suffix.lower() == ".tbx":
            shown = ws.relative(path)
            entries = read_tbx(path.read_bytes(), path=shown)
            terms = [Term(e.forms, e.wrong, note=e.note, line=e.line) for e in entries]
            return cls(terms, path=shown)
        return cls.parse(read_text(path), path=ws.relative(path))

    @classmethod
    def parse(cls, text: str, *, path: str | Path | None = None) -> Glossary:
        with _bulk():
            return cls._parse(text, path)

    @classmethod
    def _parse(cls, text: str, path: str | Path | None) -> Glossary:
        reader = csv.reader(io.StringIO(text))
        rows = _rows(reader, path)
        header = [h.strip().lower() for h in next(rows, (1, []))[1]]
        if not any(lang in header for lang in LANGUAGE_COLUMNS):
            raise ConfigError(
                f"the first row must name the columns ({','.join(LANGUAGE_COLUMNS)},note,"
                "do_not_translate)",
                path=path,
                line=1,
            )
        unknown = [
            h for h in header if h and h not in (*LANGUAGE_COLUMNS, "note", "do_not_translate")
        ]
        if unknown:
            raise ConfigError(f"unknown column {unknown[0]!r}", path=path, line=1)
        terms = []
        for line, row in rows:
            if not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(header):
                raise ConfigError(
                    f"{len(row)} cells but {len(header)} columns (quote cells with commas)",
                    path=path,
                    line=line,
                )
            cells = dict(zip(header, (c.strip() for c in row), strict=False))
            terms.append(_term_from_cells(cells, path, line))
        return cls(terms, path=path)

    # --- finding terms ---------------------------------------------------------------
    def find(self, text: str, lang: str) -> list[TermMatch]:
        """Where terms occur in `text` (written in `lang`), longest first, never overlapping."""
        index = self._index(lang)
        if not index.by_key and not index.unkeyed:
            return []
        found: list[tuple[int, int, TermMatch]] = []  # (term's row, form's place, match)

        def attempt(entry: _IndexedForm, at: int | None) -> None:
            order, place, term, form = entry
            pattern = self._pattern(lang, form)
            matches = pattern.finditer(text) if at is None else [pattern.match(text, at)]
            for m in filter(None, matches):
                found.append((order, place, TermMatch(term, m.start(), m.end(), m.group())))

        for word in _WORD_RE.finditer(text):
            letters = _fold(word.group()[: index.longest])
            for size in range(1, len(letters) + 1):
                for entry in index.by_key.get(letters[:size], ()):
                    attempt(entry, word.start())
        for entry in index.unkeyed:
            attempt(entry, None)
        # Longest first; on a tie, the earlier row and form win, as listed in the glossary.
        found.sort(key=lambda f: (-(f[2].end - f[2].start), f[2].start, f[0], f[1]))
        taken: list[TermMatch] = []
        for _, _, cand in found:
            if all(cand.end <= t.start or cand.start >= t.end for t in taken):
                taken.append(cand)
        return sorted(taken, key=lambda m: m.start)

    def terms_in(self, text: str, lang: str) -> list[Term]:
        """The terms `text` uses, each once, in order of first appearance."""
        seen: dict[int, Term] = {}
        for match in self.find(text, lang):
            seen.setdefault(id(match.term), match.term)
        return list(seen.values())

    def protected_names(self, lang: str) -> frozenset[str]:
        """Names that may stay as written in `lang`: forms in another script and the
        do-not-translate terms (computed once per language)."""
        if lang not in self._protected:
            names = self.allowed_names(lang)
            for term in self.do_not_translate_terms():
                names.update(term.accepted(lang))
            self._protected[lang] = frozenset(names)
        return self._protected[lang]

    def do_not_translate_terms(self) -> list[Term]:
        if self._keep is None:
            self._keep = [t for t in self.terms if t.do_not_translate]
        return list(self._keep)

    def allowed_names(self, lang: str) -> set[str]:
        """Glossary forms that may stand in another script on a page in `lang`."""
        if lang not in self._allowed:
            script = get_language(lang).script
            foreign = _LATIN_RE if script == "Cyrl" else _CYRILLIC_RE
            self._allowed[lang] = {
                form for t in self.terms for form in t.accepted(lang) if foreign.search(form)
            }
        return set(self._allowed[lang])

    # --- MT output -------------------------------------------------------------------
    def check(self, source_text: str, source: str, target: str, translation: str) -> list[str]:
        """One message per glossary rule `translation` breaks; empty when it keeps them all."""
        problems = []
        for term in self.terms_in(source_text, source):
            required = term.rendering(target)
            if required is None:
                continue
            for match in self._wrong_matches(term, target, translation):
                problems.append(
                    f"glossary: {match.text!r} is a wrong rendering of {term.label!r}; "
                    f"use {required!r}"
                )
            if not self._uses(term, target, translation):
                problems.append(
                    f"glossary: {term.label!r} should be rendered {required!r} in {target}"
                )
        return problems

    def enforce(self, source_text: str, source: str, target: str, translation: str) -> str:
        """Put required renderings in place of known wrong ones; change nothing else.

        Only a wrong form written exactly as listed (no ending) is replaced, so no inflected
        word is broken; anything else is left for the checks to report.
        """
        for term in self.terms_in(source_text, source):
            required = term.rendering(target)
            if required is None or self._uses(term, target, translation):
                continue
            for match in reversed(self._wrong_matches(term, target, translation)):
                if match.text.casefold() not in {w.casefold() for w in term.wrong[target]}:
                    continue  # inflected: replacing it would lose the ending
                fixed = _match_case(match.text, required)
                translation = translation[: match.start] + fixed + translation[match.end :]
        return translation

    # --- helpers ---------------------------------------------------------------------
    def _uses(self, term: Term, lang: str, text: str) -> bool:
        return any(self._pattern(lang, form).search(text) for form in term.accepted(lang))

    def _wrong_matches(self, term: Term, lang: str, text: str) -> list[TermMatch]:
        found = [
            TermMatch(term, m.start(), m.end(), m.group())
            for form in term.wrong.get(lang, ())
            for m in self._pattern(lang, form).finditer(text)
        ]
        return sorted(found, key=lambda m: m.start)

    def _index(self, lang: str) -> _FormIndex:
        index = self._indexes.get(lang)
        if index is None:
            with _bulk():
                index = self._indexes[lang] = _FormIndex.build(self.terms, lang)
        return index

    def _pattern(self, lang: str, form: str) -> re.Pattern[str]:
        pattern = self._patterns.get((lang, form))
        if pattern is None:
            pattern = self._patterns[(lang, form)] = term_pattern(form, lang)
        return pattern


_IndexedForm = tuple[int, int, Term, str]  # (term's row, form's place, term, form)


@dataclass
class _FormIndex:
    """Every accepted form of one language, keyed by the letters its matches must begin
    with (`_literal_head`, case- and ё-folded, up to its first non-word character); a form
    that starts with no letter or digit is tried everywhere (`unkeyed`)."""

    by_key: dict[str, list[_IndexedForm]]
    unkeyed: list[_IndexedForm]
    longest: int = 0  # the longest key: a text word's prefixes beyond it find nothing

    @classmethod
    def build(cls, terms: list[Term], lang: str) -> _FormIndex:
        by_key: dict[str, list[_IndexedForm]] = {}
        unkeyed: list[_IndexedForm] = []
        keys: dict[str, str | None] = {}  # first word -> key: names share first words
        for order, term in enumerate(terms):
            for place, form in enumerate(term.accepted(lang)):
                first = form.split(None, 1)[0] if form.strip() else form
                key = keys[first] if first in keys else keys.setdefault(
                    first, _index_key(first, lang)
                )
                entry = (order, place, term, form)
                if key is None:
                    unkeyed.append(entry)
                else:
                    by_key.setdefault(key, []).append(entry)
        return cls(by_key, unkeyed, max(map(len, by_key), default=0))


def _index_key(form: str, lang: str) -> str | None:
    """The folded letters every match of `form` starts with; None when there are none."""
    first = _WORD_RE.match(_literal_head(form, lang))
    if first is None:
        return None
    head = first.group()
    if len(head.lower()) != len(head):
        return None  # a letter whose lower case is longer ("İ"): tried everywhere
    return _fold(head)


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Build many small objects without the cycle collector: a 50,000-row glossary makes
    hundreds of thousands of tuples and dicts, none in a cycle, and the collector's repeated
    passes over them cost more than the building itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fold(letters: str) -> str:
    """As the patterns compare letters: case-insensitive, ё the same as е."""
    return letters.lower().replace("ё", "е")


def term_pattern(form: str, lang: str) -> re.Pattern[str]:
    """A regex for `form` in text of `lang`: case-insensitive, whole words, endings allowed."""
    room = _ENDING_ROOM.get(lang, 0)
    words = form.split()
    parts = [_word_pattern(w, room, i == len(words) - 1, lang) for i, w in enumerate(words)]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _word_pattern(word: str, room: int, is_last: bool, lang: str) -> str:
    escaped = _yo(re.escape(word))
    if lang == "en":
        # "Silver Bears", "the Berlinale's jury".
        return escaped + (r"(?:'s|’s|s)?" if is_last else "")
    if not room:
        return escaped
    if not _CYRILLIC_RE.search(word):
        # Kazakh adds a hyphenated suffix to a Latin name or an abbreviation: "Netflix-ке".
        return escaped + (rf"(?:-{_CYRILLIC_LETTER}{{1,{room}}})?" if lang == "kk" else "")
    if lang == "kk":
        # Kazakh only appends suffixes: "аю" -> "аюды", "Берлинале" -> "Берлиналеде".
        return escaped + f"{_CYRILLIC_LETTER}{{0,{room}}}"
    stem = _ru_stem(word)
    if stem == word:
        return escaped
    return _yo(re.escape(stem)) + f"{_CYRILLIC_LETTER}{{0,{room}}}"


def _ru_stem(word: str) -> str:
    """What of a Russian word stays when it inflects: an adjective loses its two-letter
    ending, a noun its final vowel, й or ь ("Серебряный" -> "Серебряного", "степь" ->
    "степью", "премия" -> "премии"). A stem under four letters is too short to guess at
    ("кино" must not match "кинотеатр"): the word is then kept whole."""
    stem = word
    if word[-2:].lower() in _RU_ADJECTIVE_ENDINGS:
        stem = word[:-2]
    elif word[-1:].lower() in _REPLACEABLE_FINAL:
        stem = word[:-1]
    return word if len(stem) < _MIN_STEM else stem


def _literal_head(form: str, lang: str) -> str:
    """The start of `form` that every match of its pattern spells out (up to case and ё):
    the first word, or its stem where a Russian word may change its ending."""
    words = form.split()
    first = words[0] if words else form
    if lang == "ru" and _CYRILLIC_RE.search(first):
        return _ru_stem(first)
    return first


def _yo(pattern: str) -> str:
    """Russian writes ё as е more often than not: accept either."""
    return re.sub("[её]", "[её]", pattern, flags=re.IGNORECASE)


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _rows(reader: Any, path: str | Path | None) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each row; a row the csv module cannot read is refused at its line."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # e.g. a cell over csv.field_size_limit() (131,072 characters): not a term.
            raise ConfigError(f"not a CSV row: {exc}", path=path, line=reader.line_num) from None
        yield reader.line_num, row


def _term_from_cells(cells: dict[str, str], path: str | Path | None, line: int) -> Term:
    flag = cells.get("do_not_translate", "").lower()
    if flag not in _YES | _NO:
        raise ConfigError(
            f"do_not_translate must be 'yes' or empty, not {flag!r}", path=path, line=line
        )
    forms: dict[str, tuple[str, ...]] = {}
    wrong: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGE_COLUMNS:
        cell = cells.get(lang, "")
        if "|" not in cell and not cell.startswith("!"):  # the common case: one form
            if cell:
                forms[lang] = (cell,)
            continue
        variants = [v.strip() for v in cell.split("|") if v.strip()]
        good = tuple(v for v in variants if not v.startswith("!"))
        bad = tuple(v[1:].strip() for v in variants if v.startswith("!") and v[1:].strip())
        if bad and not good:
            raise ConfigError(
                f"column {lang}: wrong forms (!) need a required form first", path=path, line=line
            )
        if good:
            forms[lang] = good
        if bad:
            wrong[lang] = bad
    if not forms:
        raise ConfigError("a term needs a form in at least one language", path=path, line=line)
    return Term(
        forms=forms,
        wrong=wrong,
        note=cells.get("note") or None,
        do_not_translate=flag in _YES,
        line=line,
    )
