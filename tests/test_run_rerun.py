"""`run` translates only the catalogs that changed, and compiles what update merged without
reading it again."""

from __future__ import annotations

from l10n_news import run as run_module
from l10n_news.run import run_pipeline
from l10n_news.workspace import Workspace


def _spy(monkeypatch, name: str) -> list[dict]:
    calls: list[dict] = []
    real = getattr(run_module, name)

    def spy(ws, **kwargs):
        calls.append(kwargs)
        return real(ws, **kwargs)

    monkeypatch.setattr(run_module, name, spy)
    return calls


def _break_a_number(ws: Workspace, lang: str) -> str:
    """Make one reviewed translation lose a number of its source: a `numbers` error."""
    for _, domain, path in ws.catalog_paths():
        if domain == "ui" or path.parent.parent.name != lang:
            continue
        catalog = ws.read_catalog(path)
        for message in catalog:
            if message.translated and any(ch.isdigit() for ch in message.msgid):
                message.msgstr = "".join(ch for ch in message.msgstr if not ch.isdigit())
                ws.write_catalog(path, catalog)
                return domain
    raise AssertionError("the sample has no translated entry with a number")


def test_a_rerun_translates_only_what_changed(sample_ws, monkeypatch):
    ws = Workspace.load(sample_ws)
    first = run_pipeline(ws)
    translations = _spy(monkeypatch, "translate_workspace")
    again = run_pipeline(ws)
    assert translations == [], "nothing changed: no catalog is read for translation"
    assert again.translate is not None and again.translate.ok
    assert [f.as_dict() for f in again.findings] == [f.as_dict() for f in first.findings]

    domain = _break_a_number(ws, "kk")
    third = run_pipeline(ws)
    assert [c["domains"] for c in translations] == [[domain]]
    assert any(f.check == "numbers" and f.lang == "kk" for f in third.errors)


def test_run_compiles_what_update_merged_without_reading_it_again(sample_ws, monkeypatch):
    from l10n_news.compile import compile_workspace

    ws = Workspace.load(sample_ws)
    article = sorted((sample_ws / "articles").glob("*/article.md"))[0]
    article.write_text(article.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
    stage = {"now": ""}
    read_in_compile: list = []
    real_read = Workspace.read_catalog

    def read_catalog(self, path):
        if stage["now"] == "compile":
            read_in_compile.append(path)
        return real_read(self, path)

    monkeypatch.setattr(Workspace, "read_catalog", read_catalog)
    summary = run_pipeline(ws, translate=False, stage=lambda name: stage.update(now=name))
    merged = set(summary.update.catalogs)
    assert merged, "the edit must make update merge catalogs"
    assert read_in_compile == [], "compile read catalogs update had just merged"
    # The .mo files are the ones `compile` makes on its own: recompiling changes no byte.
    (sample_ws / ".l10n-news" / "state.json").unlink()
    again = compile_workspace(ws)
    assert again.compiled == [] and set(again.unchanged) >= merged
