"""The fault matrix: hostile inputs, killed runs and concurrent commands on one workspace.

Three parts, each bounded in count and time:

1. **Mutated inputs**, by class (configuration, front matter, catalogs, glossary, TMX, command
   line): each case damages one file of a copy of the sample workspace and runs the command
   that reads it as a real process. Outcomes: *refused cleanly* (exit 2, every stderr line
   `l10n-news: ...`, the damaged file left as it was), *accepted* (exit 0 or 1) or
   *traceback*. Each case also says which outcome it expects; a case that gets another is
   listed under the table.
2. **Kills**: `update`, `translate --engine pseudo`, `publish` and `tm import` on a synthetic
   archive, each SIGKILLed after a random delay, then checked: every catalog parses, every
   translation that existed is still in its catalog (active, fuzzy or obsolete), every TMX
   and page is whole, and the next command does not find the workspace locked.
3. **Concurrent commands**: pairs of commands started together on one workspace; each must
   finish (0, 1, or 3 for "busy") without a traceback, and the workspace passes the same
   checks as after a kill.

Usage: python bench/fault_matrix.py [--kills 3] [--articles 30] [--seed 12] [--only inputs]
Exit status 1 when any case ended in a traceback, a damaged workspace, or an outcome other
than the one it expects.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from helpers import copy_sample  # noqa: E402  (the tests' own copy of the sample workspace)

REFUSE, ACCEPT = "refused cleanly", "accepted"
EITHER = "refused cleanly or accepted"  # a random mutation may leave a valid file
TRACEBACK = "traceback"
KK_UI = "locales/kk/LC_MESSAGES/ui.po"
ARTICLE = "articles/steppe-shorts-festival-opens/article.md"


# --- running a command -------------------------------------------------------------------


@dataclass
class Outcome:
    code: int
    stderr: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr or self.code not in (0, 1, 2, 3)

    @property
    def one_line_errors(self) -> bool:
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return bool(lines) and all(line.startswith("l10n-news: ") for line in lines)


def l10n_news(root: Path, *args: str, stdin: str = "", timeout: float = 60) -> Outcome:
    """One whole `l10n-news` process on the workspace `root`."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "l10n_news", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "EDITOR": "", "VISUAL": "", "NO_COLOR": "1"},
    )
    return Outcome(done.returncode, done.stderr, time.perf_counter() - started)


def l10n_news_in_process(root: Path, *args: str) -> Outcome:
    """The same command through click's test runner: fast, for the test suite."""
    import traceback

    from click.testing import CliRunner

    from l10n_news.cli.main import cli

    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["-C", str(root), *args], env={"EDITOR": "", "VISUAL": ""})
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(
            traceback.format_exception(result.exception)
        )
    return Outcome(result.exit_code, stderr, time.perf_counter() - started)


Runner = Callable[..., Outcome]


# --- part 1: mutated inputs --------------------------------------------------------------


@dataclass(frozen=True)
class InputCase:
    kind: str  # the input class shown in the table
    name: str
    target: str  # the file damaged, relative to the workspace (or to its parent for "../")
    damage: Callable[[bytes], bytes]
    command: tuple[str, ...]  # "{file}" stands for the damaged file's absolute path
    expect: str = REFUSE


def _replace(old: str, new: str) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        text = data.decode("utf-8")
        if old not in text:
            raise ValueError(f"{old!r} not in the file")
        return text.replace(old, new, 1).encode("utf-8")

    return damage


def _whole(content: bytes | str) -> Callable[[bytes], bytes]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return lambda _: data


def _append(more: str) -> Callable[[bytes], bytes]:
    return lambda data: data + more.encode("utf-8")


CONFIG = "l10n-news.toml"
LANGS = 'languages = ["ru", "en", "kk"]'
TMX_HEAD = '<?xml version="1.0" encoding="{}"?>\n'
TMX_BODY = (
    '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" '
    'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
    '<tu><tuv xml:lang="en"><seg>Home</seg></tuv><tuv xml:lang="kk"><seg>Басты бет</seg></tuv>'
    "</tu></body></tmx>\n"
)
STATS, EXTRACT, CHECK = ("stats",), ("extract",), ("check",)


