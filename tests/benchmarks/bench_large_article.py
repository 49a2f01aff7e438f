"""Does a 10 MB article open and scroll without freezing the reader? (prints a table)

Builds a story in a temp dir (one huge article of realistic random sentences in paragraphs of
varied length, plus a normal one), opens it the way a user does (the app loads and compares
it in its worker), headless at 160x48, and reports:

- first paint: seconds until the first words of the huge article are laid out on screen;
- longest stall: the longest gap seen by a 10 ms asyncio ticker (the UI cannot react to keys
  for that long), over the whole run and after the first paint;
- keys (PgDn, PgUp, G, g, j, k, Tab): the slowest answer to each key, from the key event to
  the last repaint that changed what the pane shows (scroll position, height, focus). Pilot's
  press() is not used for timing: it waits until the *process* is idle, which never happens
  while the comparison worker computes, so it reported about one second per wait (3-7 s a key)
  that no user ever saw.

Cases: "varied" (paragraphs of 1-40 sentences), "one-2MB" (the same plus a single 2 MB
paragraph with no newline in the middle).

Run: python tests/benchmarks/bench_large_article.py [MEGABYTES] [--no-engine] [--compared]
(--no-engine hands the app an empty comparison, to time the reader alone; --compared then
waits for the comparison to finish (about a minute for 10 MB), reports the longest stall while
it ran and when its result was installed, and times the keys again with the highlights in
place, adding ] and n.)
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

from textual import events

from tui.app.app import ReaderApp
from tui.core.load.corpus import load_story
from tui.core.model import Annotations, Comparison

WORDS = (
    "the minister said officials council harbour project cost budget million residents city "
    "police report on Tuesday Monday after before would could not was were has have been "
    "agreement talks government opposition spokesman statement evidence witnesses committee "
    "according to a an in of for with by from about over under between during three twelve "
    "percent election vote security forces region border agency investigation court ruling"
).split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 28))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 9000)))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _body(size: int, giant: int, rng: random.Random) -> str:
    paragraphs: list[str] = []
    total = 0
    giant_at = size // 3 if giant else -1
    while total < size:
        if giant and giant_at <= total:
            text = _paragraph(rng, 1)
            while len(text) < giant:
                text += " " + _paragraph(rng, 200)
            giant = 0
        else:
            text = _paragraph(rng, rng.choice((1, 2, 3, 5, 8, 12, 40)))
        paragraphs.append(text)
        total += len(text) + 1
    return "\n".join(paragraphs)


def _write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: {title}\noutlet: {name}\ndate: 2026-01-05\n---\n{body}\n", encoding="utf-8")
    return path


KEYS = ("pagedown",) * 8 + ("pageup", "j", "k") * 2 + ("G", "g", "G", "g", "tab", "tab")
COMPARED_KEYS = ("pagedown",) * 4 + ("G", "g") + ("right_square_bracket", "n") * 2 + ("tab",) * 2
LABELS = {
    "pagedown": "PgDn s",
    "pageup": "PgUp s",
    "j": "j s",
    "k": "k s",
    "G": "G s",
    "g": "g s",
    "tab": "Tab s",
    "right_square_bracket": "] s",
    "n": "n s",
}
SETTLE = 0.4
"""Seconds without a visible change after which a key counts as answered."""


def _view(app: ReaderApp, pane: object) -> tuple[object, ...]:
    scroller = pane.scroller  # type: ignore[attr-defined]
    return scroller.scroll_y, scroller.virtual_size.height, app.focused


async def _answer_time(app: ReaderApp, pane: object, key: str) -> float:
    """Seconds from sending ``key`` to the last repaint that changed the pane's view."""
    paints: list[tuple[float, tuple[object, ...]]] = []
    display = app._display

    def recording(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        paints.append((time.perf_counter(), _view(app, pane)))

    app._display = recording  # type: ignore[method-assign]
    before = _view(app, pane)
    sent = time.perf_counter()
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app.post_message(event)
    try:
        while True:
            await asyncio.sleep(0.01)
            changed = [t for t, view in paints if view != before]
            last = changed[-1] if changed else sent
            if time.perf_counter() - max(last, paints[-1][0] if paints else sent) > SETTLE:
                break
    finally:
        app._display = display  # type: ignore[method-assign]
    final = _view(app, pane)
    settled = [t for t, view in paints if view == final]
    return (settled[0] if settled and final != before else sent) - sent


class Ticker:
    """A 10 ms asyncio task; the longest gap between its wake-ups is the longest UI stall."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - 0.01)
            last = now

    def start(self) -> None:
        self.task = asyncio.create_task(self._run())

    def reset(self) -> float:
        longest, self.longest = self.longest, 0.0
        return longest


async def _keys(
    app: ReaderApp, pane: object, keys: tuple[str, ...], row: dict[str, str], suffix: str = ""
) -> None:
    timings: dict[str, list[float]] = {}
    for key in keys:
        timings.setdefault(key, []).append(await _answer_time(app, pane, key))
    for key, label in LABELS.items():
        if key in timings:
            row[label + suffix] = f"{max(timings[key]):.3f}"


async def _after_comparison(app: ReaderApp, ticker: Ticker, row: dict[str, str]) -> None:
    started = time.perf_counter()
    while app.screen.comparison is None and time.perf_counter() - started < 600:
        await asyncio.sleep(0.05)
    row["compared after s"] = f"{time.perf_counter() - started:.0f}"
    row["stall comparing s"] = f"{ticker.reset():.2f}"
    await asyncio.sleep(3.0)  # the reader installs the result: marks, facts list
    row["stall on result s"] = f"{ticker.reset():.2f}"
    pane = app.screen.panes[0]
    pane.scroller.focus()
    await asyncio.sleep(0.5)
    await _keys(app, pane, COMPARED_KEYS, row, " +c")


async def _case(name: str, paths: list[Path], engine: bool, compared: bool) -> dict[str, str]:
    started = time.perf_counter()
    if engine:
        app = ReaderApp(paths)
    else:
        story = load_story(paths)
        app = ReaderApp(
            comparison=Comparison(story=story, units={}, clusters=(), annotations=Annotations(path=None))
        )
    loaded = time.perf_counter()
    ticker = Ticker()
    ticker.start()
    row: dict[str, str] = {"case": name}
    async with app.run_test(size=(160, 48)) as pilot:
        while True:
            await asyncio.sleep(0.005)
            panes = getattr(app.screen, "panes", [])
            if panes and panes[0].blocks and panes[0].blocks[0].region.height > 0:
                break
        row["first paint s"] = f"{time.perf_counter() - started:.2f}"
        row["stall to paint s"] = f"{ticker.reset():.2f}"
        pane = app.screen.panes[0]
        pane.scroller.focus()
        await pilot.pause()
        await _keys(app, pane, KEYS, row)
        deadline = time.perf_counter() + 3.0
        while time.perf_counter() < deadline:  # let background work run; keep sampling
            await asyncio.sleep(0.05)
        row["stall after s"] = f"{ticker.reset():.2f}"
        row["blocks"] = str(len(pane.blocks))
        row["compared"] = "yes" if app.screen.comparison is not None else "no"
        if compared and engine:
            await _after_comparison(app, ticker, row)
    if ticker.task is not None:
        ticker.task.cancel()
    if not engine:
        row["first paint s"] += f" (+{loaded - started:.1f} load)"
    return row


def _table(rows: list[dict[str, str]]) -> str:
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r.get(c, "")) for r in rows)) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns)]
    lines += ["  ".join(r.get(c, "").ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


async def main(megabytes: float, engine: bool, compared: bool) -> None:
    size = int(megabytes * 1_000_000)
    rng = random.Random(7)
    small = _body(20_000, 0, rng)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, giant in (("varied", 0), ("one-2MB", 2_000_000)):
            case = folder / name
            case.mkdir()
            paths = [
                _write(case, "big.txt", "A very long report", _body(size, giant, rng)),
                _write(case, "small.txt", "A short report", small),
            ]
            rows.append(await _case(f"{name} {megabytes:g}MB", paths, engine, compared))
    print(_table(rows))


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(
        main(
            float(arguments[0]) if arguments else 10.0,
            "--no-engine" not in sys.argv,
            "--compared" in sys.argv,
        )
    )
