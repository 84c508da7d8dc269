"""A Gale–Church style aligner: which units of a translation render which units of the source.

Gale and Church (1993) observed that a sentence's length in characters predicts its
translation's length: the difference, normalised, is roughly normal. Dynamic programming then
finds the cheapest sequence of "beads" (1-1, 1-0, 0-1, 2-1, 1-2) through both texts, where a
bead's cost is -log(prior of its kind) - log(probability of its length difference).

Two things are added for news: the expected length ratio is measured on the pair itself
(Russian and Kazakh run longer than English), and anchors (numbers, names compared after
romanisation, glossary terms with their renderings: see `anchors`) shared by both sides lower
a bead's cost, while numbers that disagree raise it. A bead is *confident* when its lengths
fit and its numbers do not contradict it.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from l10n_news.importers.anchors import (
    NO_ANCHORS,
    GlossaryAnchors,
    UnitAnchors,
    number_overlap,
    overlap,
    unit_anchors,
)

# Prior probabilities of bead kinds: Gale & Church's, except that a news edition drops or adds
# a paragraph more often than a parliament's translators drop a sentence.
PRIORS = {
    (1, 1): 0.87,
    (1, 0): 0.01,
    (0, 1): 0.01,
    (2, 1): 0.055,
    (1, 2): 0.055,
}
VARIANCE = 6.8  # variance of the length difference per character (Gale & Church)
ANCHOR_WEIGHT = 4.0  # cost removed for a bead whose anchors all agree
NUMBER_MISMATCH = 8.0  # cost added when no number is shared (scaled by the share unshared)
CONFIDENT_LENGTH_P = 0.1  # a bead's length difference must be at least this likely
CONFIDENT_NUMBERS = 0.5  # and at least this share of its numbers must appear on both sides


@dataclass(frozen=True)
class Bead:
    source: tuple[int, ...]  # indexes into the source units
    target: tuple[int, ...]  # indexes into the target units
    cost: float
    length_p: float  # probability of the length difference (1.0 for an empty side)
    anchor_overlap: float | None  # Jaccard overlap of anchors; None when neither side has any
    number_overlap: float | None  # the same for numbers alone

    @property
    def kind(self) -> tuple[int, int]:
        return (len(self.source), len(self.target))

    @property
    def confident(self) -> bool:
        if not self.source or not self.target or self.kind == (2, 1):
            return False
        numbers_agree = self.number_overlap is None or self.number_overlap >= CONFIDENT_NUMBERS
        return self.length_p >= CONFIDENT_LENGTH_P and numbers_agree


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _normal_tail(z: float) -> float:
    """P(|Z| >= z) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2))


_Score = tuple[float | None, float | None, float]


class _AnchorScores:
    """What the anchors say about a bead, computed once for both passes of `align`."""

    def __init__(self, source: list[UnitAnchors], target: list[UnitAnchors]) -> None:
        self.source = source
        self.target = target
        self._cache: dict[tuple[tuple[int, ...], tuple[int, ...]], _Score] = {}

    def get(
        self, s_idx: tuple[int, ...], t_idx: tuple[int, ...]
    ) -> _Score:
        """(anchor overlap, number overlap, share of the bead's units that earn the overlap)."""
        key = (s_idx, t_idx)
        if key not in self._cache:
            src, tgt = self._union(self.source, s_idx), self._union(self.target, t_idx)
            self._cache[key] = (overlap(src, tgt), number_overlap(src, tgt), self._credit(key))
        return self._cache[key]

    def _credit(self, key: tuple[tuple[int, ...], tuple[int, ...]]) -> float:
        # In a 2-1 or 1-2 bead, the share of the two units that shares an anchor with the
        # other side: a unit that shares none gets no credit for its partner's names.
        s_idx, t_idx = key
        if len(s_idx) > 1:
            tgt = self._union(self.target, t_idx)
            return sum(1 for k in s_idx if overlap(self.source[k], tgt)) / len(s_idx)
        if len(t_idx) > 1:
            src = self._union(self.source, s_idx)
            return sum(1 for k in t_idx if overlap(src, self.target[k])) / len(t_idx)
        return 1.0

    @staticmethod
    def _union(units: list[UnitAnchors], indexes: tuple[int, ...]) -> UnitAnchors:
        joined = NO_ANCHORS
        for k in indexes:
            joined = joined | units[k]
        return joined


