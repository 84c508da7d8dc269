"""The pictures an article shows: front-matter images and `![..](src)` in the body.

A relative picture is copied into each variant's folder, at the path the page writes; one
that is missing, or is (or lies behind) a symbolic link, or resolves outside the workspace, is
an error naming article.md and its line, and the article is held back. A remote picture must
be http(s); any other address (javascript:, data:, file:) is refused the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from l10n_news.publish.settings import is_safe_url
from l10n_news.sources import Article
from l10n_news.workspace import Workspace, link_below

# ![alt](src "title") with an optional <src>; reference-style images point at a definition.
_BODY_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")


@dataclass(frozen=True)
class ImageRef:
    src: str
    line: int


def image_refs(article: Article) -> list[ImageRef]:
    """Every picture the article names, with the line of article.md that names it."""
    refs = [ImageRef(image.src, image.line) for image in article.images]
    if "![" not in article.body:
        return refs  # most bodies: no picture of their own
    for offset, text in enumerate(article.body.split("\n")):
        line = article.body_line + offset
        refs.extend(ImageRef(m.group(1), line) for m in _BODY_IMAGE.finditer(text))
    return refs


def is_remote(src: str) -> bool:
    return src.lower().startswith(("http://", "https://"))


def shown_path(ws: Workspace, path: Path) -> str:
    """A path as written under the workspace, links not followed (`ws.relative` follows them)."""
    try:
        return path.absolute().relative_to(ws.root.absolute()).as_posix()
    except ValueError:
        return str(path)


def escapes_workspace(ws: Workspace, path: Path) -> str | None:
    """Why reading `path` would read outside the workspace (a link on the way), or None."""
    root = ws.root.absolute()
    try:
        rel = path.absolute().relative_to(root)
    except ValueError:
        return "is outside the workspace"
    link = link_below(root, rel.parts)
    if link == len(rel.parts):
        return "is a symbolic link"
    if link is not None:
        return f"lies behind a symbolic link ({PurePath(*rel.parts[:link])})"
    # With no link below the root, only ".." can lead out (a publish asks this of every
    # picture and catalog of every page: resolving each path cost more than the page's dates).
    if ".." in rel.parts and not path.resolve().is_relative_to(ws.root.resolve()):
        return "resolves outside the workspace"
    return None


def _problem(ws: Workspace, article: Article, ref: ImageRef) -> tuple[str, Path | None]:
    """(why the picture cannot be shown, or "") and its local file when it has one."""
    src = ref.src
    if is_remote(src):
        return "", None
    if not src or not is_safe_url(src) or src.startswith("/") or ".." in src.split("/"):
        return f"the image address {src!r} is neither http(s) nor inside the article folder", None
    assert article.path is not None
    path = article.path.parent / src
    why = escapes_workspace(ws, path)
    if why:
        return f"refused: the image {src} {why}", None
    if not path.is_file():
        return f"the image {src} does not exist", None
    return "", path


def image_problems(ws: Workspace, article: Article) -> list[str]:
    """`article.md:line: ...` for every picture that cannot be shown."""
    shown = ws.relative(article.path) if article.path else article.slug
    problems = []
    for ref in image_refs(article):
        why, _ = _problem(ws, article, ref)
        if why:
            problems.append(f"{shown}:{ref.line}: {why}")
    return problems


def local_images(ws: Workspace, article: Article) -> dict[str, Path]:
    """src -> file for the pictures copied with the page (those without problems)."""
    found: dict[str, Path] = {}
    for ref in image_refs(article):
        _, path = _problem(ws, article, ref)
        if path is not None:
            found[ref.src] = path
    return found
