"""Typography of the published page, by language; the catalogs are never touched.

Russian and Kazakh (CLDR groups digits with a no-break space; the dash never starts a line):
- digit groups «18 500 000» joined by U+00A0, and a number joined to the word, unit or currency
  after it («1 млн», «500 теңге», «10 км», «25 %»);
- «№ 4», and «2013 г.» / «2013 ж.» / «в г. Алматы» kept on one line;
- a dash kept on the line of the word before it, and a spaced hyphen used as a dash made a dash.
English: typographic quotes “ ” ‘ ’ and apostrophes (it’s), a number joined to its unit
(«5 km», «10 %») and «No. 5».

`typeset_text(text, lang)` works on plain text; `typeset_html(html, lang)` on an HTML fragment,
changing text between tags only (never inside <code>, <pre>, <script>, <style>).
"""

from __future__ import annotations

import html as html_module
import re

from markupsafe import Markup

from l10n_news.checks.base import HAS_DIGIT

NBSP = "\u00a0"
_SPACE = r"[ \u00a0\u202f]"

# After a digit, a space before a group of three digits or before a word, unit or currency:
# the two rules find different spaces, so one pass over the text does both.
_NUMBER_SPACE_RE = re.compile(r"(?<=\d)(?:[ \u202f](?=\d{3}(?!\d))| (?=[^\W\d_]|[%‰₸$€₽£°]))")
_NUMERO_RE = re.compile(r"№ (?=\d)")
_YEAR_ABBREV_RE = re.compile(r"(?<![^\W\d_])(г|гг|ж|жж)\. (?=[А-ЯЁӘҒҚҢӨҰҮҺІ])")
_DASH_RE = re.compile(r" (?=[—–] )")
_HYPHEN_DASH_RE = re.compile(r"(?<=[^\W\d_»\"”,.!?]) - (?=\S)")
_EN_UNITS = r"(?:km|m|cm|mm|kg|g|t|ha|l|ml|h|min|s|°C|°F|%|KZT|tenge|USD|EUR|bn|mln)\b"
_EN_NUMBER_UNIT_RE = re.compile(rf"(?<=\d) (?={_EN_UNITS})")
_EN_NO_RE = re.compile(r"\bNo\. (?=\d)")
_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])|(?<=\d)'(?=s\b)|(?<=\bs)'(?=\s)")
_OPENING_CONTEXT = " \t\n\u00a0([{—–-/"

_SKIPPED_TAGS = ("code", "pre", "script", "style", "kbd", "samp")
_TAG_RE = re.compile(r"(<[^>]*>)")
_TAG_NAME_RE = re.compile(r"<(/?)([a-zA-Z0-9]+)")


def _curly_quotes(text: str) -> str:
    if '"' not in text and "'" not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        opening = before in _OPENING_CONTEXT or before in "“‘"
        if ch == '"':
            out.append("“" if opening else "”")
        elif ch == "'":
            out.append("‘" if opening else "’")
        else:
            out.append(ch)
    return "".join(out)


# Each rule runs only on a text with the character it needs: a page has hundreds of pieces.
def _cyrillic_rules(text: str) -> str:
    if " - " in text:
        text = _HYPHEN_DASH_RE.sub(" — ", text)
    if HAS_DIGIT(text):
        text = _NUMBER_SPACE_RE.sub(NBSP, text)
        if "№" in text:
            text = _NUMERO_RE.sub("№" + NBSP, text)
    if "г. " in text or "ж. " in text:  # every abbreviation the rule knows ends so
        text = _YEAR_ABBREV_RE.sub(lambda m: m.group(1) + "." + NBSP, text)
    return _DASH_RE.sub(NBSP, text) if "— " in text or "– " in text else text


def _english_rules(text: str) -> str:
    if "'" in text:
        text = _APOSTROPHE_RE.sub("’", text)
    text = _curly_quotes(text)
    if HAS_DIGIT(text):
        text = _EN_NUMBER_UNIT_RE.sub(NBSP, text)
        if "No. " in text:
            text = _EN_NO_RE.sub("No." + NBSP, text)
    return _DASH_RE.sub(NBSP, text) if "— " in text or "– " in text else text


def typeset_text(text: str, lang: str) -> str:
    """`text` with `lang`'s typography applied (plain text, no markup)."""
    if lang in ("ru", "kk"):
        return _cyrillic_rules(text)
    if lang == "en":
        return _english_rules(text)
    return text


def typeset_html(fragment: str, lang: str) -> Markup:
    """An HTML fragment with `lang`'s typography applied to its text, tags left as they are."""
    pieces = _TAG_RE.split(str(fragment))
    skipping: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2:  # a tag
            m = _TAG_NAME_RE.match(piece)
            if m and m.group(2).lower() in _SKIPPED_TAGS:
                if m.group(1):
                    if skipping:
                        skipping.pop()
                elif not piece.endswith("/>"):
                    skipping.append(m.group(2).lower())
            continue
        if piece and not skipping:
            if "&" in piece or "<" in piece or ">" in piece:
                plain = typeset_text(html_module.unescape(piece), lang)
                pieces[i] = html_module.escape(plain, quote=False)
            else:
                # Nothing to unescape or escape (the rules add no "<", ">" or "&").
                pieces[i] = typeset_text(piece, lang)
    return Markup("".join(pieces))
