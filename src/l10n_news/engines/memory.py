"""The `memory` engine: translations people already reviewed, found again.

The memory holds every reviewed (translated, not fuzzy) entry of the workspace's catalogs and
every unit of its TMX files: the files in `tm/` (where `l10n-news tm import` puts them) and
those listed as `[engines.memory] tmx = [...]`. A catalog gives three kinds of pairs:

- direct: msgid (in the domain's source language) -> msgstr, e.g. en -> kk for an English article;
- reverse: msgstr -> msgid (kk -> en);
- cross: two catalogs of one domain sharing a msgid give ru <-> kk.

An identical text scores 100; otherwise the closest text scoring at least `min_score`
(rapidfuzz `ratio`, default 75) comes back as a `Suggestion` with its score and origin.
The index is built once per engine object (once per run), from every file at once.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rapidfuzz import fuzz, process

from l10n_news.catalogs.broken import try_read_catalog
from l10n_news.catalogs.catalog import Catalog, Message, State
from l10n_news.catalogs.tmx import read_tmx
from l10n_news.engines.base import (
    Answer,
    Contexts,
    Engine,
    ResultCallback,
    Suggestion,
    Translation,
)
from l10n_news.errors import ConfigError
from l10n_news.languages import LANGUAGES
from l10n_news.workspace import Workspace

TM_DIR = "tm"  # TMX files the memory always reads; `tm import` stores files here
DEFAULT_MIN_SCORE = 75.0

# Where an entry came from decides which of two translations of one text wins.
DIRECT, DERIVED, TMX = 0, 1, 2


@dataclass(frozen=True)
class MemoryEntry:
    target: str
    origin: str  # e.g. "kk/ui.po" or "tm/old.tmx"
    rank: int  # DIRECT, DERIVED or TMX: lower wins


class PairIndex:
    """Everything known for one language pair: exact lookups, and fuzzy ones by length."""

    def __init__(self) -> None:
        self.exact: dict[str, MemoryEntry] = {}
        self._by_length: list[str] | None = None
        self._lengths: list[int] = []

    def add(self, source: str, entry: MemoryEntry) -> None:
        known = self.exact.get(source)
        if known is None or entry.rank < known.rank:
            self.exact[source] = entry
            self._by_length = None

    def lookup(self, text: str, min_score: float) -> tuple[str, MemoryEntry, float] | None:
        """(matched source, entry, score) for the best match at or above `min_score`."""
        entry = self.exact.get(text)
        if entry is not None:
            return text, entry, 100.0
        if min_score >= 100 or not text:
            return None
        if self._by_length is None:
            self._by_length = sorted(self.exact, key=len)
            self._lengths = [len(s) for s in self._by_length]
        # ratio = 200 * common / (len_a + len_b), so a score of at least s is only possible
        # for lengths within this window: 40,000 entries shrink to a few hundred candidates.
        n = len(text)
        low = bisect.bisect_left(self._lengths, n * min_score / (200 - min_score))
        high = bisect.bisect_right(self._lengths, n * (200 / min_score - 1))
        if low >= high:
            return None
        found = process.extractOne(
            text, self._by_length[low:high], scorer=fuzz.ratio, score_cutoff=min_score
        )
        if found is None:
            return None
        source = found[0]
        return source, self.exact[source], float(found[1])


class TranslationMemory:
    """Pairs of texts per (source, target) language pair."""

    def __init__(self) -> None:
        self.pairs: dict[tuple[str, str], PairIndex] = {}
        self.files_read = 0

    def __len__(self) -> int:
        return sum(len(p.exact) for p in self.pairs.values())

    def add(self, source_lang: str, target_lang: str, source: str, entry: MemoryEntry) -> None:
        if source_lang == target_lang or not source.strip() or not entry.target.strip():
            return
        self.pairs.setdefault((source_lang, target_lang), PairIndex()).add(source, entry)

    def lookup(
        self, text: str, source_lang: str, target_lang: str, min_score: float
    ) -> Suggestion | None:
        pair = self.pairs.get((source_lang, target_lang))
        found = pair.lookup(text, min_score) if pair is not None else None
        if found is None:
            return None
        _, entry, score = found
        shown = "100" if score >= 100 else f"{min(score, 99.9):.0f}"
        return Suggestion(entry.target, score, f"memory {shown}% from {entry.origin}")

    # --- building ---------------------------------------------------------------------
    @classmethod
    def build(cls, ws: Workspace, tmx_files: Iterable[Path] = ()) -> TranslationMemory:
        memory = cls()
        by_domain: dict[str, list[tuple[str, Catalog, str]]] = {}
        for lang, domain, path in ws.catalog_paths():
            catalog = try_read_catalog(path, ws.relative(path))
            if not isinstance(catalog, Catalog):
                continue  # a broken catalog teaches nothing; the stage reading it reports it
            by_domain.setdefault(domain, []).append((lang, catalog, f"{lang}/{domain}.po"))
            memory.files_read += 1
        for domain, catalogs in by_domain.items():
            memory.add_domain(ws.domain_source_language(domain), catalogs)
        for path in tmx_files:
            memory.add_tmx(path, ws.relative(path))
            memory.files_read += 1
        return memory

    def add_domain(self, source_lang: str, catalogs: list[tuple[str, Catalog, str]]) -> None:
        """Direct and reverse pairs of each catalog; cross pairs between its languages."""
        shared: dict[tuple[str | None, str], list[tuple[str, str, str]]] = {}
        for lang, catalog, origin in catalogs:
            if lang == source_lang:
                continue
            for msg in _reviewed(catalog.all_messages()):
                self.add(source_lang, lang, msg.msgid, MemoryEntry(msg.msgstr, origin, DIRECT))
                self.add(lang, source_lang, msg.msgstr, MemoryEntry(msg.msgid, origin, DERIVED))
                shared.setdefault(msg.key, []).append((lang, msg.msgstr, origin))
        for variants in shared.values():
            for lang_a, text_a, _ in variants:
                for lang_b, text_b, origin_b in variants:
                    if lang_a != lang_b:
                        self.add(lang_a, lang_b, text_a, MemoryEntry(text_b, origin_b, DERIVED))

    def add_tmx(self, path: Path, origin: str) -> None:
        for unit in read_tmx(path, path=origin).units:
            known = {lang: text for lang, text in unit.variants.items() if lang in LANGUAGES}
            for lang_a, text_a in known.items():
                for lang_b, text_b in known.items():
                    self.add(lang_a, lang_b, text_a, MemoryEntry(text_b, origin, TMX))


def _reviewed(messages: Iterable[Message]) -> Iterator[Message]:
    # Plural entries are left out: one msgid has several msgstrs and no single match.
    for msg in messages:
        if msg.msgid and not msg.pluralizable and msg.state is State.REVIEWED:
            yield msg


def memory_tmx_files(ws: Workspace, listed: Iterable[str] = ()) -> list[Path]:
    """The TMX files the memory reads: `tm/*.tmx`, then the listed ones (each once)."""
    found = sorted((ws.root / TM_DIR).glob("*.tmx")) if (ws.root / TM_DIR).is_dir() else []
    for name in listed:
        path = ws.root / name
        if not path.is_file():
            raise ConfigError(f"[engines.memory] tmx: {name} does not exist", path=ws.config_path)
        found.append(path)
    return list(dict.fromkeys(p.resolve() for p in found))


class MemoryEngine(Engine):
    """Reviewed translations of the same (or a similar) text, from catalogs and TMX files."""

    name: ClassVar[str] = "memory"
    network: ClassVar[bool] = False
    protect: ClassVar[bool] = False  # the memory matches raw text, placeholders and all
    max_chars: ClassVar[int] = 1_000_000  # never split: a whole entry matches a whole entry
    batch_size: ClassVar[int] = 1000
    option_keys: ClassVar[frozenset[str]] = frozenset({"tmx", "min_score"})

    def __init__(self, ws: Workspace, options: dict[str, Any]) -> None:
        super().__init__(ws, options)
        table = "[engines.memory]"
        tmx = self.options.get("tmx", [])
        if not isinstance(tmx, list) or not all(isinstance(t, str) and t for t in tmx):
            raise ConfigError(f"{table} tmx must be a list of file names", path=ws.config_path)
        score = self.options.get("min_score", DEFAULT_MIN_SCORE)
        if isinstance(score, bool) or not isinstance(score, int | float) or not 0 < score <= 100:
            raise ConfigError(
                f"{table} min_score must be a number in (0, 100]", path=ws.config_path
            )
        self.tmx_files = memory_tmx_files(ws, tmx)  # a missing listed file fails here, early
        self.min_score = float(score)
        self._memory: TranslationMemory | None = None

    @property
    def memory(self) -> TranslationMemory:
        """The index, built on first use and kept for the run."""
        if self._memory is None:
            self._memory = TranslationMemory.build(self.ws, self.tmx_files)
        return self._memory

    def translate(
        self,
        texts: list[str],
        source: str,
        target: str,
        *,
        on_result: ResultCallback | None = None,
        contexts: Contexts = None,
    ) -> list[Translation]:
        # Build first, out here: a broken catalog or TMX file is the user's error to see,
        # not a "failed" mark on every text (the base turns adapter errors into those).
        _ = self.memory
        return super().translate(texts, source, target, on_result=on_result, contexts=contexts)

    def supports(self, source: str, target: str) -> bool:
        # Every pair: without entries for it the memory simply finds nothing. Never pivot a
        # memory match through a third language: two fuzzy hops compound their errors.
        return source in LANGUAGES and target in LANGUAGES

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Answer]:
        memory = self.memory
        return [memory.lookup(text, source, target, self.min_score) for text in texts]
