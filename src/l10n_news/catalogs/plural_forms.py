"""The header's `Plural-Forms:` rule, read and checked the way msgfmt checks it.

The expression is C (`n`, integers, `! * / % + - < > <= >= == != && || ?:` and parentheses),
evaluated in unsigned long arithmetic for n = 0..1000 like msgfmt: an expression that divides by
zero there, or picks a form >= nplurals, is refused before any `.mo` is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

ULONG = 2**64
CHECKED_RANGE = range(1001)  # msgfmt evaluates n = 0..1000

_TOKEN_RE = re.compile(r"\s*(?:(\d+)|(n)|(&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()]))")
# Found the way libintl finds them: the first "nplurals=" and the first "plural=" (which
# "nplurals=" does not contain), the expression running to ";" or the end of the line.
_NPLURALS_RE = re.compile(r"nplurals=[ \t]*(\S*?)[ \t]*(?:;|\n|$)")
_PLURAL_RE = re.compile(r"(?<!n)plural=([^;\n]*)")

Expr = Callable[[int], int]


class PluralFormsError(ValueError):
    """The rule cannot be parsed, or msgfmt would refuse what it computes."""


@dataclass(frozen=True)
class PluralRule:
    nplurals: int
    expression: str
    evaluate: Expr

    def __call__(self, n: int) -> int:
        return self.evaluate(n)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise PluralFormsError(f"invalid plural expression near {text[pos : pos + 10]!r}")
        out.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return out


class _Parser:
    """Recursive descent over C precedence; each rule returns a closure of n."""

    _BINARY = (
        ("||",),
        ("&&",),
        ("==", "!="),
        ("<", ">", "<=", ">="),
        ("+", "-"),
        ("*", "/", "%"),
    )

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise PluralFormsError(f"invalid plural expression: expected {expected or 'more'}")
        self.pos += 1
        return tok

    def parse(self) -> Expr:
        expr = self.conditional()
        if self.peek() is not None:
            raise PluralFormsError(f"invalid plural expression: unexpected {self.peek()!r}")
        return expr

    def conditional(self) -> Expr:
        cond = self.binary(0)
        if self.peek() != "?":
            return cond
        self.take("?")
        yes = self.conditional()
        self.take(":")
        no = self.conditional()
        return lambda n: yes(n) if cond(n) else no(n)

    def binary(self, level: int) -> Expr:
        if level == len(self._BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in self._BINARY[level]:
            op = self.take()
            right = self.binary(level + 1)
            left = _combine(op, left, right)
        return left

    def unary(self) -> Expr:
        tok = self.take()
        if tok == "!":
            inner = self.unary()
            return lambda n: int(not inner(n))
        if tok == "(":
            inner = self.conditional()
            self.take(")")
            return inner
        if tok == "n":
            return lambda n: n
        if tok.isdigit():
            value = int(tok) % ULONG
            return lambda n: value
        raise PluralFormsError(f"invalid plural expression: unexpected {tok!r}")


def _divide(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError
    return a // b


def _remainder(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError
    return a % b


_OPERATIONS: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: (a + b) % ULONG,
    "-": lambda a, b: (a - b) % ULONG,
    "*": lambda a, b: (a * b) % ULONG,
    "/": _divide,
    "%": _remainder,
    "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b),
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
}


def _combine(op: str, left: Expr, right: Expr) -> Expr:
    if op == "&&":
        return lambda n: int(bool(left(n)) and bool(right(n)))
    if op == "||":
        return lambda n: int(bool(left(n)) or bool(right(n)))
    operation = _OPERATIONS[op]
    return lambda n: operation(left(n), right(n))


def parse_plural_forms(value: str) -> PluralRule:
    """`nplurals=3; plural=(n%10==1 ...);` (a Plural-Forms value, or the whole header) as a
    rule; PluralFormsError if malformed."""
    nplurals_m = _NPLURALS_RE.search(value)
    plural_m = _PLURAL_RE.search(value)
    if not nplurals_m or not plural_m:
        raise PluralFormsError("Plural-Forms needs both nplurals= and plural=")
    if not nplurals_m.group(1).isdigit() or int(nplurals_m.group(1)) == 0:
        raise PluralFormsError(f"invalid nplurals value {nplurals_m.group(1)!r}")
    expression = plural_m.group(1)
    return PluralRule(int(nplurals_m.group(1)), expression, _Parser(_tokens(expression)).parse())


def check_plural_rule(rule: PluralRule) -> None:
    """msgfmt's test: every n in 0..1000 gives a form below nplurals, without dividing by 0."""
    for n in CHECKED_RANGE:
        try:
            form = rule(n)
        except ZeroDivisionError:
            raise PluralFormsError("plural expression can produce division by zero") from None
        if form >= 2**63:
            raise PluralFormsError("plural expression can produce negative values")
        if form >= rule.nplurals:
            raise PluralFormsError(
                f"nplurals = {rule.nplurals} but plural expression can produce values "
                f"as large as {form}"
            )


@lru_cache(maxsize=64)  # an archive has thousands of catalogs and a handful of rules
def validated_plural_rule(value: str) -> PluralRule:
    rule = parse_plural_forms(value)
    check_plural_rule(rule)
    return rule
