"""Which of ru, en, kk a text is written in: its script first, then its common words.

Russian and Kazakh share the Cyrillic script; Kazakh has nine letters of its own (ә ғ қ ң ө ұ ү һ і)
and a handful of very frequent words, which settle the question for any real paragraph.
"""

from __future__ import annotations

import re

_KAZAKH_LETTERS = set("әғқңөұүһі")
_KAZAKH_WORDS = {"және", "бұл", "деп", "мен", "үшін", "болып", "бойынша", "екен", "еді", "осы"}
_RUSSIAN_WORDS = {"и", "в", "не", "на", "что", "это", "по", "как", "для", "был", "его", "он"}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """'ru', 'en' or 'kk'; None when the text has too few letters to tell."""
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if len(letters) < 3:
        return None
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in letters if ch.isascii())
    if latin >= cyrillic:
        return "kk" if detect_kazakh_latin_alphabet(text) else "en"
    words = _WORD.findall(text.lower())
    kazakh_score = sum(1 for ch in letters if ch in _KAZAKH_LETTERS) / max(cyrillic, 1) * 20
    kazakh_score += sum(1 for w in words if w in _KAZAKH_WORDS)
    russian_score = sum(1 for w in words if w in _RUSSIAN_WORDS)
    # Russian text has none of the Kazakh letters except the rare borrowed і in names.
    return "kk" if kazakh_score > russian_score * 0.5 and kazakh_score >= 1 else "ru"


# Letters of the two Latin alphabets of Kazakh that English never uses. The 2018 version
# marks sounds with an acute accent (á ǵ ń ó ú ý); the 2021 version with umlauts, breves and
# cedillas (ä ğ ñ ö ū ü ş), which some sites write with look-alikes (ǧ for ğ, ŋ for ñ).
ALPHABET_2018 = frozenset("áǵńóúý")
ALPHABET_2021 = frozenset("äğǧñŋöūüş")
ALPHABET_NAMES = {
    "2018": "the 2018 acute-accent Latin alphabet (á ǵ ń ó ú ý)",
    "2021": "the 2021 Latin alphabet (ä ğ ñ ö ū ü ş)",
}
# Frequent Kazakh words as both alphabets (and a plain-ASCII romanisation) write them; not
# "men" or "jane", which are English too.
_KAZAKH_LATIN_WORDS = frozenset(
    {
        "jáne", "jäne", "úshin", "üşın", "ushin", "bul", "būl", "dep", "dedi",
        "bolyp", "boldy", "osy", "sondai", "sondaı", "boıynsha", "boiynşa", "boiynsha",
        "qazaq", "qazaqstan", "jyly", "jylǵy", "jylğy", "turaly", "týraly", "degen", "eken",
        "edi", "biraq", "bıraq", "barlyq", "barlyǵy",
    }
)  # fmt: skip
# English's own frequent words: a text made of them is English, whatever names it quotes.
_ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "to", "in", "is", "on", "with", "for", "was", "were", "that",
        "by", "at", "from", "which", "are", "this", "has", "have",
    }
)  # fmt: skip
ENGLISH_WORD_SHARE = 0.08
KAZAKH_LETTER_SHARE = 0.01  # of the letters: a few names with ö or ü do not make a page Kazakh
KAZAKH_WORD_SHARE = 0.03  # of the words


def detect_kazakh_latin_alphabet(text: str) -> str | None:
    """'2018' or '2021' when `text` is Kazakh written in Latin letters; None otherwise.

    English text with a German or Turkish name keeps these letters far below 1 %, and lacks
    Kazakh's frequent words; a Kazakh paragraph has both.
    """
    lowered = text.lower()
    letters = [ch for ch in lowered if ch.isalpha()]
    latin = sum(1 for ch in letters if "a" <= ch <= "z" or "\u00c0" <= ch <= "\u024f")
    if latin < 20 or latin < 0.5 * len(letters):
        return None
    acute = sum(1 for ch in letters if ch in ALPHABET_2018)
    marked = sum(1 for ch in letters if ch in ALPHABET_2021)
    words = _WORD.findall(lowered)
    kazakh_words = sum(1 for w in words if w in _KAZAKH_LATIN_WORDS)
    letter_share = (acute + marked) / latin
    word_share = kazakh_words / max(len(words), 1)
    if sum(1 for w in words if w in _ENGLISH_WORDS) >= ENGLISH_WORD_SHARE * len(words):
        return None
    # Either signal alone can come from a few names; a page needs both, or a lot of one.
    letters_say = letter_share >= KAZAKH_LETTER_SHARE
    words_say = word_share >= KAZAKH_WORD_SHARE and kazakh_words >= 3
    plenty = letter_share >= 3 * KAZAKH_LETTER_SHARE and latin >= 200
    if not ((letters_say and kazakh_words >= 2) or words_say or plenty):
        return None
    return "2018" if acute > marked else "2021"
