"""Numbers, URLs, e-mail addresses and phone numbers of the source, kept in the translation.

Numbers are compared by value, in any order (a Kazakh date puts the year first), each side read
with its own language's conventions: "2,500.5" in English is «2 500,5» in Russian and Kazakh
(a no-break, narrow or plain space between groups, a decimal comma). A Russian translation that
keeps "2,500" reads as two and a half, and is reported with the form to write.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from l10n_news.checks.base import DIGIT_RUNS, HAS_DIGIT, CheckInput, shorten
from l10n_news.languages import LANGUAGES

_GROUP_SPACES = " \u00a0\u202f\u2009"
_COMMA_DECIMAL_LANGS = {"ru", "kk"}

_URL_RE = re.compile(
    r"(?:https?|ftp)://[^\s<>\"'«»)\]]+|www\.[^\s<>\"'«»)\]]+\.[a-z]{2,}[^\s<>\"'«»)\]]*"
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE_RE = re.compile(
    r"\+\d[\d ()\u00a0-]{6,}\d"  # +7 727 123 45 67
    r"|\(\d{3,5}\)[ \u00a0]?\d[\d \u00a0-]{4,}\d"  # (727) 123-45-67
    r"|(?<![\d-])\d{3}-\d{2}-\d{2}(?![\d-])"  # 123-45-67
)
# Placeholders and Markdown link references carry digits that are not numbers of the text.
_NOT_NUMBERS_RE = re.compile(r"%(?:\d+\$)?[-+#0']*\d*(?:\.\d+)?[a-zA-Z@]|\{[^{}\s]*\}")

_DOTTED_RE = r"\d+(?:\.\d+){2,}"  # dates 19.02.2013, versions 1.2.3: separate numbers
# "0,1,2,3" is a list of numbers in every language.
_LIST_RE = r"\d+(?:,\d+){2,}"
_EN_NUMBER_RE = re.compile(
    rf"{_DOTTED_RE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])|{_LIST_RE}|\d+(?:\.\d+)?"
)
_SPACE_GROUPED = rf"\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?![\d])"
_COMMA_NUMBER_RE = re.compile(
    rf"{_DOTTED_RE}|{_LIST_RE}|{_SPACE_GROUPED}(?:,\d+)?|\d+,\d+|\d+(?:\.\d+)?"
)

# A dotted number (19.02.2013, 1.2.3) starts where no letter or digit stands before it; the
# other shapes (the alternatives after it) start at any digit. Every shape starts with a
# digit: the patterns are tried at the digits only, not at every place of the text as a scan
# with them would (five times the cost).
_COMMA_NUMBER_AT = re.compile(r"(?<![^\W\d_])(?<!\d)" + _COMMA_NUMBER_RE.pattern)
_EN_NUMBER_AT = re.compile(r"(?<![^\W\d_])(?<!\d)" + _EN_NUMBER_RE.pattern)


@lru_cache(maxsize=4096)  # the same numbers recur ("2", "2024")
def _value(token: str, lang: str | None) -> tuple[Decimal, ...]:
    """The value(s) a number token stands for in `lang`."""
    if token.count(".") >= 2:
        return tuple(Decimal(part) for part in token.split("."))
    if token.count(",") >= 2 and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return tuple(Decimal(part) for part in token.split(","))
    if lang in _COMMA_DECIMAL_LANGS:
        plain = re.sub(f"[{_GROUP_SPACES}]", "", token).replace(",", ".")
    else:
        plain = token.replace(",", "")
    try:
        return (Decimal(plain).normalize(),)
    except InvalidOperation:  # pragma: no cover - the patterns only admit digits
        return ()


# Times of day, compared as minutes after midnight: "21:00" may become "9 pm" in English.
_TIME_12H_RE = re.compile(
    r"(?<![\d:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE
)
_AM_PM = re.compile(r"[ap]\.?\s?m\b", re.IGNORECASE)  # what a 12-hour time needs
_TIME_24H_RE = re.compile(r"(?<![\d:.,])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")


def times_in(text: str) -> tuple[Counter[int], str]:
    """Times of day in `text` (minutes after midnight), and the text without them."""
    found, rest = _times_in(text)
    return Counter(dict(found)), rest


@lru_cache(maxsize=16384)
def _times_in(text: str) -> tuple[tuple[tuple[int, int], ...], str]:
    found: Counter[int] = Counter()

    def twelve(m: re.Match[str]) -> str:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        found[hour * 60 + int(m.group(2) or 0)] += 1
        return " "

    def twenty_four(m: re.Match[str]) -> str:
        found[int(m.group(1)) * 60 + int(m.group(2))] += 1
        return " "

    if ("m" in text or "M" in text) and _AM_PM.search(text):  # a text in Cyrillic has no m
        text = _TIME_12H_RE.sub(twelve, text)
    rest = _TIME_24H_RE.sub(twenty_four, text) if ":" in text else text
    return tuple(found.items()), rest


# News writes large amounts with a scale word: «1 млн», «18,5 млн теңге», «2,8 трлн», "1.5 billion",
# «1 миллиард», «5 мың». A number followed by one stands for the product.
_SCALE_RE = re.compile(
    r"[\s\u00a0\u202f]*(?:"
    r"(?P<k>тыс\.|тысяч[аиу]?|мың\w*|thousand)"
    r"|(?P<m>млн\.?|миллион\w*|million\w*|mln\.?)"
    r"|(?P<b>млрд\.?|миллиард\w*|billion\w*|bn\b|bln\.?)"
    r"|(?P<t>трлн\.?|триллион\w*|trillion\w*|tn\b|trn\.?)"
    r")",
    re.IGNORECASE,
)
_SCALES = {"k": 3, "m": 6, "b": 9, "t": 12}


def _scaled(values: tuple[Decimal, ...], text: str, end: int) -> tuple[Decimal, ...]:
    """`values` times the scale word right after the number, if there is one."""
    if len(values) != 1:
        return values
    m = _SCALE_RE.match(text, end)
    if m is None:
        return values
    return ((values[0] * Decimal(10) ** _SCALES[m.lastgroup or "k"]).normalize(),)


def numbers_in(text: str, lang: str | None) -> Counter[Decimal]:
    """Every number of `text` by value, read with the conventions of `lang` (times apart)."""
    return Counter(dict(_numbers_in(text, lang)))


@lru_cache(maxsize=16384)  # a source string is read once per language it is checked in
def _numbers_in(text: str, lang: str | None) -> tuple[tuple[Decimal, int], ...]:
    return tuple(_read_numbers(text, lang).items())


def _read_numbers(text: str, lang: str | None) -> Counter[Decimal]:
    found: Counter[Decimal] = Counter()
    if not HAS_DIGIT(text):
        return found
    # Each of these needs its own mark; a text without it is spared the pass.
    if "://" in text or "www." in text:
        text = _URL_RE.sub(" ", text)
    if "@" in text:
        text = _EMAIL_RE.sub(" ", text)
    if "+" in text or "(" in text or "-" in text:  # every phone pattern has one
        text = _PHONE_RE.sub(" ", text)
    text = _times_in(text)[1]
    if "%" in text or "{" in text:
        text = _NOT_NUMBERS_RE.sub(" ", text)
    pattern = _COMMA_NUMBER_AT if lang in _COMMA_DECIMAL_LANGS else _EN_NUMBER_AT
    end = 0  # where the last number read ends ("2 500" and "19.02.2013" span several runs)
    for run in DIGIT_RUNS.finditer(text):
        at = max(run.start(), end)
        while at < run.end():
            m = pattern.match(text, at)
            if m is None:  # pragma: no cover - every shape ends in one that takes any digits
                at += 1
                continue
            at = end = m.end()
            found.update(_scaled(_value(m.group(0), lang), text, end))
    return found


def format_number(value: Decimal, lang: str | None) -> str:
    """How `value` is written in `lang`: «2 500,5» in ru and kk, "2,500.5" in en."""
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    if lang in _COMMA_DECIMAL_LANGS:
        if len(whole.lstrip("-")) > 3:
            whole = f"{int(whole):,}".replace(",", "\u00a0")
        return whole + ("," + fraction if fraction else "")
    if len(whole.lstrip("-")) > 3:
        whole = f"{int(whole):,}"
    return whole + ("." + fraction if fraction else "")


def _language_name(code: str | None) -> str:
    return LANGUAGES[code].name if code in LANGUAGES else "the target language"


def check_numbers(item: CheckInput) -> list[str]:
    if not HAS_DIGIT(item.source):
        return []  # nothing of the source to miss
    # Plain dicts first (the common case: every number there); Counters for a miss.
    want = dict(_numbers_in(item.source, item.source_lang))
    have = dict(_numbers_in(item.target, item.target_lang))
    want_times = dict(_times_in(item.source)[0])
    have_times = dict(_times_in(item.target)[0]) if want_times else {}
    problems = [
        f"the time {minutes // 60}:{minutes % 60:02d} of the source is not in the translation"
        for minutes in sorted(m for m, n in want_times.items() if n > have_times.get(m, 0))
    ]
    if all(n <= have.get(value, 0) for value, n in want.items()):
        return problems
    missing = Counter(want) - Counter(have)
    # A number written the source's way ("2,500" in Russian) explains a miss: say how to fix it.
    misread = numbers_in(item.target, item.source_lang)
    for value in sorted(missing):
        shown = format_number(value, item.source_lang)
        expected = format_number(value, item.target_lang)
        if misread[value] > have.get(value, 0) and expected != shown:
            problems.append(
                f"the number {shown} is written the source's way; "
                f"in {_language_name(item.target_lang)} write {expected}"
            )
        else:
            problems.append(f"the number {shown} of the source is not in the translation")
    return problems


def _missing_items(pattern: re.Pattern[str], item: CheckInput, what: str) -> list[str]:
    strip = ".,;:!?"
    want = Counter(m.rstrip(strip) for m in pattern.findall(item.source))
    have = Counter(m.rstrip(strip) for m in pattern.findall(item.target))
    return [f"{what} {shorten(x, 60)} is missing or changed" for x in sorted(want - have)]


def check_urls(item: CheckInput) -> list[str]:
    if "://" not in item.source and "www." not in item.source:
        return []
    return _missing_items(_URL_RE, item, "the address")


def check_emails(item: CheckInput) -> list[str]:
    if "@" not in item.source:
        return []
    return _missing_items(_EMAIL_RE, item, "the e-mail address")


def check_phones(item: CheckInput) -> list[str]:
    source = item.source
    if not ("+" in source or "(" in source or "-" in source) or not HAS_DIGIT(source):
        return []  # every phone pattern has one of these, and digits
    written = _PHONE_RE.findall(item.source)
    if not written:
        return []
    want = Counter(re.sub(r"\D", "", m) for m in written)
    have = Counter(re.sub(r"\D", "", m) for m in _PHONE_RE.findall(item.target))
    shown = {re.sub(r"\D", "", m): m for m in written}
    return [f"the phone number {shown[d]} is missing or changed" for d in sorted(want - have)]
