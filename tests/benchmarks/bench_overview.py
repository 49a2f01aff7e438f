"""How fast do the overview, fold mode and two-source mode open on a story of many sources?

Writes the synthetic story (``bench_engine.write_story``: perturbed copies of the bundled
articles, 200 by default), compares it once, then:

- times ``build_overview`` (the four views' data) cold (its value-key cache emptied) and warm;
- opens the reader headless (200x55 and 80x24) with the finished comparison and times each key
  that opens a screen, from the key to the first frame the app displays for the new screen
  (``App._display``, what a terminal would be sent), and to the last one before the app is
  idle again (settled: Textual lays a new screen out again after its first resize), with the
  CPU time used; pushing a bare one-line screen over the reader is timed the same way, for
  reference. The overview is built on the first ``o`` of a comparison (cold) and kept, so
  later ones only draw (warm).

Target: every screen opens in under 100 ms on the 200-source story.
Run: python tests/benchmarks/bench_overview.py [--articles 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_engine import write_story
from tui.app.app import ReaderApp
from tui.app.overview import opening
from tui.app.overview.fold import FoldScreen
from tui.app.overview.pair import PairScreen, PickOther
from tui.app.overview.screen import OverviewScreen
from tui.core.load.corpus import load_story
from tui.core.model import Comparison
from tui.core.pipeline import build_comparison
from tui.core.views.who_says import value_key
from tui.export.glance import overview_of

FRAMES: list[tuple[float, type]] = []
"""Every frame the app sent to its (headless) terminal: when, and for which screen."""


def record_frames(app: ReaderApp) -> None:
    """Timestamp each frame the app displays (``App._display``: the compositor's update of the
    screen, which a real terminal would be sent)."""
    display = app._display

    def timed(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            FRAMES.append((time.perf_counter(), type(screen)))
        display(screen, renderable)

    app._display = timed  # type: ignore[method-assign]


class Bare(Screen[None]):
    """A screen with one line of text: what pushing any screen over the reader costs."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Static("bare")


def cold() -> None:
    """Forget every overview built so far, as a fresh comparison would."""
    opening._built = None
    value_key.cache_clear()


def time_build(comparison: Comparison, repeat: int) -> tuple[float, float]:
    """Median ms of building the overview, cold and warm."""
    colds, warms = [], []
    for _ in range(repeat):
        cold()
        start = time.perf_counter()
        overview_of(comparison)
        colds.append(time.perf_counter() - start)
        start = time.perf_counter()
        overview_of(comparison)
        warms.append(time.perf_counter() - start)
    return statistics.median(colds) * 1000, statistics.median(warms) * 1000


async def time_keys(
    comparison: Comparison, size: tuple[int, int], repeat: int
) -> dict[str, list[tuple[float, float, float]]]:
    """For each screen, per repeat: ms from the key to its first frame, to the last frame before
    the app was idle again (settled), and the CPU ms the process spent until idle (what a
    loaded machine inflates least)."""
    results: dict[str, list[tuple[float, float, float]]] = {}

    async def measure(
        name: str, pilot: Any, keys: tuple[str, ...], expect: type, prepare: Callable[[], None] | None = None
    ) -> None:
        if prepare is not None:
            prepare()
        FRAMES.clear()
        start, cpu = time.perf_counter(), time.process_time()
        if keys:
            await pilot.press(*keys)
        else:
            pilot.app.push_screen(Bare())
            await pilot.pause()
        returned, used = time.perf_counter(), time.process_time() - cpu
        assert isinstance(pilot.app.screen, expect), (name, pilot.app.screen)
        mine = [t for t, screen in FRAMES if screen is expect and t <= returned]
        first, last = (mine[0], mine[-1]) if mine else (returned, returned)
        results.setdefault(name, []).append(((first - start) * 1000, (last - start) * 1000, used * 1000))

    for _ in range(repeat):
        app = ReaderApp(comparison=comparison)
        record_frames(app)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await measure("a bare screen (one line of text), for reference", pilot, (), Bare)
            await pilot.press("escape")
            await measure("o (overview, cold: built first)", pilot, ("o",), OverviewScreen, cold)
            await measure("2 (heat map)", pilot, ("2",), OverviewScreen)
            await pilot.press("right")
            await measure("Enter on a heat-map cell (two sources)", pilot, ("enter",), PairScreen)
            await pilot.press("escape", "escape")  # back to the heat map, then to the reader
            await measure("o (overview, warm)", pilot, ("o",), OverviewScreen)
            await pilot.press("escape")
            await measure("d (fold mode)", pilot, ("d",), FoldScreen)
            await measure("] in fold mode", pilot, ("right_square_bracket",), FoldScreen)
            await pilot.press("escape")
            await pilot.press("c")
            assert isinstance(app.screen, PickOther)
            await measure("c, Enter (two sources)", pilot, ("enter",), PairScreen)
            await measure("] in two-source mode", pilot, ("right_square_bracket",), PairScreen)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_story(Path(tmp) / "story", options.articles)
        start = time.perf_counter()
        comparison = build_comparison(load_story([folder]))
        print(
            f"{options.articles} articles compared in {time.perf_counter() - start:.1f} s "
            f"({len(comparison.clusters)} clusters, {len(comparison.clusters_of('discrepancy'))} discrepancies)\n"
        )
    built_cold, built_warm = time_build(comparison, options.repeat)
    print(
        f"build_overview: {built_cold:.1f} ms cold, {built_warm:.1f} ms warm (median of {options.repeat})\n"
    )
    print("| key (screen) | size | first frame, median ms | worst | settled, median ms | CPU ms to idle |")
    print("|---|---|---:|---:|---:|---:|")
    for size in ((200, 55), (80, 24)):
        results = asyncio.run(time_keys(comparison, size, options.repeat))
        for name, times in results.items():
            frames = [t[0] for t in times]
            settled = [t[1] for t in times]
            used = [t[2] for t in times]
            print(
                f"| {name} | {size[0]}x{size[1]} | {statistics.median(frames):.0f} | {max(frames):.0f} "
                f"| {statistics.median(settled):.0f} | {statistics.median(used):.0f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
