from __future__ import annotations

from pathlib import Path

from l10n_news.publish.leaks import check_html, check_text, visible_text


def test_seed_page_leaks_are_found(shared: Path) -> None:
    text = (shared / "seed" / "tengrinews-harmony-lessons-operator.txt").read_text("utf-8")
    leaks = check_text(text.split("\n"), "en", page="seed")
    words = {leak.word for leak in leaks}
    assert {"Реклама", "февраля", "Одноклассники"} <= words
    assert all("Cyrillic on an English page" in leak.why for leak in leaks)


def test_visible_text_skips_scripts_and_do_not_translate() -> None:
    html = (
        '<html lang="en"><head><title>News</title><style>.a{}</style></head><body>'
        '<nav><a translate="no" lang="ru">Русский</a><br><a translate="no">Қазақша</a></nav>'
        '<script>var x = "Реклама";</script><img alt="Фото" src="a.jpg"><p>Hello</p></body></html>'
    )
    assert visible_text(html) == ["News", "Фото", "Hello"]
    assert [leak.word for leak in check_html(html, "en")] == ["Фото"]


def test_latin_and_the_other_cyrillic_language() -> None:
    assert [leak.word for leak in check_text(["Реклама: звоните Ivan"], "ru")] == ["Ivan"]
    assert check_text(["Фестиваль XXI века"], "ru") == []  # Roman numerals are not words
    kk_leaks = check_text(["2013 ж. 19 февраля, 19:05"], "kk")
    assert [(leak.word, leak.why) for leak in kk_leaks] == [
        ("февраля", "is a Russian month name on a Kazakh page")
    ]
    assert [leak.word for leak in check_text(["Алматыда қар жауды"], "ru")] == ["қар"]


def test_allowed_names_pass() -> None:
    assert (
        check_text(["Фильм Harmony Lessons получил приз"], "ru", allowed=["Harmony Lessons"]) == []
    )
    leak = check_text(["See Реклама now"], "en", page="en/x/index.html")[0]
    assert (
        str(leak)
        == "en/x/index.html: «Реклама» is Cyrillic on an English page (in “See Реклама now”)"
    )
