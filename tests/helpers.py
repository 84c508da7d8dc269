"""Small builders shared by the tests: temp workspaces and articles."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent  # the repository root is the sample workspace

CONFIG = 'languages = ["ru", "en", "kk"]\nsource_language = "en"\nproject = "test"\n'


def make_workspace(root: Path, config: str = CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "l10n-news.toml").write_text(config, "utf-8")
    return root


def article_text(
    title: str = "Festival opens in Almaty",
    body: str = "The festival opened on Monday.\n\nTwelve films compete this year.\n",
    lang: str = "en",
    extra: str = "",
) -> str:
    return (
        "---\n"
        f'title: "{title}"\n'
        f"lang: {lang}\n"
        "date: 2024-03-12T19:05:00+05:00\n"
        'section: [Culture, "Cinema, Music"]\n'
        "author: Dana Seitova\n"
        f"{extra}"
        "---\n\n"
        f"{body}"
    )


def write_article(ws: Path, slug: str, text: str) -> Path:
    path = ws / "articles" / slug / "article.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under root (but the run state) and a hash of its bytes."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and ".l10n-news" not in p.parts:
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def copy_sample(dest: Path) -> Path:
    """The sample workspace (the repository root's), without its compiled or published files."""
    dest.mkdir(parents=True)
    shutil.copy2(SAMPLE / "l10n-news.toml", dest / "l10n-news.toml")
    for name in ("articles", "locales", "templates", "glossary.csv"):
        src = SAMPLE / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("*.mo"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest
