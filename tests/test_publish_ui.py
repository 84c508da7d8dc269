from __future__ import annotations

from pathlib import Path

from l10n_news.catalogs.catalog import State
from l10n_news.catalogs.pofile import read_po
from l10n_news.publish import publish_workspace, ui_template
from l10n_news.workspace import Workspace
from test_publish_site import make_workspace

ROOT = Path(__file__).resolve().parent.parent


def test_ui_template_from_the_theme() -> None:
    pot = ui_template(Workspace.load(ROOT))
    assert pot.header["X-Source-Language"] == "en"
    ad = pot.get("Advertising")
    assert ad is not None and ad.references == ["theme/base.html:30"]
    assert "phone number" in ad.extracted_comments[0]
    assert pot.get("Odnoklassniki", "brand") is not None
    assert "python-format" in pot.get("By %(author)s").flags  # type: ignore[union-attr]
    assert all("+7" not in m.msgid for m in pot)  # the phone is not part of any string


def test_shipped_ui_catalogs_are_complete_and_reviewed() -> None:
    pot = ui_template(Workspace.load(ROOT))
    shipped = read_po(ROOT / "locales" / "ui.pot")
    assert {m.key for m in shipped} == {m.key for m in pot}
    for lang, nplurals in (("ru", 3), ("kk", 2)):
        catalog = read_po(ROOT / "locales" / lang / "LC_MESSAGES" / "ui.po")
        assert catalog.language == lang and catalog.nplurals == nplurals
        assert {m.key for m in catalog} == {m.key for m in pot}
        assert all(m.state is State.REVIEWED for m in catalog)
    ru = read_po(ROOT / "locales/ru/LC_MESSAGES/ui.po")
    assert ru.get("VK", "brand").msgstr == "ВКонтакте"  # type: ignore[union-attr]
    assert ru.get("Advertising").msgstr == "Реклама"  # type: ignore[union-attr]


def test_workspace_override_adds_strings_and_holds_back_until_translated(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    (ws.root / "templates").mkdir()
    theme = Path(__file__).resolve().parent.parent / "src/l10n_news/publish/theme/index.html"
    text = theme.read_text("utf-8").replace(
        '{{ _("Latest news") }}</h1>', '{{ _("Fresh stories") }}</h1>'
    )
    (ws.root / "templates/index.html").write_text(text, "utf-8")
    pot = ui_template(ws)
    assert pot.get("Fresh stories").references == ["templates/index.html:4"]  # type: ignore[union-attr]
    report = publish_workspace(ws)
    assert report.languages["en"].published == ["library-hall"]
    assert "Fresh stories" in (ws.root / "site/en/index.html").read_text("utf-8")
    assert report.languages["ru"].held["library-hall"] == "ui: 17/18 reviewed (1 untranslated)"
