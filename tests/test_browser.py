"""The published site in a real browser: headless Chromium, served on 127.0.0.1 only."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import require_tool
from l10n_news.publish import publish_workspace
from test_publish_site import make_workspace

ENGLISH_CHROME = (
    "Advertising",
    "Found a bug?",
    "Join Telegram",
    "Home",
    "By Dana",
    "Odnoklassniki",
)
EXPECTED = {
    "kk": (
        "2013 ж. 19 ақпан, 19:05",
        ("Жарнама", "Қате таптыңыз ба?", "Басты бет", "Авторы: Дана Сапар"),
    ),
    "ru": ("19 февраля 2013 г., 19:05", ("Реклама", "Нашли ошибку?", "Главная", "Одноклассники")),
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site_url(tmp_path: Path) -> Iterator[str]:
    ws = make_workspace(tmp_path / "ws")
    report = publish_workspace(ws)
    assert not report.leaks
    handler = functools.partial(_QuietHandler, directory=str(ws.root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def browser(tmp_path: Path):
    chromium = require_tool("chromium")
    driver_path = require_tool("chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1000,900", f"--user-data-dir={tmp_path / 'profile'}",
    ):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def _visible(driver) -> str:
    from selenium.webdriver.common.by import By

    return " ".join(driver.find_element(By.TAG_NAME, "body").text.replace("\u00a0", " ").split())


def test_switching_languages_in_chromium(site_url: str, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(site_url + "en/library-hall/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "February 19, 2013, 19:05" in _visible(browser)
    assert "Advertising" in _visible(browser)
    for lang in ("kk", "ru"):
        browser.find_element(By.CSS_SELECTOR, f'nav.langs a[data-lang="{lang}"]').click()
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        text = _visible(browser)
        date, chrome = EXPECTED[lang]
        assert date in text
        for string in chrome:
            assert string in text, (lang, string)
        for string in ENGLISH_CHROME:
            assert string not in text, (lang, string)
        if lang == "kk":
            # L10N_NEWS_SCREENSHOT keeps the picture somewhere a person can look at it.
            picture = Path(os.environ.get("L10N_NEWS_SCREENSHOT") or tmp_path / "kk.png")
            assert browser.save_screenshot(str(picture))
            assert picture.stat().st_size > 10_000
