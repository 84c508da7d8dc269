"""A page's breadcrumbs: the section path a news site shows above the title.

Two sources, the first that gives something wins: schema.org `BreadcrumbList` JSON-LD (what
search engines read, so sites keep it right), then the visible trail: a `<nav>` whose
aria-label mentions breadcrumbs, or an element whose class does. The home item is left to the
caller (`Chrome.is_home`, or a link to the site's root), and so is the current page's title,
which many trails end with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import lxml.html

from l10n_news.importers.chrome import Chrome, normalize

_SEPARATOR = re.compile(r"^[\s>›»/|→·•\\-]*$")
_MAX_WORDS = 8  # a longer "crumb" is a sentence the class name did not mean


@dataclass(frozen=True)
class Crumb:
    name: str
    href: str  # "" when the item has no link
    line: int  # the source line of the element it came from (0 when unknown)

    @property
    def is_root(self) -> bool:
        """Whether the item links to the site's front page."""
        return bool(self.href) and urlparse(self.href).path in ("", "/")


def find_breadcrumbs(tree: lxml.html.HtmlElement) -> list[Crumb]:
    """The page's breadcrumb trail, home item included; [] when it has none."""
    return _from_json_ld(tree) or _from_markup(tree)


def section_path(
    crumbs: list[Crumb], chrome: Chrome, title: str
) -> tuple[list[str], list[Crumb]]:
    """(the section names, the home item dropped if any) of a trail.

    The first item is home when the vocabulary says so or when it links to the site's root;
    a last item that is the article's own title is not a section either.
    """
    names = list(crumbs)
    home = []
    if names and (chrome.is_home(names[0].name) or names[0].is_root):
        home.append(names.pop(0))
    if names and normalize(names[-1].name) == normalize(title):
        names.pop()
    return [c.name for c in names], home


def _from_json_ld(tree: lxml.html.HtmlElement) -> list[Crumb]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block is the site's problem; the markup may still help
        for node in _nodes(data):
            if _has_type(node, "BreadcrumbList"):
                crumbs = _list_items(node, script.sourceline or 0)
                if crumbs:
                    return crumbs
    return []


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD block: top-level, in a list, or in an @graph."""
    if isinstance(data, list):
        return [n for item in data for n in _nodes(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_nodes(data.get("@graph", []))]


def _has_type(node: dict[str, Any], name: str) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == name for k in kinds)


def _list_items(node: dict[str, Any], line: int) -> list[Crumb]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        return []
    ranked: list[tuple[float, Crumb]] = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        target = item.get("item")
        name = item.get("name")
        href = ""
        if isinstance(target, dict):
            name = name or target.get("name")
            href = target.get("@id") or target.get("url") or ""
        elif isinstance(target, str):
            href = target
        if isinstance(name, str) and name.strip():
            position = item.get("position")
            rank = float(position) if isinstance(position, int | float) else float(n)
            ranked.append((rank, Crumb(" ".join(name.split()), str(href), line)))
    return [crumb for _, crumb in sorted(ranked, key=lambda pair: pair[0])]


def _from_markup(tree: lxml.html.HtmlElement) -> list[Crumb]:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        label = (element.get("aria-label") or "").lower()
        classes = (element.get("class") or "").lower()
        if (element.tag == "nav" and "breadcrumb" in label) or "breadcrumb" in classes:
            if element.tag == "li" and element.getparent() is not None:
                element = element.getparent()  # only the items are marked: take their list
            crumbs = _trail(element)
            if crumbs:
                return crumbs
    return []


def _trail(element: lxml.html.HtmlElement) -> list[Crumb]:
    """The items of a trail: its list items, or else its links, or else its text pieces."""
    items = element.findall(".//li") or element.findall(".//a")
    crumbs: list[Crumb] = []
    if items:
        for item in items:
            link = item if item.tag == "a" else item.find(".//a")
            name = " ".join(item.text_content().split())
            href = link.get("href", "") if link is not None else ""
            crumbs.append(Crumb(name, href, item.sourceline or 0))
    else:
        pieces = re.split(r"\s+[>›»/|→]\s+", " ".join(element.text_content().split()))
        crumbs = [Crumb(p, "", element.sourceline or 0) for p in pieces]
    crumbs = [c for c in crumbs if c.name and not _SEPARATOR.match(c.name)]
    if any(len(c.name.split()) > _MAX_WORDS for c in crumbs):
        return []
    return crumbs
