"""When the reader has its results, against ``storydiff export`` (prints a table; asserts nothing).

Run from the repository root:
    python tests/benchmarks/bench_reader_compare.py [--sizes 80,200,500] [--repeat 3] [--against CHECKOUT]

For each synthetic story (``bench_engine.write_story``), alternately and ``--repeat`` times:
- ``export``: the ``storydiff export STORY --format json`` process, from launch to exit;
- ``reader``: a Python process that does what ``storydiff STORY`` does (start the comparing
  child, list the story and hand it to the child, read the first screen's four articles,
  open the reader, which reads the rest), headless at 160x48, from launch until the comparison is installed (results
  on screen). Meanwhile a timer in the reader's event loop asks to wake every 5 ms; the
  longest delay past that while the comparison runs (from the reader being up, its first
  frame drawn and its tools mounted, or from the first progress message if later, to the
  result) is the **longest UI stall** (how long a key press could wait); the longest over
  the whole run (the first frame, mounting the tools and installing the results, which
  stall on their own, included) is given too, and the number of progress messages.
Both are timed from the parent's side of the launch, so both include starting Python.
``--against`` runs the reader of another checkout (its ``tui`` package) in the same
alternation, for before and after. Medians; the stall is the median of the runs' maxima.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_engine import write_story

READER = r"""
import asyncio, json, sys, time
from pathlib import Path

try:  # as the command line does: the comparing child starts first, gets the listed story,
    # and the reader opens on the articles of its first screen
    from tui.core.offload import EngineProcess
    from tui.core.load.corpus import list_story, read_first
    engine = EngineProcess()
    engine.start_quietly()
except ImportError:  # a checkout from before the child process
    engine = None
from tui.app.app import ReaderApp
from tui.app.messages import CompareFinished, CompareProgress
from tui.core.load.corpus import load_story

TICK = 0.005


async def main() -> None:
    if engine is None:
        app = ReaderApp(load_story([Path(sys.argv[1])]))
    else:
        files = list_story([Path(sys.argv[1])])
        start = read_first(files, 4)
        engine.submit(start.story if start.complete else files, None)
        app = ReaderApp(start, engine=engine)
    loop = asyncio.get_running_loop()
    progress: list[float] = []
    finished: list[float] = []

    def hook(message: object) -> None:
        if isinstance(message, CompareProgress):
            progress.append(loop.time())
        elif isinstance(message, CompareFinished):
            finished.append(loop.time())

    ticks: list[tuple[float, float]] = []
    ready = None
    async with app.run_test(size=(160, 48), message_hook=hook) as pilot:
        while True:
            before = loop.time()
            await asyncio.sleep(TICK)
            ticks.append((before, loop.time() - before - TICK))
            if ready is None and getattr(app.screen, "tools_ready", False):
                ready = loop.time()
            if getattr(app.screen, "comparison", None) is not None:
                break
        done = time.time()
    start, end = max(progress[0], ready or 0.0), finished[0] if finished else loop.time()
    during = [late for at, late in ticks if start <= at and at + late <= end]
    print(json.dumps({"done": done, "stall": max(during, default=0.0), "repaints": len(progress),
                      "install": loop.time() - end, "worst": max(late for _, late in ticks)}))


asyncio.run(main())
"""


def run_export(folder: Path, out: Path) -> float:
    start = time.time()
    command = [str(Path(sys.executable).parent / "storydiff"), "export", str(folder)]
    subprocess.run([*command, "--format", "json", "-o", str(out), "--force"], check=True, capture_output=True)
    return time.time() - start


def run_reader(folder: Path, checkout: Path | None, state: Path) -> tuple[float, float, int, float]:
    env = dict(os.environ, XDG_STATE_HOME=str(state))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", READER, str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=state.parent,  # not the repository: "-c" would import the tui package found there
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["done"] - start, result["stall"], result["repaints"], result["worst"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="80,200,500")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout whose reader to time too")
    options = parser.parse_args()
    readers: dict[str, Path | None] = {"reader": None}
    if options.against:
        readers["reader (against)"] = options.against
    print(
        "| articles | export | reader: results | reader / export | longest UI stall while comparing "
        "| longest stall, start to results | progress messages |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "state"
        for size in (int(s) for s in options.sizes.split(",")):
            folder = write_story(Path(tmp) / f"s{size}", size)
            out = Path(tmp) / "out.json"
            run_export(folder, out)  # untimed: bytecode written, files cached
            for checkout in readers.values():
                run_reader(folder, checkout, state)
            exports: list[float] = []
            timed: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in readers}
            for _ in range(options.repeat):
                exports.append(run_export(folder, out))
                for name, checkout in readers.items():
                    timed[name].append(run_reader(folder, checkout, state))
            export = statistics.median(exports)
            for name, runs in timed.items():
                wall = statistics.median(r[0] for r in runs)
                stall = statistics.median(r[1] for r in runs)
                repaints = statistics.median(r[2] for r in runs)
                worst = statistics.median(r[3] for r in runs)
                label = f"{size}" if name == "reader" else f"{size} ({name})"
                print(
                    f"| {label} | {export:.2f} s | {wall:.2f} s | {wall / export:.2f}x "
                    f"| {stall * 1000:.0f} ms | {worst * 1000:.0f} ms | {repaints:.0f} |",
                    flush=True,
                )
    print(f"(medians of {options.repeat} alternating runs)")


if __name__ == "__main__":
    main()
