"""What several checks share: the words of a string once its non-words are taken out."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# URLs, e-mails, placeholders, HTML tags, Markdown link targets and references, code spans:
# none of them is prose a translator translates. Each kind, in the order they are tried, with
# what a text must contain for it to match at all (plain substrings: a look for them costs far
# less than a pattern; the identifier's dot followed by a word character is a pattern).
_IDENTIFIER_DOT = re.compile(r"\.[\w-]")
_NON_PROSE: tuple[tuple[str, tuple[str, ...] | re.Pattern[str]], ...] = (
    (r"(?:https?|ftp)://\S+|www\.\S+", ("://", "www.")),
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", ("@",)),
    (r"<[^<>]*>|`[^`]*`|\]\([^)]*\)|\]\[[^\]]*\]", ("<", "`", "]")),
    (r"[\w-]+(?:\.[\w-]+){2,}", _IDENTIFIER_DOT),  # org.gnome.Calendar, file.tar.gz
    (r"%(?:\([^)]*\))?(?:\d+\$)?[-+#0' ]*\d*(?:\.\d+)?[a-zA-Z@]|\{[^{}\s]*\}", ("%", "{")),
)


def _has_mark(text: str, mark: tuple[str, ...] | re.Pattern[str]) -> bool:
    if isinstance(mark, tuple):
        return any(part in text for part in mark)
    return mark.search(text) is not None


@functools.lru_cache(maxsize=32)
def _non_prose_re(kinds: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_NON_PROSE[i][0] for i in kinds))
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


# Several checks ask for the prose of the same strings (and a source string is checked once
# per language): the regex is the costliest step of a cold check, so its answers are kept.
@functools.lru_cache(maxsize=16384)
def prose(text: str) -> str:
    # One pass of the kinds the text may hold: the e-mail and identifier patterns are slow to
    # fail on every word of plain prose, which has neither.
    kinds = tuple(i for i, (_, mark) in enumerate(_NON_PROSE) if _has_mark(text, mark))
    return _non_prose_re(kinds).sub(" ", text) if kinds else text


def remove_names(text: str, names: Iterable[str]) -> str:
    """`text` without the given names (whole words, case-insensitive), longest first."""
    return _NameMatcher.of(frozenset(names)).remove(text)


_WORD_START_RE = re.compile(r"\w+")


class _NameMatcher:
    """Thousands of glossary names found in one pass: names are keyed by their first word,
    each word of the text looks up its prefixes, instead of one regex per name."""

    def __init__(self, names: frozenset[str]) -> None:
        self.by_key: dict[str, list[str]] = {}
        self.unkeyed: list[re.Pattern[str]] = []
        for name in sorted(filter(None, names), key=len, reverse=True):
            first = _WORD_START_RE.match(name)
            if first is None or len(name.lower()) != len(name):
                self.unkeyed.append(re.compile(rf"(?<!\w){re.escape(name)}\w*", re.IGNORECASE))
            else:
                self.by_key.setdefault(first.group().lower(), []).append(name.lower())
        self.longest = max(map(len, self.by_key), default=0)

    @staticmethod
    @functools.lru_cache(maxsize=16)
    def of(names: frozenset[str]) -> _NameMatcher:
        return _NameMatcher(names)

    def remove(self, text: str) -> str:
        if not self.by_key and not self.unkeyed:
            return text
        lowered = text.lower() if len(text.lower()) == len(text) else None
        spans: list[tuple[int, int, int]] = []  # (name length, start, end)
        for word in _WORD_START_RE.finditer(text) if lowered is not None else ():
            start = word.start()
            letters = lowered[start : start + min(self.longest, word.end() - start)]
            for size in range(1, len(letters) + 1):
                for name in self.by_key.get(letters[:size], ()):
                    if lowered.startswith(name, start):
                        end = _word_end(text, start + len(name))
                        spans.append((len(name), start, end))
        keyed = self.by_key if lowered is not None else {}
        patterns = self.unkeyed if keyed else [*self.unkeyed, *self._all_patterns()]
        for pattern in patterns:
            spans += [(len(m.group()), m.start(), m.end()) for m in pattern.finditer(text)]
        spans.sort(key=lambda s: (-s[0], s[1]))
        taken: list[tuple[int, int]] = []
        for _, start, end in spans:
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
        for start, end in sorted(taken, reverse=True):
            text = text[:start] + " " + text[end:]
        return text

    def _all_patterns(self) -> list[re.Pattern[str]]:
        # Text whose lower case changes length ("İ"): compare the slow, exact way.
        return [
            re.compile(rf"(?<!\w){re.escape(name)}\w*", re.IGNORECASE)
            for names in self.by_key.values()
            for name in names
        ]


def _word_end(text: str, at: int) -> int:
    """Where the word that runs on at `at` ends (a name takes any ending: "Netflix'te")."""
    match = _WORD_START_RE.match(text, at)
    return match.end() if match else at


def prose_words(text: str, names: Iterable[str] = ()) -> list[str]:
    return WORD_RE.findall(remove_names(prose(text), names))
