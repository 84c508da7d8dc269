"""The site-chrome vocabulary: ad banners, share buttons, breadcrumb home items, ...

The defaults live in `chrome.toml` (package data) so that extending them is configuration, not
code. l10n-news.toml may add words, or replace the defaults, in its `[import]` table:

    [import]
    replace_chrome = false          # true: only the words below count
    [import.chrome]
    banner = ["Спонсор проекта"]
    lines = ["Подпишитесь на рассылку"]
    home = ["Басты бет"]
    related = ["Тақырыптас жаңалықтар"]     # headings of related-headline blocks
    counter = ["рет оқылды"]               # the words of a view or comment counter
    credit = ["Фото"]                      # labels of photo-credit lines

Besides the words, some chrome is recognised by its shape (`Chrome.shape_label`): counters, a
line that is only a dateline with counters, short prompts to subscribe or share on a network,
"Ctrl+Enter" typo prompts; `shortcodes` removes WordPress shortcodes from a line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from l10n_news.errors import ConfigError

KINDS = ("banner", "lines", "home", "related", "counter", "credit")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+\-–—]|\d{1,3}[.)])\s+")
_EDGE_PUNCT = " \t.:;!|»«\"'→›>"


def normalize(line: str) -> str:
    """A line as compared with the vocabulary: no bullet or number, case- and space-folded."""
    text = _BULLET.sub("", line)
    text = " ".join(text.split()).strip(_EDGE_PUNCT)
    return text.casefold()


@dataclass
class Chrome:
    """Normalised vocabulary -> the entry as written (the label a report shows)."""

    banner: dict[str, str] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)
    home: dict[str, str] = field(default_factory=dict)
    related: dict[str, str] = field(default_factory=dict)
    counter: dict[str, str] = field(default_factory=dict)
    credit: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, words: list[str]) -> None:
        table: dict[str, str] = getattr(self, kind)
        for word in words:
            key = normalize(word)
            if key:
                table.setdefault(key, word.strip())

    def banner_label(self, line: str) -> str | None:
        """The banner word a line starts with ("Реклама +7 700 ..." -> "Реклама")."""
        text = normalize(line)
        for key, label in self.banner.items():
            if text == key or (text.startswith(key) and not text[len(key)].isalnum()):
                return label
        return None

    def line_label(self, line: str) -> str | None:
        """The vocabulary entry this whole line is, if any."""
        return self.lines.get(normalize(line))

    def is_home(self, item: str) -> bool:
        return normalize(item) in self.home

    def label(self, line: str) -> str | None:
        """Why a line is chrome: its vocabulary entry, or the name of its shape; else None."""
        return (
            self.line_label(line)
            or self.banner_label(line)
            or self.related_label(line)
            or self.shape_label(line)
        )

    def related_label(self, line: str) -> str | None:
        """The heading of a related-headline block: alone, or before its first headline."""
        text = normalize(line)
        if text in self.related:
            return self.related[text]
        head, sep, rest = text.partition(":")
        if sep and rest.strip() and head.strip() in self.related:
            return self.related[head.strip()]
        return None

    def is_related_heading(self, line: str) -> bool:
        """A heading alone on its line (the headlines follow on their own lines)."""
        return normalize(line) in self.related

    def shape_label(self, line: str) -> str | None:
        """'view counter', 'comment counter', 'share prompt', ... for chrome known by form."""
        text = " ".join(_BULLET.sub("", line).split())
        if not text:
            return None
        counted = self.counter_label(text)
        if counted:
            return counted
        words = len(text.split())
        if words <= MAX_PROMPT_WORDS and _CTRL_ENTER.search(text):
            return "typo prompt"
        if words <= MAX_PROMPT_WORDS and _ASK.search(text) and _NETWORK.search(text):
            return "share prompt"
        return None

    def counter_label(self, text: str) -> str | None:
        """'236 рет оқылды', 'Просмотров: 1 204', '12 comments', '👁 530' -> the counter kind."""
        folded = normalize(text)
        m = _COUNTER.fullmatch(folded)
        if not m:
            return None
        words = " ".join((m.group("before") or m.group("after") or "").split()).strip(": ")
        if not words:
            return "view counter" if m.group("icon") else None
        if words not in self.counter:
            return None
        return "comment counter" if _COMMENT_WORD.search(words) else "view counter"

    def credit_of(self, line: str) -> str | None:
        """The credit or caption a line gives ("Фото: Минкультуры" -> "Минкультуры")."""
        text = " ".join(_BULLET.sub("", line).split())
        m = _COPYRIGHT.fullmatch(text)
        if m:
            return (m.group(1) or m.group(2)).strip()
        head, sep, rest = text.partition(":")
        if not sep:
            head, sep, rest = text.partition(" – ")
        short = len(rest.split()) <= MAX_CREDIT_WORDS
        if sep and rest.strip() and short and normalize(head) in self.credit:
            return rest.strip()
        return None


# A prompt is a short line; a paragraph that mentions Telegram is news.
MAX_PROMPT_WORDS = 16
MAX_CREDIT_WORDS = 14
_CTRL_ENTER = re.compile(r"ctrl\s*\+\s*enter", re.IGNORECASE)
_ASK = re.compile(
    r"подписыв|подпишит|подпишись|присоединя|поделит|делитесь|следите за|\bshare\b|"
    r"subscribe|\bfollow\b|\bjoin\b|жазылыңыз|жазылу|бөлісіңіз|бөлісу|қосылыңыз",
    re.IGNORECASE,
)
_NETWORK = re.compile(
    r"telegram|телеграм|whatsapp|instagram|инстаграм|youtube|ютуб|facebook|фейсбук|tiktok|"
    r"вконтакте|\bvk\b|twitter|канал|арна|channel|соцсет|social|желі",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"(?P<icon>[👁👀💬]\ufe0f?\s*)?(?:(?P<before>[^\W\d_][^\d]*?)\s*:?\s*)?"
    r"\d{1,3}(?:[\s\u00a0\u202f.,]?\d{3})*(?:[.,]\d)?\s*(?:k|тыс\.?|мың)?"
    r"(?:\s*(?P<after>[^\W\d_][^\d]*))?"
)
_COMMENT_WORD = re.compile(r"коммент|comment|пікір")
_COPYRIGHT = re.compile(r"©\s*(\S.{0,80})|(\S.{0,80}?)\s*©")


def default_vocabulary() -> dict[str, dict[str, list[str]]]:
    """chrome.toml as shipped: {lang: {kind: [words]}}."""
    text = resources.files("l10n_news.importers").joinpath("chrome.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_chrome(section: dict[str, Any], config_path: Path | None = None) -> Chrome:
    """The chrome for a workspace: the defaults and/or its `[import]` words."""
    replace = section.get("replace_chrome", False)
    if not isinstance(replace, bool):
        raise ConfigError("[import] replace_chrome must be true or false", path=config_path)
    extra = section.get("chrome", {})
    if not isinstance(extra, dict):
        raise ConfigError("[import.chrome] must be a table", path=config_path)
    chrome = Chrome()
    for kind, words in extra.items():
        if kind not in KINDS:
            raise ConfigError(
                f"[import.chrome] has unknown key {kind!r} (known: {', '.join(KINDS)})",
                path=config_path,
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError(f"[import.chrome] {kind} must be a list of strings", path=config_path)
        chrome.add(kind, words)
    if not replace:
        for table in default_vocabulary().values():
            for kind in KINDS:
                chrome.add(kind, table.get(kind, []))
    return chrome


# [caption id="attachment_1" align="alignnone"]<img ...> Text[/caption], [gallery ids="1,2"]:
# WordPress shortcodes a scraper leaves in the text. A pair gives its inner text (a caption or
# credit); an opening code with attributes alone is dropped. "[sic]" and Markdown links are not
# codes: a code has attributes or a closing tag.
# The opener may have lost its "]" with the <img> a scraper removed: "[caption id=.. > text".
_SHORTCODE_PAIR = re.compile(
    r"\[([a-z_][\w-]*)\b[^\]\[\n]*?(?:\]|>)(.*?)\[/\1\]", re.IGNORECASE
)
_SHORTCODE_ALONE = re.compile(
    r"\[/?[a-z_][\w-]*(?:\s+[\w-]+\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\]]+))+\s*/?\]"
    r"|\[/[a-z_][\w-]*\]",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>\n]*>")


def strip_shortcodes(line: str) -> tuple[str, list[str]]:
    """(the line without shortcodes, the inner texts of the paired ones)."""
    inner: list[str] = []

    def pair(m: re.Match[str]) -> str:
        text = " ".join(_TAG.sub(" ", m.group(2)).split())
        if text:
            inner.append(text)
        return " "

    text = _SHORTCODE_PAIR.sub(pair, line)
    text = _SHORTCODE_ALONE.sub(" ", text)
    if text == line:
        return line, []
    return " ".join(text.split()), inner


def find_shortcodes(line: str) -> list[str]:
    """The shortcodes in a line as written (what a report of dropped text shows)."""
    found = [m.group(0) for m in _SHORTCODE_PAIR.finditer(line)]
    rest = _SHORTCODE_PAIR.sub(" ", line)
    return found + [m.group(0) for m in _SHORTCODE_ALONE.finditer(rest)]
