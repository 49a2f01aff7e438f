"""Run the fuzzer of tests/test_fuzz.py for as long as you like and print the counts.

Run from the repository root:
    python tests/benchmarks/fuzz_long.py [CASES] [--seed N] [--floods N]
CASES random stories (a quarter of them hostile story folders built on disk: FIFOs, links to
devices and to a secret outside the folder, names with escapes and bytes that are not UTF-8,
annotation files that are alias bombs, links or read-only, then loaded, compared, exported
and edited), then ``--floods`` bursts of 300 keys in the reader (driven by the Pilot, on a
random story). Prints cases, folders, articles, clusters, discrepancies, refusals, floods
and failures (with the first failures in full); exits 1 if any invariant broke. Long runs
can be split into chunks with different ``--seed`` values (one seed per 100 cases) and
their counts added. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

# A script run by path gets its own folder on sys.path, not the repository root that holds
# the shared fuzzer (tests/fuzzing.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzzing import Tally, fuzz, key_flood, random_comparison

SIZES = ((160, 48), (80, 24), (60, 20), (200, 50), (40, 12))


async def _flood(seed: int) -> Tally:
    """One reader on a random story, sent 300 random keys in one burst."""
    from textual.worker import WorkerState

    from tests.app.helpers import flood
    from tui.app.app import ReaderApp

    tally = Tally(floods=1)
    rng = random.Random(seed)
    comparison = random_comparison(rng)
    if comparison is None:
        return tally
    app = ReaderApp(comparison=comparison)
    try:
        async with app.run_test(size=rng.choice(SIZES)) as pilot:
            while any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
                await pilot.pause(0.05)
            await flood(pilot, key_flood(rng, 300))
    except Exception:  # any exception out of the reader is a failure to report
        tally.failures.append(f"flood {seed}: {traceback.format_exc(limit=-4)}")
    return tally


def floods(first_seed: int, count: int) -> Tally:
    """``count`` key floods, run in a temporary folder (exports and screenshots land there)."""
    tally = Tally()
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="storydiff-floods-") as temp:
        os.chdir(temp)
        try:
            for seed in range(first_seed, first_seed + count):
                tally.add(asyncio.run(_flood(seed)))
        finally:
            os.chdir(here)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "cases", nargs="?", type=int, default=2000, help="random stories to try (default 2000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="first seed; one seed per 100 cases")
    parser.add_argument("--floods", type=int, default=0, help="key floods in the reader (default 0)")
    options = parser.parse_args()
    tally = Tally()
    started = time.perf_counter()
    seed = options.seed
    remaining = options.cases
    while remaining > 0:
        batch = min(100, remaining)
        tally.add(fuzz(seed, batch))
        remaining -= batch
        seed += 1
    if options.floods:
        tally.add(floods(options.seed * 1000, options.floods))
    elapsed = time.perf_counter() - started
    print("| cases | folders | articles | clusters | discrepancies | refused | floods | failures | seconds |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {tally.cases} | {tally.folders} | {tally.articles} | {tally.clusters} | {tally.discrepancies} "
        f"| {tally.refused} | {tally.floods} | {len(tally.failures)} | {elapsed:.1f} |"
    )
    for failure in tally.failures[:10]:
        print("\n" + failure)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
