"""Differential tests: our reader and compile against GNU msgfmt --check, entries against polib.

The real catalogs of ../shared/corpus and a few hundred mutated copies of them (byte flips,
truncation, duplicates, bad escapes, NUL, BOM, CRLF, invalid UTF-8, dropped and swapped
lines; see po_mutations.py) go through both. Where msgfmt accepts and so do we, our .mo must be
msgfmt's byte for byte and our entries polib's. bench/bench_po_differential.py runs thousands.

We refuse on purpose two things msgfmt accepts, because msgfmt then cuts the text without a
word: a NUL byte (raw, or as `\\0`), and an escape that is not one byte (`\\400`,
`\\xFFFFFFFFFFFFFFFFFFFF`). Every other verdict must be GNU's.
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import require_module, require_tool
from po_mutations import (
    MUTATIONS,
    corpus_files,
    entries_ours,
    entries_polib,
    judge,
    mutated_cases,
    our_verdict,
    table,
)

SEED = 20261129
CASES_PER_KIND = 24  # x 11 kinds: a few seconds; the bench script runs thousands
ON_PURPOSE = ("NUL byte", "is not one byte")


def refused_on_purpose(gnu_accepts: bool, why: str) -> bool:
    return gnu_accepts and any(reason in why for reason in ON_PURPOSE)


@pytest.fixture(scope="module")
def polib():
    return require_module("polib", "the oracle for entries")


def test_corpus_catalogs_get_gnus_verdict_mo_and_polibs_entries(shared, polib, tmp_path):
    msgfmt = require_tool("msgfmt")
    accepted = 0
    for path in corpus_files(shared):
        mo = tmp_path / "gnu.mo"
        gnu = (
            subprocess.run(
                [msgfmt, "--check", "-o", str(mo), str(path)], capture_output=True
            ).returncode
            == 0
        )
        ours, why = our_verdict(path.read_bytes())
        assert ours == gnu, f"{path.name}: msgfmt {'accepts' if gnu else 'refuses'}; we: {why}"
        if gnu:
            accepted += 1
            from l10n_news.catalogs import read_po, write_mo
            from l10n_news.catalogs.pofile import dump_po

            assert write_mo(read_po(path)) == mo.read_bytes(), path.name
            assert dump_po(read_po(path)) == path.read_bytes(), path.name  # saved unchanged
            assert entries_ours(path.read_bytes()) == entries_polib(polib, path), path.name
    assert accepted >= 25


def test_mutated_catalogs_get_gnus_verdict(shared, polib):
    require_tool("msgfmt")
    count = CASES_PER_KIND * len(MUTATIONS)
    tally = judge(mutated_cases(corpus_files(shared), count, SEED), polib)
    print(f"\n{table(tally)}")
    unexpected = [
        (case.name, case.kind, "msgfmt accepts" if gnu else "msgfmt refuses", why)
        for case, gnu, why in tally.disagreements
        if not refused_on_purpose(gnu, why)
    ]
    assert not unexpected, unexpected
    assert not tally.mo_differences, [c.name for c in tally.mo_differences]
    assert not tally.polib_differences, [c.name for c in tally.polib_differences]
    # The run must exercise both verdicts and the oracles, or it proves nothing.
    assert sum(tally.gnu_accepts.values()) >= count // 4
    assert sum(tally.tried.values()) - sum(tally.gnu_accepts.values()) >= count // 4
    assert sum(tally.polib_compared.values()) >= count // 5


@pytest.mark.parametrize(
    "body, reason",
    [
        (b'msgid "a"\nmsgstr "\\xFFFFFFFFFFFFFFFFFFFF"\n', "is not one byte"),
        (b'msgid "a"\nmsgstr "b\\0c"\n', "NUL byte"),
        (b'msgid "a"\nmsgstr "b\0c"\n', "NUL byte"),
    ],
)
def test_what_gnu_would_cut_is_a_one_line_error(body, reason):
    head = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    ok, why = our_verdict(head + body)
    assert not ok and reason in why and why.startswith("case.po:5: ")
    assert "\n" not in why
