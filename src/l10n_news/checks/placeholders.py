"""The placeholder check: format directives of the source survive in the translation.

An entry flagged `c-format`, `python-format` or `python-brace-format` is compared the way GNU
msgfmt --check-format does: the same arguments, of compatible kinds, in any order. An entry with
no format flag is still looked at: anything that plainly is a placeholder (`%s`, `%(name)d`,
`%1$s`, `{name}`) must appear as often in the translation as in the source.
"""

from __future__ import annotations

import re
from collections import Counter

from l10n_news.checks.base import CheckInput, shorten
from l10n_news.checks.formats import PARSERS, Arguments, FormatSyntaxError

_NEGATED = {f"no-{name}" for name in PARSERS}

# Without a flag, only shapes that are placeholders beyond doubt: "50% of" must stay quiet.
_LOOSE_PLACEHOLDER_RE = re.compile(
    r"%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%(?:[1-9]\d*\$)?[-+#0']*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcsp@]"
    r"|(?<!\{)\{(?:\d+|[A-Za-z_]\w*)?(?:![rsa])?(?::[^{}\s]*)?\}(?!\})"
)
_POSITION_RE = re.compile(r"^%[1-9]\d*\$")
_PLACEHOLDER_MARK = re.compile(r"[%{]")


def _describe(key: int | str, flag: str) -> str:
    if isinstance(key, str):
        return f"%({key})" if flag == "python-format" else f"{{{key}}}"
    if flag == "c-format":
        return f"argument {key}"
    return f"argument {key + 1}" if flag == "python-format" else f"{{{key}}}"


def compare_arguments(
    source: Arguments, target: Arguments, flag: str, *, may_omit: bool = False
) -> list[str]:
    """Messages for every difference between the source's and the translation's arguments."""
    problems = []
    for key, kind in source.items():
        if key not in target:
            if not may_omit:
                problems.append(f"{_describe(key, flag)} of the source is missing")
        elif target[key] != kind and "any" not in (kind, target[key]):
            problems.append(
                f"{_describe(key, flag)} has type {target[key]} in the translation, "
                f"{kind} in the source"
            )
    for key in target:
        if key not in source:
            problems.append(f"{_describe(key, flag)} is not in the source")
    return problems


def check_flagged(source: str, target: str, flag: str, *, may_omit: bool = False) -> list[str]:
    """GNU-style comparison for an entry with a format flag."""
    parse = PARSERS[flag]
    try:
        source_args = parse(source)
    except FormatSyntaxError:
        return []  # a broken msgid is the developer's problem, not the translator's
    try:
        target_args = parse(target)
    except FormatSyntaxError as exc:
        return [f"not a valid {flag} string: {exc}"]
    return compare_arguments(source_args, target_args, flag, may_omit=may_omit)


def loose_placeholders(text: str) -> Counter[str]:
    """Placeholders of a string with no format flag, positions dropped (`%1$s` -> `%s`)."""
    found = _LOOSE_PLACEHOLDER_RE.findall(text.replace("%%", ""))
    return Counter(_POSITION_RE.sub("%", p) for p in found)


def _printf_positions(found: Counter[str], raw: list[str]) -> dict[int, str] | None:
    """printf placeholders by argument number, when a string numbers them (`%2$d`) or not."""
    printf = [p for p in raw if p.startswith("%") and not p.startswith("%(")]
    if not printf:
        return {}
    numbered = [_POSITION_RE.match(p) for p in printf]
    if all(numbered):
        return {int(p[1 : p.index("$")]): _POSITION_RE.sub("%", p) for p in printf}
    if any(numbered):
        return None
    return {n: p for n, p in enumerate(printf, start=1)}


def check_unflagged(source: str, target: str, *, may_omit: bool = False) -> list[str]:
    want, have = loose_placeholders(source), loose_placeholders(target)
    problems = []
    # "%s … %d" may become "%2$d … %1$s": then compare argument by argument, as printf would.
    raw_source = _LOOSE_PLACEHOLDER_RE.findall(source.replace("%%", ""))
    raw_target = _LOOSE_PLACEHOLDER_RE.findall(target.replace("%%", ""))
    if any(_POSITION_RE.match(p) for p in raw_source + raw_target):
        by_source = _printf_positions(want, raw_source)
        by_target = _printf_positions(have, raw_target)
        if by_source is not None and by_target is not None and by_source != by_target:
            for n, placeholder in sorted(by_target.items()):
                if by_source.get(n) != placeholder:
                    problems.append(
                        f"argument {n} is {placeholder} in the translation but "
                        f"{by_source.get(n, 'not used')} in the source"
                    )
            for n in sorted(set(by_source) - set(by_target)):
                if not may_omit:
                    problems.append(f"argument {n} ({by_source[n]}) of the source is missing")
            return problems
        if by_target is None:
            return ["numbered (%1$s) and unnumbered (%s) placeholders mixed"]
    for placeholder, count in (want - have).items():
        if not may_omit:
            times = f" ({count} times)" if count > 1 else ""
            problems.append(f"placeholder {placeholder} of the source is missing{times}")
    for placeholder in have - want:
        problems.append(f"placeholder {shorten(placeholder)} is not in the source")
    return problems


def check_placeholders(item: CheckInput) -> list[str]:
    # msgstr[0] of a plural entry may leave the count out ("one file"), as gettext allows.
    # Every form of a plural entry is compared with msgid_plural, as msgfmt does.
    may_omit = item.plural_form is not None
    source = item.plural_source if item.plural_source is not None else item.source
    flags = [f for f in item.flags if f in PARSERS]
    if flags:
        return [
            p for flag in flags for p in check_flagged(source, item.target, flag, may_omit=may_omit)
        ]
    if any(f in _NEGATED for f in item.flags):
        return []
    if not _PLACEHOLDER_MARK.search(source) and not _PLACEHOLDER_MARK.search(item.target):
        return []  # every loose placeholder starts with one of these
    return check_unflagged(source, item.target, may_omit=may_omit)
