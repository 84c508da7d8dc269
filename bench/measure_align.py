"""Measure the translation aligner: precision and recall of the pairs it writes as finished.

Runs `pair_units` (what `import --translation-of` does) on the parallel stories of
tests/align_cases.py (each whole and in four edited shapes) and on pages that are not
translations (other outlets' stories on the same events, and real excerpts of
../shared/corpus/news on one topic). Prints a row per case and the totals; exits non-zero
when a finished pair is wrong, a non-translation is taken for a translation, or recall falls
under the floor.

    .venv/bin/python bench/measure_align.py [SHARED_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from align_cases import (
    RECALL_FLOOR,
    Outcome,
    corpus_cases,
    evaluate,
    other_outlet_cases,
    totals,
    translation_cases,
)

DEFAULT = Path(__file__).resolve().parents[2] / "shared"


def show(outcome: Outcome) -> None:
    case = outcome.case
    wrong = len(outcome.certain_wrong)
    print(
        f"  {case.name:24} {outcome.verdict:18} finished {outcome.certain_right:2} right "
        f"{wrong} wrong of {len(case.truth):2} | "
        f"drafts {outcome.drafts_right}/{outcome.drafts} right"
    )


def main() -> int:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    translations = [evaluate(c) for c in translation_cases()]
    others = [evaluate(c) for c in other_outlet_cases() + corpus_cases(shared)]
    print("translations (en -> ru/kk, built; right pairs known)")
    for outcome in translations:
        show(outcome)
    print("not translations (same event, another text)")
    for outcome in others:
        show(outcome)
    result = totals(translations + others)
    print(
        f"finished pairs: precision {result.precision:.3f} "
        f"({result.certain_right}/{result.certain_right + result.certain_wrong}), "
        f"recall {result.recall:.3f} ({result.certain_right}/{result.true_pairs}); "
        f"translations refused {result.translations_refused}/{len(translations)}; "
        f"non-translations accepted {result.non_translations_accepted}/{len(others)}, "
        f"reviewed units from them {result.non_translation_reviewed}"
    )
    failed = (
        result.precision < 1.0
        or result.non_translations_accepted
        or result.non_translation_reviewed
        or result.recall < RECALL_FLOOR
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
