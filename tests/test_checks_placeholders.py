"""Placeholders: GNU-style comparison for flagged entries, plain detection for the rest."""

from __future__ import annotations

import pytest

from l10n_news.checks.base import CheckInput
from l10n_news.checks.formats import (
    FormatSyntaxError,
    parse_brace_format,
    parse_c_format,
    parse_python_format,
)
from l10n_news.checks.placeholders import check_placeholders


def problems(source: str, target: str, *flags: str, form: int | None = None) -> list[str]:
    return check_placeholders(CheckInput(source, target, "en", "ru", flags=flags, plural_form=form))


def test_c_format_positional_reordering_is_fine() -> None:
    assert problems("%s read %d articles", "%2$d статей прочитал %1$s", "c-format") == []


def test_c_format_type_and_count_errors() -> None:
    assert problems("%s read", "%d прочитал", "c-format") == [
        "argument 1 has type int in the translation, string in the source"
    ]
    assert problems("%s and %s", "%s", "c-format") == ["argument 2 of the source is missing"]
    assert problems("%1$s", "%1$s %2$s", "c-format") == ["argument 2 is not in the source"]
    assert problems("50%% off", "скидка 50%", "c-format")[0].startswith("not a valid c-format")


def test_python_format_names() -> None:
    assert problems("%(n)d of %(total)d", "%(total)d ішінен %(n)d", "python-format") == []
    assert problems("%(n)d new", "%(count)d жаңа", "python-format") == [
        "%(n) of the source is missing",
        "%(count) is not in the source",
    ]


def test_python_brace_format() -> None:
    assert problems("{city}: {n} films", "{n} фильм — {city}", "python-brace-format") == []
    assert problems("{city}", "{город}", "python-brace-format") == [
        "{city} of the source is missing",
        "{город} is not in the source",
    ]


def test_unflagged_placeholders_are_still_compared() -> None:
    assert problems("Hello, %(name)s!", "Сәлем!") == [
        "placeholder %(name)s of the source is missing"
    ]
    assert problems("{n} comments", "{n} пікір") == []
    assert problems("Rates rose 50% on Monday", "Ставки выросли на 50% в понедельник") == []
    assert problems("%s and %d", "%2$d и %1$s") == []
    assert problems("%s and %d", "%2$s и %1$d") != []


def test_no_format_flag_turns_detection_off() -> None:
    assert problems("%s", "", "no-c-format") == []


def test_a_plural_form_may_leave_the_count_out() -> None:
    assert problems("%d film", "бір фильм", "c-format", form=0) == []
    assert problems("%d film", "%s фильм", "c-format", form=1) != []


@pytest.mark.parametrize(
    ("parse", "text", "args"),
    [
        (parse_c_format, "%lli %qi %Li", {1: "intll", 2: "intll", 3: "intll"}),
        (parse_c_format, "%*d", {1: "int", 2: "int"}),
        (parse_c_format, "%w32i %u", {1: "intw32", 2: "unsigned"}),
        (parse_python_format, "%(a)s %(b)r", {"a": "string", "b": "string"}),
        (parse_brace_format, "{}{}{{x}}", {0: "any", 1: "any"}),
        (parse_brace_format, "{user.name} {0[1]}", {"user": "any", 0: "any"}),
    ],
)
def test_parsers(parse, text: str, args: dict) -> None:
    assert parse(text) == args


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_c_format, "%1$s %s"),
        (parse_c_format, "abc%"),
        (parse_c_format, "%2$s"),
        (parse_python_format, "%(a)s %s"),
        (parse_brace_format, "{a"),
        (parse_brace_format, "a}"),
        (parse_brace_format, "{} {0}"),
    ],
)
def test_parsers_reject(parse, text: str) -> None:
    with pytest.raises(FormatSyntaxError):
        parse(text)