def input_cases() -> list[InputCase]:
    cfg, fm, po, gl, tmx = "config", "front matter", "catalog", "glossary", "TMX"
    return [
        InputCase(cfg, "duplicate language", CONFIG, _replace(LANGS, 'languages = ["ru", "ru"]'),
                  STATS),
        InputCase(cfg, "unknown language", CONFIG, _replace(LANGS, 'languages = ["ru", "de"]'),
                  STATS),
        InputCase(cfg, "nested arrays", CONFIG, _replace(LANGS, 'languages = [["ru"], "en"]'),
                  STATS),
        InputCase(cfg, "no languages", CONFIG, _replace(LANGS, "languages = []"), STATS),
        InputCase(cfg, "time_zone = Asia", CONFIG,
                  _replace('time_zone = "Asia/Almaty"', 'time_zone = "Asia"'), STATS),
        InputCase(cfg, "unknown table [publsh]", CONFIG, _replace("[publish]", "[publsh]"),
                  STATS),
        InputCase(cfg, "unknown key threshhold", CONFIG,
                  _replace("threshold = 100", "threshhold = 100"), STATS),
        InputCase(cfg, "threshold as text", CONFIG,
                  _replace("threshold = 100", 'threshold = "100"'), STATS),
        InputCase(cfg, "table as a value", CONFIG, _append("glossary = 5\n"), STATS),
        InputCase(cfg, "invalid TOML", CONFIG, _append("[publish\n"), STATS),
        InputCase(cfg, "invalid UTF-8", CONFIG, lambda d: d + b"# \xff\xfe\n", STATS),
        InputCase(cfg, "subset ru, kk (valid)", CONFIG,
                  lambda d: _replace('source_language = "en"', 'source_language = "ru"')(
                      _replace(LANGS, 'languages = ["ru", "kk"]')(d)), STATS, ACCEPT),
        InputCase(fm, "lang: [en]", ARTICLE, _replace("lang: en", "lang: [en]"), EXTRACT),
        InputCase(fm, "unknown lang", ARTICLE, _replace("lang: en", "lang: de"), EXTRACT),
        InputCase(fm, "date overflows when shifted", ARTICLE,
                  _replace("2023-10-14T18:30:00+06:00", "9999-12-31T23:59:00-12:00"), EXTRACT),
        InputCase(fm, "date underflows when shifted", ARTICLE,
                  _replace("2023-10-14T18:30:00+06:00", "0001-01-01T00:00:00+14:00"), EXTRACT),
        InputCase(fm, "date without offset", ARTICLE,
                  _replace("2023-10-14T18:30:00+06:00", "2023-10-14T18:30:00"), EXTRACT),
        InputCase(fm, "date garbage", ARTICLE,
                  _replace("2023-10-14T18:30:00+06:00", "'yesterday'"), EXTRACT),
        InputCase(fm, "time_zone: Asia", ARTICLE,
                  _replace("lang: en", "lang: en\ntime_zone: Asia"), EXTRACT),
        InputCase(fm, "title as a list", ARTICLE,
                  _replace("title: Steppe", "title: [x]\nsubtitle: Steppe"), EXTRACT),
        InputCase(fm, "front matter a list", ARTICLE, _whole("---\n- a\n- b\n---\n\nText.\n"),
                  EXTRACT),
        InputCase(fm, "unclosed front matter", ARTICLE, _whole("---\ntitle: x\n\nText.\n"),
                  EXTRACT),
        InputCase(fm, "invalid UTF-8", ARTICLE, lambda d: d + b"\n\xff\xfe broken\n", EXTRACT),
        InputCase(fm, "YAML alias bomb", ARTICLE,
                  _replace("tags: [festival, short films, Almaty]",
                           "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                           "c: &c [*b, *b, *b, *b, *b, *b]\ntags: [*c, *c, *c, *c, *c, *c]"),
                  EXTRACT),
        InputCase(po, "truncated in a string", KK_UI, lambda d: d[: d.index("Басты".encode()) + 3],
                  STATS),
        # GNU msgfmt --check lets a raw NUL through, but gettext would cut the text there.
        InputCase(po, "NUL byte", KK_UI, _replace("Басты бет", "Басты\x00бет"), STATS),
        InputCase(po, "invalid UTF-8", KK_UI, lambda d: d.replace("Басты".encode(), b"\xff\xfe"),
                  STATS),
        InputCase(po, "escape \\xFFFFFFFFFFFFFFFFFFFF", KK_UI,
                  _replace("Басты бет", "\\xFFFFFFFFFFFFFFFFFFFF"), STATS),
        InputCase(po, "unknown escape \\q", KK_UI, _replace("Басты бет", "Басты\\qбет"), STATS),
        InputCase(po, "duplicate entry", KK_UI,
                  _append('\nmsgid "Home"\nmsgstr "Басты бет"\n'), STATS),
        InputCase(po, "msgstr without msgid", KK_UI, _append('\nmsgstr "жетім"\n'), STATS),
        InputCase(po, "plural index 99", KK_UI,
                  _append('\nmsgid "a"\nmsgid_plural "as"\nmsgstr[99] "x"\n'), STATS),
        InputCase(po, "plural=n/0 (compile)", KK_UI,
                  _replace("plural=(n != 1)", "plural=n/0"), ("compile",)),
        InputCase(po, "CR-only line endings (update)", KK_UI,
                  lambda d: d.replace(b"\n", b"\r"), ("update", "-l", "kk"), ACCEPT),
        InputCase(gl, "cell over 131,072 characters", "glossary.csv",
                  _append('Long,"' + "я" * 140_000 + '",,,\n'), CHECK),
        InputCase(gl, "unknown column", "glossary.csv", _whole("en,ru,colour\nA,Б,x\n"), CHECK),
        InputCase(gl, "do_not_translate = maybe", "glossary.csv",
                  _append("Brand,,,,maybe\n"), CHECK),
        InputCase(gl, "more cells than columns", "glossary.csv",
                  _append("A,Б,В,note,,extra,more\n"), CHECK),
        InputCase(gl, "binary", "glossary.csv", _whole(b"\x89PNG\r\n\x1a\n\x00\x00"), CHECK),
        InputCase(gl, "empty file", "glossary.csv", _whole(""), CHECK),
        InputCase(tmx, "unknown encoding", "../agency.tmx",
                  _whole(TMX_HEAD.format("x-unknown") + TMX_BODY), ("tm", "import", "{file}")),
        InputCase(tmx, "UTF-32 declared", "../agency.tmx",
                  _whole(TMX_HEAD.format("UTF-32") + TMX_BODY), ("tm", "import", "{file}")),
        InputCase(tmx, "billion laughs", "../agency.tmx",
                  _whole('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">'
                         '<!ENTITY b "&a;&a;&a;&a;">]><tmx>&b;</tmx>'),
                  ("tm", "import", "{file}")),
        InputCase(tmx, "external entity", "../agency.tmx",
                  _whole('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM '
                         '"file:///etc/passwd">]><tmx>&x;</tmx>'),
                  ("tm", "import", "{file}")),
        InputCase(tmx, "not XML", "../agency.tmx", _whole("en,ru\nHome,Главная\n"),
                  ("tm", "import", "{file}")),
        InputCase(tmx, "truncated", "../agency.tmx",
                  _whole((TMX_HEAD.format("UTF-8") + TMX_BODY)[:200]), ("tm", "import", "{file}")),
        InputCase(tmx, "valid (control)", "../agency.tmx",
                  _whole(TMX_HEAD.format("UTF-8") + TMX_BODY), ("tm", "import", "{file}"),
                  ACCEPT),
        InputCase("command line", "300-character --slug", "../page.md",
                  _whole("---\ntitle: A rink opens\nlang: en\ndate: 2024-03-12T10:00:00+05:00\n"
                         "---\n\nThe city rink opened on Monday.\n"),
                  ("import", "{file}", "--slug", "a" * 300)),
        InputCase("command line", "unknown language -l de", CONFIG, lambda d: d,
                  ("update", "-l", "de")),
        InputCase("command line", "--domain ../x", CONFIG, lambda d: d,
                  ("check", "--domain", "../x")),
        InputCase("command line", "review -l kk --domain nope", CONFIG, lambda d: d,
                  ("review", "-l", "kk", "--domain", "nope", "--list")),
    ]


# Which file each class damages at random, the command that reads it, and what the file
# holds first when the sample has none (None: the sample's own file).
RANDOM_TARGETS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "config": (CONFIG, STATS, None),
    "front matter": (ARTICLE, EXTRACT, None),
    "catalog": (KK_UI, STATS, None),
    "glossary": ("glossary.csv", CHECK, None),
    "TMX": ("../agency.tmx", ("tm", "import", "{file}"), TMX_HEAD.format("UTF-8") + TMX_BODY),
}