@dataclass
class Alignment:
    """The beads, and what they were computed from (for judging them afterwards)."""

    beads: list[Bead]
    source: list[UnitAnchors]
    target: list[UnitAnchors]
    source_lengths: list[int]
    target_lengths: list[int]


def align(
    source: list[str], target: list[str], *, glossary: GlossaryAnchors | None = None
) -> list[Bead]:
    """The cheapest bead sequence covering both lists, in order (see `alignment`)."""
    return alignment(source, target, glossary=glossary).beads


def alignment(
    source: list[str], target: list[str], *, glossary: GlossaryAnchors | None = None
) -> Alignment:
    """The cheapest bead sequence covering both lists, in order, with its inputs.

    The length ratio of the language pair is first taken from the totals, which a missing or
    added paragraph skews; it is then measured again on the 1-1 beads found, and the
    alignment redone with it. `glossary` adds its terms as anchors.
    """
    src_len = [_length(t) for t in source]
    tgt_len = [_length(t) for t in target]
    ratio = (sum(tgt_len) / sum(src_len)) if sum(src_len) and sum(tgt_len) else 1.0
    src_anchors = [unit_anchors(t, glossary, 0) for t in source]
    tgt_anchors = [unit_anchors(t, glossary, 1) for t in target]
    scores = _AnchorScores(src_anchors, tgt_anchors)
    beads = _align(src_len, tgt_len, scores, ratio)
    # The median, so that the wrong pairs of the first pass weigh little.
    ratios = [
        tgt_len[b.target[0]] / src_len[b.source[0]]
        for b in beads
        if b.kind == (1, 1) and src_len[b.source[0]]
    ]
    if ratios:
        better = statistics.median(ratios)
        if abs(better - ratio) > 0.01:
            beads = _align(src_len, tgt_len, scores, better)
    return Alignment(beads, src_anchors, tgt_anchors, src_len, tgt_len)


def _align(
    src_len: list[int], tgt_len: list[int], scores: _AnchorScores, ratio: float
) -> list[Bead]:
    def bead(i: int, j: int, di: int, dj: int) -> Bead:
        s_idx, t_idx = tuple(range(i - di, i)), tuple(range(j - dj, j))
        ls = sum(src_len[k] for k in s_idx)
        lt = sum(tgt_len[k] for k in t_idx)
        if ls and lt:
            mean = (ls * ratio + lt) / 2
            p = _normal_tail((lt - ls * ratio) / math.sqrt(mean * VARIANCE))
        else:
            p = 1.0
        cost = -math.log(PRIORS[(di, dj)]) - math.log(max(p, 1e-12))
        if not (s_idx and t_idx):
            return Bead(s_idx, t_idx, cost, p, None, None)
        shared, numbers_shared, credit = scores.get(s_idx, t_idx)
        cost -= ANCHOR_WEIGHT * (shared or 0.0) * credit
        if numbers_shared is not None:
            # A number rarely changes in translation: a missing one is evidence against.
            cost += NUMBER_MISMATCH * (1.0 - numbers_shared)
        return Bead(s_idx, t_idx, cost, p, shared, numbers_shared)

    n, m = len(src_len), len(tgt_len)
    best: dict[tuple[int, int], tuple[float, Bead | None]] = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            choice: tuple[float, Bead | None] = (math.inf, None)
            for di, dj in PRIORS:
                if di > i or dj > j or (i - di, j - dj) not in best:
                    continue
                b = bead(i, j, di, dj)
                total = best[(i - di, j - dj)][0] + b.cost
                if total < choice[0]:
                    choice = (total, b)
            best[(i, j)] = choice
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        b = best[(i, j)][1]
        assert b is not None  # every cell but the origin is reachable by 1-0 / 0-1 steps
        beads.append(b)
        i, j = i - len(b.source), j - len(b.target)
    return beads[::-1]
