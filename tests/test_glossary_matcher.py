"""The glossary's keyed matcher finds what one regex per term found, at any glossary size."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from l10n_news.checks.text import remove_names
from l10n_news.glossary import Glossary, Term, TermMatch, term_pattern

ROOTS = ["Берлин", "берлинале", "Алтын", "аю", "Ёлка", "елка", "Netflix", "Net", "Silver",
         "Bear", "Серебряный", "медведь", "степь", "Қазақ", "фильм", "Al", "St."]
ENDINGS = ["", "", "а", "ы", "е", "ого", "ке", "-ке", "де", "s", "'s", "ға"]


def reference_find(glossary: Glossary, text: str, lang: str) -> list[TermMatch]:
    """The former matcher: every form of every term as its own regex over the whole text."""
    found = []
    for term in glossary.terms:
        for form in term.accepted(lang):
            for m in term_pattern(form, lang).finditer(text):
                found.append(TermMatch(term, m.start(), m.end(), m.group()))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[TermMatch] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda m: m.start)


def reference_remove_names(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = re.sub(rf"(?<!\w){re.escape(name)}\w*", " ", text, flags=re.IGNORECASE)
    return text


form = st.lists(st.sampled_from(ROOTS), min_size=1, max_size=2).map(" ".join)
terms = st.lists(
    st.tuples(form, form, form, st.booleans()), min_size=1, max_size=12
).map(
    lambda rows: [
        Term({"en": (en,), "ru": (ru,), "kk": (kk,)}, do_not_translate=keep)
        for en, ru, kk, keep in rows
    ]
)
word = st.tuples(
    st.sampled_from(ROOTS), st.sampled_from(ENDINGS), st.sampled_from(["lower", "upper", "same"])
).map(lambda w: {"lower": str.lower, "upper": str.upper, "same": str}[w[2]](w[0] + w[1]))
text = st.lists(
    st.tuples(word, st.sampled_from([" ", ", ", " — ", "«", "» ", ".", "\n", "-"])), max_size=14
).map(lambda parts: "".join(w + sep for w, sep in parts))


def spans(matches: list[TermMatch]) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.term.label) for m in matches]


@settings(max_examples=300, deadline=None)
@given(terms, text, st.sampled_from(["en", "ru", "kk"]))
def test_find_agrees_with_one_regex_per_term(rows: list[Term], text: str, lang: str) -> None:
    glossary = Glossary(rows)
    assert spans(glossary.find(text, lang)) == spans(reference_find(glossary, text, lang))


@settings(max_examples=300, deadline=None)
@given(st.lists(form, max_size=10), text)
def test_remove_names_agrees_with_one_regex_per_name(names: list[str], text: str) -> None:
    assert remove_names(text, names).split() == reference_remove_names(text, names).split()


def test_fifty_thousand_names_are_matched_where_they_occur() -> None:
    rows = [Term({"en": (f"Person{n} Name",), "ru": (f"Персона{n}",)}) for n in range(50_000)]
    rows.append(Term({"en": ("Silver Bear",), "ru": ("Серебряный медведь",)}))
    glossary = Glossary(rows)
    found = glossary.find("Персона49999 получил «Серебряного медведя».", "ru")
    assert [m.text for m in found] == ["Персона49999", "Серебряного медведя"]
    assert glossary.find("person17 name's film", "en")[0].term is rows[17]
