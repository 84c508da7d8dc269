"""What a human translator looks at beside a unit, for engines that can use it (`llm`).

`translate` builds one `UnitContext` per text from the catalogs: the article's headline and
lead, the units before and after, the unit's role (its `#.` comment), the glossary terms it
uses with their required renderings, and the reviewed translation of the same unit in the
workspace's third language (a pivot). Engines without `uses_context` never see any of it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """The article a unit belongs to: units of one document travel in one request."""

    domain: str
    headline: str | None = None
    lead: str | None = None


@dataclass(frozen=True)
class TermHint:
    """A glossary term the unit uses, and how it must be rendered in the target language."""

    source: str  # the term as the glossary writes it in the source language
    required: str  # the required rendering in the target language
    note: str | None = None


@dataclass(frozen=True)
class UnitContext:
    document: Document | None = None
    before: str | None = None
    after: str | None = None
    role: str | None = None  # "title", "paragraph", "caption", a translator's note, ...
    terms: tuple[TermHint, ...] = ()
    pivot_lang: str | None = None  # the third language, when a reviewed translation exists
    pivot_text: str | None = None

    @property
    def group(self) -> str | None:
        return self.document.domain if self.document is not None else None


@dataclass(frozen=True)
class Unit:
    """One text as an adapter receives it: protected, with its context when there is one."""

    text: str  # what is sent: protected, maybe one chunk of a longer text
    context: UnitContext | None = None
    original: str | None = None  # the entry's own text, as its neighbours' contexts name it
