"""Run the pipeline fuzzer of tests/test_fuzz.py for as long as you like and print the counts.

Run from the repository root: /work/venv/bin/python tests/benchmarks/fuzz_long.py [CASES] [--seed N]
Prints cases, articles, clusters, discrepancies and failures (with the first failures in full);
exits 1 if any invariant broke. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# A script run by path gets its own folder on sys.path, not the repository root that holds
# the shared fuzzer (tests/fuzzing.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzzing import Tally, fuzz


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "cases", nargs="?", type=int, default=2000, help="random stories to try (default 2000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="first seed; one seed per 100 cases")
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
    elapsed = time.perf_counter() - started
    print("| cases | articles | clusters | discrepancies | failures | seconds |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {tally.cases} | {tally.articles} | {tally.clusters} | {tally.discrepancies} "
        f"| {len(tally.failures)} | {elapsed:.1f} |"
    )
    for failure in tally.failures[:10]:
        print("\n" + failure)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
