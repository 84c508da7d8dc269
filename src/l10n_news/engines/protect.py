"""Placeholder protection: what a machine translator must not touch becomes an opaque token.

`[X3X]` is what an engine sees instead of `%(name)s`, a URL, a number, `**` or `<b>`. Engines
leave such bracketed codes alone far more often than they leave `%s` or `17 февраля` alone, and
when they do touch one (a space inside, a Cyrillic Х, a lost digit) the check below notices and
the answer is rejected rather than published with a broken placeholder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from l10n_news.engines.errors import BadAnswer

# Tolerant on the way back: engines add spaces, change case, or write a Cyrillic Х.
_TOKEN_RE = re.compile(r"\[\s*[XxХх]\s*(\d+)\s*[XxХх]\s*\]")

# What is protected, in the order the alternatives are tried at one position.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("token", _TOKEN_RE.pattern),  # a token-like text in the source is protected as itself
    ("url", r"(?:https?|ftp)://[^\s<>\"'«»\[\]()]+(?<![.,;:!?])|www\.[^\s<>\"'«»()]+(?<![.,;:!?])"),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("code", r"(?P<ticks>`+)[^`]+?(?P=ticks)"),
    ("html", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z]+|#\d+|#x[0-9a-fA-F]+);"),
    ("link_tail", r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)|\]\[[^\[\]]*\]"),
    ("link_head", r"!?\[(?=[^\[\]]*\][(\[])"),
    ("python_format", r"%\([^)\s]+\)[-+#0 ]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"),
    ("brace_format", r"\{[^{}\s]*\}"),
    ("printf", r"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcsp%]"),
    ("phone", r"\+\d[\d ()\-]{6,}\d|\b8 ?\(\d{3,4}\) ?\d[\d \-]{4,}\d"),
    ("date", r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    ("number", r"\d+(?:[\u00a0\u202f]\d{3})*(?:[.,]\d+)?"),
    ("markup", r"\*{1,3}|~~|__"),
)
_PROTECT_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS))
_WORD_RE = re.compile(r"[^\W\d_]")


def token(index: int) -> str:
    return f"[X{index}X]"


@dataclass(frozen=True)
class Protected:
    """A text with its protected spans replaced by tokens, and the way back."""

    original: str
    text: str  # what the engine is sent
    spans: tuple[str, ...]  # spans[i] is what token(i) stands for

    @classmethod
    def plain(cls, text: str) -> Protected:
        return cls(text, text, ())

    @property
    def has_words(self) -> bool:
        """Something left to translate once tokens, numbers and punctuation are set aside."""
        return bool(_WORD_RE.search(_TOKEN_RE.sub(" ", self.text)))

    def restore(self, translated: str) -> str:
        """Put the spans back; BadAnswer (with the reason) if a token was lost or doubled."""
        problem = check_tokens(self.text, translated)
        if problem is not None:
            raise BadAnswer(problem)
        if not self.spans:
            return translated
        return _TOKEN_RE.sub(lambda m: self.spans[int(m.group(1))], translated)


def protect(text: str, *, keep_terms: Iterable[str] = ()) -> Protected:
    """Replace placeholders, numbers, URLs, markup (and do-not-translate terms) by tokens."""
    spans: list[str] = []
    pattern = _with_terms(tuple(keep_terms))

    def replace(match: re.Match[str]) -> str:
        spans.append(match.group(0))
        return token(len(spans) - 1)

    return Protected(text, pattern.sub(replace, text), tuple(spans))


def check_tokens(sent: str, answer: str) -> str | None:
    """Why `answer` does not carry exactly the tokens of `sent`; None when it does."""
    expected = Counter(int(m.group(1)) for m in _TOKEN_RE.finditer(sent))
    found = Counter(int(m.group(1)) for m in _TOKEN_RE.finditer(answer))
    if expected == found:
        return None
    missing = sorted((expected - found).elements())
    extra = sorted((found - expected).elements())
    parts = []
    if missing:
        parts.append("lost " + ", ".join(token(i) for i in missing))
    if extra:
        parts.append("invented or doubled " + ", ".join(token(i) for i in extra))
    return "placeholders did not survive translation: " + "; ".join(parts)


def _with_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The protection pattern, with whole-word terms tried first (longest first)."""
    terms = tuple(t for t in terms if t.strip())
    if not terms:
        return _PROTECT_RE
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    # Case-insensitive like the glossary's own matching ("BERLINALE" is still the name).
    return re.compile(rf"(?P<term>(?<!\w)(?i:{alternatives})(?!\w))|{_PROTECT_RE.pattern}")
