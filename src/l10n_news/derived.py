"""Derived variants: languages made from another's reviewed text, never translated themselves.

kk-Latn is the only one: every unit of it is the Latin-script transliteration of the kk unit,
with the kk unit's review state, so the gate, the checks and the statistics of kk hold for it.
It has no catalogs of its own; its catalogs are made in memory from kk's when needed.

Its settings are a table of l10n-news.toml (`[languages.kk-Latn]` cannot sit beside the
`languages = [...]` list in TOML, so the table is named `language`):

    [language.kk-Latn]
    alphabet = "2021"      # or "2018" (the acute-accent alphabet)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from l10n_news.catalogs.catalog import Catalog, Message
from l10n_news.errors import ConfigError
from l10n_news.languages import DERIVED, derived_from
from l10n_news.translit import ALPHABETS, DEFAULT_ALPHABET, cyrillic_to_latin
from l10n_news.workspace import Workspace

SECTION = "language"
_KEYS = {"alphabet"}


@dataclass(frozen=True)
class DerivedVariant:
    """How one derived variant is made from its base language's text."""

    lang: str
    base: str
    alphabet: str = DEFAULT_ALPHABET
    keep: tuple[str, ...] = ()  # spellings that stay as written (glossary names, brands)

    def text(self, text: str) -> str:
        return cyrillic_to_latin(text, self.alphabet, keep=self.keep)

    @property
    def digest(self) -> str:
        """Changes when anything that shapes the variant's text does (for publish's records)."""
        table = files("l10n_news.translit").joinpath("kazakh_latin.toml").read_bytes()
        parts = [self.lang, self.base, self.alphabet, *sorted(self.keep)]
        return hashlib.sha256("\0".join(parts).encode() + b"\0" + table).hexdigest()[:16]

    def catalog(self, base: Catalog) -> Catalog:
        """The variant's catalog: each entry of `base` with its msgstr transliterated.

        Review states, flags and comments are kept, so an entry is reviewed (or a draft, or
        untranslated) exactly when the base entry is. Obsolete entries are left out.
        """
        derived = Catalog({**base.header, "Language": self.lang})
        for message in base:
            copy = message.copy()
            copy.msgstr = self.text(message.msgstr) if message.msgstr else ""
            copy.msgstr_plural = [self.text(s) if s else "" for s in message.msgstr_plural]
            derived.add(copy)
        return derived

    def source_catalog(
        self, units: Iterable[tuple[str | None, str]], header: dict[str, str]
    ) -> Catalog:
        """The catalog of an article written in the base language: its own units, transliterated.

        The author's text is the reviewed text, so every entry is reviewed.
        """
        derived = Catalog({**header, "Language": self.lang})
        for context, text in units:
            if derived.get(text, context) is None:
                derived.add(Message(msgid=text, msgstr=self.text(text), msgctxt=context))
        return derived


def settings_table(ws: Workspace) -> dict[str, dict[str, object]]:
    """`[language.<code>]` tables, checked: only derived variants, only known keys."""
    section = ws.section(SECTION)
    for code, table in section.items():
        if code not in DERIVED:
            raise ConfigError(
                f"[{SECTION}.{code}]: only derived variants have settings ({', '.join(DERIVED)})",
                path=ws.config_path,
            )
        if not isinstance(table, dict):
            raise ConfigError(f"[{SECTION}.{code}] must be a table", path=ws.config_path)
        unknown = sorted(set(table) - _KEYS)
        if unknown:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(
                f"[{SECTION}.{code}]: unknown key {unknown[0]!r} (known: {known})",
                path=ws.config_path,
            )
        alphabet = str(table.get("alphabet", DEFAULT_ALPHABET))
        if alphabet not in ALPHABETS:
            raise ConfigError(
                f"[{SECTION}.{code}] alphabet must be one of {', '.join(ALPHABETS)}, "
                f"not {table['alphabet']!r}",
                path=ws.config_path,
            )
    return section


def derived_variants(ws: Workspace) -> dict[str, DerivedVariant]:
    """The workspace's derived variants by language code (empty when it has none)."""
    table = settings_table(ws)
    codes = [lang for lang in ws.languages if derived_from(lang) is not None]
    if not codes:
        return {}
    keep = _kept_spellings(ws)
    result = {}
    for code in codes:
        base = derived_from(code)
        assert base is not None
        alphabet = str(table.get(code, {}).get("alphabet", DEFAULT_ALPHABET))
        result[code] = DerivedVariant(code, base, alphabet, keep)
    return result


def _kept_spellings(ws: Workspace) -> tuple[str, ...]:
    """Glossary forms that keep their own spelling: do-not-translate names and Latin kk forms."""
    from l10n_news.glossary import Glossary

    glossary = Glossary.load(ws)
    kept: set[str] = set()
    for term in glossary.terms:
        if term.do_not_translate:
            kept.update(term.accepted("kk"))
        kept.update(form for form in term.forms.get("kk", ()) if _has_latin(form))
    return tuple(sorted(kept))


def _has_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)
