"""Whitespace and punctuation at the ends, doubled words, doubled spaces."""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

# Closing quotes and brackets come after the sentence's own mark: «…конец.» ends with ".".
_CLOSERS = "\"'»”’)]*_`"
_ELLIPSIS = ("…", "...")
_END_MARKS = ".!?:;…"
_DOUBLED_WORD_RE = re.compile(r"(?<![%{$&\w])(\w+)(\s+\1)+\b", re.IGNORECASE)
_DOUBLE_SPACE_RE = re.compile(r"\S( {2,})\S")


def _ends(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def check_ends_whitespace(item: CheckInput) -> list[str]:
    src_lead, src_trail = _ends(item.source)
    tgt_lead, tgt_trail = _ends(item.target)
    problems = []
    if bool(src_lead) != bool(tgt_lead) or src_lead.count("\n") != tgt_lead.count("\n"):
        problems.append("the translation does not start with the same whitespace as the source")
    if bool(src_trail) != bool(tgt_trail) or src_trail.count("\n") != tgt_trail.count("\n"):
        problems.append("the translation does not end with the same whitespace as the source")
    return problems


_FULL_WIDTH = str.maketrans("。．！？：；", "..!?:;")


def _final_mark(text: str) -> tuple[str, bool]:
    """The sentence mark a string ends with ("" for none), and whether a space precedes it."""
    text = text.translate(_FULL_WIDTH).rstrip().rstrip(_CLOSERS).rstrip()
    for dots in _ELLIPSIS:
        if text.endswith(dots):
            return "…", text[: -len(dots)].endswith((" ", "\u00a0"))
    if text and text[-1] in _END_MARKS:
        return text[-1], text[:-1].endswith((" ", "\u00a0"))
    return "", False


def check_ends_punctuation(item: CheckInput) -> list[str]:
    if not item.source.strip() or not item.target.strip():
        return []
    src_mark, src_space = _final_mark(item.source)
    tgt_mark, tgt_space = _final_mark(item.target)
    if src_mark != tgt_mark:
        said = f"ends with {src_mark!r}" if src_mark else "has no final punctuation"
        done = f"ends with {tgt_mark!r}" if tgt_mark else "has none"
        return [f"the source {said}, the translation {done}"]
    if tgt_space and not src_space:
        return [f"a space before the final {tgt_mark!r}"]
    return []


def check_doubled_words(item: CheckInput) -> list[str]:
    if _DOUBLED_WORD_RE.search(item.source):
        return []  # a repetition in the source ("very, very") may be translated as one
    problems = []
    for m in _DOUBLED_WORD_RE.finditer(item.target):
        words = m.group(0).split()
        if len({w.isupper() for w in words}) > 1 or m.group(1).isdigit():
            continue  # "ПО по": an acronym beside the same word in lower case
        problems.append(f"the word {m.group(1)!r} is repeated")
    return problems


def check_doubled_spaces(item: CheckInput) -> list[str]:
    if _DOUBLE_SPACE_RE.search(item.target) and not _DOUBLE_SPACE_RE.search(item.source):
        return ["two spaces in a row inside the translation"]
    # A source with doubled spaces is a typo a translator may fix: no finding the other way.
    return []
