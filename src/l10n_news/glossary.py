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
"""

from __future__ import annotations

import csv
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
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Term:
    """One glossary row."""

    forms: dict[str, tuple[str, ...]]  # lang -> accepted forms, the required one first
    wrong: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> known wrong forms
    note: str | None = None
    do_not_translate: bool = False
    line: int | None = None

    @property
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
        forms = self.forms.get(lang, ())
        if self.do_not_translate:
            return tuple(dict.fromkeys((self.label, *forms)))
        return forms


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
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
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
        candidates: list[TermMatch] = []
        for term in self.terms:
            for form in term.accepted(lang):
                for m in self._pattern(lang, form).finditer(text):
                    candidates.append(TermMatch(term, m.start(), m.end(), m.group()))
        candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[TermMatch] = []
        for cand in candidates:
            if all(cand.end <= t.start or cand.start >= t.end for t in taken):
                taken.append(cand)
        return sorted(taken, key=lambda m: m.start)

    def terms_in(self, text: str, lang: str) -> list[Term]:
        """The terms `text` uses, each once, in order of first appearance."""
        seen: dict[int, Term] = {}
        for match in self.find(text, lang):
            seen.setdefault(id(match.term), match.term)
        return list(seen.values())

    def do_not_translate_terms(self) -> list[Term]:
        return [t for t in self.terms if t.do_not_translate]

    def allowed_names(self, lang: str) -> set[str]:
        """Glossary forms that may stand in another script on a page in `lang`."""
        script = get_language(lang).script
        foreign = _LATIN_RE if script == "Cyrl" else _CYRILLIC_RE
        return {form for t in self.terms for form in t.accepted(lang) if foreign.search(form)}

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

    def _pattern(self, lang: str, form: str) -> re.Pattern[str]:
        pattern = self._patterns.get((lang, form))
        if pattern is None:
            pattern = self._patterns[(lang, form)] = term_pattern(form, lang)
        return pattern


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
    # Russian replaces the ending: drop an adjective's two-letter ending or one final vowel,
    # й or ь ("Серебряный" -> "Серебряного", "степь" -> "степью", "премия" -> "премии").
    stem = word
    if word[-2:].lower() in _RU_ADJECTIVE_ENDINGS:
        stem = word[:-2]
    elif word[-1:].lower() in _REPLACEABLE_FINAL:
        stem = word[:-1]
    if len(stem) < _MIN_STEM:
        return escaped  # too short to guess at: "кино" must not match "кинотеатр"
    return _yo(re.escape(stem)) + f"{_CYRILLIC_LETTER}{{0,{room}}}"


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
        variants = [v.strip() for v in cells.get(lang, "").split("|") if v.strip()]
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
