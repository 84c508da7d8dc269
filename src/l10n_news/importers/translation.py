"""A published translation of an article -> translations in its catalog, by alignment.

The newsroom's own translations are human work, so an aligned pair whose lengths and numbers
fit is written as a finished (reviewed) translation; a doubtful pair is written fuzzy, for a
translator to confirm. Both carry `# imported: <file>`. An entry a translator already reviewed
is never changed. Units left without a partner are reported, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import Catalog, Message, State
from l10n_news.catalogs.catalog import MT_COMMENT_PREFIX
from l10n_news.errors import ImportFailed
from l10n_news.glossary import Glossary
from l10n_news.importers import parse_page
from l10n_news.importers.align import align
from l10n_news.importers.anchors import GlossaryAnchors
from l10n_news.importers.detect import detect_language
from l10n_news.languages import get_language
from l10n_news.sources import Article, Segment, load_article, segment_article
from l10n_news.sources.markdown import AUTHOR, CAPTION, SECTION, TAG, TITLE

IMPORTED_PREFIX = "imported:"
# Front-matter roles are paired by position; the rest (summary and body) are aligned.
_PAIRED_ROLES = (TITLE, SECTION, TAG, AUTHOR)


@dataclass
class AlignReport:
    slug: str
    lang: str
    catalog: str  # the .po written, relative to the workspace
    translated: int = 0  # written as finished translations
    fuzzy: int = 0  # written as fuzzy, to be confirmed
    kept_reviewed: int = 0  # already reviewed by a translator: left alone
    unpaired_source: list[str] = field(default_factory=list)  # msgids with no partner
    unpaired_target: list[str] = field(default_factory=list)  # page units with no partner
    written: bool = False

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Pair:
    source: Segment
    target: str
    confident: bool


def pair_units(
    source: list[Segment], target: list[Segment], glossary: GlossaryAnchors | None = None
) -> tuple[list[Pair], list[Segment], list[str]]:
    """(pairs, unpaired source segments, unpaired target texts)."""
    pairs: list[Pair] = []
    lonely_src: list[Segment] = []
    lonely_tgt: list[str] = []
    for role in _PAIRED_ROLES:
        src = [s for s in source if s.role == role]
        tgt = [t.text for t in target if t.role == role]
        # Same count: the same slots (title, breadcrumb positions, tags) in both versions.
        sure = len(src) == len(tgt)
        pairs += [Pair(s, t, sure) for s, t in zip(src, tgt, strict=False)]
        lonely_src += src[len(tgt) :]
        lonely_tgt += tgt[len(src) :]
    src_flow = [s for s in source if s.role not in (*_PAIRED_ROLES, CAPTION)]
    tgt_flow = [t.text for t in target if t.role not in (*_PAIRED_ROLES, CAPTION)]
    for bead in align([s.text for s in src_flow], tgt_flow, glossary=glossary):
        if not bead.target:
            lonely_src += [src_flow[i] for i in bead.source]
        elif not bead.source:
            lonely_tgt += [tgt_flow[j] for j in bead.target]
        else:
            text = " ".join(tgt_flow[j] for j in bead.target)
            # Two source units rendered as one paragraph: the first gets it, as fuzzy.
            pairs.append(Pair(src_flow[bead.source[0]], text, bead.confident))
            lonely_src += [src_flow[i] for i in bead.source[1:]]
    return pairs, lonely_src, lonely_tgt


def import_translation(ws, slug: str, lang: str, path: Path) -> AlignReport:
    """Align the page at `path` (a translation into `lang`) with article `slug`; fill its .po."""
    ws.check_language(lang)
    article_path = ws.article_path(slug)
    if not article_path.is_file():
        raise ImportFailed(f"no article {slug!r} to import a translation of", path=article_path)
    article = load_article(article_path, slug)
    if article.lang == lang:
        raise ImportFailed(f"article {slug!r} is itself in {lang!r}", path=path)
    # The translation's own date is not used (the catalog has no date), so none is required.
    _, draft = parse_page(ws, path, lang=lang, need_date=False)
    _check_script(draft.title + "\n" + draft.summary + "\n" + draft.body, lang, path)
    version = Article(
        slug=slug, lang=lang, title=draft.title, date=article.date, body=draft.body,
        section=draft.section, author=draft.author, summary=draft.summary, tags=draft.tags,
    )
    source = segment_article(article, ws.segmentation)
    target = segment_article(version, ws.segmentation)
    glossary = GlossaryAnchors(Glossary.load(ws), article.lang, lang)
    pairs, lonely_src, lonely_tgt = pair_units(source, target, glossary)

    po_path = ws.po_path(lang, slug)
    report = AlignReport(slug=slug, lang=lang, catalog=ws.relative(po_path))
    report.unpaired_source = [s.text for s in lonely_src]
    report.unpaired_target = lonely_tgt
    with ws.lock():
        catalog = ws.read_catalog(po_path) if po_path.is_file() else _new_catalog(ws, lang, slug)
        for seg in source:
            _entry(catalog, seg, slug)
        for pair in pairs:
            msg = _entry(catalog, pair.source, slug)
            if msg.state is State.REVIEWED:
                report.kept_reviewed += 1
                continue
            msg.set_translation(pair.target)
            msg.fuzzy = not pair.confident
            msg.set_comment(MT_COMMENT_PREFIX, None)
            msg.set_comment(IMPORTED_PREFIX, path.name)
            if pair.confident:
                report.translated += 1
            else:
                report.fuzzy += 1
        report.written = ws.write_catalog(po_path, catalog)
    return report


def _check_script(text: str, lang: str, path: Path) -> None:
    """Refuse a page written in another script than `lang` (the wrong file, or a wrong --lang).

    Its pairs would otherwise go into the catalog as finished translations. Only the script is
    compared: Russian and Kazakh share one, and a short Kazakh text may read as Russian.
    """
    found = detect_language(text)
    if found and get_language(found).script != get_language(lang).script:
        raise ImportFailed(
            f"the page is written in {found!r}, not {lang!r}: check the file and --lang",
            path=path,
        )


def _new_catalog(ws, lang: str, slug: str) -> Catalog:
    return Catalog(
        {
            "Project-Id-Version": f"{ws.project} {slug}",
            "Language": lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": get_language(lang).plural_forms,
        }
    )


def _entry(catalog: Catalog, seg: Segment, slug: str) -> Message:
    """The catalog's entry for a segment, added (untranslated) when the catalog lacks it."""
    msg = catalog.get(seg.text, seg.context)
    if msg is None:
        msg = catalog.add(
            Message(
                msgid=seg.text,
                msgctxt=seg.context,
                extracted_comments=[seg.role],
                references=[f"articles/{slug}/article.md:{seg.line}"],
            )
        )
    return msg
