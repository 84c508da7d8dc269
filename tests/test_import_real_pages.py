"""Real news pages (../shared/corpus/news, read in place) and the shapes they carry.

Datelines with view counters, counters and comment counters as bullets, photo credits,
WordPress shortcodes, a masthead above a repeated headline, an SEO line repeating the title,
Kazakh in two Latin alphabets; and pages written here for the shapes the excerpts lack.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n_news.cli.main import cli
from l10n_news.errors import ImportFailed
from l10n_news.importers import import_page, parse_page
from l10n_news.importers.chrome import load_chrome, strip_shortcodes
from l10n_news.importers.datelines import dateline
from l10n_news.importers.dates import month_number, parse_date
from l10n_news.importers.detect import detect_kazakh_latin_alphabet, detect_language
from l10n_news.importers.text import reads_as_paragraph
from l10n_news.sources import load_article
from l10n_news.workspace import Workspace

NEWS = "corpus/news"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "l10n-news.toml").write_text('languages = ["ru", "en", "kk"]\n', "utf-8")
    return Workspace.load(root)


def run(ws: Workspace, *args: str):
    return CliRunner().invoke(cli, [*args[:1], "-C", str(ws.root), *args[1:]])


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07.02.2026, 21:26", "2026-02-07T21:26:00+05:00"),  # Almaty is UTC+5 since 2024
        ("24.06.2019", "2019-06-24"),  # a day stays a day
        ("17:40, 06 Shilde 2021 | GMT +6", "2021-07-06T17:40:00+06:00"),  # kk, Latin letters
        ("17:40, 06 Shilde 2024 | GMT +6", "2024-07-06T16:40:00+05:00"),  # the offset wins
        ("3 Qyrkúıek 2019, 10:00", "2019-09-03T10:00:00+06:00"),  # 2018 alphabet
        ("12 qyrküiek 2025", "2025-09-12"),  # 2021 alphabet
        ("2013 ж. 19 ақпан, 19:05", "2013-02-19T19:05:00+06:00"),
        ("20 қарашадан 2023", "2023-11-20"),  # a case ending on the month
        ("5 мая 2021 г., 10:30", "2021-05-05T10:30:00+06:00"),
        ("February 3, 2019 6:40 pm", "2019-02-03T18:40:00+06:00"),
        ("2024-05-01T10:00:00Z", "2024-05-01T15:00:00+05:00"),
        ("2025-10-01", "2025-10-01"),
    ],
)
def test_dates_as_pages_write_them(text: str, expected: str) -> None:
    assert parse_date(text, "Asia/Almaty").isoformat() == expected


def test_month_names_and_non_dates() -> None:
    assert [month_number(w) for w in ("Qańtar", "Qañtar", "ақпанда", "Sáýir", "Mar")] == [
        1, 1, 2, 4, 3,
    ]  # fmt: skip
    assert month_number("Market") is None and month_number("майор") is None
    # «к маю» is May; "decade" is no December ("Dec." is).
    assert [month_number(w) for w in ("маю", "июля", "Dec.", "decade")] == [5, 7, 12, None]
    assert parse_date("45 февраля 2013") is None


def test_datelines_with_counters() -> None:
    chrome = load_chrome({})
    assert dateline("date 2026-02-08 07.02.2026, 21:26 11921", chrome) == "07.02.2026, 21:26"
    assert dateline("Опубликовано: 5 марта 2021, 10:30 | 236 просмотров", chrome)
    assert dateline("В 2019 году 24.06.2019 открыли музей", chrome) is None


# --- chrome by shape -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("236 рет оқылды", "view counter"),
        ("Просмотров: 1 204", "view counter"),
        ("👁 530", "view counter"),
        ("12 комментариев", "comment counter"),
        ("Пікір жоқ", "Пікір жоқ"),
        ("Новости партнеров", "Новости партнеров"),
        ("Жаңалықтармен бөлісіңіз", "Жаңалықтармен бөлісіңіз"),
        ("Подпишитесь на наш WhatsApp-канал, чтобы первыми узнавать новости", "share prompt"),
        ("Follow us on Instagram for more stories", "share prompt"),
        ("Заметили ошибку? Выделите текст и нажмите Ctrl+Enter", "typo prompt"),
        ("Читайте также: Аким провёл приём граждан", "Читайте также"),
    ],
)
def test_chrome_lines_by_word_and_shape(line: str, label: str) -> None:
    assert load_chrome({}).label(line) == label


@pytest.mark.parametrize(
    "line",
    [
        "В Telegram-канале министерства сообщили, что на 12 маршрутах появятся автобусы.",
        "2025 года",
        "11921",
        "Подписчики канала обсуждают решение акимата уже второй день подряд.",
    ],
)
def test_article_lines_are_not_chrome(line: str) -> None:
    assert load_chrome({}).label(line) is None


def test_credits_and_shortcodes() -> None:
    chrome = load_chrome({})
    assert chrome.credit_of("Фото: Минкультуры") == "Минкультуры"
    assert chrome.credit_of("Сурет: ashyq.kz") == "ashyq.kz"
    assert chrome.credit_of("Photo by Dana Abenova") is None  # no colon: could be a sentence
    assert chrome.credit_of("Фото сделано в 1994 году на открытии музея") is None
    rest, inner = strip_shortcodes('[caption id="a1" align="alignnone" width="300"] Аким[/caption]')
    assert (rest, inner) == ("", ["Аким"])
    assert strip_shortcodes("Текст [sic] и [ссылка](http://x.kz)")[1] == []


# --- real pages ------------------------------------------------------------------------------


def test_kt_page_dateline_counter_and_credit(ws: Workspace, shared: Path) -> None:
    report = import_page(ws, shared / NEWS / "ru-kt-olympics-2026.txt")
    article = load_article(ws.article_path(report.slug))
    assert article.title.startswith("Казахстанские лыжницы и конькобежки")
    assert article.date.isoformat() == "2026-02-07T21:26:00+05:00" and not article.date_only
    assert article.front_matter["credit"] == "Сали Сабиров/ НОК Казахстана"
    text = ws.article_path(report.slug).read_text("utf-8")
    assert "11921" not in text and "Фото:" not in text
    assert [d["label"] for d in report.dropped][:2] == ["dateline", "photo credit"]


def test_kazgazeta_page_keeps_a_date_only_date(ws: Workspace, shared: Path) -> None:
    report = import_page(ws, shared / NEWS / "kk-kazgazeta-aqiqat-otandyq-kino.txt")
    assert report.lang == "kk" and report.date == "2019-06-24"
    text = ws.article_path(report.slug).read_text("utf-8")
    assert 'date: "2019-06-24"' in text
    for chrome in ("236 рет оқылды", "Пікір жоқ", "24.06.2019"):
        assert chrome not in text
        assert any(chrome in d["text"] for d in report.dropped)
    article = load_article(ws.article_path(report.slug))
    assert article.date_only and article.date.date() == dt.date(2019, 6, 24)


def test_aikyn_page_needs_a_title_and_a_date_and_loses_its_shortcode(
    ws: Workspace, shared: Path
) -> None:
    page = shared / NEWS / "kk-aikyn-olympic-champions.txt"
    lead = page.read_text("utf-8").split("\n", 1)[0].strip()
    # The excerpt starts with its lead paragraph: it has no headline to take.
    with pytest.raises(ImportFailed, match=r":1: no headline: .* \(73 words\); give --title"):
        import_page(ws, page, date="2024-08-01T09:30")
    with pytest.raises(ImportFailed, match="give --date"):
        import_page(ws, page, title="Олимпиада чемпиондары")
    report = import_page(ws, page, date="2024-08-01T09:30", title="Олимпиада чемпиондары")
    assert report.title == "Олимпиада чемпиондары" and report.slug == "olimpiada-chempiondary"
    assert report.date == "2024-08-01T09:30:00+05:00" and report.credit == "forbes.kz"
    article = load_article(ws.article_path(report.slug))
    assert article.summary == lead  # the first line is the lead, as a headline's would be
    text = ws.article_path(report.slug).read_text("utf-8")
    assert "[caption" not in text and "[/caption]" not in text
    assert article.body.startswith("1994 жылы Норвегиядағы қысқы Олимпиада ойындары\n")


def test_a_headline_is_taken_as_it_is_and_a_lead_is_no_headline(shared: Path) -> None:
    for name, is_paragraph in [
        ("kk-kerekinfo-astana-bus-routes.txt", False),
        ("ru-kt-olympics-2026.txt", False),
        ("en-astanatimes-astana-day-2023.txt", True),
        ("ru-informburo-kara-kyz-kino-decade.txt", True),
        ("ru-azattyq-culture-digest.txt", True),
    ]:
        first = (shared / NEWS / name).read_text("utf-8").strip().split("\n", 1)[0]
        assert reads_as_paragraph(first) is is_paragraph, name


def test_osken_page_masthead_and_repeated_headline(ws: Workspace, shared: Path) -> None:
    report = import_page(ws, shared / NEWS / "kk-osken-onir-kino-law.txt", date="2019-01-10")
    assert report.title == "ЗАҢ КЕРЕК, БІРАҚ ҚАНДАЙ БОЛУЫ КЕРЕК?"
    assert [d["label"] for d in report.dropped] == ["above the headline", "breadcrumbs"]
    text = ws.article_path(report.slug).read_text("utf-8")
    assert "ақпараттық агенттігі" not in text and text.count("ЗАҢ КЕРЕК") == 1


def test_kerekinfo_seo_line_repeating_the_title(ws: Workspace, shared: Path) -> None:
    page = shared / NEWS / "kk-kerekinfo-astana-bus-routes.txt"
    report = import_page(ws, page, date="2023-11-18")
    assert [d["label"] for d in report.dropped] == ["title repeated"]
    assert "жаңалықтары:" not in ws.article_path(report.slug).read_text("utf-8")
    assert report.slug == "astanada-birqatar-qogamdyq-kolik-bagyttary-ozgeredi"


@pytest.mark.parametrize(
    ("name", "alphabet"),
    [
        ("kk-latn-qz-inform-kazakh-cinema-uzbekistan.txt", "2018"),
        ("kk-latn-adyrna-ethnotronica-almaty.txt", "2021"),
    ],
)
def test_kazakh_in_latin_letters_is_recognised_and_refused(
    ws: Workspace, shared: Path, name: str, alphabet: str
) -> None:
    page = shared / NEWS / name
    text = page.read_text("utf-8")
    assert detect_kazakh_latin_alphabet(text) == alphabet
    assert detect_language(text) == "kk"
    for lang in (None, "en", "kk"):
        with pytest.raises(ImportFailed, match=f"Kazakh in the {alphabet} "):
            import_page(ws, page, lang=lang, date="2024-01-01")
    assert not ws.articles_dir.exists()


def test_english_pages_are_not_taken_for_latin_kazakh(shared: Path) -> None:
    for name in ("en-inform-shaken-aimanov-festival.txt", "en-astanatimes-astana-day-2023.txt"):
        assert detect_kazakh_latin_alphabet((shared / NEWS / name).read_text("utf-8")) is None
    names = "The Köln and Düsseldorf orchestras played in Almaty for İstanbul guests on Friday."
    assert detect_kazakh_latin_alphabet(names) is None
    turkic = (
        "Men and women from Türkiye, Azerbaijan and Uzbekistan met Jane Smith: Gülşen Öztürk, "
        "Şükrü Ağaoğlu and Ömer Ünal spoke about the festival, which opens in Almaty on Monday "
        "and closes with a concert of the city orchestra on the main square."
    )
    assert detect_kazakh_latin_alphabet(turkic) is None


# --- HTML written here: the shapes the excerpts lack -------------------------------------------

HTML_PAGE = """\
<!doctype html><html lang="ru"><head><title>Аким открыл школу</title>
<meta name="author" content="Kazpravda.kz">
<meta property="article:published_time" content="2025-10-01">
<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": [
 {"position": 1, "name": "Главная", "item": "https://x.kz/"},
 {"position": 2, "name": "Общество", "item": "https://x.kz/society/"}]}</script>
