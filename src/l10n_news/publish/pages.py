"""The pages of one variant (HTML, and Markdown for a CMS), the index pages and the sitemap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import yaml
from jinja2 import Environment

from l10n_news.catalogs.catalog import Catalog
from l10n_news.languages import derived_from
from l10n_news.publish import derived  # derived variants: kk-Latn's dates and name
from l10n_news.publish.render import (
    OG_LOCALES,
    Alternate,
    SwitcherItem,
    render,
    render_body,
)
from l10n_news.publish.safety import VariantRefused, unsafe_message
from l10n_news.publish.settings import PublishSettings
from l10n_news.publish.typography import typeset_html
from l10n_news.publish.ui import UI_SOURCE_LANGUAGE, UiStrings, ui_strings
from l10n_news.sources import Article, Segment, translate_article
from l10n_news.workspace import Workspace


@dataclass
class RenderedVariant:
    html: str
    title: str
    iso_date: str
    files: dict[str, bytes] = field(default_factory=dict)  # path under the site -> bytes


def page_url(settings: PublishSettings, lang: str, slug: str | None = None) -> str:
    return settings.base_url + (f"{lang}/{slug}/" if slug else f"{lang}/")


def _site(settings: PublishSettings) -> dict[str, str]:
    phone = settings.ad_phone
    return {
        "name": settings.site_name,
        "ad_phone": phone,
        "ad_phone_digits": "".join(c for c in phone if c.isdigit() or c == "+"),
        "telegram_url": settings.telegram_url,
        "bug_report_url": settings.bug_report_url,
    }


def _x_default(langs: list[str], source_lang: str) -> str:
    """The page for readers of a language the site lacks: the original, else English."""
    if source_lang in langs:
        return source_lang
    return UI_SOURCE_LANGUAGE if UI_SOURCE_LANGUAGE in langs else langs[0]


def render_variant(
    ws: Workspace,
    settings: PublishSettings,
    env: Environment,
    *,
    article: Article,
    catalog: Catalog | None,
    lang: str,
    source_lang: str,
    published_langs: list[str],
    reviewed_langs: list[str],
    ui: UiStrings,
    allow_unreviewed: bool,
    formats: tuple[str, ...],
    pictures: dict[str, bytes],
) -> RenderedVariant:
    """One variant's files. `published_langs` make the language switcher; `reviewed_langs`
    (the variants published as reviewed) are all that hreflang and x-default name; `pictures`
    (src -> bytes) are the article's own pictures, copied beside the page."""
    slug = article.slug
    if lang == article.lang or catalog is None:
        translated = translate_article(article, lambda seg: seg.text, ws.segmentation)
    else:
        po_path = ws.po_path(lang, slug)
        shown = ws.relative(po_path)

        def lookup(seg: Segment) -> str | None:
            msg = catalog.get(seg.text, seg.context)
            if msg is None or not msg.has_translation or (msg.fuzzy and not allow_unreviewed):
                return None
            problem = unsafe_message(msg)
            if problem:
                raise VariantRefused(problem, path=shown, line=msg.lineno)
            return msg.msgstr

        translated = translate_article(article, lookup, ws.segmentation)
        if translated.missing:
            # The gate counted these as translated; refuse rather than show the source text.
            seg = translated.missing[0]
            raise VariantRefused(
                f"{len(translated.missing)} unit(s) have no translation, e.g. {seg.text[:40]!r}",
                path=shown,
            )
    time_zone = article.time_zone or ws.time_zone
    url = page_url(settings, lang, slug)
    # A draft is never advertised from a reviewed page; a draft page itself names the
    # reviewed ones (and itself, as its canonical).
    named = [lg for lg in published_langs if lg in reviewed_langs or lg == lang]
    alternates = [Alternate(lg, page_url(settings, lg, slug)) for lg in named]
    if reviewed_langs:
        x_default = _x_default(reviewed_langs, source_lang)
        alternates.append(Alternate("x-default", page_url(settings, x_default, slug)))
    page = {
        "lang": lang,
        "title": translated.title,
        "url": url,
        "url_quoted": quote(url, safe=""),
        "draft": allow_unreviewed and lang != article.lang,
        "og_locale": OG_LOCALES[lang],
        "og_alternates": [OG_LOCALES[lg] for lg in named if lg != lang],
        "alternates": alternates,
        "home_href": "../",
        "switcher": [
            SwitcherItem(lg, derived.native_name(ws, lg), f"../../{lg}/{slug}/", lg == lang)
            for lg in published_langs
        ],
    }
    images = [
        {"src": image.src, "caption": caption}
        for image, caption in zip(article.images, translated.captions, strict=True)
    ]
    view = {
        "title": translated.title,
        "summary": translated.summary,
        "author": translated.author,
        "section": translated.section,
        "tags": translated.tags,
        "images": images,
        # A date-only article shows its day alone (noon UTC is that day: see sources.article).
        "date": derived.short_date(ws, article.date, lang, "UTC")
        if article.date_only
        else derived.article_date(ws, article.date, lang, time_zone),
        "iso_date": iso_date(article),
        "body_html": typeset_html(
            render_body(article.body, translated.units, translated.body), lang
        ),
    }
    html = render(env, "article.html", ui, {"page": page, "site": _site(settings), "article": view})
    if ui.missing:
        raise VariantRefused(
            f"ui strings without a translation: {', '.join(sorted(ui.missing))}",
            path=ws.relative(ws.po_path(lang, "ui")),
        )
    rendered = RenderedVariant(html, translated.title, iso_date(article))
    rel = f"{lang}/{slug}"
    # Each variant's folder carries the pictures its page points to, relative as written.
    for src, data in pictures.items():
        rendered.files[f"{rel}/{src}"] = data
    if "html" in formats:
        rendered.files[f"{rel}/index.html"] = html.encode("utf-8")
    if "markdown" in formats:
        base = derived_from(lang)
        front = {
            "title": translated.title,
            "lang": lang,
            "date": iso_date(article),
            "time_zone": None if article.date_only else time_zone,
            "section": translated.section,
            "author": translated.author,
            "summary": translated.summary,
            "tags": translated.tags,
            "images": images,
            # kk-Latn is the kk text in Latin letters: a transliteration of kk, which is itself
            # the original or a translation of it.
            "translation_of": None if article.lang in (lang, base) else article.lang,
            "transliteration_of": base,
            "reviewed": not page["draft"],
        }
        front = {k: v for k, v in front.items() if v not in ("", [], None)}
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n"
        rendered.files[f"{rel}/article.md"] = (text + translated.body.lstrip("\n")).encode("utf-8")
    return rendered


