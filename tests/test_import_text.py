"""Scraped-text pages: the seed page exactly, and chrome in Russian, Kazakh and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n_news.errors import ConfigError, ImportFailed
from l10n_news.importers import import_page, parse_page
from l10n_news.importers.chrome import load_chrome
from l10n_news.importers.dates import parse_date
from l10n_news.importers.detect import detect_language
from l10n_news.importers.draft import slugify
from l10n_news.sources import load_article
from l10n_news.workspace import Workspace

SEED = "seed/tengrinews-harmony-lessons-operator.txt"
CHROME_WORDS = (
    "Реклама", "Vkontakte", "Одноклассники", "Found a bug?", "Join Telegram", "WhatsApp",
)  # fmt: skip

RUSSIAN_PAGE = """\
Жарнама: скидки на билеты в кино
  1. Главная
  2. Город
  3. Транспорт

Новые автобусы вышли на маршруты в Алматы 5 марта 2021, 10:30

В городе появились сорок новых автобусов на газе.
  • ВКонтакте
  • Одноклассники
  • Нашли ошибку?

Акимат сообщил, что автобусы будут ходить по 12 маршрутам.

Старые машины спишут до конца года.

Подписывайтесь на Telegram
"""

KAZAKH_PAGE = """\
Басты бет > Қоғам > Білім
Ауыл мектебіне жаңа кітапхана ашылды
12 наурыз 2024, 09:15
Ауылдағы мектепке екі мың кітап сыйға берілді және оқушылар бұл кітаптарды үйге ала алады.
• Бөлісу
• Facebook
Мұғалімдер кітапхананы күн сайын ашық ұстауға уәде берді.
Жарнама 8 777 000 00 00
"""

ENGLISH_PAGE = """\
Advertisement
Home > Sport

