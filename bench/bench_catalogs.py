"""extract + update + compile, ours against GNU gettext, Translate Toolkit and Babel's API.

Every contender is timed as whole processes (start-up included) on its own copy of the same
starting state, repetitions interleaved, with fuzzy matching on for all. The scenarios:

cold, merge + compile: new templates beside the old catalogs of every article (10% of the
    articles were edited), no records of past runs, no .mo. Ours: `l10n-news update`, then
    `l10n-news compile`. GNU: `make` over a Makefile with one msgmerge --previous and one
    msgfmt rule per catalog. Translate Toolkit: pot2po, then pocompile, per language. Babel:
    its API in one process (bench/babel_pipeline.py --merge-only).
cold, extract + merge + compile: the same, but from the edited articles and the old
    templates. Ours: `l10n-news extract`, `update`, `compile`. Babel: bench/babel_pipeline.py
    (our segmenter for Markdown, which Babel lacks; Babel's catalogs, merge and writers).
incremental: everything was up to date, then 10% of the articles were edited. Ours: the
    three commands with their run records. GNU: `make`, which merges and compiles only the
    catalogs whose template is newer (the templates come from our extract; GNU has no
    Markdown extractor, so GNU does less work here than ours).

Each scenario prints its floor: one process that reads the inputs and writes outputs of the
same sizes, without and with a file-system sync.

Targets (exit 1 when missed): cold extract+merge+compile <= 0.5x Babel's API; every other
ours/peer ratio <= 1.0.

Usage: python bench/bench_catalogs.py [--n 500] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gen_archive import article_slug, generate_archive
from harness import (
    BENCH_DIR,
    BIN,
    Contender,
    Target,
    files_under,
    floor_contenders,
    measure,
    print_pairs,
    print_table,
    python_version_of,
    set_aside,
    verdict,
    versions,
    write_manifest,
)

TARGETS = ("ru", "kk")
L10N = str(BIN / "l10n-news")


def edit_articles(workspace: Path, n: int, fraction: float = 0.1, seed: int = 1) -> list[str]:
    """Reword a few paragraphs (one word swapped, one sentence added) in `fraction` of articles."""
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(n), k=max(1, round(n * fraction))))
    for number in chosen:
        path = workspace / "articles" / article_slug(number) / "article.md"
        head, body = path.read_text("utf-8").split("\n---\n", 1)
        blocks = body.split("\n\n")
        plain = [i for i, b in enumerate(blocks) if b[:1].isupper()]
        for i in rng.sample(plain, k=min(3, len(plain))):
            words = blocks[i].split(" ")
            words[rng.randrange(len(words))] = rng.choice(("festival", "jury", "audience"))
            blocks[i] = " ".join(words)
        blocks.insert(len(blocks) // 2, "An editor added this paragraph after the review.")
        path.write_text(head + "\n---\n" + "\n\n".join(blocks), "utf-8")
    return [article_slug(number) for number in chosen]


def catalogs(ws: Path) -> list[tuple[str, str]]:
    """(lang, domain) of every target catalog."""
    return sorted(
        (p.parent.parent.name, p.stem) for p in ws.glob("locales/*/LC_MESSAGES/*.po")
    )


def write_makefile(ws: Path) -> None:
    """What a gettext project's Makefile says: .po from .pot by msgmerge, .mo from .po."""
    rules, mos = [], []
    for lang, domain in catalogs(ws):
        po = f"locales/{lang}/LC_MESSAGES/{domain}.po"
        mo = po[:-3] + ".mo"
        mos.append(mo)
        rules.append(f"{mo}: {po}\n\tmsgfmt --check-format -o $@ $<\n")
        rules.append(f"{po}: locales/{domain}.pot\n\tmsgmerge --quiet --previous -o $@ $@ $<\n")
    text = "all: " + " ".join(mos) + "\n\n" + "\n".join(rules)
    (ws / "Makefile").write_text(text, "utf-8")


def age_catalogs(ws: Path, pots_newer: bool = True) -> None:
    """Give make the starting times it needs: templates newer than the catalogs."""
    now = time.time()
    for po in ws.glob("locales/*/LC_MESSAGES/*.po"):
        os.utime(po, (now - 100, now - 100))
    if pots_newer:
        for pot in ws.glob("locales/*.pot"):
            os.utime(pot, (now, now))


