"""A published translation of an article -> translations in its catalog, by alignment.

The page is first judged as a whole (`verdict`): a page that does not read as a translation of
the article (another outlet's story on the same event, the wrong file) is refused, and nothing
is written unless `force`. Within a translation, the newsroom's own pairs are human work, so a
pair that is certain (1-1, lengths fit, anchors agree, no competing candidate) is written as a
finished translation with `# imported: <file>`; every other pair is a fuzzy draft with
`# aligned: <score> from <file>`, which `review` shows like a machine draft. An entry a
translator already reviewed, or a human translation waiting for review, is never changed.
Units left without a partner are reported, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from l10n_news.catalogs import Catalog, Message, State
from l10n_news.catalogs.catalog import ALIGNED_COMMENT_PREFIX, MT_COMMENT_PREFIX
from l10n_news.errors import ImportFailed
from l10n_news.glossary import Glossary
from l10n_news.importers import parse_page
from l10n_news.importers.align import alignment
from l10n_news.importers.anchors import GlossaryAnchors, numbers
from l10n_news.importers.detect import detect_language
from l10n_news.importers.verdict import (
    NOT_A_TRANSLATION,
    TRANSLATION,
    Verdict,
    bead_score,
    certain_beads,
    expected_ratio,
    judge,
)
from l10n_news.languages import get_language
from l10n_news.sources import Article, Segment, load_article, segment_article
from l10n_news.sources.markdown import AUTHOR, CAPTION, SECTION, TAG, TITLE

IMPORTED_PREFIX = "imported:"
# Front-matter roles are paired by position; the rest (summary and body) are aligned.
_PAIRED_ROLES = (TITLE, SECTION, TAG, AUTHOR)
# What may be replaced by an imported pair: nothing a person wrote.
_REPLACEABLE = (State.UNTRANSLATED, State.DRAFT)


@dataclass
class AlignReport:
    slug: str
    lang: str
    catalog: str  # the .po written, relative to the workspace
    verdict: str = ""  # translation, not a translation, undecided
    score: float = 0.0  # the share of the article's anchors found in their paired units
    reasons: list[str] = field(default_factory=list)  # why the verdict is not "translation"
    translated: int = 0  # written as finished translations
    fuzzy: int = 0  # written as fuzzy drafts, to be reviewed
    kept_reviewed: int = 0  # reviewed (or a person's translation awaiting review): left alone
    unpaired_source: list[str] = field(default_factory=list)  # msgids with no partner
    unpaired_target: list[str] = field(default_factory=list)  # page units with no partner
    written: bool = False

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Pair:
    source: Segment
    target: str
    certain: bool  # may be written as a finished translation
    score: float  # 0-1, shown in a draft's provenance


@dataclass
class Pairing:
    pairs: list[Pair]
    unpaired_source: list[Segment]
    unpaired_target: list[str]
    verdict: Verdict


def pair_units(
    source: list[Segment],
    target: list[Segment],
    glossary: GlossaryAnchors | None = None,
    langs: tuple[str, str] = ("", ""),
) -> Pairing:
    """Pair the units of an article (`source`) with those of its translation (`target`)."""
    src_flow = [s for s in source if s.role not in (*_PAIRED_ROLES, CAPTION)]
    tgt_flow = [t.text for t in target if t.role not in (*_PAIRED_ROLES, CAPTION)]
    found = alignment([s.text for s in src_flow], tgt_flow, glossary=glossary)
    verdict = judge(
        found.source_lengths,
        found.target_lengths,
        found.source,
        found.target,
        found.beads,
        expected_ratio(*langs),
    )
    certain = (
        certain_beads(found.beads, found.source, found.target)
        if verdict.is_translation
        else set()
    )
    result = Pairing([], [], [], verdict)
    _pair_slots(source, target, verdict.is_translation, result)
    for n, bead in enumerate(found.beads):
        if not bead.target:
            result.unpaired_source += [src_flow[i] for i in bead.source]
        elif not bead.source:
            result.unpaired_target += [tgt_flow[j] for j in bead.target]
        else:
            text = " ".join(tgt_flow[j] for j in bead.target)
            # Two source units rendered as one paragraph: the first gets it, as a draft.
            result.pairs.append(
                Pair(src_flow[bead.source[0]], text, n in certain, bead_score(bead))
            )
            result.unpaired_source += [src_flow[i] for i in bead.source[1:]]
    return result


def _pair_slots(
    source: list[Segment], target: list[Segment], translation: bool, result: Pairing
) -> None:
    """Title, sections, tags and author: the same slots in both versions, paired by position.

    Certain only in a translation, when both have the same number of the slot, and (for the
    title) the numbers agree.
    """
    for role in _PAIRED_ROLES:
        src = [s for s in source if s.role == role]
        tgt = [t.text for t in target if t.role == role]
        same_count = len(src) == len(tgt)
        for s, t in zip(src, tgt, strict=False):
            sure = translation and same_count and numbers(s.text) == numbers(t)
            result.pairs.append(Pair(s, t, sure, 1.0 if sure else 0.5))
        result.unpaired_source += src[len(tgt) :]
        result.unpaired_target += tgt[len(src) :]


def import_translation(
    ws, slug: str, lang: str, path: Path, *, force: bool = False
) -> AlignReport:
    """Align the page at `path` (a translation into `lang`) with article `slug`; fill its .po.

    Refused when the page does not read as a translation of the article, unless `force`,
    which writes every pair as a fuzzy draft.
    """
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
    pairing = pair_units(source, target, glossary, (article.lang, lang))
    verdict = pairing.verdict
    if verdict.kind == NOT_A_TRANSLATION and not force:
        raise ImportFailed(
            f"the page does not read as a translation of {slug!r} ({'; '.join(verdict.reasons)})"
            ": nothing written; use --force to import its pairs as fuzzy drafts anyway",
            path=path,
        )
    po_path = ws.po_path(lang, slug)
    report = AlignReport(
        slug=slug,
        lang=lang,
        catalog=ws.relative(po_path),
        verdict=verdict.kind,
        score=round(verdict.score, 2),
        reasons=list(verdict.reasons),
        unpaired_source=[s.text for s in pairing.unpaired_source],
        unpaired_target=pairing.unpaired_target,
    )
    with ws.lock():
        catalog = ws.read_catalog(po_path) if po_path.is_file() else _new_catalog(ws, lang, slug)
        for seg in source:
            _entry(catalog, seg, slug)
        for pair in pairing.pairs:
            _write_pair(catalog, pair, slug, path.name, verdict.kind == TRANSLATION, report)
        report.written = ws.write_catalog(po_path, catalog)
    return report


def _write_pair(
    catalog: Catalog, pair: Pair, slug: str, file: str, translation: bool, report: AlignReport
) -> None:
    msg = _entry(catalog, pair.source, slug)
    if msg.state not in _REPLACEABLE:
        report.kept_reviewed += 1
        return
    certain = pair.certain and translation
    msg.set_translation(pair.target)
    msg.fuzzy = not certain
    msg.set_comment(MT_COMMENT_PREFIX, None)
    if certain:
        msg.set_comment(ALIGNED_COMMENT_PREFIX, None)
        msg.set_comment(IMPORTED_PREFIX, file)
        report.translated += 1
    else:
        msg.set_comment(IMPORTED_PREFIX, None)
        msg.set_comment(ALIGNED_COMMENT_PREFIX, f"{pair.score:.2f} from {file}")
        report.fuzzy += 1


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
