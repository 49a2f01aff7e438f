"""Make the README's screenshots with storydiff itself.

- ``reader``: the bundled story after pressing ``]`` (its first discrepancy, every side of
  it level);
- ``overview``: the bundled story's overview, who says what (``o``);
- ``overview-200`` and ``agreement-200``: who says what and who agrees with whom on the
  synthetic story of 200 sources (``tests/benchmarks/make_story.py``; compared first, which
  takes a few seconds).

Run from the repository root: ``python docs/screenshot.py [NAME ...]`` writes
``docs/NAME.svg`` (Textual's own screen export) and, when ``rsvg-convert`` is installed
(Debian's librsvg2-bin), ``docs/NAME.png`` for the README.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tests.benchmarks.bench_engine import write_story  # noqa: E402
from tui.app.app import ReaderApp  # noqa: E402
from tui.app.state import ReaderState  # noqa: E402
from tui.core.annotate.schema import load_annotations  # noqa: E402
from tui.core.load.corpus import load_story  # noqa: E402
from tui.core.load.resources import bundled_story  # noqa: E402

SIZE = (160, 44)
KEYS = ("right_square_bracket",)


class Shot(NamedTuple):
    """One screenshot: its file name, the story (None: the bundled one), the keys, the size."""

    name: str
    sources: int | None
    keys: tuple[str, ...]
    size: tuple[int, int]


SHOTS = (
    Shot("reader", None, KEYS, SIZE),
    Shot("overview", None, ("o", "down"), (120, 30)),
    Shot("overview-200", 200, ("o",), SIZE),
    Shot("agreement-200", 200, ("o", "2", "right", "right", "right"), SIZE),
)


async def capture(
    keys: tuple[str, ...], name: str, folder: Path | None = None, size: tuple[int, int] = SIZE
) -> Path:
    story = load_story([folder or bundled_story()])
    annotations = load_annotations(Path(story.annotations_path) if story.annotations_path else None)
    with tempfile.TemporaryDirectory() as state_folder:  # the user's own state stays untouched
        state = ReaderState(Path(state_folder))
        state.see_legend()  # the picture shows the reader, not the first run's legend
        state.theme = "textual-dark"
        return await _capture(ReaderApp(story, annotations, state=state), keys, name, size)


async def _capture(app: ReaderApp, keys: tuple[str, ...], name: str, size: tuple[int, int]) -> Path:
    async with app.run_test(size=size) as pilot:
        for _ in range(3):  # the tools, then the comparison, then the panes filled level
            await app.workers.wait_for_complete()
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        svg = DOCS / f"{name}.svg"
        app.save_screenshot(filename=svg.name, path=str(DOCS))
    return svg


def main() -> None:
    wanted = set(sys.argv[1:]) or {shot.name for shot in SHOTS}
    with tempfile.TemporaryDirectory() as tmp:
        stories: dict[int, Path] = {}
        for shot in SHOTS:
            if shot.name not in wanted:
                continue
            folder = None
            if shot.sources is not None:
                if shot.sources not in stories:
                    stories[shot.sources] = write_story(Path(tmp) / str(shot.sources), shot.sources)
                folder = stories[shot.sources]
            svg = asyncio.run(capture(shot.keys, shot.name, folder, shot.size))
            print(f"wrote {svg}")
            if shutil.which("rsvg-convert"):
                png = svg.with_suffix(".png")
                subprocess.run(
                    ["rsvg-convert", "-o", str(png)], input=_hard_spaces(svg.read_bytes()), check=True
                )
                print(f"wrote {png}")


def _hard_spaces(svg: bytes) -> bytes:
    """Move each text run past its leading spaces, which librsvg drops (shifting the words left)."""

    def shift(match: re.Match[bytes]) -> bytes:
        x, length, body = float(match["x"]), float(match["length"]), match["body"]
        lead = len(re.match(rb"(?:&#160;| )*", body)[0].replace(b"&#160;", b" "))
        cells = len(re.sub(rb"&#?\w+;", b"_", body))
        if not lead or lead >= cells:
            return match[0]
        cell = length / cells
        rest = re.sub(rb"^(?:&#160;| )+", b"", body)
        return (
            match["head"]
            + b'x="%g" ' % (x + lead * cell)
            + match["mid"]
            + b'textLength="%g"' % (length - lead * cell)
            + match["tail"]
            + rest
            + b"</text>"
        )

    return re.sub(
        rb'(?P<head><text[^>]*?)x="(?P<x>[\d.]+)" (?P<mid>[^>]*?)'
        rb'textLength="(?P<length>[\d.]+)"(?P<tail>[^>]*>)(?P<body>[^<]*)</text>',
        shift,
        svg,
    )


if __name__ == "__main__":
    main()