def copy_pots(ws: Path) -> None:
    """pot2po reads a folder of templates only."""
    templates = ws / "templates-pot"
    templates.mkdir(exist_ok=True)
    for pot in ws.glob("locales/*.pot"):
        shutil.copy2(pot, templates / pot.name)


def l10n(ws: Path, *commands: str) -> list[list[str]]:
    return [[L10N, "-C", str(ws), command] for command in commands]


def restorer(snapshot: Path, live: Path, *, hardlinks: bool) -> Callable[[], None]:
    """Before each repetition, `live` becomes the snapshot again. Ours gets hard links, which
    keep the inodes its run records know (it replaces files by rename, so the snapshot is
    never touched); the peers, which write in place, get real copies."""

    def restore() -> None:
        set_aside(live)
        flags = "-al" if hardlinks else "-a"
        subprocess.run(["cp", flags, str(snapshot), str(live)], check=True)

    return restore


def untimed(argv: list[list[str]]) -> None:
    for command in argv:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def make(ws: Path) -> list[str]:
    return ["make", "-s", "-j1", "-C", str(ws)]


def pot2po_commands(ws: Path) -> list[list[str]]:
    commands = []
    for lang in TARGETS:
        out = ws / "pot2po" / lang
        commands.append([str(BIN / "pot2po"), "--progress=none", "-t",
                         str(ws / "locales" / lang / "LC_MESSAGES"),
                         "-i", str(ws / "templates-pot"), "-o", str(out)])
        commands.append([str(BIN / "pocompile"), "--progress=none", "-i", str(out),
                         "-o", str(out)])
    return commands


def manifest_for(path: Path, inputs: list[Path], outputs: list[Path]) -> Path:
    write_manifest(path, inputs, [(p, p.stat().st_size) for p in outputs])
    return path


def prepare_snapshots(work: Path, n: int) -> dict[str, Path]:
    """The starting states, each made once and copied before every repetition."""
    base = work / "base"
    generate_archive(base, n, jobs=1)
    snaps = {"base": base}

    edited = work / "snap-edited"  # cold extract+merge+compile starts here
    shutil.copytree(base, edited, symlinks=True)
    slugs = edit_articles(edited, n)
    snaps["edited"] = edited

    templates = work / "snap-templates"  # cold merge+compile starts here
    shutil.copytree(edited, templates, symlinks=True)
    untimed(l10n(templates, "extract"))
    shutil.rmtree(templates / ".l10n-news")
    age_catalogs(templates)
    write_makefile(templates)
    copy_pots(templates)
    (templates / "pot2po").mkdir()
    snaps["templates"] = templates

    ours_incr = work / "snap-incremental-ours"  # up to date, then the same edits
    shutil.copytree(base, ours_incr, symlinks=True)
    untimed(l10n(ours_incr, "extract", "update", "compile"))
    edit_articles(ours_incr, n)
    snaps["incremental-ours"] = ours_incr

    gnu_incr = work / "snap-incremental-gnu"  # up to date by make, then the new templates
    shutil.copytree(base, gnu_incr, symlinks=True)
    age_catalogs(gnu_incr)
    write_makefile(gnu_incr)
    untimed([make(gnu_incr)])
    time.sleep(0.05)
    for slug in slugs:
        shutil.copyfile(templates / "locales" / f"{slug}.pot", gnu_incr / "locales" / f"{slug}.pot")
    snaps["incremental-gnu"] = gnu_incr
    (work / "slugs.txt").write_text("\n".join(slugs), "utf-8")
    return snaps


