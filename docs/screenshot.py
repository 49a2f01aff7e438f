"""Make the README's screenshot with storydiff itself: the bundled story after pressing ``]`` (its first discrepancy, every side of it level).

Run from the repository root: ``python docs/screenshot.py`` writes ``docs/reader.svg``
(Textual's own screen export) and, when ``rsvg-convert`` is installed (Debian's
librsvg2-bin), ``docs/reader.png`` for the README.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tui.app.app import ReaderApp  # noqa: E402
from tui.app.state import ReaderState  # noqa: E402
from tui.core.annotate.schema import load_annotations  # noqa: E402
from tui.core.load.corpus import load_story  # noqa: E402
from tui.core.load.resources import bundled_story  # noqa: E402

SIZE = (160, 44)
KEYS = ("right_square_bracket",)


async def capture(keys: tuple[str, ...], name: str) -> Path:
    story = load_story([bundled_story()])
    annotations = load_annotations(Path(story.annotations_path) if story.annotations_path else None)
    with tempfile.TemporaryDirectory() as folder:  # the user's own state stays untouched
        state = ReaderState(Path(folder))
        state.see_legend()  # the picture shows the reader, not the first run's legend
        state.theme = "textual-dark"
        return await _capture(ReaderApp(story, annotations, state=state), keys, name)


async def _capture(app: ReaderApp, keys: tuple[str, ...], name: str) -> Path:
    async with app.run_test(size=SIZE) as pilot:
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
    svg = asyncio.run(capture(KEYS, "reader"))
    print(f"wrote {svg}")
    if shutil.which("rsvg-convert"):
        png = svg.with_suffix(".png")
        subprocess.run(["rsvg-convert", "-o", str(png)], input=_hard_spaces(svg.read_bytes()), check=True)
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
