"""A synthetic news archive: N English articles with reviewed Russian and Kazakh catalogs.

The text is nonsense built from a fixed vocabulary by a seeded random generator, so the same
arguments always give the same bytes (but for the dates in the catalog headers). Templates and
catalogs are built with the project's own extract and update code, so that running
`l10n-news extract && l10n-news update` on the result changes nothing; the "translations" swap
every English word for a made-up Cyrillic one and keep numbers, markup and link references as
they are, which is what the publishing gate and the checks look at.

Usage: python bench/gen_archive.py DEST -n 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from l10n_news.catalogs import Catalog, write_po
from l10n_news.extract import article_template
from l10n_news.publish.ui import ui_template
from l10n_news.sources import Article, Image
from l10n_news.update import new_catalog
from l10n_news.workspace import CONFIG_NAME, UI_DOMAIN, Workspace

# Words of a made-up festival-and-city news beat; sentences are drawn from these.
_VOCABULARY_TEXT = (
    "the a city film festival jury director audience screening programme hall season award "
    "studio camera script actor actress premiere ticket evening morning week month year "
    "region capital steppe river mountain village school student teacher critic producer "
    "opens closes shows announces presents invites welcomes chooses discusses records "
    "restores travels returns gathers expects reports prepares celebrates describes "
    "new old young local national regional short long free quiet bright small large "
    "first second final public private open annual documentary animated silent musical "
    "with from about after before during under over between across near without "
    "and but while because since although so then also still again already "
    "many several most few every each some all other another"
)
VOCABULARY = _VOCABULARY_TEXT.split()
NAMES = ("Aibek", "Saule", "Nurlan", "Dana", "Timur", "Aruzhan", "Erlan", "Madina", "Askar")
SURNAMES = ("Seitkali", "Abenov", "Omarova", "Tulegenov", "Zhumabekova", "Karimov", "Bekova")
SECTIONS = ("Culture", "Cinema, Music", "Society", "City", "Education")
TAGS = ("festival", "cinema", "Almaty", "Astana", "premiere", "jury", "students", "animation")

# The letters a made-up word is spelled with; Kazakh words also use the letters Russian lacks.
_CYRILLIC = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщыэюя",
    "kk": "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшыіэюяә",
}
# Placeholders and markup of the UI strings stay as they are; only words outside them change.
_WORD = re.compile(
    r"(%\([^)]*\)[a-z]|%[a-z]|\{[^}]*\}|<[^>]*>|&\w+;)|([A-Za-z]+)|(\d{1,3}(?:,\d{3})+)"
)
# A 1x1 grey JPEG: what an article's image is, as far as publishing is concerned.
TINY_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b"
    "080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b510"
    "0002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552"
    "d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465"
    "666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8"
    "b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100"
    "003f00fbd3ffd9"
)
# Almaty moved from UTC+6 to UTC+5 on 2024-03-01.
_ALMATY_SHIFT = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


def _almaty(moment: dt.datetime) -> dt.datetime:
    hours = 6 if moment < _ALMATY_SHIFT else 5
    return moment.astimezone(dt.timezone(dt.timedelta(hours=hours)))


@cache
def cyrillic_word(word: str, lang: str) -> str:
    """A made-up word standing for `word` in `lang`: the same input always gives the same.

    It ends in "ъъ", which no word of any of our languages does, and is capitalised: the
    spelling checks take it for a name, as they would a real one, rather than call every word
    of the archive misspelt or a word of the other language."""
    letters = _CYRILLIC[lang]
    rng = random.Random(f"{lang}:{word.lower()}")
    made = "".join(rng.choice(letters) for _ in range(max(2, len(word) + rng.randint(-1, 2))))
    return (made + "ъъ").capitalize()


def pseudo_translate(text: str, lang: str) -> str:
    """`text` with each Latin word replaced; punctuation, `**`, `[x][1]` kept, and numbers
    grouped the Russian and Kazakh way ("10,000" -> "10 000", a no-break space)."""

    def replace(m: re.Match[str]) -> str:
        if m.group(3):
            return m.group(3).replace(",", "\u00a0")
        return m.group(1) or cyrillic_word(m.group(2), lang)

    return _WORD.sub(replace, text)


class _Writer:
    """Draws sentences, paragraphs and whole articles from one seeded generator."""

    def __init__(self, seed: int | str) -> None:
        self.rng = random.Random(seed)

    def words(self, low: int, high: int) -> list[str]:
        return self.rng.choices(VOCABULARY, k=self.rng.randint(low, high))

    def sentence(self) -> str:
        words = self.words(7, 18)
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), str(self.rng.randint(2, 2500)))
        if self.rng.random() < 0.15:
            words.insert(0, self.rng.choice(NAMES))
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".....?!")

    def paragraph(self, link_id: str) -> str:
        text = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        roll = self.rng.random()
        if roll < 0.1:
            phrase = " ".join(self.words(2, 3))
            text += f" See [{phrase}](https://example.kz/archive/{link_id}) for more."
        elif roll < 0.2:
            text += f" The prize was **{self.rng.randint(1, 900)},000 tenge**."
        elif roll < 0.25:
            text += f" It was called *{' '.join(self.words(1, 3)).title()}*."
        return text

    def title(self) -> str:
        text = " ".join(self.words(5, 10))
        return text[0].upper() + text[1:]

    def body(self, slug: str, paragraphs: int) -> str:
        """Paragraphs with a heading every seven, one bullet list and one quote."""
        blocks: list[str] = []
        for i in range(paragraphs):
            if i and i % 7 == 0:
                blocks.append(f"## {self.title()}")
            if i == paragraphs // 2:
                blocks.append("\n".join(f"- {' '.join(self.words(3, 8))};" for _ in range(3)))
            elif i == paragraphs // 3:
                blocks.append("> " + self.sentence())
            blocks.append(self.paragraph(f"{slug}/{i}"))
        return "\n\n".join(blocks) + "\n"

    def article(self, slug: str, paragraphs: int) -> Article:
        rng = self.rng
        moment = dt.datetime(2013, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
            minutes=rng.randrange(6_500_000)
        )
        images = []
        if rng.random() < 0.5:
            images.append(Image(src=f"images/{slug}.jpg", caption=self.sentence(), line=11))
        return Article(
            slug=slug,
            lang="en",
            title=self.title(),
            date=_almaty(moment),
            body="",
            section=rng.sample(SECTIONS, k=rng.randint(1, 2)),
            author=f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
            summary=self.sentence(),
            tags=rng.sample(TAGS, k=rng.randint(1, 3)),
            images=images,
            key_lines={**_KEY_LINES, "images": 9} if images else dict(_KEY_LINES),
            body_line=13 if images else 10,  # the blank line after the closing "---"
        )


# The front matter is written in this order, one key a line (images take three lines).
_KEY_LINES = {"title": 2, "lang": 3, "date": 4, "section": 5, "author": 6, "summary": 7, "tags": 8}


def article_text(article: Article) -> str:
    """article.md for an article made by `_Writer`: the lines `_KEY_LINES` promises."""
    quoted = ", ".join(f'"{s}"' for s in article.section)
    lines = [
        "---",
        f"title: {article.title}",
        f"lang: {article.lang}",
        f"date: {article.date.isoformat()}",
        f"section: [{quoted}]",
        f"author: {article.author}",
        f"summary: {article.summary}",
        f"tags: [{', '.join(article.tags)}]",
    ]
    for image in article.images:
        lines += ["images:", f"  - src: {image.src}", f"    caption: {image.caption}"]
    lines.append("---")
    return "\n".join(lines) + "\n" + article.body


def archive_config(targets: Sequence[str]) -> str:
    langs = ", ".join(f'"{lang}"' for lang in ("en", *targets))
    return (
        "# A synthetic archive made by bench/gen_archive.py.\n"
        'project = "synthetic archive"\n'
        f"languages = [{langs}]\n"
        'source_language = "en"\n'
        'segmentation = "paragraph"\n'
        'time_zone = "Asia/Almaty"\n'
    )


def reviewed_catalog(ws: Workspace, lang: str, template: Catalog) -> Catalog:
    """The catalog `update` would create, with every entry translated and not fuzzy."""
    catalog = new_catalog(ws, lang, template)
    catalog.update(template)
    for message in catalog:
        message.set_translation(pseudo_translate(message.msgid, lang))
    return catalog


def article_slug(n: int) -> str:
    return f"story-{n:05d}"


def make_article(n: int, paragraphs: int = 20, seed: int = 0) -> Article:
    """Article number `n` of the archive; each has its own generator, so any subset can be made."""
    slug = article_slug(n)
    writer = _Writer(f"{seed}:{n}")
    article = writer.article(slug, paragraphs)
    # As parse_article gives it: everything after the closing "---", a blank line first.
    article.body = "\n" + writer.body(slug, paragraphs)
    return article


def _write(path: Path, text: str) -> None:
    # Plain writes: a half-made archive is thrown away anyway, and fsync would triple the time.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _generate_range(
    dest: Path, numbers: range, paragraphs: int, targets: Sequence[str], translated: bool, seed: int
) -> None:
    ws = Workspace.load(dest)
    for n in numbers:
        article = make_article(n, paragraphs, seed)
        _write(ws.article_path(article.slug), article_text(article))
        for image in article.images:  # publish copies it, and holds the page back without it
            (ws.article_path(article.slug).parent / image.src).parent.mkdir(exist_ok=True)
            (ws.article_path(article.slug).parent / image.src).write_bytes(TINY_JPEG)
        template = article_template(ws, article)
        _write(ws.pot_path(article.slug), write_po(template))
        if translated:
            for lang in targets:
                catalog = reviewed_catalog(ws, lang, template)
                _write(ws.po_path(lang, article.slug), write_po(catalog))


def _generate_ui(ws: Workspace, targets: Sequence[str]) -> None:
    """The site's UI domain, as extract writes it, with every string translated."""
    template = ui_template(ws)
    if not len(template):
        return
    _write(ws.pot_path(UI_DOMAIN), write_po(template))
    for lang in targets:
        catalog = reviewed_catalog(ws, lang, template)
        for message in catalog:
            if message.pluralizable:
                forms = pseudo_translate(message.msgid_plural or message.msgid, lang)
                message.set_translation([forms] * catalog.nplurals)
        _write(ws.po_path(lang, UI_DOMAIN), write_po(catalog))


