from l10n_news.catalogs import Catalog, Message, State
from l10n_news.catalogs.catalog import MT_COMMENT_PREFIX


def pot(*msgids: str) -> Catalog:
    cat = Catalog({"POT-Creation-Date": "2026-01-01 00:00+0000"})
    for i, m in enumerate(msgids):
        cat.add(Message(msgid=m, references=[f"a.md:{i + 1}"], extracted_comments=["paragraph"]))
    return cat


def po(**translations: str) -> Catalog:
    cat = Catalog({"Language": "ru", "Plural-Forms": "nplurals=3; plural=0;"})
    for msgid, msgstr in translations.items():
        cat.add(Message(msgid=msgid.replace("_", " "), msgstr=msgstr))
    return cat


def test_unchanged_msgid_keeps_translation_and_comments():
    cat = po(Hello="Привет")
    cat.get("Hello").translator_comments = ["checked by Aigerim"]
    cat.get("Hello").flags = ["no-wrap"]
    report = cat.update(pot("Hello"))
    msg = cat.get("Hello")
    assert msg.msgstr == "Привет" and not msg.fuzzy
    assert msg.translator_comments == ["checked by Aigerim"] and "no-wrap" in msg.flags
    assert msg.references == ["a.md:1"] and msg.extracted_comments == ["paragraph"]
    assert report.kept == 1


def test_changed_msgid_gets_closest_translation_as_fuzzy_with_previous():
    cat = po(The_festival_opened_on_Monday="Фестиваль открылся в понедельник")
    report = cat.update(pot("The festival opened on Tuesday"))
    msg = cat.get("The festival opened on Tuesday")
    assert msg.fuzzy and msg.msgstr == "Фестиваль открылся в понедельник"
    assert msg.previous_msgid == "The festival opened on Monday"
    assert msg.state is State.NEEDS_REVIEW
    assert report.fuzzy == 1 and not cat.obsolete  # used as a match: not also obsolete (msgmerge)


def test_gone_entries_become_obsolete_and_come_back():
    cat = po(Old_paragraph_about_cinema="Старый абзац о кино", Kept="Оставлено")
    cat.update(pot("Kept", "Something entirely different here"))
    assert [m.msgid for m in cat.obsolete] == ["Old paragraph about cinema"]
    assert cat.obsolete[0].msgstr == "Старый абзац о кино"
    report = cat.update(pot("Kept", "Old paragraph about cinema"))
    assert cat.get("Old paragraph about cinema").msgstr == "Старый абзац о кино"
    assert not cat.obsolete and report.revived == 1


def test_untranslated_gone_entries_are_dropped():
    cat = po(Empty="")
    cat.update(pot("Other text entirely"))
    assert not cat.obsolete


def test_states():
    draft = Message(
        msgid="a",
        msgstr="б",
        flags=["fuzzy"],
        translator_comments=[f"{MT_COMMENT_PREFIX} google en→ru 2026-11-26"],
    )
    assert draft.state is State.DRAFT
    assert Message(msgid="a", msgstr="б", flags=["fuzzy"]).state is State.NEEDS_REVIEW
    assert Message(msgid="a", msgstr="б").state is State.REVIEWED
    assert Message(msgid="a").state is State.UNTRANSLATED
    plural = Message(msgid="a", msgid_plural="as", msgstr_plural=["x", "", ""])
    assert plural.state is State.UNTRANSLATED


def test_plural_entries_get_the_catalogs_number_of_forms():
    cat = po()
    template = Catalog()
    template.add(Message(msgid="%d film", msgid_plural="%d films"))
    cat.update(template)
    assert cat.get("%d film").msgstr_plural == ["", "", ""]


def test_accepting_clears_previous():
    msg = Message(msgid="a", msgstr="b", flags=["fuzzy"], previous_msgid="x")
    msg.fuzzy = False
    assert msg.previous_msgid is None and msg.state is State.REVIEWED
