"""Agreement with the field: GNU gettext's format labels and translate-toolkit's pofilter.

The GNU cases are the format-*-2 tables of gettext's test suite (msgfmt --check-format), with
the labels of gettext's current sources. pofilter's verdicts were recorded from
translate-toolkit's own tests. Deliberate differences are listed in README.md,
"Agreement with the field".
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from l10n_news.catalogs.pofile import unescape
from l10n_news.checks import markup, numbers, placeholders, spacing, untranslated
from l10n_news.checks.base import CheckInput

GNU_FORMATS = {
    "format-c-2": "c-format",
    "format-python-2": "python-format",
    "format-python-brace-2": "python-brace-format",
}

# pofilter test -> our check, and the agreement we hold it to (measured, then rounded down).
POFILTER_FAMILIES: dict[str, tuple[Callable[[CheckInput], list[str]], float]] = {
    "printf": (lambda i: placeholders.check_unflagged(i.source, i.target), 0.90),
    "pythonbraceformat": (
        lambda i: placeholders.check_flagged(i.source, i.target, "python-brace-format"),
        0.80,
    ),
    "numbers": (numbers.check_numbers, 0.90),
    "urls": (numbers.check_urls, 1.0),
    "emails": (numbers.check_emails, 1.0),
    "xmltags": (markup.check_markup, 0.85),
    "doublespacing": (spacing.check_doubled_spaces, 0.8),
    "doublewords": (spacing.check_doubled_words, 0.65),
    "startwhitespace": (spacing.check_ends_whitespace, 1.0),
    "endwhitespace": (spacing.check_ends_whitespace, 0.8),
    "endpunc": (spacing.check_ends_punctuation, 0.7),
    "unchanged": (untranslated.check_untranslated, 0.85),
}
# Checker classes with project-specific rules (Mozilla DTD entities, LibreOffice help tags)
# that a news site does not share: their cases are counted apart and not asserted.
GENERAL_CHECKERS = {"StandardChecker", "MinimalChecker", "ReducedChecker"}


def _po_string(line: str) -> str:
    m = re.match(r'msg(?:id|str)\s+"(.*)"$', line)
    assert m is not None, line
    return unescape(m.group(1))


def test_placeholders_agree_with_gnu_gettext(shared: Path) -> None:
    data = json.loads((shared / "corpus/checks/gnu-gettext-format_check_cases.json").read_text())
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for table, flag in GNU_FORMATS.items():
        assert data[table]["flag"] == flag
        for case in data[table]["cases"]:
            source, target = (_po_string(line) for line in case["po_lines"][:2])
            valid = not placeholders.check_flagged(source, target, flag)
            total[flag] += 1
            agree[flag] += valid == case["valid"]
    for flag in total:
        print(f"{flag}: {agree[flag]}/{total[flag]} agree with GNU gettext")
    assert sum(total.values()) == 240
    for flag in total:
        assert agree[flag] / total[flag] >= 0.99, flag


def pofilter_agreement(shared: Path) -> dict[str, tuple[int, int]]:
    cases = json.loads((shared / "corpus/checks/checks_cases.json").read_text())
    result: dict[str, list[int]] = {}
    for case in cases:
        family = POFILTER_FAMILIES.get(case["check"])
        if family is None or case["checker"] not in GENERAL_CHECKERS:
            continue
        # The verdict pofilter gave: the helper's expectation, inverted when the test failed.
        pofilter_fails = (case["helper"] != "passes") == case["helper_returned"]
        lang = case["targetlanguage"]
        ours_fails = bool(family[0](CheckInput(case["source"], case["target"], lang, lang)))
        counts = result.setdefault(case["check"], [0, 0])
        counts[0] += ours_fails == pofilter_fails
        counts[1] += 1
    return {k: (v[0], v[1]) for k, v in result.items()}


def test_checks_agree_with_pofilter_per_family(shared: Path) -> None:
    agreement = pofilter_agreement(shared)
    for family, (agree, total) in sorted(agreement.items()):
        print(f"{family}: {agree}/{total} = {agree / total:.0%} agree with pofilter")
    assert set(agreement) == set(POFILTER_FAMILIES)
    for family, (agree, total) in agreement.items():
        assert agree / total >= POFILTER_FAMILIES[family][1], family


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_placeholder_finding_on_real_reviewed_catalogs(shared: Path, lang: str) -> None:
    """GNOME Calculator's translations pass msgfmt -c: our placeholder check agrees."""
    from l10n_news.catalogs.pofile import read_po
    from l10n_news.checks import check_message

    catalog = read_po(shared / f"corpus/po/GNOME_gnome-calculator/{lang}.po")
    found = [
        f
        for m in catalog
        # The credits' e-mail autolinks are markup its msgid lacks (and would be refused).
        if m.translated and m.msgid != "translator-credits"
        for f in check_message(
            m,
            source_lang="en",
            target_lang=lang,
            nplurals=catalog.nplurals,
            only=["placeholders", "markup", "unsafe-markup"],
        )
    ]
    assert found == []
