"""The leak check: another language's chrome and calendar, and words of the other script that
the unit's own source does not have. Real text from ../shared/corpus/news and the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from l10n_news.publish.leaks import Leak, Vocabulary, check_text, default_vocabulary, group_leaks

KAZAKH_LETTERS = re.compile(r"\w*[әғқңөұүһіӘҒҚҢӨҰҮҺІ]\w*")
LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]+\b")


def test_seed_page_leaks_are_found(shared: Path) -> None:
    text = (shared / "seed" / "tengrinews-harmony-lessons-operator.txt").read_text("utf-8")
    leaks = check_text(text.split("\n"), "en", page="seed")
    words = {leak.word for leak in leaks}
    assert {"Реклама", "февраля", "Одноклассники"} <= words
    assert all("on an English page" in leak.why for leak in leaks)


@pytest.mark.parametrize(
    ("text", "lang", "word", "why"),
    [
        # Russian chrome on a Kazakh page: Cyrillic on Cyrillic, found by what it is.
        ("Реклама", "kk", "Реклама", "is a Russian"),
        ("Поделиться", "kk", "Поделиться", "is a Russian"),
        ("2013 ж. 19 февраля, 19:05", "kk", "февраля", "is a Russian"),
        ("Бүгін понедельник", "kk", "понедельник", "is a Russian"),
        ("Жарнама", "ru", "Жарнама", "is a Kazakh"),
        ("Нашли ошибку? Қате таптыңыз ба?", "ru", "Қате таптыңыз ба", "is a Kazakh"),
        ("Алматыда қар жауды", "ru", "қар", "has Kazakh letters on a Russian page"),
        ("Реклама: звоните Ivan", "ru", "Ivan", "is Latin script on a Russian page"),
        ("Share: Facebook", "ru", "Share", "is an English"),
    ],
)
def test_planted_leaks_are_caught(text: str, lang: str, word: str, why: str) -> None:
    leaks = default_vocabulary(lang).find(text, "", where="x.po:3")
    assert [leak.word for leak in leaks][:1] == [word]
    assert leaks[0].why.startswith(why)
    assert leaks[0].page == "x.po:3"


def test_what_the_source_has_is_not_a_leak() -> None:
    ru = default_vocabulary("ru")
    assert ru.find("Фестиваль «Қорқыт ата» открылся", "«Қорқыт ата» фестивалі ашылды") == []
    assert ru.find("Сообщает Kazpravda.kz и BAQ.KZ", "Kazpravda.kz and BAQ.KZ report") == []
    assert ru.find("Фильм Harmony Lessons получил приз", "Harmony Lessons won a prize") == []
    # The same word the source does not have is a leak.
    assert [leak.word for leak in ru.find("Сообщает BAQ.KZ", "The agency reports")] == ["BAQ", "KZ"]
    # Russian and Kazakh share short words: «Автор» on a Kazakh page is Kazakh too.
    assert default_vocabulary("kk").find("Автор: Дана", "Author: Dana") == []
    assert check_text(["Фестиваль XXI века"], "ru") == []  # Roman numerals are not words


def test_allowed_names_pass() -> None:
    assert (
        check_text(["Фильм Harmony Lessons получил приз"], "ru", allowed=["Harmony Lessons"]) == []
    )
    leak = check_text(["See Реклама now"], "en", page="en/x/index.html")[0]
    assert str(leak) == (
        "en/x/index.html: «Реклама» is a Russian site-chrome word on an English page "
        "(in “See Реклама now”)"
    )


def test_a_languages_own_chrome_is_not_a_leak() -> None:
    vocab = Vocabulary("kk", {"ru": {"ВКонтакте": "ui string"}, "kk": {"ВКонтакте": "ui string"}})
    assert vocab.find("ВКонтакте", "VK") == []


def test_leaks_are_reported_grouped() -> None:
    leaks = [
        Leak(f"kk/a{i}/index.html", "kk", "Реклама", "is a Russian ui string", "x")
        for i in range(40)
    ]
    leaks.append(Leak("kk/b/index.html", "kk", "февраля", "is a Russian month", "y"))
    groups = group_leaks(leaks)
    assert [(g.word, len(g.places)) for g in groups] == [("Реклама", 40), ("февраля", 1)]
    assert str(groups[0]).startswith(
        "«Реклама» is a Russian ui string: kk/a0/index.html and 39 more"
    )


def test_real_names_kept_from_a_real_source_are_not_leaks(shared: Path) -> None:
    """A translation that keeps the names of its real source (Kazakh letters in Russian text,
    Latin names in Kazakh text) passes; one word that its source lacks is caught."""
    news = shared / "corpus" / "news"
    cases = [
        (news / "kk-aikyn-olympic-champions.txt", KAZAKH_LETTERS, "ru", "Упомянуты: {}.", "және"),
        (
            news / "en-inform-shaken-aimanov-festival.txt",
            LATIN_NAME,
            "kk",
            "Аталды: {}.",
            "Breaking",
        ),
        (
            news / "en-astanatimes-astana-day-2023.txt",
            LATIN_NAME,
            "ru",
            "Упомянуты: {}.",
            "Breaking",
        ),
    ]
    for path, names_re, lang, frame, stray in cases:
        vocab = default_vocabulary(lang)
        lines = [line for line in path.read_text("utf-8").split("\n") if names_re.search(line)]
        assert lines, path.name
        for source in lines:
            names = names_re.findall(source)
            translation = frame.format(", ".join(names))
            assert vocab.find(translation, source) == [], (path.name, source)
            if stray.casefold() not in source.casefold():
                leaks = vocab.find(translation + " " + stray, source)
                assert [leak.word for leak in leaks] == [stray], (path.name, source)
