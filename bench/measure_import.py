"""Measure HTML import on ../shared/corpus/html: trafilatura plus the chrome vocabulary.

Prints, for the football.ua page, which must-contain / must-not-contain strings hold, and for
each Mozilla Readability test page the word-level precision and recall of our extracted text
against Readability's reference extraction.

    .venv/bin/python bench/measure_import.py [CORPUS_HTML_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from l10n_news.importers.chrome import load_chrome
from l10n_news.importers.evaluate import Overlap, html_words, word_overlap, words
from l10n_news.importers.html import extract_html

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html"


def article_text(html: str) -> str:
    """Extracted Markdown with chrome lines dropped, as `import` would keep it."""
    chrome = load_chrome({})
    page = extract_html(html)
    return "\n".join(line for line in page.markdown.split("\n") if not chrome.label(line))


def football(corpus: Path) -> dict[str, list[tuple[str, bool]]]:
    """{'with': [(string, found)], 'without': [(string, found)]} for the football.ua page."""
    folder = corpus / "trafilatura-eval"
    expected = json.loads((folder / "football.ua.podolski.expect.json").read_text("utf-8"))
    spec = next(iter(expected.values()))
    text = article_text((folder / spec["file"]).read_text("utf-8", "replace"))
    return {
        "with": [(s, s in text) for s in spec["with"]],
        "without": [(s, s in text) for s in spec["without"]],
        "comments": [(s, s in text) for s in spec["comments"]],
    }


def readability(corpus: Path) -> dict[str, Overlap]:
    scores = {}
    for folder in sorted((corpus / "readability-test-pages").iterdir()):
        if not (folder / "source.html").is_file():
            continue
        text = article_text((folder / "source.html").read_text("utf-8", "replace"))
        expected = html_words((folder / "expected.html").read_text("utf-8"))
        scores[folder.name] = word_overlap(words(text), expected)
    return scores


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    result = football(corpus)
    print("football.ua (trafilatura benchmark page)")
    for kind, rows in result.items():
        good = sum(found == (kind == "with") for _, found in rows)
        print(f"  {kind:9} {good}/{len(rows)} as expected")
        for text, found in rows:
            print(f"    {'found' if found else 'absent':6} {text[:60]}")
    print("Readability test pages: word precision / recall / F1")
    scores = readability(corpus)
    for name, s in scores.items():
        print(f"  {name:15} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    n = len(scores)
    print(
        f"  {'mean':15} {sum(s.precision for s in scores.values()) / n:6.3f} "
        f"{sum(s.recall for s in scores.values()) / n:6.3f} "
        f"{sum(s.f1 for s in scores.values()) / n:6.3f}"
    )


if __name__ == "__main__":
    main()
