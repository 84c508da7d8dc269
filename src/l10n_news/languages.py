"""The languages l10n-news knows, with their gettext plural rules.

`LANGUAGES` are translated and reviewed through catalogs. `DERIVED` variants are not: each of
their texts is made from the reviewed text of the language they derive from (kk-Latn is the
Latin-script transliteration of kk), so they have no catalogs and pass the gate with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from l10n_news.errors import ConfigError


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    nplurals: int
    plural: str  # C expression, as in the Plural-Forms header
    script: str  # "Cyrl" or "Latn": the script body text is written in
    derived_from: str | None = None  # a derived variant: made from this language's text

    @property
    def plural_forms(self) -> str:
        return f"nplurals={self.nplurals}; plural={self.plural};"


# GNU msginit writes no Plural-Forms for kk; CLDR gives Kazakh "one" and "other".
LANGUAGES: dict[str, Language] = {
    "ru": Language(
        "ru",
        "Russian",
        3,
        "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
        "Cyrl",
    ),
    "en": Language("en", "English", 2, "(n != 1)", "Latn"),
    "kk": Language("kk", "Kazakh", 2, "(n != 1)", "Cyrl"),
}


# Written by transliterating the reviewed kk text (l10n_news.translit); `[language.kk-Latn]
# alphabet` chooses the 2021 or the 2018 Latin alphabet (l10n_news.derived reads it).
DERIVED: dict[str, Language] = {
    "kk-Latn": Language("kk-Latn", "Kazakh (Latin)", 2, "(n != 1)", "Latn", derived_from="kk"),
}


@dataclass(frozen=True)
class MonthNames:
    """How one month is written, per language: the stems its forms begin with.

    Russian and Kazakh forms add case endings and suffixes to the stem («февраля», «ақпанда»,
    «jeltoqsanda»); Latin Kazakh is given folded to plain letters, where the 2018 (Qyrkúıek)
    and 2021 (Qyrküiek) spellings meet; English gives the name and its abbreviations.
    """

    ru: tuple[str, ...]
    kk: tuple[str, ...]
    kk_latn: tuple[str, ...]
    en: tuple[str, ...]

    @property
    def whole_words(self) -> frozenset[str]:
        """Forms that begin other words too (dec-ade, «май-ор»): a month only as a word."""
        short_english = {name for name in self.en if len(name) <= 3}
        return frozenset(short_english | (set(self.ru) if len(self.ru) > 1 else set()))


# One table for the dates check (checks/dates.py) and the page importer (importers/dates.py).
MONTHS: tuple[MonthNames, ...] = (
    MonthNames(("январ",), ("қаңтар",), ("qantar",), ("january", "jan")),
    MonthNames(("феврал",), ("ақпан",), ("aqpan",), ("february", "feb")),
    MonthNames(("март",), ("наурыз",), ("nauryz",), ("march", "mar")),
    MonthNames(("апрел",), ("сәуір",), ("sauir",), ("april", "apr")),
    MonthNames(("май", "мая", "мае", "маю"), ("мамыр",), ("mamyr",), ("may",)),
    MonthNames(("июн",), ("маусым",), ("mausym",), ("june", "jun")),
    MonthNames(("июл",), ("шілде",), ("shilde",), ("july", "jul")),
    MonthNames(("август",), ("тамыз",), ("tamyz",), ("august", "aug")),
    MonthNames(("сентябр",), ("қыркүйек",), ("qyrkuiek",), ("september", "sept", "sep")),
    MonthNames(("октябр",), ("қазан",), ("qazan",), ("october", "oct")),
    MonthNames(("ноябр",), ("қараша",), ("qarasha",), ("november", "nov")),
    MonthNames(("декабр",), ("желтоқсан",), ("jeltoqsan",), ("december", "dec")),
)


def get_language(code: str) -> Language:
    """The language for `code`; a clear error for anything l10n-news does not support."""
    found = LANGUAGES.get(code) or DERIVED.get(code)
    if found is None:
        known = ", ".join([*LANGUAGES, *DERIVED])
        raise ConfigError(f"unknown language code {code!r} (known: {known})")
    return found


def derived_from(code: str) -> str | None:
    """The language a derived variant is made from; None for a translated language."""
    found = DERIVED.get(code)
    return found.derived_from if found is not None else None


def translated_languages(codes: list[str]) -> list[str]:
    """The languages of `codes` that have catalogs: every one but the derived variants."""
    return [code for code in codes if code not in DERIVED]


def check_derived(codes: list[str], source_language: str) -> None:
    """A derived variant needs the language it is made from, and is never a source."""
    if source_language in DERIVED:
        raise ConfigError(
            f"source_language {source_language!r} is derived from "
            f"{DERIVED[source_language].derived_from!r}: use that"
        )
    for code in codes:
        base = derived_from(code)
        if base is not None and base not in codes:
            raise ConfigError(f"{code!r} is made from {base!r}: add {base!r} to languages")


def catalog_languages(codes: list[str]) -> list[str]:
    """`codes` with each derived variant replaced by the language whose catalogs it uses."""
    return list(dict.fromkeys(derived_from(code) or code for code in codes))


def variants_of(base: str, configured: list[str]) -> list[str]:
    """The configured derived variants made from `base` (kk -> ["kk-Latn"])."""
    return [code for code in configured if derived_from(code) == base]


def refuse_derived(code: str) -> str:
    """`code`, unless it is a derived variant, which has no catalogs to translate or review."""
    base = derived_from(code)
    if base is not None:
        raise ConfigError(
            f"{code!r} is made from {base!r} by transliteration at publish time: "
            f"translate and review {base!r} instead"
        )
    return code
