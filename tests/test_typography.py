"""Typography of published pages: no-break spaces, dashes, English quotes; a price in Chromium."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from l10n_news.publish import publish_workspace
from l10n_news.publish.typography import NBSP, typeset_html, typeset_text
from l10n_news.workspace import Workspace
from test_browser import _QuietHandler, browser  # noqa: F401  (the Chromium fixture)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("18 500 000 тенге", "ru", f"18{NBSP}500{NBSP}000{NBSP}тенге"),
        ("1 млн теңге", "kk", f"1{NBSP}млн теңге"),
        ("25 % и 10 км", "ru", f"25{NBSP}% и 10{NBSP}км"),
        ("автобус № 4", "ru", f"автобус №{NBSP}4"),
        ("в 2013 г. в г. Алматы", "ru", f"в 2013{NBSP}г. в г.{NBSP}Алматы"),
        ("2013 ж. 19 ақпан", "kk", f"2013{NBSP}ж. 19{NBSP}ақпан"),
        ("Кино — это жизнь", "ru", f"Кино{NBSP}— это жизнь"),
        ("Кино - бұл өмір", "kk", f"Кино{NBSP}— бұл өмір"),
        ("Алматы-Астана", "kk", "Алматы-Астана"),
        ("He said \"it's free\" and 'done'", "en", "He said “it’s free” and ‘done’"),
        ("the 1990's, a 5 km run, No. 5", "en", f"the 1990’s, a 5{NBSP}km run, No.{NBSP}5"),
    ],
)
def test_each_languages_rules(text: str, lang: str, expected: str) -> None:
    assert typeset_text(text, lang) == expected


def test_html_text_changes_and_tags_and_code_do_not() -> None:
    html = '<p>Цена 18 500 000 тенге, <a href="/a b">5 км</a> <code>1 000</code></p>'
    assert typeset_html(html, "ru") == (
        f'<p>Цена 18{NBSP}500{NBSP}000{NBSP}тенге, <a href="/a b">5{NBSP}км</a> '
        "<code>1 000</code></p>"
    )
    assert typeset_html("<p>&quot;Hi&quot; &lt;b&gt;</p>", "en") == "<p>“Hi” &lt;b&gt;</p>"


def test_published_pages_are_typeset_and_catalogs_untouched(sample_ws: Path) -> None:
    po = sample_ws / "locales/en/LC_MESSAGES/shymkent-open-air-cinema.po"
    before = po.read_bytes()
    publish_workspace(Workspace.load(sample_ws))
    page = (sample_ws / "site/ru/shymkent-open-air-cinema/index.html").read_text("utf-8")
    assert f"18{NBSP}500{NBSP}000{NBSP}тенге" in page
    assert po.read_bytes() == before


# For each width of the text column from a price's own width (~160 px) to the phone's: how
# many prices («18 500 000 тенге» in bold) wrap, on the page and in a copy of its
# paragraphs with the no-break spaces made plain (which shows the test can see a wrap).
_COUNT_WRAPPED = """
const prices = () => [...document.querySelectorAll('strong')]
  .filter(e => /^\\d[\\d\\s]*\\d\\s\\S+$/.test(e.textContent));
const main = prices()[0].closest('p').parentElement;
const control = document.createElement('div');
for (const p of main.querySelectorAll('p')) {
  const copy = p.cloneNode(true);
  copy.innerHTML = copy.innerHTML.replaceAll('&nbsp;', ' ');
  control.appendChild(copy);
}
main.appendChild(control);
const results = [];
for (let width = 170; width <= 360; width += 3) {
  main.style.width = width + 'px';
  const wrapped = (els) => els.filter(e => e.getClientRects().length > 1).length;
  const all = prices();
  const own = all.filter(e => !control.contains(e));
  results.push([width, wrapped(own), wrapped(all.filter(e => control.contains(e)))]);
}
return results;
"""


@pytest.mark.browser
def test_a_price_never_breaks_across_lines_on_a_phone(sample_ws: Path, browser) -> None:  # noqa: F811
    publish_workspace(Workspace.load(sample_ws))
    handler = functools.partial(_QuietHandler, directory=str(sample_ws / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.set_window_size(360, 800)
        for lang in ("ru", "kk"):
            browser.get(
                f"http://127.0.0.1:{server.server_address[1]}/{lang}/shymkent-open-air-cinema/"
            )
            results = browser.execute_script(_COUNT_WRAPPED)
            bad = [r[0] for r in results if r[1]]
            assert not bad, (lang, bad)
            assert any(plain > 0 for _, _, plain in results), (lang, results)
    finally:
        server.shutdown()
        server.server_close()


def test_templates_have_a_typeset_filter(tmp_path: Path) -> None:
    from l10n_news.publish.render import make_environment

    env = make_environment(tmp_path)
    page = env.from_string("<p>{{ text|typeset(lang) }}</p>").render(text="5 км <b>", lang="ru")
    assert page == f"<p>5{NBSP}км &lt;b&gt;</p>"


# The Cyrillic number and abbreviation rules as first written, one pass per rule: the oracle
# for the single pass that does both.
_GROUP = re.compile(r"(?<=\d)[ \u202f](?=\d{3}(?!\d))")
_WORD_AFTER = re.compile(r"(?<=\d) (?=[^\W\d_]|[%‰₸$€₽£°])")
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(г|гг|ж|жж)\. (?=[А-ЯЁӘҒҚҢӨҰҮҺІ])")


def _rules_one_by_one(text: str) -> str:
    text = _WORD_AFTER.sub(NBSP, _GROUP.sub(NBSP, text))
    return _ABBREVIATION.sub(lambda m: m.group(1) + "." + NBSP, text)


def _number_rules(text: str) -> str:
    """`typeset_text` for ru with only the rules compared here (no dashes, no №)."""
    return typeset_text(_no_dashes(text), "ru")


def _no_dashes(text: str) -> str:
    return text.translate(str.maketrans("", "", "-—–№"))


def test_number_rules_match_their_one_rule_per_pass_form_on_real_news(shared: Path) -> None:
    lines = [
        _no_dashes(line)
        for path in sorted((shared / "corpus/news").glob("*.txt"))
        if path.name.startswith(("ru-", "kk-"))
        for line in path.read_text("utf-8").splitlines()
    ]
    changed = [line for line in lines if _rules_one_by_one(line) != line]
    assert len(changed) > 20, "the corpus has numbers and abbreviations to typeset"
    assert [_number_rules(line) for line in lines] == [_rules_one_by_one(line) for line in lines]


@given(st.text(alphabet="12 \u202f\u00a0абГгжЖ.%₸Ақ", max_size=40))
def test_number_rules_match_their_one_rule_per_pass_form(text: str) -> None:
    assert _number_rules(text) == _rules_one_by_one(text)
