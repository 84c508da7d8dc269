import time

from helpers import article_text, make_workspace, tree_digest, write_article
from l10n_news.catalogs import read_po
from l10n_news.extract import extract_workspace
from l10n_news.sources import load_article, translate_article
from l10n_news.workspace import Workspace

BODY = """The *Eurasia* festival opened in [Almaty](https://example.kz/almaty "city") on
12 March. Tickets cost 2,500 tenge.

## Programme

- Twelve films in the [main competition](https://example.kz/films).
- A retrospective of **Kazakh** cinema.

> "We waited a year for this," said the director.

```
code is not translated
```
"""


def setup(tmp_path, body=BODY, config=None):
    root = make_workspace(tmp_path / "ws", *([config] if config else []))
    write_article(root, "festival", article_text(body=body, extra="summary: A short lead.\n"))
    return Workspace.load(root)


def test_one_entry_per_unit_with_role_and_line(tmp_path):
    ws = setup(tmp_path)
    extract_workspace(ws)
    pot = read_po(ws.pot_path("festival"))
    roles = {m.msgid: (m.extracted_comments, m.references, m.msgctxt) for m in pot}
    assert roles["Festival opens in Almaty"][0] == ["title"]
    assert roles["Culture"][2] == "section"
    assert roles["Dana Seitova"][2] == "author"
    assert roles["A short lead."][0] == ["summary"]
    para = "The *Eurasia* festival opened in [Almaty][1] on 12 March. Tickets cost 2,500 tenge."
    assert roles[para][0] == ["paragraph"]
    assert roles[para][1] == ["articles/festival/article.md:10"]
    assert roles["Programme"][0] == ["heading"]
    assert roles["Twelve films in the [main competition][1]."][0] == ["list item"]
    assert roles['"We waited a year for this," said the director.'][0] == ["quote"]
    assert not any("code is not" in m.msgid for m in pot)
    assert not any("https://" in m.msgid for m in pot), "URLs are never translatable text"
    assert pot.header["X-Source-Language"] == "en"


def test_rerun_on_unchanged_sources_changes_no_byte(tmp_path):
    ws = setup(tmp_path)
    extract_workspace(ws)
    before = tree_digest(ws.root)
    mtime = ws.pot_path("festival").stat().st_mtime_ns
    time.sleep(0.01)
    report = extract_workspace(ws)
    assert report.written == [] and tree_digest(ws.root) == before
    assert ws.pot_path("festival").stat().st_mtime_ns == mtime
    # Even with the run state lost, the template is not rewritten.
    (ws.state_dir / "state.json").unlink()
    assert extract_workspace(ws).written == []
    assert tree_digest(ws.root) == before


def test_translated_markdown_is_rebuilt_exactly(tmp_path):
    ws = setup(tmp_path)
    article = load_article(ws.article_path("festival"))
    same = translate_article(article, lambda seg: seg.text)
    lines = article.body.split("\n")
    rebuilt = same.body.split("\n")
    # Units come back on one line each; everything else, links included, is byte for byte.
    assert 'in [Almaty](https://example.kz/almaty "city") on 12 March.' in same.body
    assert "```\ncode is not translated\n```" in same.body
    assert [ln for ln in rebuilt if ln.startswith(("- ", "> ", "## "))] == [
        ln for ln in lines if ln.startswith(("- ", "> ", "## "))
    ]
    upper = translate_article(article, lambda seg: seg.text.upper())
    assert "[MAIN COMPETITION](https://example.kz/films)" in upper.body
    assert upper.missing == []


def test_sentence_mode_keeps_year_abbreviations(tmp_path):
    config = 'languages = ["ru", "en", "kk"]\nsegmentation = "sentence"\n'
    root = make_workspace(tmp_path / "ws", config)
    kk = "Фестиваль 2013 ж. 19 ақпанда ашылды. Қазылар алқасы жұмысын бастады.\n"
    ru = "Фестиваль открылся в 2013 г. в Алматы. Жюри приступило к работе.\n"
    write_article(root, "kk-news", article_text(title="Фестиваль", lang="kk", body=kk))
    write_article(root, "ru-news", article_text(title="Фестиваль", lang="ru", body=ru))
    ws = Workspace.load(root)
    extract_workspace(ws)
    kk_ids = [m.msgid for m in read_po(ws.pot_path("kk-news"))]
    ru_ids = [m.msgid for m in read_po(ws.pot_path("ru-news"))]
    assert "Фестиваль 2013 ж. 19 ақпанда ашылды." in kk_ids
    assert "Фестиваль открылся в 2013 г. в Алматы." in ru_ids
    assert "Жюри приступило к работе." in ru_ids
