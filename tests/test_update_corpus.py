"""update against GNU msgmerge --previous on real Russian and Kazakh catalogs."""

import pytest

from l10n_news.catalogs import read_po

CASES = [
    (
        "GNOME_gnome-software/ru@379e7103.po",
        "GNOME_gnome-software/gnome-software.derived.pot",
        "GNOME_gnome-software/ru@379e7103.merged-to-HEAD-by-msgmerge-0.21.po",
    ),
    (
        "GNOME_gnome-software/kk@9d4b1c47.po",
        "GNOME_gnome-software/gnome-software.derived.pot",
        "GNOME_gnome-software/kk@9d4b1c47.merged-to-HEAD-by-msgmerge-0.21.po",
    ),
    ("bleachbit/kk.po", "bleachbit/bleachbit.pot", "bleachbit/kk.merged-by-msgmerge-0.21.po"),
    ("bleachbit/ru.po", "bleachbit/bleachbit.pot", "bleachbit/ru.merged-by-msgmerge-0.21.po"),
]


def counts(catalog):
    active = list(catalog)
    return {
        "translated": sum(m.translated for m in active),
        "fuzzy": sum(m.fuzzy and any(m.strings) for m in active),
        "untranslated": sum(not any(m.strings) for m in active),
        "obsolete": len(catalog.obsolete),
    }


@pytest.mark.parametrize(("old", "template", "gold"), CASES)
def test_update_decides_like_msgmerge_and_loses_nothing(shared, old, template, gold):
    base = shared / "corpus" / "po"
    ours = read_po(base / old)
    ours.update(read_po(base / template))
    gnu = read_po(base / gold)

    # Nothing lost: every translation of the old catalog is still somewhere in the new one.
    kept = {s for m in ours.all_messages() for s in m.strings if s}
    before = read_po(base / old)
    lost = [m.msgid for m in before.all_messages() for s in m.strings if s and s not in kept]
    assert lost == []

    # The same entries, with the same translation and fuzziness as msgmerge, for >= 99%.
    same = 0
    for m in gnu:
        mine = ours.get(m.msgid, m.msgctxt)
        if mine is not None and mine.strings == m.strings and mine.fuzzy == m.fuzzy:
            same += 1
    assert len(list(ours)) == len(list(gnu))
    assert same >= 0.99 * len(list(gnu))

    a, b = counts(ours), counts(gnu)
    for key in ("translated", "fuzzy", "untranslated"):
        assert abs(a[key] - b[key]) <= max(2, 0.01 * len(list(gnu))), (key, a, b)
    # We may keep more obsolete entries than msgmerge (never fewer): nothing is lost.
    assert b["obsolete"] <= a["obsolete"] <= b["obsolete"] * 1.1 + 2