<script>var tracker = "Реклама";</script><style>p { color: red }</style>
</head><body>
<article><h1>Аким открыл школу</h1>
<figure><img src="https://x.kz/school.jpg">
<figcaption>Новая школа на 1200 мест. Фото: Минпросвещения</figcaption></figure>
<figure><img src="javascript:alert(1)"><figcaption>Не картинка</figcaption></figure>
<p>В городе открылась новая школа на 1200 мест, сообщил аким города на церемонии открытия.</p>
<p>Фото: Минкультуры</p>
<p>Строительство заняло два года и обошлось городскому бюджету в 9 миллиардов тенге.</p>
<p>Нашли ошибку в тексте? Выделите её мышкой и нажмите: Ctrl + Enter</p>
<p>Подписывайтесь на наш Telegram-канал</p>
<h3>Читайте также</h3>
<p><a href="/a">В Астане построят три школы</a></p>
<p><a href="/b">Учителям повысят зарплату</a></p>
<p>236 просмотров</p>
</article></body></html>
"""


def test_html_page_credits_captions_author_and_chrome(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "school.html"
    page.write_text(HTML_PAGE, "utf-8")
    report = import_page(ws, page)
    article = load_article(ws.article_path(report.slug))
    assert article.author == "Kazpravda.kz"
    assert article.date_only and report.date == "2025-10-01"
    assert article.section == ["Общество"]
    assert [(i.src, i.caption) for i in article.images] == [
        ("https://x.kz/school.jpg", "Новая школа на 1200 мест.")
    ]
    assert article.front_matter["credit"] == "Минкультуры; Минпросвещения"
    assert article.body.strip().split("\n\n") == [
        "В городе открылась новая школа на 1200 мест, сообщил аким города на церемонии открытия.",
        "Строительство заняло два года и обошлось городскому бюджету в 9 миллиардов тенге.",
    ]
    labels = {d["label"] for d in report.dropped}
    assert {"photo credit", "Читайте также", "view counter"} <= labels
    assert "view counter" not in report.missing_in_ui  # a shape's name is no UI string


TEXT_PAGE = """\
Жаңа мектеп ашылды 1 қыркүйек 2025, 09:00
Қалада 1200 орындық жаңа мектеп ашылды, деп хабарлады әкімдік.
Фото: Білім министрлігі
Құрылыс екі жылға созылды және қала бюджетінен 9 миллиард теңге бөлінді.
Тақырыптас жаңалықтар
Астанада үш мектеп салынады
Мұғалімдердің жалақысы көтеріледі