def _mutation(rng: random.Random) -> tuple[str, Callable[[bytes], bytes]]:
    """One random damage: a flipped byte, a cut, a doubled or dropped line, a truncation."""
    kind = rng.choice(["flip", "cut", "double line", "drop line", "truncate", "swap lines"])
    seed = rng.random()

    def damage(data: bytes) -> bytes:
        local = random.Random(seed)
        if not data:
            return b"\xff"
        at = local.randrange(len(data))
        lines = data.split(b"\n")
        line = local.randrange(len(lines))
        other = local.randrange(len(lines))
        if kind == "flip":
            return data[:at] + bytes([local.randrange(256)]) + data[at + 1 :]
        if kind == "cut":
            return data[:at] + data[at + local.randint(1, 40) :]
        if kind == "double line":
            return b"\n".join(lines[: line + 1] + lines[line:])
        if kind == "drop line":
            return b"\n".join(lines[:line] + lines[line + 1 :])
        if kind == "swap lines":
            lines[line], lines[other] = lines[other], lines[line]
            return b"\n".join(lines)
        return data[:at]

    return kind, damage


def _on(content: bytes, damage: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    return lambda _: damage(content)


def random_cases(per_class: int, seed: int = 12) -> list[InputCase]:
    """`per_class` random mutations of each class's file (seeded: the same every run)."""
    rng = random.Random(seed)
    cases = []
    for kind, (target, command, content) in RANDOM_TARGETS.items():
        for n in range(per_class):
            name, damage = _mutation(rng)
            if content is not None:
                damage = _on(content.encode("utf-8"), damage)
            cases.append(InputCase(f"{kind} (random)", f"{name} #{n}", target, damage, command,
                                   EITHER))
    return cases


@dataclass
class CaseResult:
    case: InputCase
    outcome: str
    detail: str = ""

    @property
    def expected(self) -> bool:
        if self.case.expect == EITHER:
            return self.outcome != TRACEBACK
        return self.outcome == self.case.expect


def run_input_case(case: InputCase, work: Path, runner: Runner = l10n_news) -> CaseResult:
    root = copy_sample(work / "ws")
    target = (root / case.target).resolve()
    before = target.read_bytes() if target.is_file() else b""
    damaged = case.damage(before)
    target.write_bytes(damaged)
    args = [a.replace("{file}", str(target)) for a in case.command]
    result = runner(root, *args)
    if result.traceback:
        last = [line for line in result.stderr.splitlines() if line.strip()][-1:]
        return CaseResult(case, TRACEBACK, last[0] if last else f"exit {result.code}")
    first = result.stderr.strip().splitlines()[:1]
    if result.code == 2 and result.one_line_errors:
        if target.read_bytes() != damaged:
            return CaseResult(case, ACCEPT, "exit 2, but the damaged file was rewritten")
        return CaseResult(case, REFUSE, first[0] if first else "")
    return CaseResult(case, ACCEPT, f"exit {result.code}" + (f": {first[0]}" if first else ""))


def run_inputs(work: Path, cases: list[InputCase]) -> list[CaseResult]:
    results = []
    for n, case in enumerate(cases):
        case_dir = work / f"input-{n}"
        results.append(run_input_case(case, case_dir))
        shutil.rmtree(case_dir, ignore_errors=True)
    return results


# --- parts 2 and 3: kills and concurrent commands ----------------------------------------


def translations(root: Path) -> dict[str, set[tuple]]:
    """Every catalog's filled translations, active and obsolete: {file: {(ctxt, id, strs)}}.

    A translation carried to a changed source (fuzzy, with `#| msgid`) counts under its
    previous msgid too: that is where msgmerge keeps it, and it is not lost.
    """
    from l10n_news.catalogs.pofile import read_po

    found: dict[str, set[tuple]] = {}
    for path in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        catalog = read_po(path)
        pairs = set()
        for m in [*catalog, *catalog.obsolete]:
            if m.msgid and any(m.strings):
                pairs.add((m.msgctxt, m.msgid, tuple(m.strings)))
                if m.previous_msgid is not None:
                    pairs.add((m.previous_msgctxt, m.previous_msgid, tuple(m.strings)))
        found[str(path.relative_to(root))] = pairs
    return found


def damage_report(root: Path, before: dict[str, set[tuple]]) -> list[str]:
    """What is wrong with the workspace after a kill or a race; empty when nothing is."""
    from l10n_news.catalogs.tmx import read_tmx
    from l10n_news.errors import L10nError

    problems: list[str] = []
    try:
        after = translations(root)
    except L10nError as exc:
        return [f"a catalog no longer parses: {exc}"]
    for name, pairs in before.items():
        lost = pairs - after.get(name, set())
        if lost:
            problems.append(f"{name}: {len(lost)} translation(s) lost, e.g. {sorted(lost)[0]!r}")
    for tmx in (root / "tm").glob("*.tmx") if (root / "tm").is_dir() else ():
        try:
            read_tmx(tmx, path=tmx.name)
        except L10nError as exc:
            problems.append(f"tm/{tmx.name} does not parse: {exc}")
    for page in (root / "site").rglob("*.html") if (root / "site").is_dir() else ():
        if not page.read_bytes().rstrip().endswith(b"</html>"):
            problems.append(f"{page.relative_to(root)} is cut short")
    stats = l10n_news(root, "stats", timeout=60)
    if stats.code != 0:
        problems.append(f"stats after it: exit {stats.code}: {stats.stderr.strip()[:200]}")
    return problems


@dataclass
class RunResult:
    kind: str
    tried: int = 0
    consistent: int = 0
    damaged: int = 0
    tracebacks: int = 0
    busy: int = 0  # commands that found the workspace held and refused (exit 3)
    missed: int = 0  # kills that came after the command had already finished
    notes: list[str] = field(default_factory=list)


def make_archive(dest: Path, articles: int) -> Path:
    """A synthetic archive with reviewed catalogs, whose articles then changed (so that
    update, translate and publish all have work to do), and a TMX of its memory."""
    sys.path.insert(0, str(ROOT / "bench"))
    from gen_archive import generate_archive

    generate_archive(dest, n=articles, paragraphs=12)
    for n, article in enumerate(sorted((dest / "articles").glob("*/article.md"))):
        text = article.read_text("utf-8")
        head, _, body = text.partition("\n---\n")
        paragraphs = body.split("\n\n")
        paragraphs[len(paragraphs) // 2] += f" The archive changed this paragraph ({n})."
        paragraphs.append(f"A new closing paragraph number {n} with 12 films and a jury.")
        article.write_text(head + "\n---\n" + "\n\n".join(paragraphs), "utf-8")
    (dest / "l10n-news.toml").write_text(
        (dest / "l10n-news.toml").read_text("utf-8")
        + '\n[translate]\nengines = ["pseudo"]\n',
        "utf-8",
    )
    extract = l10n_news(dest, "extract", timeout=600)
    export = l10n_news(dest, "tm", "export", str(dest.parent / "memory.tmx"), timeout=600)
    if extract.code != 0 or export.code != 0:
        raise SystemExit(f"archive setup failed: {extract.stderr}{export.stderr}")
    return dest


KILLED_COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "update": lambda root: ["update"],
    "translate": lambda root: ["translate", "--engine", "pseudo"],
    "publish": lambda root: ["publish", "--allow-drafts"],
    "tm import": lambda root: ["tm", "import", str(root.parent / "memory.tmx")],
}


def start(root: Path, args: list[str], stdin: bytes | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "l10n_news", "-C", str(root), *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "EDITOR": "", "VISUAL": ""},
        start_new_session=True,
    )


