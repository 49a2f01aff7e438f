"""How far the whole engine is from the floor (prints a table, asserts nothing; not collected by pytest).

Run from the repository root:
    python tests/benchmarks/bench_floor.py [--sizes 80,200,500] [--repeat 5] [--against OTHER_STORYDIFF]

The floor is what no comparison can avoid: a Python process that reads every article file and
makes one regular-expression pass over its words. storydiff is the whole ``storydiff export
STORY --format json`` process (start, load, segment, align, checks, shared phrases, claims,
JSON) on the same synthetic story (``bench_engine.write_story``). The two run alternately in
the same session, ``--repeat`` times each, and the table gives their medians: wall time, CPU
time (user + system, from ``os.wait4``: what the process itself cost, whatever else the shared
machine was doing) and their ratios, and storydiff's peak RSS. The ratio by CPU time is the
steadier figure on a loaded machine. "per doubling" is the growth of storydiff's CPU time
from the previous size, scaled to a doubling of the articles ((t2/t1) ** (log 2 / log(n2/n1))).

Child processes may write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment) and every command runs once untimed first: an installed storydiff has its
bytecode compiled by pip, and compiling ~100 modules from source on every start would add
about 0.1 s that no user pays.

``--against`` runs a second storydiff command (another checkout's, e.g. main's) in the same
alternation, so a change is measured before and after in one run.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# A script run by path gets its own folder on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_engine import write_story

FLOOR = """
import re, sys
from pathlib import Path
word = re.compile(r"\\w+")
count = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    count += len(word.findall(path.read_text(encoding="utf-8")))
print(count)
"""


ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mib: float


def run(command: list[str]) -> Run:
    """One process to the end: wall seconds, its own CPU seconds and peak RSS (os.wait4)."""
    start = os.times().elapsed
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENVIRONMENT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = os.times().elapsed - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command[0]} failed with status {os.waitstatus_to_exitcode(status)}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="80,200,500")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", help="a second storydiff command to time in the same alternation")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    storydiff = str(Path(sys.executable).parent / "storydiff")
    commands = {"storydiff": storydiff}
    if options.against:
        commands["against"] = options.against
    print(
        "| articles | floor wall | floor CPU | export wall | export CPU | ratio (wall) | ratio (CPU) "
        "| peak RSS | per doubling (CPU) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous: dict[str, tuple[int, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = write_story(Path(tmp) / f"s{size}", size)
            floor: list[Run] = []
            timed: dict[str, list[Run]] = {name: [] for name in commands}
            if size == sizes[0]:
                for command in commands.values():
                    run([command, "export", str(folder), "--format", "json"])
            for _ in range(options.repeat):
                floor.append(run([sys.executable, "-c", FLOOR, str(folder)]))
                for name, command in commands.items():
                    timed[name].append(run([command, "export", str(folder), "--format", "json"]))
            floor_wall, floor_cpu = median(floor, "wall"), median(floor, "cpu")
            for name, runs in timed.items():
                wall, cpu = median(runs, "wall"), median(runs, "cpu")
                growth = ""
                if name in previous:
                    before_size, before_cpu = previous[name]
                    growth = f"{(cpu / before_cpu) ** (math.log(2) / math.log(size / before_size)):.2f}x"
                previous[name] = (size, cpu)
                label = f"{size}" if name == "storydiff" else f"{size} ({name})"
                print(
                    f"| {label} | {floor_wall * 1000:.0f} ms | {floor_cpu * 1000:.0f} ms | {wall:.2f} s "
                    f"| {cpu:.2f} s | {wall / floor_wall:.1f}x | {cpu / floor_cpu:.1f}x "
                    f"| {max(r.rss_mib for r in runs):.0f} MiB | {growth} |",
                    flush=True,
                )
    print(f"(medians of {options.repeat} alternating runs; peak RSS is the largest of them)")


if __name__ == "__main__":
    main()
