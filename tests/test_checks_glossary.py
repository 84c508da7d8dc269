"""Glossary: the check relays Glossary.check, with the real glossary module."""

from __future__ import annotations

from l10n_news.checks.base import CheckInput
from l10n_news.checks.glossary import check_glossary
from l10n_news.glossary import Glossary

CSV = (
    "en,ru,kk,note,do_not_translate\nSilver Bear,Серебряный медведь|!Серебряный мишка,Күміс аю,,\n"
)


def test_required_rendering_and_wrong_form() -> None:
    glossary = Glossary.parse(CSV)

    def run(target: str) -> list[str]:
        return check_glossary(
            CheckInput("She won the Silver Bear", target, "en", "ru", glossary=glossary)
        )

    assert run("Она получила «Серебряного медведя»") == []
    found = run("Она получила «Серебряного мишку»")
    assert found and all(not p.startswith("glossary:") for p in found)
    assert any("Серебряный медведь" in p for p in found)


def test_no_glossary_no_finding() -> None:
    assert check_glossary(CheckInput("Silver Bear", "x", "en", "ru")) == []
