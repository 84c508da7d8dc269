"""The synthetic archive of bench/gen_archive.py is what our own extract and update would make."""

from __future__ import annotations

import sys
from pathlib import Path

from l10n_news.extract import extract_workspace
from l10n_news.sources import load_article, segment_article
from l10n_news.update import update_workspace
from l10n_news.workspace import Workspace

# bench/ is not a package: put it on the path (worker processes inherit sys.path).
BENCH = Path(__file__).resolve().parent.parent / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import gen_archive  # noqa: E402


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".l10n-news" not in p.parts
    }


def test_generated_archive_is_what_extract_and_update_make(tmp_path: Path) -> None:
    gen_archive.generate_archive(tmp_path, n=3, paragraphs=8)
    before = _snapshot(tmp_path)
    ws = Workspace.load(tmp_path)
    assert ws.article_slugs() == ["story-00000", "story-00001", "story-00002"]

    extract_workspace(ws)
    summary = update_workspace(ws)

    assert _snapshot(tmp_path) == before
    assert summary.created == [] and summary.written == []
    for key, counts in summary.catalogs.items():
        assert counts["fuzzy"] == counts["new"] == counts["obsolete"] == 0, key


def test_catalogs_are_fully_reviewed_and_keep_markup(tmp_path: Path) -> None:
    gen_archive.generate_archive(tmp_path, n=3, paragraphs=20, targets=("ru", "kk"))
    ws = Workspace.load(tmp_path)
    for lang, domain, path in ws.catalog_paths():
        catalog = ws.read_catalog(path)
        assert catalog.language == lang
        for message in catalog:
            assert message.state == "reviewed", (domain, message.msgid)
            for mark in ("**", "][", "%(", "{"):
                assert message.msgid.count(mark) == message.msgstr.count(mark), message.msgid
        if domain != "ui":
            assert len(catalog) >= 20


def test_same_seed_same_articles_and_dates_follow_almaty(tmp_path: Path) -> None:
    first = gen_archive.make_article(7, seed=1)
    assert gen_archive.make_article(7, seed=1).body == first.body
    assert gen_archive.make_article(7, seed=2).body != first.body
    for n in range(40):
        article = gen_archive.make_article(n)
        offset = article.date.utcoffset()
        assert offset is not None
        expected = 5 if article.date.date().isoformat() >= "2024-03-01" else 6
        assert offset.total_seconds() == expected * 3600


def test_parallel_generation_writes_the_same_articles(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    gen_archive.generate_archive(one, n=60, paragraphs=3, translated=False)
    gen_archive.generate_archive(two, n=60, paragraphs=3, translated=False, jobs=2)
    assert _snapshot(one / "articles") == _snapshot(two / "articles")
    article = load_article(one / "articles" / "story-00059" / "article.md")
    assert segment_article(article)[0].role == "title"
