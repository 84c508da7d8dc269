"""Parsers of the format strings gettext knows: C printf, Python %-format, Python str.format.

Each parser turns a string into its arguments (name or number -> kind) or raises
`FormatSyntaxError`. The kinds follow GNU gettext's compatibility rules: %d and %i agree,
%o %u %x %X %b agree, the floating conversions agree, but a size modifier (h, l, j, w32 ...)
makes a different kind.
"""

from __future__ import annotations

import re

from l10n_news.checks.base import CheckInput

Arguments = dict[int | str, str]  # argument number or name -> its kind

_C_DIRECTIVE_RE = re.compile(
    r"""%
    (?:(?P<pos>[1-9]\d*)\$)?
    (?P<flags>[-+ #0'I]*)
    (?P<width>\*(?:(?P<wpos>[1-9]\d*)\$)?|\d+)?
    (?:\.(?P<prec>\*(?:(?P<ppos>[1-9]\d*)\$)?|\d*))?
    (?P<size>hh|h|ll|l|L|q|j|z|t|wf\d+|w\d+)?
    (?P<conv>[diouxXbBeEfFgGaAcsCSpn%])?
    """,
    re.VERBOSE,
)
_PY_DIRECTIVE_RE = re.compile(
    r"""%
    (?:\((?P<name>[^)]*)\))?
    (?P<flags>[-+ #0]*)
    (?P<width>\*|\d+)?
    (?:\.(?P<prec>\*|\d*))?
    [hlL]?
    (?P<conv>[diouxXeEfFgGcrsa%])?
    """,
    re.VERBOSE,
)
_C_INT_SIZES = {"ll": "ll", "L": "ll", "q": "ll"}  # all three mean long long for integers
_WIDTH_SIZES = {f"w{n}" for n in (8, 16, 32, 64)} | {f"wf{n}" for n in (8, 16, 32, 64)}


class FormatSyntaxError(ValueError):
    """The string is not a valid format string of its kind."""


def _c_kind(conv: str, size: str) -> str:
    if size.startswith("w") and size not in _WIDTH_SIZES:
        raise FormatSyntaxError(f"unknown size %{size}")
    if conv in "di":
        return f"int{_C_INT_SIZES.get(size, size)}"
    if conv in "ouxXbB":
        return f"unsigned{_C_INT_SIZES.get(size, size)}"
    if conv in "eEfFgGaA":
        return "double" + ("L" if size == "L" else "")
    if conv in "cC":
        return "char" + ("l" if conv == "C" or size == "l" else "")
    if conv in "sS":
        return "string" + ("l" if conv == "S" or size == "l" else "")
    if conv == "p":
        return "pointer"
    return f"count{size}"  # %n


def _record(args: Arguments, key: int | str, kind: str, text: str) -> None:
    if args.setdefault(key, kind) != kind:
        raise FormatSyntaxError(f"argument {key} used as two different kinds in {text!r}")


def parse_c_format(text: str) -> Arguments:
    """Arguments of a C printf format (numbered `%1$s` or not, never both)."""
    args: Arguments = {}
    numbered: bool | None = None
    next_arg = 1
    i = text.find("%")
    while i >= 0:
        m = _C_DIRECTIVE_RE.match(text, i)
        assert m is not None  # the pattern always matches at least "%"
        conv = m.group("conv")
        directive = m.group(0)
        if conv is None:
            raise FormatSyntaxError(f"{directive!r} is not a complete directive")
        if conv == "%":
            if directive != "%%":
                raise FormatSyntaxError(f"{directive!r}: %% takes no options")
            i = text.find("%", m.end())
            continue
        uses = [(m.group("wpos"), m.group("width") or ""), (m.group("ppos"), m.group("prec") or "")]
        positions = [pos for pos, spec in uses if spec.startswith("*")]
        this_numbered = m.group("pos") is not None
        if numbered is None:
            numbered = this_numbered
        if this_numbered != numbered or any((p is not None) != numbered for p in positions):
            raise FormatSyntaxError("numbered (%1$s) and unnumbered (%s) directives mixed")
        for pos in positions:
            key = int(pos) if pos is not None else next_arg
            if pos is None:
                next_arg += 1
            _record(args, key, "int", text)
        key = int(m.group("pos")) if this_numbered else next_arg
        if not this_numbered:
            next_arg += 1
        _record(args, key, _c_kind(conv, m.group("size") or ""), text)
        i = text.find("%", m.end())
    if numbered and args:
        missing = sorted(set(range(1, max(int(k) for k in args) + 1)) - set(args))
        if missing:
            raise FormatSyntaxError(f"argument {missing[0]} is never used")
    return args


def _python_kind(conv: str) -> str:
    if conv in "diouxX":
        return "int"
    if conv in "eEfFgG":
        return "float"
    if conv == "c":
        return "char"
    return "string"  # s, r, a