Local club wins the regional cup | February 3, 2019 18:40
The team scored twice in extra time.
- Share
- Tweet
- Print
The coach thanked the fans who travelled to the final.
Found a typo?
"""


def make_ws(root: Path, extra: str = "") -> Workspace:
    root.mkdir(exist_ok=True)
    (root / "l10n-news.toml").write_text(
        'languages = ["ru", "en", "kk"]\nsource_language = "en"\n' + extra, "utf-8"
    )
    return Workspace.load(root)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def test_seed_page_becomes_the_expected_article(tmp_path: Path, shared: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    report = import_page(ws, shared / SEED)
    article = load_article(ws.article_path(report.slug))
    assert article.title == "We had a real tandem with director: Harmony Lessons operator"
    assert article.date.isoformat() == "2013-02-19T19:05:00+06:00"
    assert article.section == ["Learn", "Culture", "Cinema, Music"]
    assert article.lang == "en"
    assert article.summary.startswith("Operator of prize-winning Harmony Lessons")
    assert article.body.startswith("Operator of Kazakhstan movie Harmony Lessons")
    assert article.body.rstrip().endswith("Wong Kar-Wai chaired the jury.")
    text = ws.article_path(report.slug).read_text("utf-8")
    for word in (*CHROME_WORDS, "Main", "+7(700)", "19 февраля"):
        assert word not in text
    assert report.slug == "we-had-a-real-tandem-with-director-harmony-lessons-operator"
    assert [d["label"] for d in report.dropped][:2] == ["Реклама", "Main"]
    assert set(CHROME_WORDS) <= set(report.missing_in_ui)


def test_ui_catalog_entries_are_not_reported_missing(tmp_path: Path, shared: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    (ws.locales_dir).mkdir()
    ws.pot_path("ui").write_text('msgid ""\nmsgstr ""\n\nmsgid "Found a bug?"\nmsgstr ""\n')
    report = import_page(ws, shared / SEED)
    assert "Found a bug?" not in report.missing_in_ui
    assert "Join Telegram" in report.missing_in_ui


def test_russian_page_with_russian_chrome(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    _, draft = parse_page(ws, write(tmp_path, "bus.txt", RUSSIAN_PAGE))
    assert draft.lang == "ru"
    assert draft.title == "Новые автобусы вышли на маршруты в Алматы"
    assert draft.date.isoformat() == "2021-03-05T10:30:00+06:00"
    assert draft.section == ["Город", "Транспорт"]
    assert draft.summary == "В городе появились сорок новых автобусов на газе."
    assert draft.body.split("\n\n") == [
        "Акимат сообщил, что автобусы будут ходить по 12 маршрутам.",
        "Старые машины спишут до конца года.",
    ]
    labels = [d.label for d in draft.dropped]
    assert labels == [
        "Жарнама", "Главная", "ВКонтакте", "Одноклассники", "Нашли ошибку?",
        "Подписывайтесь на Telegram",
    ]  # fmt: skip


def test_kazakh_page_uses_the_zone_offset_of_its_date(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    _, draft = parse_page(ws, write(tmp_path, "lib.txt", KAZAKH_PAGE))
    assert draft.lang == "kk"
    assert draft.section == ["Қоғам", "Білім"]
    assert draft.title == "Ауыл мектебіне жаңа кітапхана ашылды"
    # Almaty moved from UTC+6 to UTC+5 on 1 March 2024.
    assert draft.date.isoformat() == "2024-03-12T09:15:00+05:00"
    assert "Бөлісу" not in draft.body and "Жарнама" not in draft.body
    assert "Мұғалімдер" in draft.body


def test_english_page_and_slug(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    report = import_page(ws, write(tmp_path, "cup.txt", ENGLISH_PAGE))
    assert report.slug == "local-club-wins-the-regional-cup"
    assert report.date == "2019-02-03T18:40:00+06:00"
    assert report.section == ["Sport"]
    text = ws.article_path(report.slug).read_text("utf-8")
    for word in ("Advertisement", "Share", "Tweet", "Found a typo?"):
        assert word not in text


def test_workspace_extends_and_replaces_the_chrome(tmp_path: Path) -> None:
    page = write(tmp_path, "bus.txt", RUSSIAN_PAGE + "Подпишитесь на рассылку\n")
    ws = make_ws(tmp_path / "a", '[import.chrome]\nlines = ["Подпишитесь на рассылку"]\n')
    _, draft = parse_page(ws, page)
    assert "рассылку" not in draft.body
    only = (
        "[import]\nreplace_chrome = true\n"
        '[import.chrome]\nbanner = ["Жарнама"]\nhome = ["Главная"]\n'
    )
    ws = make_ws(tmp_path / "b", only)
    _, draft = parse_page(ws, page)
    assert "Нашли ошибку?" in draft.body  # a word of the defaults, which are replaced
    # Shapes are not vocabulary: a prompt to subscribe on a network is dropped all the same.
    assert ("Подписывайтесь на Telegram", "share prompt") in [
        (d.text, d.label) for d in draft.dropped
    ]
    assert draft.section == ["Город", "Транспорт"]
    with pytest.raises(ConfigError, match="unknown key 'buttons'"):
        load_chrome({"chrome": {"buttons": []}}, ws.config_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty page"),
        (b"\x00\x01\x02binary", "binary file"),
        ("Реклама\n• Facebook\n• Twitter\n", "no title found"),
        ("A title without any date\n\nSome text here.\n", "no date found"),
        ("Title 45 февраля 2013, 10:00\n\nText of the page.\n", "unparseable date"),
    ],
)
def test_bad_pages_are_refused_and_nothing_is_written(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    ws = make_ws(tmp_path / "ws")
    with pytest.raises(ImportFailed, match=message):
        import_page(ws, write(tmp_path, "bad.txt", content))
    assert not ws.articles_dir.exists()


def test_existing_article_needs_force(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    page = write(tmp_path, "cup.txt", ENGLISH_PAGE)
    first = import_page(ws, page)
    path = ws.article_path(first.slug)
    path.write_text(path.read_text("utf-8") + "\nEdited by hand.\n", "utf-8")
    with pytest.raises(ImportFailed, match="already exists"):
        import_page(ws, page)
    assert "Edited by hand." in path.read_text("utf-8")
    assert import_page(ws, page, force=True).replaced
    assert "Edited by hand." not in path.read_text("utf-8")


def test_slugify_transliterates_cyrillic() -> None:
    assert slugify("Новые автобусы: 40 штук!") == "novye-avtobusy-40-shtuk"
    assert slugify("Ауыл мектебіне жаңа кітапхана") == "auyl-mektebine-zhana-kitapkhana"
    assert slugify("Қазақстанның Ғылым күні өтті") == "qazaqstannyn-gylym-kuni-otti"
    assert len(slugify("word " * 40)) <= 80


def test_slugs_keep_whole_words_and_do_not_end_on_a_joining_word() -> None:
    title = (
        "Kazakhstan's skiers and speed skaters opened the national team's performance at the "
        "Winter Olympics in the mountains of Italy"
    )
    slug = slugify(title)
    assert len(slug) <= 80
    assert title.lower().replace("'", "").startswith(slug.replace("-", " ") + " ")
    assert slug.endswith("-performance")  # not "...-performance-at-the"


def test_detect_language() -> None:
    assert detect_language("The jury met on Friday.") == "en"
    assert detect_language("Жюри собралось в пятницу, и это было важно.") == "ru"
    assert detect_language("Қазылар алқасы жұма күні жиналды және шешім қабылдады.") == "kk"
    assert detect_language("12 34") is None


def test_dates_in_three_languages() -> None:
    assert parse_date("19 февраля 2013, 19:05").isoformat() == "2013-02-19T19:05:00+06:00"
    assert parse_date("19 ақпан 2013, 19:05").isoformat() == "2013-02-19T19:05:00+06:00"
    assert parse_date("February 19, 2013 7:05 pm").isoformat() == "2013-02-19T19:05:00+06:00"
    utc = parse_date("2024-05-01T10:00:00+00:00")
    assert utc.isoformat() == "2024-05-01T15:00:00+05:00"
    assert parse_date("not a date at all") is None