def run_kills(
    archive: Path, work: Path, kills: int, rng: random.Random, commands: list[str] | None = None
) -> list[RunResult]:
    results = []
    for name, argv in KILLED_COMMANDS.items():
        if commands is not None and name not in commands:
            continue
        result = RunResult(f"kill during {name}")
        root = work / f"kill-{name.replace(' ', '-')}"
        shutil.copytree(archive, root)
        shutil.copy2(archive.parent / "memory.tmx", work / "memory.tmx")
        full = l10n_news(root, *argv(root), timeout=600)  # how long the whole run takes
        for _ in range(kills):
            # Each kill hits a whole run from the start, at a random moment of it.
            shutil.rmtree(root)
            shutil.copytree(archive, root)
            before = translations(root)
            proc = start(root, argv(root))
            time.sleep(rng.uniform(0.1, 0.9) * full.seconds)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                result.missed += 1
            _, stderr = proc.communicate()
            result.tried += 1
            if b"Traceback (most recent call last)" in stderr:
                result.tracebacks += 1
                result.notes.append(stderr.decode(errors="replace").strip().splitlines()[-1])
            problems = damage_report(root, before)
            if problems:
                result.damaged += 1
                result.notes += problems[:3]
            else:
                result.consistent += 1
        shutil.rmtree(root, ignore_errors=True)
        results.append(result)
    return results


