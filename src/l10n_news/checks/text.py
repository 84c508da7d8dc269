"""What several checks share: the words of a string once its non-words are taken out."""

from __future__ import annotations

import re
from collections.abc import Iterable

# URLs, e-mails, placeholders, HTML tags, Markdown link targets and references, code spans:
# none of them is prose a translator translates.
_NON_PROSE_RE = re.compile(
    r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|<[^<>]*>|`[^`]*`|\]\([^)]*\)|\]\[[^\]]*\]"
    r"|[\w-]+(?:\.[\w-]+){2,}"  # org.gnome.Calendar, file.tar.gz: identifiers
    r"|%(?:\([^)]*\))?(?:\d+\$)?[-+#0' ]*\d*(?:\.\d+)?[a-zA-Z@]|\{[^{}\s]*\}"
)
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def prose(text: str) -> str:
    return _NON_PROSE_RE.sub(" ", text)


def remove_names(text: str, names: Iterable[str]) -> str:
    """`text` without the given names (whole words, case-insensitive), longest first."""
    for name in sorted(names, key=len, reverse=True):
        if name:
            text = re.sub(rf"(?<!\w){re.escape(name)}\w*", " ", text, flags=re.IGNORECASE)
    return text


def prose_words(text: str, names: Iterable[str] = ()) -> list[str]:
    return WORD_RE.findall(remove_names(prose(text), names))
