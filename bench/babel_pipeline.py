"""The peer in one process: extract, merge and compile a workspace with Babel's own API.

The same work as `l10n-news extract && update && compile`, done the way a Babel-based tool
would: templates are Babel catalogs written with Babel's write_po; each old catalog is read
with Babel's read_po, merged with Catalog.update (fuzzy matching on, as ours) and written back
with write_po and write_mo. Babel has no Markdown extractor, so the articles are cut into
units by our own segmenter (the same parse on both sides); the theme's strings are extracted
with Babel's Jinja2 method, as ours does.

    python bench/babel_pipeline.py WORKSPACE [--merge-only]

--merge-only skips extraction and merges the templates already in locales/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from l10n_news.publish.ui import COMMENT_TAGS, KEYWORDS, THEME_DIR
from l10n_news.sources import load_article, segment_article

TARGETS = ("ru", "kk")


def article_template(article_md: Path) -> Catalog:
    article = load_article(article_md, article_md.parent.name)
    catalog = Catalog(project="synthetic archive", fuzzy=True)
    where = f"articles/{article.slug}/article.md"
    for seg in segment_article(article, "paragraph"):
        catalog.add(seg.text, locations=[(where, seg.line)], auto_comments=[seg.role],
                    context=seg.context)
    return catalog


def ui_template() -> Catalog:
    catalog = Catalog(project="synthetic archive ui", fuzzy=True)
    method_map = [(f"**{suffix}", "jinja2.ext:babel_extract") for suffix in (".html", ".xml")]
    found = extract_from_dir(
        THEME_DIR, method_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS,
        options_map={"**": {"trimmed": "true"}}, strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments,
                    context=context)
    return catalog


def write_catalog(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=79)


def merge_and_compile(locales: Path, domain: str, template: Catalog) -> None:
    for lang in TARGETS:
        po = locales / lang / "LC_MESSAGES" / f"{domain}.po"
        if not po.is_file():
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        catalog.update(template)  # fuzzy matching on (no_fuzzy_matching=False)
        write_catalog(po, catalog)
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog)


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    merge_only = "--merge-only" in argv[1:]
    locales = root / "locales"
    if merge_only:
        for pot in sorted(locales.glob("*.pot")):
            with pot.open("rb") as f:
                template = read_po(f)
            merge_and_compile(locales, pot.stem, template)
        return 0
    for article_md in sorted(root.glob("articles/*/article.md")):
        domain = article_md.parent.name
        template = article_template(article_md)
        write_catalog(locales / f"{domain}.pot", template)
        merge_and_compile(locales, domain, template)
    template = ui_template()
    write_catalog(locales / "ui.pot", template)
    merge_and_compile(locales, "ui", template)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