CONCURRENT: list[tuple[str, list[str], list[str]]] = [
    ("update + update", ["update"], ["update"]),
    ("update + translate", ["update"], ["translate", "--engine", "pseudo"]),
    ("translate + publish", ["translate", "--engine", "pseudo"], ["publish", "--allow-drafts"]),
    ("tm import + translate", ["tm", "import", "{tmx}"], ["translate", "--engine", "pseudo"]),
    ("review + translate", ["review", "-l", "kk", "--reviewer", "R"],
     ["translate", "--engine", "pseudo"]),
    ("publish + compile", ["publish", "--allow-drafts"], ["compile"]),
]


def run_concurrent(archive: Path, work: Path, pairs: int | None = None) -> list[RunResult]:
    results = []
    for name, first, second in CONCURRENT[:pairs]:
        result = RunResult(f"concurrent {name}")
        root = work / "race"
        shutil.copytree(archive, root)
        tmx = str(archive.parent / "memory.tmx")
        before = translations(root)
        procs = [
            start(root, [a.replace("{tmx}", tmx) for a in argv], b"a" * 50 if "review" in argv
                  else None)
            for argv in (first, second)
        ]
        result.tried += 1
        codes = []
        for proc in procs:
            _, stderr = proc.communicate(b"a" * 50 if proc.stdin else None, timeout=600)
            codes.append(proc.returncode)
            result.busy += proc.returncode == 3
            if b"Traceback (most recent call last)" in stderr or proc.returncode not in (0, 1, 3):
                result.tracebacks += 1
                result.notes.append(f"exit {proc.returncode}: {stderr.decode()[-300:]}")
        problems = damage_report(root, before)
        if problems:
            result.damaged += 1
            result.notes += problems[:3]
        else:
            result.consistent += 1
        result.notes.append(f"exit codes {codes}")
        shutil.rmtree(root, ignore_errors=True)
        results.append(result)
    return results


