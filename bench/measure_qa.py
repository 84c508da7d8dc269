"""Measure `check` on mistakes planted in real Kazakh and Russian text, and in the sample.

Units:
- real text: every sentence of ../shared/corpus/news/{ru,kk}-*.txt (Cyrillic; page chrome and
  lines without a full stop left out) is taken as a reviewed translation. Its source is a
  stand-in with what a real source shares with it: its numbers and its capitalised words
  (names) — so that names stay exempt and numbers are compared, as with a real source;
- the sample: every reviewed ru and kk entry of the sample workspace's catalogs, with its
  real source (msgid) and the workspace glossary.

Each planting rule below changes a unit the way a translator slips, where the rule applies.
A planted mistake counts as found when its check reports the planted unit and did not report
the unmodified one. False alarms are the findings on the unmodified units, per check.

    .venv/bin/python bench/measure_qa.py [SHARED_DIR]      (prints a table; --json for data)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from l10n_news.catalogs.catalog import Message
from l10n_news.checks import dictionaries
from l10n_news.checks.run import check_message, load_glossary
from l10n_news.checks.scripts import mixed_word
from l10n_news.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
VERBOSE = "--verbose" in sys.argv
DEFAULT_SHARED = ROOT.parent / "shared"

_RUSSIAN_FOR_KAZAKH = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_LATIN_TWIN = {"а": "a", "о": "o", "е": "e", "с": "c", "р": "p"}
_MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
}
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Unit:
    source: str
    target: str
    source_lang: str
    lang: str


Plant = Callable[[Unit], str | None]  # the changed target, or None where the rule cannot apply


def _replace_word(
    text: str, pick: Callable[[str], bool], change: Callable[[str], str]
) -> str | None:
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        if pick(word):
            changed = change(word)
            if changed != word:
                return text[: m.start()] + changed + text[m.end() :]
    return None


def plant_latin_letter(unit: Unit) -> str | None:
    def change(word: str) -> str:
        at = next(i for i, ch in enumerate(word) if ch in _LATIN_TWIN)
        return word[:at] + _LATIN_TWIN[word[at]] + word[at + 1 :]

    return _replace_word(
        unit.target, lambda w: len(w) >= 5 and any(ch in _LATIN_TWIN for ch in w), change
    )


def plant_ipa_letter(unit: Unit) -> str | None:
    """ə (U+0259) for ә, ɵ (U+0275) for ө in Kazakh; Greek ο for о in Russian."""
    swaps = {"ә": "ə", "ө": "ɵ"} if unit.lang == "kk" else {"о": "ο"}
    for plain, lookalike in swaps.items():
        if plain in unit.target:
            return unit.target.replace(plain, lookalike, 1)
    return None


def plant_typo(unit: Unit) -> str | None:
    """Two middle letters of a long lowercase dictionary word swapped."""

    def change(word: str) -> str:
        mid = len(word) // 2
        typo = word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]
        return word if dictionaries.known(unit.lang, typo) else typo

    def pick(word: str) -> bool:
        return len(word) >= 7 and word.islower() and dictionaries.known(unit.lang, word)

    return _replace_word(unit.target, pick, change)


def plant_wrong_language(unit: Unit) -> str | None:
    """«также» into Kazakh text, «және» into Russian text, after the first word."""
    word = "также" if unit.lang == "kk" else "және"
    first = _WORD_RE.search(unit.target)
    if first is None:
        return None
    return unit.target[: first.end()] + " " + word + unit.target[first.end() :]


def plant_russian_keyboard(unit: Unit) -> str | None:
    """A Kazakh word typed without Kazakh letters (kk only)."""
    if unit.lang != "kk":
        return None
    def pick(word: str) -> bool:
        kazakh = bool(set(word) & set("әғқңөұүһі"))
        return len(word) >= 4 and word.islower() and kazakh and mixed_word(word) is None

    return _replace_word(unit.target, pick, lambda w: w.translate(_RUSSIAN_FOR_KAZAKH))


def plant_month(unit: Unit) -> str | None:
    """The month of a date changed to the next one."""
    months = _MONTHS[unit.lang].split(" ")
    for n, month in enumerate(months):
        stem = month[:-1] if unit.lang == "ru" else month
        m = re.search(rf"(?<=\d )({stem}\w*)", unit.target, re.IGNORECASE)
        if m:
            following = months[(n + 1) % 12]
            following = following[:-1] if unit.lang == "ru" else following
            changed = following + m.group(1)[len(stem) :]
            return unit.target[: m.start()] + changed + unit.target[m.end() :]
    return None


def plant_number(unit: Unit) -> str | None:
    """One digit of a number changed."""
    m = re.search(r"\d", unit.target)
    if m is None:
        return None
    digit = str((int(m.group(0)) + 1) % 10)
    return unit.target[: m.start()] + digit + unit.target[m.end() :]


def plant_hyphen_for_dash(unit: Unit) -> str | None:
    m = re.search(r" [—–] ", unit.target)
    return None if m is None else unit.target[: m.start()] + " - " + unit.target[m.end() :]


def plant_agreement(unit: Unit) -> str | None:
    """ru: «48 фильма» for «48 фильмов»; kk: «5 пікірлер» for «5 пікір»."""
    if unit.lang == "ru":
        return unit.target + " Показали 48 фильма."
    return unit.target + " 5 пікірлер жазылды."


PLANTS: dict[str, tuple[Plant, str]] = {
    "latin letter in a word": (plant_latin_letter, "homoglyphs"),
    "IPA/Greek letter in a word": (plant_ipa_letter, "homoglyphs"),
    "letters swapped": (plant_typo, "spelling"),
    "word of the other language": (plant_wrong_language, "wrong-language"),
    "typed without Kazakh letters": (plant_russian_keyboard, "kazakh-letters"),
    "month changed": (plant_month, "dates"),
    "digit changed": (plant_number, "numbers"),
    "dash made a hyphen": (plant_hyphen_for_dash, "dashes"),
    "noun after a number": (plant_agreement, "agreement"),
}


def _stand_in_source(sentence: str) -> str:
    """What a real source shares with a translation: its numbers with the word after them
    (dates and amounts), its dashes, its names and its quoted titles («Қара қыз»)."""
    keep = re.findall(
        r"\d[\d\s.,:]*\d(?: [^\W\d_]+)?|\d(?: [^\W\d_]+)?| [—–] "
        r"|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+|\"[^\"«»]{1,40}\"|«[^«»]{1,40}»",
        sentence,
    )
    return " ".join(k.strip() for k in keep)


def real_units(shared: Path) -> Iterator[Unit]:
    from l10n_news.sources.sentences import split_sentences

    for path in sorted((shared / "corpus" / "news").glob("*.txt")):
        lang = path.name[:2]
        if lang not in ("ru", "kk") or path.name.startswith("kk-latn"):
            continue
        for line in path.read_text("utf-8").split("\n"):
            if "." not in line or "[caption" in line:
                continue  # headings, bylines, counters: page chrome, not reviewed prose
            for sentence in split_sentences(line, lang):
                if len(sentence.split()) >= 4:
                    yield Unit(_stand_in_source(sentence), sentence, lang, lang)


def sample_units(root: Path) -> Iterator[tuple[Unit, Message]]:
    ws = Workspace.load(root)
    for lang, domain, path in ws.catalog_paths():
        source_lang = ws.domain_source_language(domain)
        if lang not in ("ru", "kk") or lang == source_lang:
            continue
        for message in ws.read_catalog(path):
            if message.state == "reviewed" and not message.pluralizable and message.msgid:
                yield Unit(message.msgid, message.msgstr, source_lang, lang), message


# The checks that judge the translation's own language, numbers and dates. The others compare
# the form of the translation with its source (final punctuation, quotes, length), which the
# stand-in source of real text does not have.
MEASURED = (
    "homoglyphs", "spelling", "wrong-language", "kazakh-letters", "agreement", "numbers",
    "dates", "dashes", "script",
)  # fmt: skip


def _found(unit: Unit, target: str, glossary, message: Message | None) -> set[tuple[str, str]]:
    msg = Message(unit.source, target, msgctxt=message.msgctxt if message else None)
    findings = check_message(
        msg, source_lang=unit.source_lang, target_lang=unit.lang, glossary=glossary, only=MEASURED
    )
    return {(f.check, f.message) for f in findings}


def measure(units: list[tuple[Unit, Message | None]], glossary) -> dict:
    planted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    for unit, message in units:
        before = _found(unit, unit.target, glossary, message)
        false_alarms.update(check for check, _ in before)
        if VERBOSE and before:
            print(f"alarm {sorted(before)} in {unit.target!r}", file=sys.stderr)
        for name, (plant, check_id) in PLANTS.items():
            target = plant(unit)
            if target is None:
                continue
            planted[name] += 1
            if any(c == check_id for c, _ in _found(unit, target, glossary, message) - before):
                found[name] += 1
            elif VERBOSE:
                print(f"missed {name}: {target!r}", file=sys.stderr)
    return {
        "units": len(units),
        "planted": dict(planted),
        "found": dict(found),
        "false_alarms": dict(false_alarms),
    }


def run(shared: Path) -> dict[str, dict]:
    results = {}
    for lang in ("ru", "kk"):
        units = [(u, None) for u in real_units(shared) if u.lang == lang]
        results[f"real {lang}"] = measure(units, None)
    ws = Workspace.load(ROOT)
    glossary = load_glossary(ws)
    for lang in ("ru", "kk"):
        units = [(u, m) for u, m in sample_units(ROOT) if u.lang == lang]
        results[f"sample {lang}"] = measure(units, glossary)  # type: ignore[arg-type]
    return results


def table(results: dict[str, dict]) -> str:
    sets = list(results)
    lines = ["| planted mistake (check) | " + " | ".join(sets) + " |"]
    lines.append("|---" * (len(sets) + 1) + "|")
    for name, (_, check_id) in PLANTS.items():
        cells = []
        for key in sets:
            n = results[key]["planted"].get(name, 0)
            cells.append(f"{results[key]['found'].get(name, 0)}/{n}" if n else "–")
        lines.append(f"| {name} ({check_id}) | " + " | ".join(cells) + " |")
    lines.append("| units | " + " | ".join(str(results[k]["units"]) for k in sets) + " |")
    checks = sorted({c for k in sets for c in results[k]["false_alarms"]})
    for check_id in checks:
        cells = [str(results[k]["false_alarms"].get(check_id, 0)) for k in sets]
        lines.append(f"| false alarms: {check_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    shared = Path(args[0]) if args else DEFAULT_SHARED
    results = run(shared)
    print(json.dumps(results, indent=2, ensure_ascii=False) if "--json" in argv else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
