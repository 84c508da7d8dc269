"""Is a page a translation of an article at all, and which of its aligned pairs are certain?

An aligner always finds *some* path through two texts, so its pairs prove nothing by
themselves: two stories about the same festival from two outlets share names, a few numbers
and the order of events. A translation shares far more, and in order: nearly every number and
name of a source unit turns up in the unit it is paired with. So the whole document is judged
first, on

- the length ratio of the two texts (a translation is neither half nor twice as long),
- the share of the source's anchors (numbers, names, glossary terms) found at all in the page,
- the share found *in the paired unit*, which unrelated texts on one topic cannot reach.

Too few anchors to tell is its own verdict ("undecided"): the pairs are then written as drafts,
never as translations. Within a translation, a pair is *certain* only when it is 1-1, its lengths
fit, it has anchors and they agree (the same numbers on both sides), and no other unit of either
side agrees as well with it: anything less is a fuzzy draft for a translator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from l10n_news.importers.align import CONFIDENT_LENGTH_P, Bead
from l10n_news.importers.anchors import UnitAnchors, overlap, shared_names

TRANSLATION, NOT_A_TRANSLATION, UNDECIDED = "translation", "not a translation", "undecided"
# The page is this many times longer or shorter than the article (after the language pair's
# usual ratio is allowed for): no translation of the same text is.
MAX_LENGTH_FACTOR = 1.8
# Expected target/source length in characters, from parallel news text; 1.0 when unknown.
LENGTH_RATIOS = {
    ("en", "ru"): 1.1, ("en", "kk"): 1.1, ("ru", "kk"): 1.0,
}  # fmt: skip
MIN_ANCHORS = 4  # fewer anchors in the article than this: not enough evidence either way
FOUND_SHARE = 0.6  # of the article's anchors that must appear somewhere in the page
PAIRED_SHARE = 0.5  # of the article's anchors that must appear in the paired unit
CERTAIN_OVERLAP = 0.5  # a certain pair's anchor overlap (Jaccard, names fuzzily)
COMPETITOR_MARGIN = 0.15  # another unit this close to a pair's overlap competes with it


@dataclass
class Verdict:
    kind: str  # TRANSLATION, NOT_A_TRANSLATION or UNDECIDED
    score: float  # 0-1: the share of the article's anchors found in their paired units
    reasons: list[str] = field(default_factory=list)

    @property
    def is_translation(self) -> bool:
        return self.kind == TRANSLATION


def expected_ratio(source_lang: str, target_lang: str) -> float:
    if (source_lang, target_lang) in LENGTH_RATIOS:
        return LENGTH_RATIOS[(source_lang, target_lang)]
    if (target_lang, source_lang) in LENGTH_RATIOS:
        return 1 / LENGTH_RATIOS[(target_lang, source_lang)]
    return 1.0


def _size(anchors: UnitAnchors) -> int:
    return len(anchors.numbers) + len(set(anchors.names)) + len(anchors.terms)


def _shared(a: UnitAnchors, b: UnitAnchors) -> int:
    """How many of a's anchors b has too (names compared fuzzily)."""
    return (
        len(a.numbers & b.numbers)
        + len(a.terms & b.terms)
        + shared_names(list(dict.fromkeys(a.names)), list(b.names))
    )


def _joined(units: list[UnitAnchors]) -> UnitAnchors:
    out = UnitAnchors(frozenset(), (), frozenset())
    for unit in units:
        out = out | unit
    return out


def judge(
    src_len: list[int],
    tgt_len: list[int],
    src: list[UnitAnchors],
    tgt: list[UnitAnchors],
    beads: list[Bead],
    ratio: float,
) -> Verdict:
    """Whether the target units translate the source units, from the whole alignment."""
    reasons: list[str] = []
    total_src, total_tgt = sum(src_len), sum(tgt_len)
    if not total_src or not total_tgt:
        return Verdict(NOT_A_TRANSLATION, 0.0, ["one side has no text"])
    factor = (total_tgt / total_src) / ratio
    length_ok = 1 / MAX_LENGTH_FACTOR <= factor <= MAX_LENGTH_FACTOR
    if not length_ok:
        reasons.append(f"its length is {factor:.2f} times what a translation's would be")
    # Each unit's own anchors, counted once per unit: a name repeated in five paragraphs is
    # five chances to be found in the right place. Shares are of both sides' anchors (Dice),
    # as English capitalises words (Georgian, Film Festival) that Russian and Kazakh do not.
    per_unit = sum(_size(a) for a in src)
    both = per_unit + sum(_size(a) for a in tgt)
    everywhere = _joined(tgt)
    found = sum(_shared(a, everywhere) for a in src)
    paired = 0
    for bead in beads:
        if bead.source and bead.target:
            target = _joined([tgt[j] for j in bead.target])
            paired += sum(_shared(src[i], target) for i in bead.source)
    if per_unit < MIN_ANCHORS:
        reasons.append(f"the article has only {per_unit} numbers and names to compare")
        kind = UNDECIDED if length_ok else NOT_A_TRANSLATION
        return Verdict(kind, 0.0, reasons)
    found_share, paired_share = 2 * found / both, 2 * paired / both
    if found_share < FOUND_SHARE:
        reasons.append(f"only {found_share:.0%} of its numbers and names are on the page")
    if paired_share < PAIRED_SHARE:
        reasons.append(
            f"only {paired_share:.0%} of its numbers and names are in the paragraph paired "
            "with theirs"
        )
    good = length_ok and found_share >= FOUND_SHARE and paired_share >= PAIRED_SHARE
    return Verdict(TRANSLATION if good else NOT_A_TRANSLATION, paired_share, reasons)


def certain_beads(
    beads: list[Bead], src: list[UnitAnchors], tgt: list[UnitAnchors]
) -> set[int]:
    """Indexes of the beads that may become finished translations (see the module's rules)."""
    certain: set[int] = set()
    for n, bead in enumerate(beads):
        if bead.kind != (1, 1) or bead.length_p < CONFIDENT_LENGTH_P:
            continue
        i, j = bead.source[0], bead.target[0]
        own = overlap(src[i], tgt[j])
        if own is None or own < CERTAIN_OVERLAP:
            continue
        if src[i].numbers != tgt[j].numbers:
            continue  # a number added, dropped or changed: a translator must look
        if _has_competitor(i, j, own, src, tgt):
            continue
        certain.add(n)
    return certain


def _has_competitor(
    i: int, j: int, own: float, src: list[UnitAnchors], tgt: list[UnitAnchors]
) -> bool:
    for k, other in enumerate(tgt):
        if k != j and (overlap(src[i], other) or 0.0) > own - COMPETITOR_MARGIN:
            return True
    for k, other in enumerate(src):
        if k != i and (overlap(other, tgt[j]) or 0.0) > own - COMPETITOR_MARGIN:
            return True
    return False


def bead_score(bead: Bead) -> float:
    """0-1, shown in a draft's provenance: how well the lengths and anchors fit."""
    length = min(1.0, 2 * bead.length_p)
    anchors = bead.anchor_overlap if bead.anchor_overlap is not None else 0.0
    score = 0.5 * length + 0.5 * anchors
    if bead.kind != (1, 1):
        score *= 0.8
    return round(score, 2)