def iso_date(article: Article) -> str:
    return article.date.date().isoformat() if article.date_only else article.date.isoformat()


def _index_date(ws: Workspace, iso: str, lang: str) -> str:
    if len(iso) == 10:  # a day with no time: that day, as noon UTC is everywhere near
        day = dt.date.fromisoformat(iso)
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        return derived.short_date(ws, noon, lang, "UTC")
    return derived.short_date(ws, dt.datetime.fromisoformat(iso), lang, ws.time_zone)


def render_indexes(
    ws: Workspace,
    settings: PublishSettings,
    env: Environment,
    variant_pages: dict[str, Any],
    ui_catalogs: dict[str, Catalog | None],
) -> dict[str, tuple[bytes, str]]:
    """The per-language front pages, the root page and sitemap.xml: path -> (bytes, lang).

    A front page listing a machine draft is itself a draft (the notice, robots noindex), and
    it may then show draft UI strings too, as the drafts' own pages do.
    """
    by_lang: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, record in variant_pages.items():
        lang, slug = key.split("/", 1)
        by_lang.setdefault(lang, []).append((slug, record))
    langs = [lg for lg in ws.languages if lg in by_lang]
    result: dict[str, tuple[bytes, str]] = {}
    site = _site(settings)
    # A front page that lists a draft is a draft: not advertised as an alternate.
    reviewed = [lg for lg in langs if not any(record.get("draft") for _, record in by_lang[lg])]
    index_alternates = [Alternate(lg, page_url(settings, lg)) for lg in reviewed]
    if reviewed:
        index_alternates.append(Alternate("x-default", settings.base_url))
    for lang in langs:
        items = sorted(by_lang[lang], key=lambda item: (item[1]["date"], item[0]), reverse=True)
        view = [
            {
                "href": f"{slug}/",
                "title": record["title"],
                "iso_date": record["date"],
                "date": _index_date(ws, record["date"], lang),
            }
            for slug, record in items
        ]
        draft = any(record.get("draft", False) for _, record in items)
        page = {
            "lang": lang,
            "title": settings.site_name,
            "url": page_url(settings, lang),
            "url_quoted": quote(page_url(settings, lang), safe=""),
            "draft": draft,
            "og_locale": OG_LOCALES[lang],
            "og_alternates": [OG_LOCALES[lg] for lg in reviewed if lg != lang],
            "alternates": index_alternates,
            "home_href": "./",
            "switcher": [
                SwitcherItem(lg, derived.native_name(ws, lg), f"../{lg}/", lg == lang)
                for lg in langs
            ],
        }
        strings = ui_strings(ui_catalogs.get(lang), allow_drafts=draft)
        html = render(env, "index.html", strings, {"page": page, "site": site, "items": view})
        result[f"{lang}/index.html"] = (html.encode("utf-8"), lang)
    root_lang = UI_SOURCE_LANGUAGE if UI_SOURCE_LANGUAGE in ws.languages else ws.languages[0]
    root_page = {
        "lang": root_lang,
        "alternates": index_alternates,
        "switcher": [SwitcherItem(lg, derived.native_name(ws, lg), f"{lg}/") for lg in langs],
    }
    root = render(
        env,
        "root.html",
        ui_strings(ui_catalogs.get(root_lang)),
        {"page": root_page, "site": site},
    )
    result["index.html"] = (root.encode("utf-8"), root_lang)
    result["sitemap.xml"] = (sitemap(settings, variant_pages, ws.languages), root_lang)
    return result


def sitemap(
    settings: PublishSettings, variant_pages: dict[str, Any], languages: list[str]
) -> bytes:
    """A sitemap with every article page and, for each, its alternates in other languages.

    Machine drafts are left out: they carry robots noindex, and a sitemap that lists pages
    it also asks search engines not to index contradicts itself.
    """
    # Imported here: xml.sax.saxutils brings urllib.request, whose import costs more than
    # rendering a page, and only the sitemap needs it.
    from xml.sax.saxutils import escape as xml_escape
    from xml.sax.saxutils import quoteattr

    by_slug: dict[str, list[str]] = {}
    for key, record in variant_pages.items():
        if record.get("draft", False):
            continue
        lang, slug = key.split("/", 1)
        by_slug.setdefault(slug, []).append(lang)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for slug in sorted(by_slug):
        langs = [lg for lg in languages if lg in by_slug[slug]]
        for lang in langs:
            lines.append(f"<url><loc>{xml_escape(page_url(settings, lang, slug))}</loc>")
            for alt in langs:
                href = quoteattr(page_url(settings, alt, slug))
                lines.append(f'<xhtml:link rel="alternate" hreflang="{alt}" href={href}/>')
            lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
