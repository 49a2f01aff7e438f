"""How the comparison engine scales (prints a table, asserts nothing; not collected by pytest).

Run: /work/venv/bin/python tests/benchmarks/bench_engine.py [--sizes 5,10,20,...,1000] [--quick]

Synthetic stories are made from the bundled story's texts with perturbations (numbers changed,
neighbouring words swapped, sentences dropped and shuffled; fixed seed), written to a temporary
folder and loaded like a user's story. It prints:
- the CPU and wall time of ``build_comparison`` per story size, and the CPU-time ratio for
  each step up in size (doubling the articles should cost at most ~2.4x);
- the whole ``storydiff export DIR --format json`` process on 80 articles against a naive
  baseline that compares every sentence with every other article's sentences using
  difflib.SequenceMatcher (the engine should be at least 20x faster), both as plain strings and
  as a stronger word-list variant, each run in full (measured, not estimated) unless it would
  take more than NAIVE_BUDGET_SECONDS;
- peak memory (tracemalloc for one comparison, and the export process's max RSS).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.pipeline import build_comparison
from tui.core.text.segment import segment_article

SEED = 20261123
NAIVE_BUDGET_SECONDS = 480.0
"""The plain baseline takes about six minutes on 80 articles, so it is measured in full; only a
slower machine falls back to extrapolating from the pairs done in this time."""
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d[\d,]*")


def _bundled_bodies() -> list[tuple[str, str | None]]:
    story = load_story([bundled_story()])
    return [(a.text, a.date) for a in sorted(story.articles, key=lambda a: a.id)]


def _perturb(text: str, rng: random.Random) -> str:
    paragraphs = []
    for paragraph in text.split("\n"):
        sentences = [s for s in _SENTENCE.split(paragraph) if s]
        kept = []
        for sentence in sentences:
            if rng.random() < 0.12:
                continue
            if rng.random() < 0.3:
                sentence = _NUMBER.sub(
                    lambda m: (
                        f"{int(m.group().replace(',', '')) + rng.randint(1, 9) * 1000:,}"
                        if rng.random() < 0.5
                        else m.group()
                    ),
                    sentence,
                )
            words = sentence.split(" ")
            if len(words) > 4 and rng.random() < 0.3:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
            kept.append(" ".join(words))
        if len(kept) > 2 and rng.random() < 0.2:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        paragraphs.append(" ".join(kept))
    return "\n".join(paragraphs)


def write_story(folder: Path, count: int) -> Path:
    """``count`` perturbed copies of the bundled articles, as front-matter text files."""
    rng = random.Random(SEED + count)
    bodies = _bundled_bodies()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body, when = bodies[n % len(bodies)]
        date = when or "unknown"
        (folder / f"{n:05d}.txt").write_text(
            f"---\ntitle: Synthetic report {n}\ndate: '{date}'\n---\n{_perturb(body, rng)}\n",
            encoding="utf-8",
        )
    return folder


def time_engine(folder: Path, repeat: int) -> tuple[float, float, int, int]:
    """Best-of-``repeat`` CPU and wall seconds of build_comparison (CPU time is what the
    engine costs; wall time also counts whatever else the shared machine is doing)."""
    story = load_story([folder])
    cpu, wall = float("inf"), float("inf")
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        comparison = build_comparison(story)
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    units = sum(len(u) for u in comparison.units.values())
    return cpu, wall, units, len(comparison.clusters)


def naive_baseline(folder: Path, by_words: bool) -> tuple[float, bool]:
    """Every sentence against every other article's sentences with SequenceMatcher.ratio().

    ``by_words=False`` is the plain approach (sentences as strings); ``by_words=True`` is a
    stronger baseline that compares word lists and reuses difflib's index of one side.
    Runs in full unless that takes longer than NAIVE_BUDGET_SECONDS, in which case it stops and
    extrapolates from the pairs done; returns the time and whether it was extrapolated.
    """
    story = load_story([folder])
    start = time.perf_counter()
    units = [
        (a.id, u.text.split() if by_words else u.text)
        for a in story.articles
        for u in segment_article(a)
        if not u.is_boilerplate
    ]
    total = sum(1 for i in range(len(units)) for j in range(i + 1, len(units)) if units[i][0] != units[j][0])
    done = 0
    best = 0.0
    for i, (article, sentence) in enumerate(units):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(sentence)
        for other, other_sentence in units[i + 1 :]:
            if other == article:
                continue
            matcher.set_seq1(other_sentence)
            best = max(best, matcher.ratio())
            done += 1
        if time.perf_counter() - start > NAIVE_BUDGET_SECONDS:
            elapsed = time.perf_counter() - start
            return elapsed * total / max(done, 1), True
    return time.perf_counter() - start, False


def time_cli(folder: Path) -> tuple[float, float]:
    """Wall time and the export process's own peak RSS in MiB (os.wait4 reports that child only)."""
    command = [str(Path(sys.executable).parent / "storydiff"), "export", str(folder), "--format", "json"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"storydiff export failed with status {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10,20,40,80,160,320,640,1000")
    parser.add_argument("--quick", action="store_true", help="skip the naive baseline")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        eighty = write_story(root / "s80", 80)
        cli_seconds, cli_rss = time_cli(eighty)
        print(
            f"storydiff export --format json, 80 articles (whole process): {cli_seconds:.2f} s, "
            f"peak RSS {cli_rss:.0f} MiB"
        )
        if not args.quick:
            for by_words, name in ((False, "sentences as strings"), (True, "word lists, one side indexed")):
                naive, extrapolated = naive_baseline(eighty, by_words)
                note = " (extrapolated from a time-boxed run)" if extrapolated else " (measured, full run)"
                print(
                    f"naive all-pairs SequenceMatcher baseline ({name}), 80 articles: {naive:.1f} s{note}; "
                    f"whole export is {naive / cli_seconds:.1f}x faster"
                )

        print(
            f"\n{'articles':>8} {'units':>7} {'clusters':>8} {'cpu s':>8} {'wall s':>8} "
            f"{'x prev':>7} {'size x':>7} {'units x':>7}"
        )
        previous: tuple[int, float, int] | None = None
        for size in sizes:
            repeat = 3 if size <= 200 else 1
            cpu, wall, units, clusters = time_engine(write_story(root / f"s{size}", size), repeat)
            ratios = (
                f"{cpu / previous[1]:7.2f} {size / previous[0]:7.2f} {units / previous[2]:7.2f}"
                if previous
                else ""
            )
            print(f"{size:>8} {units:>7} {clusters:>8} {cpu:8.3f} {wall:8.3f} {ratios}")
            previous = (size, cpu, units)
        print("(x prev: CPU time over the previous size; best of 3 up to 200 articles)")

        story = load_story([write_story(root / "s200m", 200)])
        tracemalloc.start()
        build_comparison(story)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"\npeak traced memory of build_comparison on 200 articles: {peak / 2**20:.1f} MiB")
        print(
            f"peak RSS of this benchmark process: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )


if __name__ == "__main__":
    main()
