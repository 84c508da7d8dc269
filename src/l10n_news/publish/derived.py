"""Publishing derived variants (kk-Latn): their catalogs, dates and names, made from kk's.

Publishing treats kk-Latn like any language, with these differences, each called from one
marked hook (`# derived variants:`) in site.py, variant.py or pages.py:
- its article and ui catalogs are kk's, transliterated unit by unit with their review states
  (`article_catalog`, `ui_catalog`), so it passes the gate exactly when kk does;
- its records depend on kk's catalogs and on the alphabet (`catalog_language`, `digest`);
- its dates are kk's CLDR dates, transliterated ("2013 j. 19 aqpan, 19:05");
- its name in the language switcher is the transliterated "Қазақша".
The leak check needs nothing more: kk-Latn is written in Latin script, so Cyrillic is foreign.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from l10n_news.catalogs.catalog import Catalog
from l10n_news.derived import DerivedVariant, derived_variants
from l10n_news.languages import derived_from
from l10n_news.publish.dates import format_article_date, format_short_date
from l10n_news.publish.render import NATIVE_NAMES
from l10n_news.workspace import Workspace

if TYPE_CHECKING:
    from l10n_news.publish.variant import SlugInputs

# One lookup of the settings and glossary per workspace object (publish asks per page).
_cache: dict[int, tuple[Workspace, dict[str, DerivedVariant]]] = {}


def variants(ws: Workspace) -> dict[str, DerivedVariant]:
    cached = _cache.get(id(ws))
    if cached is None or cached[0] is not ws:
        if len(_cache) > 8:
            _cache.clear()  # a long-lived process publishing many workspaces keeps none alive
        cached = _cache[id(ws)] = (ws, derived_variants(ws))
    return cached[1]


def variant(ws: Workspace, lang: str) -> DerivedVariant | None:
    return variants(ws).get(lang) if derived_from(lang) is not None else None


def catalog_language(lang: str) -> str:
    """The language whose catalogs a variant's page is made from (itself, or kk for kk-Latn)."""
    return derived_from(lang) or lang


def digest(ws: Workspace, lang: str) -> str:
    """What else a page's record depends on: the alphabet, its table, kept spellings."""
    found = variant(ws, lang)
    return found.digest if found is not None else ""


def ui_catalog(ws: Workspace, lang: str, base: Catalog) -> Catalog:
    """The `ui` catalog of `lang`: `base` itself, or kk's transliterated for kk-Latn."""
    found = variant(ws, lang)
    return found.catalog(base) if found is not None else base


def article_catalog(inputs: SlugInputs, lang: str) -> Catalog | None:
    """kk-Latn's catalog of one article: kk's transliterated, or the kk original's own units."""
    found = variant(inputs.ws, lang)
    assert found is not None
    article = inputs.article
    if article.lang == found.base:
        units = sorted(inputs.wanted, key=lambda key: (key[0] or "", key[1]))
        return found.source_catalog(units, {"Language": found.base})
    base = inputs.catalog(found.base)
    return found.catalog(base) if base is not None else None


def article_date(ws: Workspace, moment: dt.datetime, lang: str, time_zone: str) -> str:
    found = variant(ws, lang)
    if found is None:
        return format_article_date(moment, lang, time_zone)
    return found.text(format_article_date(moment, found.base, time_zone))


def short_date(ws: Workspace, moment: dt.datetime, lang: str, time_zone: str) -> str:
    found = variant(ws, lang)
    if found is None:
        return format_short_date(moment, lang, time_zone)
    return found.text(format_short_date(moment, found.base, time_zone))


def native_name(ws: Workspace, lang: str) -> str:
    """The language's own name for the switcher: «Qazaqşa» (2021), «Qazaqsha» (2018)."""
    found = variant(ws, lang)
    if found is None:
        return NATIVE_NAMES[lang]
    return found.text(NATIVE_NAMES[found.base])
