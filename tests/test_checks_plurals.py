"""Plural forms: the count against Plural-Forms, each form filled."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.plurals import check_plural_forms


def plurals(strings: tuple[str, ...], nplurals: int) -> list[str]:
    return check_plural_forms(
        CheckInput(
            "%d film",
            strings[0],
            "en",
            "ru",
            nplurals=nplurals,
            plural_strings=strings,
            plural_form=0,
        )
    )


def test_plural_forms() -> None:
    assert plurals(("%d фильм", "%d фильма", "%d фильмов"), 3) == []
    assert plurals(("%d фильм", "%d фильма"), 3) == [
        "2 plural forms, but the catalog's Plural-Forms asks for 3"
    ]
    assert plurals(("%d фильм", "", "%d фильмов"), 3) == ["plural form(s) msgstr[1] are empty"]


def test_not_a_plural_entry() -> None:
    assert check_plural_forms(CheckInput("film", "фильм")) == []


def header(value: str, lang: str, nplurals: int) -> list[str]:
    from l10n_news.checks.plurals import check_plural_header

    return check_plural_header(CheckInput("", value, target_lang=lang, nplurals=nplurals))


def test_plural_header_against_cldr() -> None:
    from l10n_news.languages import LANGUAGES

    for lang in LANGUAGES.values():
        assert header(lang.plural_forms, lang.code, lang.nplurals) == []
    assert header("nplurals=2; plural=(n != 1);", "ru", 2) == [
        "Plural-Forms says nplurals=2, but Russian has 3 (CLDR); "
        f"write: {LANGUAGES['ru'].plural_forms}"
    ]
    assert header("nplurals=1; plural=0;", "kk", 1) != []
    # Three forms, but 12 gets the "few" form: the rule, not only the count, is compared.
    wrong_ru = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);"
    assert header(wrong_ru, "ru", 3)[0].startswith("Plural-Forms picks form 1 for n=12")


def test_a_wrong_header_is_an_error_of_check(sample_ws) -> None:
    from l10n_news.checks.run import check_workspace
    from l10n_news.workspace import Workspace

    po = sample_ws / "locales/ru/LC_MESSAGES/ui.po"
    text = po.read_text("utf-8")
    start = text.index("Plural-Forms: ")
    end = text.index("\\n", start)
    po.write_text(text[:start] + "Plural-Forms: nplurals=2; plural=(n != 1);" + text[end:], "utf-8")
    found = check_workspace(Workspace.load(sample_ws), only=["plural-header"])
    assert [(f.file, f.severity, f.check) for f in found] == [
        ("locales/ru/LC_MESSAGES/ui.po", "error", "plural-header")
    ]
