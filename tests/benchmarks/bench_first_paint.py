"""First paint of the reader against the story's size, in a real terminal (prints a Markdown table; asserts nothing).

Run from the repository root (tmux needed):
    python tests/benchmarks/bench_first_paint.py [--sizes 200,500] [--repeat 5] [--against OTHER/bin/storydiff]

For the bundled story (5 articles) and synthetic stories of ``--sizes`` articles
(bench_engine.write_story, fixed seed), it starts the installed ``storydiff`` in a fresh
160x48 tmux pane and measures launch -> the first pane's title and first words on screen
(``bench_startup.time_launch``, polled every ~20 ms), then closes the terminal. ``--against``
times a second storydiff command (another checkout's, for before/after) in alternation with
this one, launch by launch, so both see the same load on a shared machine. Medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_engine import write_story
from tests.benchmarks.bench_startup import _flat, _opening, installed_command, time_launch
from tui.core.load.resources import bundled_story


def first_paints(commands: list[str], folder: Path, repeat: int, cwd: Path) -> list[float]:
    """Median seconds to the first pane's text for each command, launches alternating."""
    ready = tuple(_flat(part) for part in _opening(folder))
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for index, command in enumerate(commands):
            seconds, terminal = time_launch([command, str(folder)], ready, cwd)
            terminal.close()
            times[index].append(seconds)
    return [statistics.median(t) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,500", help="synthetic story sizes (default 200,500)")
    parser.add_argument("--repeat", type=int, default=5, help="launches per command and story (default 5)")
    parser.add_argument("--against", help="another storydiff command to time in the same run (before)")
    options = parser.parse_args()
    command = installed_command()
    if command is None:
        return 1
    commands = [options.against, command] if options.against else [command]
    sizes = [int(size) for size in options.sizes.split(",") if size]
    rows: list[tuple[str, list[float]]] = []
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        os.environ["XDG_STATE_HOME"] = str(work / "state")  # every launch a first run, as alike
        for command_path in commands:  # warm: bytecode written, files in the page cache
            first_paints([command_path], bundled_story(), 1, work)
        rows.append(
            ("bundled story, 5 articles", first_paints(commands, bundled_story(), options.repeat, work))
        )
        for size in sizes:
            folder = write_story(work / f"synthetic-{size}", size)
            rows.append((f"synthetic, {size} articles", first_paints(commands, folder, options.repeat, work)))
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    heads = ["before (--against)", "this checkout"] if options.against else ["this checkout"]
    print(
        f"| story (median of {options.repeat}; 160x48 tmux, polled every 20 ms) | " + " | ".join(heads) + " |"
    )
    print("|---|" + "---:|" * len(heads))
    for name, values in rows:
        print(f"| {name} | " + " | ".join(ms(v) for v in values) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
