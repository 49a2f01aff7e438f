"""The reader compares in a child process: its results are the engine's, and closing the
reader ends the child (a comparison nobody will read must not keep running)."""

from __future__ import annotations

from pathlib import Path

from tests.app.helpers import SIZE, wait_for_comparison
from tui.app.app import ReaderApp
from tui.app.reader.screen import ReaderScreen
from tui.core.load.corpus import load_story
from tui.core.model import Annotations
from tui.core.offload import compare_here


def _story(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Dam gates opened\n\nEngineers opened three gates of the Kell dam on Monday.\n\n"
        "About 400 homes downstream were evacuated.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Kell dam releases water\n\nEngineers opened four gates of the Kell dam on Monday.\n\n"
        "About 400 homes downstream were evacuated.\n",
        encoding="utf-8",
    )
    return folder


async def test_the_reader_shows_what_the_child_found(tmp_path: Path) -> None:
    story = load_story([_story(tmp_path / "dam")])
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for_comparison(pilot)
        assert isinstance(screen, ReaderScreen) and screen.comparison is not None
        child = screen.engine._process
        assert child is not None and child.wait(timeout=10) == 0, "a child answered, then ended"
        expected, _ = compare_here(story, Annotations(path=None))
        assert [(c.kind, c.label) for c in screen.comparison.clusters] == [
            (c.kind, c.label) for c in expected.clusters
        ]
        assert any(c.kind == "discrepancy" for c in screen.comparison.clusters)


async def test_quitting_while_the_child_compares_ends_it(tmp_path: Path) -> None:
    from tests.benchmarks.bench_engine import write_story

    story = load_story([write_story(tmp_path / "big", 120)])  # a few seconds of comparing
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        while screen.engine._process is None:
            await pilot.pause(0.01)
        child = screen.engine._process
        await pilot.pause(0.3)
        assert child.poll() is None and screen.comparison is None, "still comparing"
        await pilot.press("q")
    assert child.wait(timeout=10) != 0, "killed, not finished"
