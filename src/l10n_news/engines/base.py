"""The one engine base: protection, splitting, cache, batching, concurrency, retries, errors.

An adapter sets a few class attributes and writes `translate_texts` (and `supports`); everything
a provider does wrong or slowly is handled here, once, for every engine.

What an adapter's `translate_texts` may return per text: a `str`, a `Suggestion` (with a score
and a note), or `None` (a network engine found nothing: "failed"; a local engine such as the
memory has no match: status "local" with `text=None`). It raises `EngineError` subclasses from
`l10n_news.engines.errors`; anything else is wrapped by `map_error`.

An engine that can use context (`uses_context`, the `llm` engine) writes `translate_units`
instead: each `Unit` carries its `UnitContext`, and the base puts the units of one document
(article) into the same batches.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from l10n_news.engines.context import Unit, UnitContext
from l10n_news.engines.errors import BadAnswer, is_fatal, is_retryable
from l10n_news.engines.options import EngineSettings
from l10n_news.engines.protect import Protected, check_tokens, protect
from l10n_news.engines.split import join_chunks, split_for_limit
from l10n_news.errors import EngineError

if TYPE_CHECKING:
    from l10n_news.engines.cache import TranslationCache
    from l10n_news.glossary import Glossary
    from l10n_news.workspace import Workspace


@dataclass(frozen=True)
class Suggestion:
    """What an adapter may return instead of a plain str."""

    text: str
    score: float = 100.0  # 0-100; memory matches below 100 are fuzzy matches
    note: str | None = None  # e.g. "memory 87% from kk/ui.po"


@dataclass
class Translation:
    """What `Engine.translate()` returns per input text."""

    source: str
    text: str | None  # None when not translated
    engine: str
    status: str  # "sent" | "cached" | "local" | "rejected" | "failed" | "unsupported"
    reason: str | None = None
    score: float | None = None
    note: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


ResultCallback = Callable[[int, Translation], None]
Answer = str | Suggestion | None
Contexts = Sequence[UnitContext | None] | None


@dataclass
class _Pending:
    """One input text on its way: its protection and the chunks it was cut into."""

    protected: Protected
    chunks: list[str]
    separators: list[str]


@dataclass
class _ChunkResult:
    answer: Answer = None
    error: str | None = None
    rejected: bool = False
    cached: bool = False


class Engine:
    """Base of every engine. Subclasses set `name` and write `supports` and `translate_texts`."""

    name: ClassVar[str]  # registry key: "google", "libre", "memory", "pseudo", ...
    network: ClassVar[bool] = True  # False for local engines: no cache, no retries, no pool
    protect: ClassVar[bool] = True  # False: the adapter sees raw text (memory matches raw text)
    max_chars: ClassVar[int] = 5000  # longer texts are split at sentence boundaries by the base
    batch_size: ClassVar[int] = 1  # at most this many texts per request
    batch_chars: ClassVar[int] = 0  # and at most this many characters (0: no bound)
    uses_context: ClassVar[bool] = False  # True: translate_units gets each unit's context
    option_keys: ClassVar[frozenset[str]] = frozenset()  # the adapter's own [engines.x] keys

    def __init__(self, ws: Workspace, options: dict[str, Any]) -> None:
        self.ws = ws
        self.options = dict(options)
        self.settings = EngineSettings.parse(
            self.name, self.options, self.option_keys, path=ws.config_path
        )
        self.requests_made = 0  # adapter calls that reached the provider (retries included)
        self.texts_sent = 0  # distinct texts those requests carried (retries not counted)
        self.retries_made = 0
        self._count_lock = threading.Lock()
        self._broken: EngineError | None = None  # set once the engine is out of use this run
        self._cache: TranslationCache | None = None
        self.keep_terms: tuple[str, ...] = ()  # do-not-translate terms, protected as tokens
        self.glossary: Glossary | None = None  # set by translate for engines that use context
        self.usage: Counter[str] = Counter()  # tokens, where the provider reports them

    # --- what an adapter writes ---------------------------------------------------------
    def supports(self, source: str, target: str) -> bool:
        """Whether the pair can be translated; answered without a request."""
        raise NotImplementedError

    def translate_texts(self, texts: list[str], source: str, target: str) -> list[Answer]:
        """THE adapter method: texts are protected/split/deduplicated/uncached already."""
        raise NotImplementedError

    def translate_units(self, units: list[Unit], source: str, target: str) -> list[Answer]:
        """What the base calls; an engine that uses context overrides this instead."""
        return self.translate_texts([u.text for u in units], source, target)

    def map_error(self, exc: Exception) -> EngineError:
        """Turn a provider library's own exception into an EngineError (adapters refine it)."""
        return EngineError(f"{self.name}: {type(exc).__name__}: {exc}")

    @property
    def label(self) -> str:
        """How drafts name the engine in their provenance (an adapter may add a model)."""
        return self.name

    @property
    def cache_namespace(self) -> str:
        """The engine part of the cache key (an adapter may add e.g. a model name)."""
        return self.name

    # --- what the base provides ------------------------------------------------------------
    def count_request(self, usage: dict[str, int] | None = None) -> None:
        """An adapter that sends one more request inside a call (a follow-up) counts it here."""
        with self._count_lock:
            self.requests_made += 1
            if usage:
                self.usage.update(usage)

    def add_usage(self, usage: dict[str, int]) -> None:
        with self._count_lock:
            self.usage.update(usage)

    @property
    def unreachable(self) -> EngineError | None:
        """The fatal error that put this engine out of use for the run, if any."""
        return self._broken

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def translate(
        self,
        texts: list[str],
        source: str,
        target: str,
        *,
        on_result: ResultCallback | None = None,
        contexts: Contexts = None,
    ) -> list[Translation]:
        """Provided by the base: protection, splitting, cache, batching, concurrency, retries.

        Never raises for a failed text (its Translation says "failed" and why); only
        KeyboardInterrupt and the like pass through. `on_result(i, translation)` is called
        in this thread as soon as text i is done, so a caller can save as it goes.
        `contexts[i]`, when given, is what an engine that uses context knows about text i.
        """
        results: list[Translation | None] = [None] * len(texts)

        def finish(i: int, tr: Translation) -> None:
            results[i] = tr
            if on_result is not None:
                on_result(i, tr)

        if source == target:
            for i, text in enumerate(texts):
                finish(i, Translation(text, text, self.label, "local", note="same language"))
        elif self.supports(source, target):
            self._translate_pair(texts, source, target, finish, contexts)
        elif self._pivot_for(source, target):
            self._translate_via_pivot(texts, source, target, finish, contexts)
        else:
            reason = f"{self.name} does not translate {source}→{target}"
            for i, text in enumerate(texts):
                finish(i, Translation(text, None, self.label, "unsupported", reason=reason))
        return [r for r in results if r is not None]

    # --- pivot -------------------------------------------------------------------------------
    def _pivot_for(self, source: str, target: str) -> str | None:
        pivot = self.settings.pivot
        if not pivot or pivot in (source, target):
            return None
        if self.supports(source, pivot) and self.supports(pivot, target):
            return pivot
        return None

    def _translate_via_pivot(
        self,
        texts: list[str],
        source: str,
        target: str,
        finish: Callable[[int, Translation], None],
        contexts: Contexts,
    ) -> None:
        pivot = self._pivot_for(source, target)
        assert pivot is not None
        first = self.translate(texts, source, pivot, contexts=contexts)
        middle = [i for i, tr in enumerate(first) if tr.text is not None]
        for i, tr in enumerate(first):
            if tr.text is None:
                finish(i, Translation(texts[i], None, self.label, tr.status, reason=tr.reason))

        def finish_second(j: int, tr: Translation) -> None:
            i = middle[j]
            both_cached = tr.status == "cached" and first[i].status == "cached"
            status = tr.status if tr.text is None else ("cached" if both_cached else "sent")
            note = f"via {pivot}"
            finish(i, Translation(texts[i], tr.text, self.label, status, tr.reason, tr.score, note))

        middle_texts = [first[i].text or "" for i in middle]
        middle_contexts = [contexts[i] for i in middle] if contexts is not None else None
        self.translate(
            middle_texts, pivot, target, on_result=finish_second, contexts=middle_contexts
        )

    # --- one pair ------------------------------------------------------------------------------
    def _translate_pair(
        self,
        texts: list[str],
        source: str,
        target: str,
        finish: Callable[[int, Translation], None],
        contexts: Contexts,
    ) -> None:
        pending: dict[int, _Pending] = {}
        for i, text in enumerate(texts):
            if not text.strip():
                finish(i, Translation(text, text, self.label, "local", note="blank"))
                continue
            if self.protect:
                protected = protect(text, keep_terms=self.keep_terms)
            else:
                protected = Protected.plain(text)
            if self.protect and not protected.has_words:
                # Only numbers, placeholders or punctuation: nothing to translate, and some
                # providers (Google) answer None for such a text.
                finish(i, Translation(text, text, self.label, "local", note="nothing to translate"))
                continue
            chunks, separators = split_for_limit(protected.text, source, self.max_chars)
            pending[i] = _Pending(protected, chunks, separators)
        if not pending:
            return

        unique = list(dict.fromkeys(c for p in pending.values() for c in p.chunks))
        context_of: dict[str, tuple[UnitContext | None, str]] = {}
        if self.uses_context and contexts is not None:
            for i, p in pending.items():
                for chunk in p.chunks:
                    context_of.setdefault(chunk, (contexts[i], texts[i]))
        done: dict[str, _ChunkResult] = {}
        if self.network and self.settings.cache:
            for chunk, answer in (
                self._get_cache().get_many(self.cache_namespace, source, target, unique).items()
            ):
                done[chunk] = _ChunkResult(answer=answer, cached=True)
        waiting: dict[str, list[int]] = {}
        for i, p in pending.items():
            for chunk in p.chunks:
                waiting.setdefault(chunk, []).append(i)

        def settle(chunk: str) -> None:
            for i in waiting.pop(chunk, []):
                p = pending.get(i)
                if p is not None and all(c in done for c in p.chunks):
                    del pending[i]
                    finish(i, self._assemble(texts[i], p, done))

        for chunk in list(done):
            settle(chunk)
        to_send = [Unit(c, *context_of.get(c, (None, None))) for c in unique if c not in done]
        if not to_send:
            return
        if self.network:
            self._send_concurrently(to_send, source, target, done, settle)
        else:
            self._send_local(to_send, source, target, done, settle)

    def _assemble(self, text: str, p: _Pending, done: dict[str, _ChunkResult]) -> Translation:
        results = [done[c] for c in p.chunks]
        for r in results:
            if r.error is not None:
                status = "rejected" if r.rejected else "failed"
                return Translation(text, None, self.label, status, reason=r.error)
        answers = [r.answer for r in results]
        if not self.network and any(a is None for a in answers):
            return Translation(text, None, self.label, "local", reason="no match")
        strings = [a.text if isinstance(a, Suggestion) else a for a in answers]
        joined = join_chunks([s or "" for s in strings], p.separators)
        try:
            restored = p.protected.restore(joined)
        except BadAnswer as exc:
            return Translation(text, None, self.label, "rejected", reason=exc.message)
        if self.network:
            # Providers strip the text they are sent; the entry keeps its own outer spacing.
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            restored = lead + restored.strip() + trail
        first = answers[0] if len(answers) == 1 else None
        score = first.score if isinstance(first, Suggestion) else None
        note = first.note if isinstance(first, Suggestion) else None
        if not self.network:
            status = "local"
        else:
            status = "cached" if all(r.cached for r in results) else "sent"
        return Translation(text, restored, self.label, status, score=score, note=note)

    # --- sending -----------------------------------------------------------------------------
    def _record(self, chunk: str, answer: Answer, done: dict[str, _ChunkResult]) -> None:
        """Check one answer's tokens; keep it (and cache it) only if they all came back."""
        text = answer.text if isinstance(answer, Suggestion) else answer
        if text is None or not text.strip():
            done[chunk] = _ChunkResult(error=f"{self.name} returned no translation")
            return
        problem = check_tokens(chunk, text) if self.protect else None
        if problem is not None:
            done[chunk] = _ChunkResult(error=problem, rejected=True)
            return
        done[chunk] = _ChunkResult(answer=answer)

    def _send_local(
        self,
        units: list[Unit],
        source: str,
        target: str,
        done: dict[str, _ChunkResult],
        settle: Callable[[str], None],
    ) -> None:
        chunks = [u.text for u in units]
        try:
            answers = self._checked_call(units, source, target)
        except EngineError as exc:
            for chunk in chunks:
                done[chunk] = _ChunkResult(error=exc.message)
                settle(chunk)
            return
        for chunk, answer in zip(chunks, answers, strict=True):
            if answer is None:
                done[chunk] = _ChunkResult(answer=None)
            else:
                self._record(chunk, answer, done)
            settle(chunk)

    def _send_concurrently(
        self,
        units: list[Unit],
        source: str,
        target: str,
        done: dict[str, _ChunkResult],
        settle: Callable[[str], None],
    ) -> None:
        if self._broken is not None:
            for unit in units:  # out of use since an earlier pair: not one more request
                done[unit.text] = _ChunkResult(error=f"not sent: {self._broken.message}")
                settle(unit.text)
            return
        batches = self._batches(units)
        workers = max(1, min(self.settings.concurrency, len(batches)))
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"mt-{self.name}")
        futures: dict[Future[list[Answer]], list[str]] = {}
        cache = self._get_cache() if self.settings.cache else None
        try:
            for unit_batch in batches:
                future = pool.submit(self._call_with_retries, unit_batch, source, target)
                futures[future] = [u.text for u in unit_batch]
            remaining = set(futures)
            while remaining:
                finished, remaining = wait(remaining, return_when=FIRST_COMPLETED)
                for future in finished:
                    batch = futures[future]
                    try:
                        answers = future.result()
                    except EngineError as exc:
                        for chunk in batch:
                            done[chunk] = _ChunkResult(error=exc.message)
                    else:
                        for chunk, answer in zip(batch, answers, strict=True):
                            self._record(chunk, answer, done)
                            kept = done[chunk]
                            if cache is not None and kept.error is None:
                                cache.put(self.cache_namespace, source, target, chunk, kept.answer)
                        if cache is not None:
                            cache.commit()
                    for chunk in batch:
                        settle(chunk)
        except BaseException:
            # Ctrl-C or a bug: stop sending; requests in flight end at their timeout.
            self._broken = self._broken or EngineError(f"{self.name}: the run was interrupted")
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            if cache is not None:
                cache.commit()

    def _batches(self, units: list[Unit]) -> list[list[Unit]]:
        """Units packed into requests, within `batch_size` and `batch_chars`.

        An engine that uses context gets each document's units together (its context is sent
        once per request), documents spread over the workers. Otherwise batches are no larger
        than needed to give every worker one, so a small job still runs in parallel.
        """
        groups: dict[str | None, list[Unit]] = {}
        for unit in units:
            key = unit.context.group if self.uses_context and unit.context else None
            groups.setdefault(key, []).append(unit)
        most = max(1, self.batch_size)
        if not self.uses_context:
            most = min(most, math.ceil(len(units) / max(1, self.settings.concurrency)))
        batches: list[list[Unit]] = []
        for group in groups.values():
            current: list[Unit] = []
            chars = 0
            for unit in group:
                full = len(current) >= most or (
                    self.batch_chars and chars + len(unit.text) > self.batch_chars
                )
                if current and full:
                    batches.append(current)
                    current, chars = [], 0
                current.append(unit)
                chars += len(unit.text)
            if current:
                batches.append(current)
        return batches

    def _call_with_retries(self, batch: list[Unit], source: str, target: str) -> list[Answer]:
        """Runs in a worker thread: back off and retry on 429, 5xx and timeouts."""
        attempt = 0
        while True:
            if self._broken is not None:
                raise EngineError(f"not sent: {self._broken.message}")
            try:
                with self._count_lock:
                    self.requests_made += 1
                    self.texts_sent += len(batch) if attempt == 0 else 0
                return self._checked_call(batch, source, target)
            except EngineError as exc:
                if is_fatal(exc):
                    self._broken = self._broken or exc
                    raise
                if not is_retryable(exc) or attempt >= self.settings.retries:
                    raise
                time.sleep(self._backoff(attempt, getattr(exc, "retry_after", None)))
                attempt += 1
                with self._count_lock:
                    self.retries_made += 1

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Exponential back-off with jitter, so parallel workers do not retry in step."""
        base = self.settings.backoff * (2**attempt)
        delay = base * (0.5 + random.random())
        if retry_after is not None:
            delay = max(delay, retry_after)  # the provider's "not before": no jitter below it
        return min(self.settings.max_backoff, delay)

    def _checked_call(self, batch: Sequence[Unit], source: str, target: str) -> list[Answer]:
        try:
            answers = self.translate_units(list(batch), source, target)
        except EngineError:
            raise
        except Exception as exc:
            raise self.map_error(exc) from exc
        if not isinstance(answers, list) or len(answers) != len(batch):
            raise BadAnswer(f"{self.name}: expected {len(batch)} answers")
        return answers

    def _get_cache(self) -> TranslationCache:
        if self._cache is None:
            from l10n_news.engines.cache import TranslationCache

            self._cache = TranslationCache.open(self.ws)
        return self._cache
