"""Cutting a text longer than a provider's limit into pieces it accepts, and joining after.

Lines are kept whole where they fit; a line too long is cut between sentences
(`l10n_news.sources.sentences`); a sentence too long is cut between words. Tokens of
`protect` contain no spaces, so a cut never falls inside one.
"""

from __future__ import annotations

import re

from l10n_news.sources.sentences import split_sentences

_LINE_BREAKS = re.compile(r"(\n+)")


def split_for_limit(text: str, lang: str, limit: int) -> tuple[list[str], list[str]]:
    """(chunks, separators): chunk k is followed by separators[k] in the joined text."""
    if len(text) <= limit:
        return [text], [""]
    pieces: list[tuple[str, str]] = []  # (piece, separator after it)
    parts = _LINE_BREAKS.split(text)
    for k in range(0, len(parts), 2):
        line, sep = parts[k], parts[k + 1] if k + 1 < len(parts) else ""
        if len(line) <= limit:
            pieces.append((line, sep))
            continue
        units = [u for s in split_sentences(line, lang) for u in _cut_words(s, limit)]
        pieces.extend((u, " ") for u in units[:-1])
        pieces.append((units[-1], sep))
    return _pack(pieces, limit)


def join_chunks(chunks: list[str], separators: list[str]) -> str:
    return "".join(c + s for c, s in zip(chunks, separators, strict=True))


def _cut_words(sentence: str, limit: int) -> list[str]:
    if len(sentence) <= limit:
        return [sentence]
    out: list[str] = []
    rest = sentence
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit  # one "word" longer than the limit: nothing better to do
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        out.append(rest)
    return out


def _pack(pieces: list[tuple[str, str]], limit: int) -> tuple[list[str], list[str]]:
    """Greedily put consecutive pieces together while they fit: fewer requests."""
    chunks: list[str] = []
    separators: list[str] = []
    current, current_sep = "", ""
    for piece, sep in pieces:
        if current and len(current) + len(current_sep) + len(piece) <= limit:
            current = current + current_sep + piece
        else:
            if current:
                chunks.append(current)
                separators.append(current_sep)
            current = piece
        current_sep = sep
    if current:
        chunks.append(current)
        separators.append(current_sep)
    return chunks, separators