# --- the table ---------------------------------------------------------------------------


def input_table(results: list[CaseResult]) -> list[str]:
    by_kind: dict[str, Counter[str]] = {}
    for r in results:
        by_kind.setdefault(r.case.kind, Counter())[r.outcome] += 1
    lines = [f"{'input class':<22} {'tried':>5} {'refused cleanly':>16} {'accepted':>9} "
             f"{'traceback':>10}"]
    total: Counter[str] = Counter()
    for kind, counts in by_kind.items():
        total.update(counts)
        lines.append(f"{kind:<22} {sum(counts.values()):>5} {counts[REFUSE]:>16} "
                     f"{counts[ACCEPT]:>9} {counts[TRACEBACK]:>10}")
    lines.append(f"{'all':<22} {sum(total.values()):>5} {total[REFUSE]:>16} {total[ACCEPT]:>9} "
                 f"{total[TRACEBACK]:>10}")
    return lines


def run_table(results: list[RunResult]) -> list[str]:
    lines = [f"{'run':<34} {'tried':>5} {'consistent':>11} {'damaged':>8} {'traceback':>10} "
             f"{'busy (exit 3)':>14} {'done before kill':>17}"]
    for r in results:
        lines.append(f"{r.kind:<34} {r.tried:>5} {r.consistent:>11} {r.damaged:>8} "
                     f"{r.tracebacks:>10} {r.busy:>14} {r.missed:>17}")
    return lines


@contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fault-matrix-") as tmp:
        yield Path(tmp)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--kills", type=int, default=3, help="kills per command")
    parser.add_argument("--articles", type=int, default=30, help="articles in the archive")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--random", type=int, default=10, help="random mutations per class")
    parser.add_argument("--only", choices=("inputs", "kills", "concurrent"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failed = False
    started = time.perf_counter()
    with scratch() as work:
        if args.only in (None, "inputs"):
            results = run_inputs(work, input_cases() + random_cases(args.random, args.seed))
            print("\n".join(input_table(results)))
            for r in results:
                if not r.expected:
                    failed = True
                    print(f"  UNEXPECTED {r.case.kind} / {r.case.name}: {r.outcome} "
                          f"(expected {r.case.expect}) {r.detail}")
            print()
        if args.only in (None, "kills", "concurrent"):
            archive = make_archive(work / "archive" / "ws", args.articles)
            runs = []
            if args.only in (None, "kills"):
                runs += run_kills(archive, work, args.kills, rng)
            if args.only in (None, "concurrent"):
                runs += run_concurrent(archive, work)
            print("\n".join(run_table(runs)))
            for r in runs:
                if r.damaged or r.tracebacks:
                    failed = True
                    for note in r.notes:
                        print(f"  {r.kind}: {note}")
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
