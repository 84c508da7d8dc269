"""Every check, listed explicitly: its id, its severity, its function (no discovery by magic).

The order is the order of findings for an entry. Ids are stable: translators write them in
`# l10n-news: ignore <id>` comments and scripts read them from `check --json`.
"""

from __future__ import annotations

from l10n_news.checks import (
    agreement,
    dashes,
    dates,
    formats,
    glossary,
    homoglyphs,
    length,
    markup,
    numbers,
    placeholders,
    plurals,
    quotes,
    script,
    spacing,
    spelling,
    untranslated,
)
from l10n_news.checks.base import Check, Severity

E, W = Severity.ERROR, Severity.WARNING

CHECKS: tuple[Check, ...] = (
    Check(
        "placeholders",
        E,
        placeholders.check_placeholders,
        "format placeholders (%s, %(name)d, %1$s, {name}) as in the source",
    ),
    Check(
        "template-format",
        E,
        formats.check_template_format,
        "ui strings: a valid %-format with the msgid's names and no width of their own",
    ),
    Check(
        "numbers",
        E,
        numbers.check_numbers,
        "every number of the source, in the target language's own notation",
    ),
    Check(
        "dates",
        E,
        dates.check_dates,
        "every date of the source (day, month, year) in the translation, in any language's words",
    ),
    Check("urls", E, numbers.check_urls, "web addresses of the source unchanged"),
    Check("emails", E, numbers.check_emails, "e-mail addresses of the source unchanged"),
    Check("phones", E, numbers.check_phones, "phone numbers of the source unchanged"),
    Check(
        "markup",
        E,
        markup.check_markup,
        "HTML tags, Markdown links and emphasis balanced and as in the source",
    ),
    Check(
        "unsafe-markup",
        E,
        markup.check_unsafe_markup,
        "no active content, markup, structure or bidi controls the source lacks",
    ),
    Check(
        "ends-whitespace",
        W,
        spacing.check_ends_whitespace,
        "leading and trailing whitespace as in the source",
    ),
    Check(
        "ends-punctuation",
        W,
        spacing.check_ends_punctuation,
        "the same final punctuation as the source",
    ),
    Check("doubled-words", W, spacing.check_doubled_words, "no word written twice in a row"),
    Check("doubled-spaces", W, spacing.check_doubled_spaces, "no two spaces in a row"),
    Check("dashes", W, dashes.check_dashes, "the source's dashes not made hyphens"),
    Check("quotes", W, quotes.check_quotes, "«» in Russian and Kazakh, “” in English"),
    Check(
        "untranslated",
        E,
        untranslated.check_untranslated,
        "not the source (or another language's translation) again",
    ),
    Check(
        "script",
        W,
        script.check_script,
        "no Latin words in ru/kk, no Cyrillic words in en, except names",
    ),
    Check(
        "homoglyphs",
        E,
        homoglyphs.check_homoglyphs,
        "no word mixing look-alike letters of two scripts (Latin a/o/c or ə in Cyrillic words)",
    ),
    Check(
        "glossary", E, glossary.check_glossary, "glossary renderings used, known wrong ones absent"
    ),
    Check(
        "kazakh-letters",
        E,
        spelling.check_kazakh_letters,
        "no Kazakh word typed with Russian letters for ә ғ қ ң ө ұ ү һ і (the spelling given)",
    ),
    Check(
        "wrong-language",
        E,
        spelling.check_wrong_language,
        "no word of another of our languages («также» in Kazakh text), names apart",
    ),
    Check(
        "spelling",
        W,
        spelling.check_spelling,
        "every word in the target language's Hunspell dictionary, names apart",
    ),
    Check(
        "agreement",
        E,
        agreement.check_agreement,
        "the noun after a number in the form it asks for («48 фильмов», «5 пікір»)",
    ),
    Check("length", W, length.check_length, "length within the usual range for the pair"),
    Check(
        "plural-forms",
        E,
        plurals.check_plural_forms,
        "as many plural forms as Plural-Forms asks for, all filled",
        per_entry=True,
    ),
)

# Checks of a catalog as a whole: `func` gets the header's Plural-Forms value as `target`.
HEADER_CHECKS: tuple[Check, ...] = (
    Check(
        "plural-header",
        E,
        plurals.check_plural_header,
        "Plural-Forms as CLDR has it for the catalog's language (ru 3 forms, kk and en 2)",
    ),
)

BY_ID = {check.id: check for check in (*CHECKS, *HEADER_CHECKS)}

# What the publishing gate runs: a warning never holds a page back.
ERROR_CHECKS = frozenset(c.id for c in (*CHECKS, *HEADER_CHECKS) if c.severity == Severity.ERROR)
