"""The languages l10n-news knows, with their gettext plural rules."""

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


def get_language(code: str) -> Language:
    """The language for `code`; a clear error for anything l10n-news does not support."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(LANGUAGES)
        raise ConfigError(f"unknown language code {code!r} (known: {known})") from None