def floors(work: Path, snaps: dict[str, Path], reference: Path) -> dict[str, list[Contender]]:
    """Floors per scenario: inputs from the starting state, output sizes from `reference`
    (the state after ours ran cold)."""
    edited, slugs = snaps["edited"], (work / "slugs.txt").read_text("utf-8").split()
    articles = files_under(edited / "articles")
    old_pos = files_under(edited / "locales", (".po",))
    new_pots = files_under(reference / "locales", (".pot",))
    new_pos = files_under(reference / "locales", (".po", ".mo"))
    merge = manifest_for(work / "floor-merge.json", new_pots + old_pos, new_pos)
    full = manifest_for(work / "floor-full.json", articles + old_pos, new_pots + new_pos)
    changed_in = [edited / "articles" / s / "article.md" for s in slugs] + [
        p for p in old_pos if p.stem in slugs
    ]
    changed_out = [p for p in new_pots + new_pos if p.stem in slugs]
    incr = manifest_for(work / "floor-incr.json", changed_in, changed_out)
    return {
        "merge": floor_contenders("merge+compile", merge, work / "scratch-merge"),
        "full": floor_contenders("extract+merge+compile", full, work / "scratch-full"),
        "incremental": floor_contenders("incremental", incr, work / "scratch-incr"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles in the archive")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    for tool in ("msgmerge", "msgfmt", "make"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (Debian: apt-get install gettext make)")

    versions({
        "l10n-news": [L10N, "--version"],
        "GNU msgmerge": ["msgmerge", "--version"],
        "GNU make": ["make", "--version"],
        "Translate Toolkit": python_version_of("translate-toolkit"),
        "Babel": python_version_of("babel"),
    })
    work = args.keep or Path(tempfile.mkdtemp(prefix="l10n-bench-catalogs-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        snaps = prepare_snapshots(work, args.n)
        n_catalogs = len(catalogs(snaps["base"]))
        print(f"archive: {args.n} articles, {n_catalogs} catalogs, "
              f"{len((work / 'slugs.txt').read_text().split())} edited; "
              f"set up in {time.perf_counter() - started:.0f} s")
        reference = work / "reference"
        shutil.copytree(snaps["edited"], reference, symlinks=True)
        untimed(l10n(reference, "extract", "update", "compile"))
        floor = floors(work, snaps, reference)
        return run_scenarios(work, snaps, floor, args)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def scenario(title: str, contenders: list[Contender], floor: list[Contender], repeat: int):
    print(f"\n== {title}")
    results = measure([*contenders, *floor], repeat)
    print_table(results, (floor[0].name, floor[1].name))
    return results


def run_scenarios(work: Path, snaps: dict[str, Path], floor: dict, args) -> int:
    live = work / "live"
    from_templates = restorer(snaps["templates"], live, hardlinks=False)
    from_edited = restorer(snaps["edited"], live, hardlinks=False)
    babel = [sys.executable, str(BENCH_DIR / "babel_pipeline.py"), str(live)]
    merge = [
        Contender("ours update+compile", l10n(live, "update", "compile"),
                  prepare=restorer(snaps["templates"], live, hardlinks=True)),
        Contender("Babel API, one process", [[*babel, "--merge-only"]], prepare=from_templates),
        Contender("GNU make (msgmerge+msgfmt)", [make(live)], prepare=from_templates),
        Contender("pot2po+pocompile", pot2po_commands(live), prepare=from_templates),
    ]
    full = [
        Contender("ours extract+update+compile", l10n(live, "extract", "update", "compile"),
                  prepare=restorer(snaps["edited"], live, hardlinks=True)),
        Contender("Babel API extract+merge+compile", [babel], prepare=from_edited),
    ]
    incremental = [
        Contender("ours incremental", l10n(live, "extract", "update", "compile"),
                  prepare=restorer(snaps["incremental-ours"], live, hardlinks=True)),
        Contender("GNU make incremental", [make(live)],
                  prepare=restorer(snaps["incremental-gnu"], live, hardlinks=False)),
    ]
    results = {}
    results |= scenario("cold, merge + compile, every catalog", merge, floor["merge"],
                        args.repeat)
    results |= scenario("cold, extract + merge + compile", full, floor["full"], args.repeat)
    results |= scenario("incremental: 10% of the articles edited", incremental,
                        floor["incremental"], args.repeat)
    pairs = [("ours update+compile", "Babel API, one process"),
             ("ours extract+update+compile", "Babel API extract+merge+compile"),
             ("ours incremental", "GNU make incremental"),
             ("ours update+compile", "GNU make (msgmerge+msgfmt)"),
             ("ours update+compile", "pot2po+pocompile")]
    targets = [
        Target("cold extract+merge+compile vs Babel's API", "ours extract+update+compile",
               0.5, "Babel API extract+merge+compile"),
        Target("cold merge+compile vs Babel's API", "ours update+compile", 1.0,
               "Babel API, one process"),
        Target("incremental vs make over GNU gettext", "ours incremental", 1.0,
               "GNU make incremental"),
        Target("cold merge+compile vs GNU", "ours update+compile", 1.0,
               "GNU make (msgmerge+msgfmt)"),
        Target("cold merge+compile vs Translate Toolkit", "ours update+compile", 1.0,
               "pot2po+pocompile"),
    ]
    print_pairs(results, pairs)
    return verdict(results, targets)


if __name__ == "__main__":
    sys.exit(main())
