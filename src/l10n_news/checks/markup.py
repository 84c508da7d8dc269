"""Markup: the translation keeps the source's HTML tags and Markdown links and emphasis, and
adds nothing a browser would run.

Our extractor turns link targets into references (`[text][1]`), so a reference that changes
would point the reader somewhere else: references and inline link targets must be the same.
"""

from __future__ import annotations

import re
from collections import Counter

from l10n_news.checks.base import CheckInput, shorten
from l10n_news.checks.unsafe import unsafe_problems

_TAG_RE = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][\w:-]*)(?P<attrs>(?:\s[^<>]*?)?)\s*/?\s*>")
_ATTR_RE = re.compile(r"([^\s=/]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
# Attributes a translator is expected to translate or adapt.
_TRANSLATABLE_ATTRS = {
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "lang",
    "dir",
    "xml-lang",
    "xml:lang",
    "label",
    "summary",
}
_VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_MD_INLINE_LINK_RE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_REF_LINK_RE = re.compile(r"\]\[([^\]]*)\]")
_EMPHASIS_MARKERS = ("**", "__", "`")


def _tag_key(m: re.Match[str]) -> str:
    """A tag as compared: its name and the attributes that must not change, in order."""
    name = m.group("name").lower()
    attrs = []
    for attr, value in _ATTR_RE.findall(m.group("attrs") or ""):
        if attr.lower() not in _TRANSLATABLE_ATTRS:
            attrs.append(f"{attr.lower()}={value}" if value else attr.lower())
    inner = " ".join([name, *sorted(attrs)])
    return f"</{name}>" if m.group("close") else f"<{inner}>"


def tags_in(text: str) -> Counter[str]:
    return Counter(_tag_key(m) for m in _TAG_RE.finditer(text))


def unbalanced_tags(text: str) -> list[str]:
    """Messages for tags that are never closed or close nothing."""
    stack: list[str] = []
    problems = []
    for m in _TAG_RE.finditer(text):
        name = m.group("name").lower()
        if name in _VOID_TAGS or m.group(0).rstrip(">").rstrip().endswith("/"):
            continue
        if not m.group("close"):
            stack.append(name)
        elif name in stack:
            while stack and stack[-1] != name:
                problems.append(f"<{stack.pop()}> is not closed")
            stack.pop()
        else:
            problems.append(f"</{name}> closes no open tag")
    problems.extend(f"<{name}> is not closed" for name in reversed(stack))
    return problems


def _emphasis_counts(text: str) -> Counter[str]:
    text = _TAG_RE.sub(" ", text)
    counts: Counter[str] = Counter()
    for marker in _EMPHASIS_MARKERS:
        counts[marker] = text.count(marker)
        text = text.replace(marker, " ")
    counts["*"] = text.count("*")
    return counts


# Tags, links, references and emphasis all need one of these; plain prose is spared the passes.
_MARKUP_MARK = re.compile(r"[<\[\]*_`]")


def check_markup(item: CheckInput) -> list[str]:
    if not _MARKUP_MARK.search(item.source) and not _MARKUP_MARK.search(item.target):
        return []
    problems = []
    want, have = tags_in(item.source), tags_in(item.target)
    problems += [f"the tag {shorten(t)} of the source is missing" for t in sorted(want - have)]
    problems += [f"the tag {shorten(t)} is not in the source" for t in sorted(have - want)]
    if not unbalanced_tags(item.source):
        problems += unbalanced_tags(item.target)
    for pattern, what in ((_MD_INLINE_LINK_RE, "link target"), (_MD_REF_LINK_RE, "link [ref]")):
        want_links = Counter(pattern.findall(item.source))
        have_links = Counter(pattern.findall(item.target))
        problems += [
            f"the {what} {shorten(x)} of the source is missing or changed"
            for x in sorted(want_links - have_links)
        ]
        problems += [
            f"the {what} {shorten(x)} is not in the source" for x in sorted(have_links - want_links)
        ]
    src_marks, tgt_marks = _emphasis_counts(item.source), _emphasis_counts(item.target)
    for marker in (*_EMPHASIS_MARKERS, "*"):
        if src_marks[marker] != tgt_marks[marker]:
            problems.append(
                f"the source has {src_marks[marker]} {marker} emphasis marker(s), "
                f"the translation {tgt_marks[marker]}"
            )
    return problems


def check_unsafe_markup(item: CheckInput) -> list[str]:
    """The rules `publish` refuses by (one definition, in `checks.unsafe`)."""
    return unsafe_problems(item.source, item.target)
