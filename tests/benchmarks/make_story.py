"""Write a synthetic story of N articles to a folder, to open in the reader or export by hand.

Run from the repository root: /work/venv/bin/python tests/benchmarks/make_story.py OUT_DIR [N]
The articles are the bundled story's texts with numbers changed, neighbouring words swapped
and sentences dropped and shuffled, from a fixed seed (the generator bench_engine.py and
bench_startup.py use), so the same N always gives the same story.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# A script run by path gets its own folder on sys.path, not the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_engine import write_story


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the articles (created if missing)")
    parser.add_argument("articles", nargs="?", type=int, default=200, help="how many articles (default 200)")
    options = parser.parse_args()
    if options.folder.exists() and any(options.folder.iterdir()):
        print(f"{options.folder}: not empty; choose a new folder", file=sys.stderr)
        return 1
    write_story(options.folder, options.articles)
    print(
        f"wrote {options.articles} articles to {options.folder}; open them with: storydiff {options.folder}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