def generate_archive(
    dest: Path,
    n: int = 2000,
    paragraphs: int = 20,
    targets: Sequence[str] = ("ru", "kk"),
    translated: bool = True,
    seed: int = 0,
    jobs: int = 1,
) -> None:
    """Write a complete workspace of `n` articles into `dest` (made if missing).

    With `jobs` > 1 the articles are shared out among that many processes; the files are the
    same either way, since every article has its own seeded generator.
    """
    dest.mkdir(parents=True, exist_ok=True)
    (dest / CONFIG_NAME).write_text(archive_config(targets), "utf-8")
    args = (paragraphs, tuple(targets), translated, seed)
    if translated:
        _generate_ui(Workspace.load(dest), targets)
    if jobs <= 1 or n < 50:
        _generate_range(dest, range(n), *args)
        return
    with ProcessPoolExecutor(jobs) as pool:
        shares = [range(k, n, jobs) for k in range(jobs)]
        futures = [pool.submit(_generate_range, dest, share, *args) for share in shares]
        for future in futures:
            future.result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to write the workspace into")
    parser.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--paragraphs", type=int, default=20, help="paragraphs per article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--untranslated", action="store_true", help="write no .po catalogs")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes to generate with (default: one per core)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate_archive(
        args.dest,
        args.n,
        args.paragraphs,
        translated=not args.untranslated,
        seed=args.seed,
        jobs=args.jobs,
    )
    print(f"{args.n} articles in {args.dest} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