def parse_python_format(text: str) -> Arguments:
    """Arguments of a Python %-format: names (`%(n)d`) or positions (`%d`), never both."""
    args: Arguments = {}
    named: bool | None = None
    next_arg = 0
    i = text.find("%")
    while i >= 0:
        m = _PY_DIRECTIVE_RE.match(text, i)
        assert m is not None
        conv, name = m.group("conv"), m.group("name")
        if conv is None:
            raise FormatSyntaxError(f"{m.group(0)!r} is not a complete directive")
        if conv == "%" and name is None:
            i = text.find("%", m.end())
            continue
        stars = [s for s in (m.group("width"), m.group("prec")) if s == "*"]
        this_named = name is not None
        if named is None:
            named = this_named
        if this_named != named:
            raise FormatSyntaxError("named (%(name)s) and unnamed (%s) directives mixed")
        if this_named and stars:
            raise FormatSyntaxError("a named directive cannot take its width from '*'")
        if this_named:
            if conv != "%":
                _record(args, name, _python_kind(conv), text)
        else:
            for _ in stars:
                _record(args, next_arg, "int", text)
                next_arg += 1
            _record(args, next_arg, _python_kind(conv), text)
            next_arg += 1
        i = text.find("%", m.end())
    return args


_FIELD_NAME_RE = re.compile(r"(?P<first>[^\W\d]\w*|\d+)?(?P<rest>(?:\.[^\W\d]\w*|\[[^\]]+\])*)$")


def parse_brace_format(text: str) -> Arguments:
    """Arguments of a Python str.format string; `{}` fields are numbered 0, 1, 2 ..."""
    args: Arguments = {}
    auto: int | None = None  # next automatic number; None until the first field
    manual = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "}":
            if text.startswith("}}", i):
                i += 2
                continue
            raise FormatSyntaxError("a single '}' (write '}}' for a literal brace)")
        if ch != "{":
            i += 1
            continue
        if text.startswith("{{", i):
            i += 2
            continue
        end, depth = i + 1, 1
        while end < n and depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if depth:
            raise FormatSyntaxError("a '{' that is never closed (write '{{' for a literal brace)")
        field = text[i + 1 : end - 1]
        name = re.split(r"[!:]", field, maxsplit=1)[0]
        m = _FIELD_NAME_RE.match(name)
        if m is None:
            raise FormatSyntaxError(f"{{{field}}} is not a valid replacement field")
        first = m.group("first")
        if first is None:
            if manual:
                raise FormatSyntaxError("automatic ({}) and manual ({0}) numbering mixed")
            auto = 0 if auto is None else auto
            args.setdefault(auto, "any")
            auto += 1
        elif first.isdigit():
            if auto is not None:
                raise FormatSyntaxError("automatic ({}) and manual ({0}) numbering mixed")
            manual = True
            args.setdefault(int(first), "any")
        else:
            args.setdefault(first, "any")
        i = end
    return args


PARSERS = {
    "c-format": parse_c_format,
    "python-format": parse_python_format,
    "python-brace-format": parse_brace_format,
}


# The widest field a msgid may ask for; a translation never asks for one of its own.
MAX_FORMAT_WIDTH = 100
_PY_SPEC_RE = re.compile(r"%(?:\((?P<name>[^)]*)\))?(?P<spec>[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d*))?)")


def _python_specs(text: str) -> dict[str | int, set[str]]:
    """Argument -> the width/precision specs it is written with ("" for none)."""
    specs: dict[str | int, set[str]] = {}
    position = 0
    for m in _PY_SPEC_RE.finditer(text.replace("%%", "")):
        key: str | int = m.group("name") if m.group("name") is not None else position
        if m.group("name") is None:
            position += 1
        specs.setdefault(key, set()).add(m.group("spec").lstrip("-+ #0"))
    return specs


def template_format_problems(msgid: str, msgstr: str) -> list[str]:
    """Why `msgstr` cannot be used where a template formats `msgid` with `%` (Jinja's i18n).

    Jinja formats every translation with the template's variables, so the translation must be
    a valid Python %-format whose names are the msgid's, with no width or precision the msgid
    does not give (and none beyond MAX_FORMAT_WIDTH): `%(author)999999999s` would otherwise
    make a gigabyte page.
    """
    try:
        target = parse_python_format(msgstr)
    except FormatSyntaxError as exc:
        return [f"not a valid format string (write %% for a percent sign): {exc}"]
    try:
        source = parse_python_format(msgid)
    except FormatSyntaxError:
        source = {}
    problems = [
        f"%({key})s is not in the source" if isinstance(key, str) else "a %s with no name"
        for key in target
        if key not in source
    ]
    source_specs = _python_specs(msgid)
    for key, specs in _python_specs(msgstr).items():
        for spec in specs - {""}:
            numbers = [int(n) for n in re.findall(r"\d+", spec)]
            if "*" in spec or spec not in source_specs.get(key, set()):
                problems.append(f"width or precision {spec!r} that the source does not give")
            elif any(n > MAX_FORMAT_WIDTH for n in numbers):
                problems.append(f"width or precision {spec!r} over {MAX_FORMAT_WIDTH}")
    return problems


def check_template_format(item: CheckInput) -> list[str]:
    """The `template-format` check: `ui` entries (and python-format ones) as Jinja formats them."""
    if item.domain != "ui" and "python-format" not in item.flags:
        return []
    source = item.plural_source if item.plural_form else item.source
    return template_format_problems(source, item.target)
