"""`l10n-news run` end to end on a copy of the sample workspace."""

import json

from click.testing import CliRunner

from l10n_news.catalogs import State
from l10n_news.cli.main import cli
from l10n_news.workspace import Workspace


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_sample_workspace_publishes_every_variant_offline(sample_ws):
    result = run("run", "-C", str(sample_ws), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["ok"]
    assert summary["translate"]["requests"] == 0, "the sample needs no network"
    slugs = sorted(p.name for p in (sample_ws / "articles").iterdir())
    assert len(slugs) >= 3
    for lang in ("ru", "en", "kk"):
        assert summary["languages"][lang]["published"] == slugs
        assert summary["languages"][lang]["held"] == {}
        for slug in slugs:
            assert (sample_ws / "site" / lang / slug / "index.html").is_file()
    # A second run finds nothing to do and changes nothing.
    again = json.loads(run("run", "-C", str(sample_ws), "--json").output)
    assert again["extract"]["written"] == [] and again["update"]["written"] == []
    assert again["compile"]["compiled"] == [] and again["publish"]["rendered"] == []


def test_new_paragraph_is_drafted_and_held_back_until_reviewed(sample_ws):
    article = next(
        p
        for p in sorted((sample_ws / "articles").glob("*/article.md"))
        if "\nlang: en\n" in p.read_text("utf-8")
    )
    slug = article.parent.name
    article.write_text(
        article.read_text("utf-8") + "\nA late paragraph added by the editor on deadline.\n",
        "utf-8",
    )
    result = run("run", "-C", str(sample_ws), "--engine", "pseudo", "--json")
    summary = json.loads(result.output)
    source_lang = "en"
    targets = ["ru", "kk"]
    for lang in targets:
        row = summary["languages"][lang]
        assert row["drafts_made"] >= 1
        assert slug in row["held"] and slug not in row["published"]
        assert not (sample_ws / "site" / lang / slug / "index.html").exists()
    assert slug in summary["languages"][source_lang]["published"]

    # A real engine would have written Cyrillic: make the pseudo drafts look like that.
    for lang in targets:
        ws = Workspace.load(sample_ws)
        path = ws.po_path(lang, slug)
        catalog = ws.read_catalog(path)
        for msg in catalog:
            if msg.state is State.DRAFT:
                # Each language its own words: the same text in ru and kk is an error.
                msg.msgstr = {"ru": "Поздний абзац редактора.", "kk": "Редактордың кеш абзацы."}[
                    lang
                ]
        ws.write_catalog(path, catalog)
    drafts = json.loads(
        run("run", "-C", str(sample_ws), "--no-translate", "--allow-drafts", "--json").output
    )
    for lang in targets:
        assert slug in drafts["languages"][lang]["published_as_drafts"]
        page = (sample_ws / "site" / lang / slug / "index.html").read_text("utf-8")
        assert 'name="robots" content="noindex"' in page


def test_the_summary_names_a_few_published_articles_and_counts_the_rest() -> None:
    from l10n_news.cli.run import SHOWN_SLUGS, _some

    slugs = [f"story-{n:04d}" for n in range(SHOWN_SLUGS + 5)]
    assert _some(slugs) == ", ".join(slugs[:SHOWN_SLUGS]) + f" and 5 more ({len(slugs)} in all)"
    assert _some(slugs[:2]) == "story-0000, story-0001"
    assert _some([]) == "nothing"