Жаңа оқу жылы
Мектеп 1 қыркүйекте алғашқы оқушыларын қабылдады.
Читайте также
• В Астане построят три школы
• Учителям повысят зарплату
Жаңалықтармен бөлісіңіз
"""


def test_text_page_related_block_credit_and_share_prompt(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "school.txt"
    page.write_text(TEXT_PAGE, "utf-8")
    _, draft = parse_page(ws, page)
    assert draft.lang == "kk" and draft.credits == ["Білім министрлігі"]
    # The subheading after the block's blank line is the article's again.
    assert draft.body.split("\n\n") == [
        "Құрылыс екі жылға созылды және қала бюджетінен 9 миллиард теңге бөлінді.",
        "Жаңа оқу жылы",
        "Мектеп 1 қыркүйекте алғашқы оқушыларын қабылдады.",
    ]
    assert [(d.line, d.label) for d in draft.dropped] == [
        (3, "photo credit"), (5, "Тақырыптас жаңалықтар"), (6, "related headline"),
        (7, "related headline"), (11, "Читайте также"), (12, "related headline"),
        (13, "related headline"), (14, "Жаңалықтармен бөлісіңіз"),
    ]  # fmt: skip


DATELINE_PAGE = """\
<!doctype html><html lang="kk"><head><title>Мектеп ашылды</title></head><body>
<aside><ul><li><span class="date">12.01.2020</span> Басқа жаңалық</li></ul></aside>
<article><h1>Мектеп ашылды</h1>
<div class="meta"><span class="post-date">17:40, 06 Shilde 2021 | GMT +6</span> 11921</div>
<p>Қалада 1200 орындық жаңа мектеп ашылды, деп хабарлады қала әкімдігі баспасөз қызметі.</p>
<p>Құрылыс екі жылға созылды және қала бюджетінен 9 миллиард теңге бөлінді.</p>
<p>Мектепте 40 компьютерлік сынып, спорт залы және кітапхана бар, оқушыларға тамақ тегін.</p>
</article></body></html>
"""


def test_html_dateline_in_the_text_with_its_offset(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "school.html"
    # The sidebar's date comes first in the page but is another story's: only a dateline
    # (a date, its time and counters, nothing else) in an element marked as a date counts.
    page.write_text(DATELINE_PAGE, "utf-8")
    _, draft = parse_page(ws, page)
    assert draft.date.isoformat() == "2021-07-06T17:40:00+06:00"
    assert "11921" not in draft.body


def test_json_ld_author_keeps_its_punctuation(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "school.html"
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "author": [{"@type": ' \
        '"Organization", "name": "Kazpravda.kz"}, {"@type": "Person", "name": "A. Seitova"}]}'
    html = HTML_PAGE.replace('<meta name="author" content="Kazpravda.kz">', "").replace(
        "</head>", f'<script type="application/ld+json">{ld}</script></head>'
    )
    page.write_text(html, "utf-8")
    _, draft = parse_page(ws, page)
    assert draft.author == "Kazpravda.kz, A. Seitova"


def test_a_huge_text_page_is_refused_in_bounded_time(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "flood.html"
    paragraph = "<p>" + "слово " * 200 + "</p>\n"
    page.write_text("<html><head><title>Т</title></head><body>" + paragraph * 2500, "utf-8")
    with pytest.raises(ImportFailed, match="characters of text: not a news article"):
        import_page(ws, page, date="2025-01-01")


# --- the command line ------------------------------------------------------------------------

PAGE_EN = "Local club wins the cup\n\nThe team scored twice in extra time.\n\nFans came.\n"


def test_date_option(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "cup.txt"
    page.write_text(PAGE_EN, "utf-8")
    result = run(ws, "import", "--json", "--date", "2025-10-01T18:00", str(page))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["date"] == "2025-10-01T18:00:00+05:00"
    bad = run(ws, "import", "--force", "--date", "1 October", str(page))
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
    assert "YYYY-MM-DD" in bad.stderr
    two = run(ws, "import", "--force", "--date", "2025-10-01", str(page), str(page))
    assert two.exit_code == 2 and "one page" in two.stderr


def test_a_300_character_slug_is_a_one_line_error(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "cup.txt"
    page.write_text(PAGE_EN, "utf-8")
    result = run(ws, "import", "--date", "2025-10-01", "--slug", "a" * 300, str(page))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "too long" in result.stderr and "Traceback" not in result.output
    assert not ws.articles_dir.exists()


@pytest.mark.parametrize("folder", ["My Article", "Bad..Slug", "ui"])
@pytest.mark.parametrize("command", [["extract"], ["publish"]])
def test_invalid_article_folders_are_errors(
    ws: Workspace, tmp_path: Path, folder: str, command: list[str]
) -> None:
    page = tmp_path / "cup.txt"
    page.write_text(PAGE_EN, "utf-8")
    assert run(ws, "import", "--date", "2025-10-01", str(page)).exit_code == 0
    bad = ws.articles_dir / folder
    bad.mkdir()
    (bad / "article.md").write_text(
        (ws.articles_dir / "local-club-wins-the-cup" / "article.md").read_text("utf-8"), "utf-8"
    )
    result = run(ws, *command)
    assert result.exit_code == 2, result.output
    assert f"article folder {folder!r} is not a valid slug" in result.stderr
    assert "lowercase letters, digits and single hyphens" in result.stderr


def test_translation_import_refuses_latin_kazakh(ws: Workspace, shared: Path) -> None:
    page = shared / NEWS / "kk-latn-qz-inform-kazakh-cinema-uzbekistan.txt"
    other = shared / NEWS / "ru-informburo-kara-kyz-kino-decade.txt"
    options = ["--slug", "kino", "--date", "2025-05-05", "--title", "Кино"]
    imported = run(ws, "import", *options, str(other))
    assert imported.exit_code == 0, imported.stderr
    result = run(ws, "import", "--translation-of", "kino", "--lang", "kk", str(page))
    assert result.exit_code == 2 and "2018 acute-accent Latin alphabet" in result.stderr
    _, draft = parse_page(ws, other, date="2025-05-05", title="Кино")
    assert draft.lang == "ru"


def test_a_date_only_article_is_published_without_a_time(sample_ws: Path, tmp_path: Path) -> None:
    page = tmp_path / "cup.txt"
    page.write_text(PAGE_EN, "utf-8")
    runner = CliRunner()
    for args in (
        ["import", "-C", str(sample_ws), "--lang", "en", "--slug", "cup", "--date", "2019-06-24",
         str(page)],
        ["extract", "-C", str(sample_ws)],
        ["publish", "-C", str(sample_ws)],
    ):  # fmt: skip
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    html = (sample_ws / "site" / "en" / "cup" / "index.html").read_text("utf-8")
    assert '<time datetime="2019-06-24">June 24, 2019</time>' in html


def test_the_slim_copy_keeps_text_and_metadata_only(tmp_path: Path) -> None:
    from l10n_news.importers.slim import slim_html

    image = "data:image/png;base64," + "A" * 100_000
    page = tmp_path / "heavy.html"
    page.write_text(
        '<html lang="kk"><head><meta property="article:published_time" content="2025-01-02">'
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        "<script>var state = [1, 2, 3];</script><style>p { color: red }</style></head>"
        f'<body><p onclick="steal()">Мәтін &lt;бар&gt;</p><img src="{image}"><svg><text>x</text>'
        '</svg><img src="https://x.kz/a.jpg" style="width: 1px"></body></html>',
        "utf-8",
    )
    slim = slim_html(page)
    assert '<meta property="article:published_time" content="2025-01-02">' in slim
    assert '{"@type": "NewsArticle"}' in slim and '<html lang="kk">' in slim
    assert "<p>Мәтін &lt;бар&gt;</p>" in slim and '<img src="https://x.kz/a.jpg">' in slim
    for gone in ("var state", "color: red", "steal()", "base64", "<svg", "style="):
        assert gone not in slim
