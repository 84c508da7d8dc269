from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_news.engines.errors import BadAnswer
from l10n_news.engines.protect import check_tokens, protect
from l10n_news.engines.split import join_chunks, split_for_limit

PROTECTED = [
    ("python-format", "Hello, %(name)s!", "%(name)s"),
    ("brace", "{count} new comments", "{count}"),
    ("printf", "Page %s of %d", "%s"),
    ("positional printf", "%1$s wrote to %2$s", "%2$s"),
    (
        "url",
        "Read more at https://example.kz/news/42?lang=kk today.",
        "https://example.kz/news/42?lang=kk",
    ),
    ("email", "Write to desk@example.kz please", "desk@example.kz"),
    ("phone", "Call +7(700) 388 81 09 now", "+7(700) 388 81 09"),
    ("date", "Published 19.02.2013 at 14:05", "19.02.2013"),
    ("time", "Published 19.02.2013 at 14:05", "14:05"),
    ("number", "The jury watched 1\u00a0250,5 hours of film", "1\u00a0250,5"),
    ("code", "Run `make site` first", "`make site`"),
    ("html", "A <b>bold</b> move", "<b>"),
    ("link target", "See [the schedule](https://example.kz/s) here", "](https://example.kz/s)"),
    ("reference link", "See [the schedule][1] here", "][1]"),
    ("bold", "A **bold** move", "**"),
]


@pytest.mark.parametrize(("kind", "text", "span"), PROTECTED, ids=[p[0] for p in PROTECTED])
def test_each_kind_is_replaced_by_a_token_and_restored(kind: str, text: str, span: str) -> None:
    p = protect(text)
    assert span in p.spans, kind
    assert span not in p.text
    assert p.restore(p.text) == text


def test_prose_around_tokens_is_left_for_the_engine() -> None:
    p = protect("Hello, %(name)s! You have {n} messages.")
    assert p.text == "Hello, [X0X]! You have [X1X] messages."


def test_restore_tolerates_what_engines_do_to_tokens() -> None:
    p = protect("Hello, %(name)s, page %d")
    # Lower case, spaces inside, a Cyrillic Х, and the tokens in another order.
    assert p.restore("[ x 1 x ] бет, сәлем [Х0Х]") == "%d бет, сәлем %(name)s"


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("Сәлем, X0X, бет [X1X]", "lost [X0X]"),
        ("Сәлем, [X0X], бет [X1X] [X1X]", "doubled [X1X]"),
        ("Сәлем, [X0X], бет", "lost [X1X]"),
        ("Сәлем, [X0X], бет [X1X] [X7X]", "invented or doubled [X7X]"),
    ],
)
def test_a_lost_or_doubled_token_is_rejected_with_the_reason(answer: str, why: str) -> None:
    p = protect("Hello, %(name)s, page %d")
    with pytest.raises(BadAnswer) as info:
        p.restore(answer)
    assert why in info.value.message


def test_dropped_digits_break_a_token_and_are_caught() -> None:
    p = protect("Since 2013 the festival grew")
    assert check_tokens(p.text, "Since [XX] the festival grew") is not None


def test_token_lookalike_in_the_source_is_protected_as_itself() -> None:
    p = protect("Literal [X0X] and %s")
    assert p.restore(p.text) == "Literal [X0X] and %s"
    assert p.spans == ("[X0X]", "%s")


def test_percent_sign_in_prose_is_not_a_placeholder() -> None:
    assert protect("Tickets are 50% off").spans == ("50",)


def test_do_not_translate_terms_become_tokens_whole_words_only() -> None:
    p = protect(
        "Harmony Lessons won at the Berlinale; Berlinales is not a term",
        keep_terms=["Berlinale", "Harmony Lessons"],
    )
    assert p.spans == ("Harmony Lessons", "Berlinale")


def test_text_of_only_numbers_and_punctuation_has_no_words() -> None:
    assert not protect("2013 — 2014!").has_words
    assert protect("2013 год").has_words


def test_split_keeps_every_chunk_under_the_limit_and_joins_back() -> None:
    sentence = "The festival opened with a film about a school. "
    text = (sentence * 40).strip() + "\nSecond line here."
    chunks, seps = split_for_limit(text, "en", 300)
    assert len(chunks) > 1
    assert all(len(c) <= 300 for c in chunks)
    assert join_chunks(chunks, seps).split() == text.split()
    assert "\n" in join_chunks(chunks, seps)


def test_split_leaves_a_short_text_alone() -> None:
    assert split_for_limit("Short.", "en", 100) == (["Short."], [""])


def test_split_cuts_between_words_when_a_sentence_is_too_long() -> None:
    text = " ".join(["word"] * 100)
    chunks, seps = split_for_limit(text, "en", 50)
    assert all(len(c) <= 50 for c in chunks)
    assert join_chunks(chunks, seps) == text


@given(st.text(alphabet=st.sampled_from("ab %(){}[]X0123456789*`<>/.:+-@ёжқ\n"), max_size=80))
def test_protect_then_restore_gives_the_text_back(text: str) -> None:
    p = protect(text)
    assert p.restore(p.text) == text
