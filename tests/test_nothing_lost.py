"""Property: whatever edits an article receives, no translation that existed is lost."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import article_text, make_workspace, write_article
from l10n_news.extract import extract_workspace
from l10n_news.update import update_workspace
from l10n_news.workspace import Workspace

WORDS = [
    "festival",
    "film",
    "jury",
    "prize",
    "director",
    "Almaty",
    "premiere",
    "camera",
    "audience",
    "screen",
    "actor",
    "award",
    "Berlin",
    "silver",
    "bear",
    "night",
]

paragraph = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
edit = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 30), paragraph),
    st.tuples(st.just("delete"), st.integers(0, 30), st.none()),
    st.tuples(st.just("swap"), st.integers(0, 30), st.integers(0, 30)),
    st.tuples(st.just("reword"), st.integers(0, 30), st.sampled_from(WORDS)),
)


def apply(paragraphs: list[str], change) -> list[str]:
    kind, i, arg = change
    out = list(paragraphs)
    if not out and kind != "add":
        return out
    i %= max(len(out), 1)
    if kind == "add":
        out.insert(i, arg)
    elif kind == "delete":
        out.pop(i)
    elif kind == "swap":
        j = arg % len(out)
        out[i], out[j] = out[j], out[i]
    else:
        words = out[i].rstrip(".").split()
        words[len(words) // 2] = arg
        out[i] = " ".join(words) + "."
    return out


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(paragraph, min_size=1, max_size=8, unique=True),
    st.lists(st.lists(edit, min_size=1, max_size=5), min_size=1, max_size=3),
)
def test_extract_update_never_loses_a_translation(paragraphs, rounds):
    with tempfile.TemporaryDirectory() as tmp:
        root = make_workspace(Path(tmp) / "ws", 'languages = ["en", "ru"]\n')
        write_article(root, "story", article_text(body=body(paragraphs)))
        ws = Workspace.load(root)
        extract_workspace(ws)
        update_workspace(ws)
        path = ws.po_path("ru", "story")
        seen: set[str] = set()
        for n, changes in enumerate(rounds):
            catalog = ws.read_catalog(path)
            for i, msg in enumerate(catalog):
                if not msg.msgstr:
                    msg.msgstr = f"перевод {n}-{i}: {msg.msgid}"
            ws.write_catalog(path, catalog)
            seen |= {m.msgstr for m in catalog.all_messages() if m.msgstr}
            for change in changes:
                paragraphs = apply(paragraphs, change)
            write_article(root, "story", article_text(body=body(paragraphs)))
            extract_workspace(ws)
            update_workspace(ws)
            after = {m.msgstr for m in ws.read_catalog(path).all_messages() if m.msgstr}
            assert seen <= after, seen - after
