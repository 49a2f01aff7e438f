"""A story of many sources opens on the few that fit (the command line reads only those) and
reads the rest after the first frame: the panes already shown keep their text, scroll and
focus, get their final names in place, and every source is reachable once all are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Static

from tests.app.helpers import SIZE, reader_session, wait_for_workers
from tui.app.app import ReaderApp
from tui.app.messages import CompareProgress
from tui.app.reader.screen import ReaderScreen
from tui.app.reader.window import panes_that_fit
from tui.app.screens.pane_picker import PanePicker
from tui.core.load.corpus import StoryStart, list_story, read_first

SOURCES = 30
WIRE = "Harbour Wire"


def _story(folder: Path) -> Path:
    """Thirty short reports of a ferry fire; the first and the twentieth come from one wire
    service, so the first pane's name changes once every outlet is known."""
    folder.mkdir()
    for n in range(1, SOURCES + 1):
        outlet = WIRE if n in (1, 20) else f"Gazette {n}"
        lines = [f"Report {n}: ferry fire at the north pier."] + [
            f"Paragraph {p} of report {n}: crews said {n + p} passengers were taken off."
            for p in range(1, 40)
        ]
        (folder / f"{n:03d}.txt").write_text(
            f"---\ntitle: Ferry fire report {n}\noutlet: {outlet}\n---\n" + "\n\n".join(lines) + "\n",
            encoding="utf-8",
        )
    return folder


def _first_screen(tmp_path: Path) -> StoryStart:
    """What the command line hands the reader: the articles of the first screen only."""
    return read_first(list_story([_story(tmp_path / "ferry")]), panes_that_fit(SIZE[0]))


def _first_row(pane_index: int, screen: ReaderScreen) -> str:
    return screen.panes[pane_index].blocks[0].render_line(0).text


@pytest.mark.parametrize("step", [64, 4], ids=["in one step", "a few panes at a time"])
async def test_the_first_screen_shows_text_before_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    monkeypatch.setattr("tui.app.reader.screen.PANES_PER_STEP", step)
    start = _first_screen(tmp_path)
    assert len(start.story.articles) == 4 and not start.complete
    monkeypatch.setattr(ReaderScreen, "compare_in_worker", lambda self, story, annotations: None)
    build = ReaderScreen._build_tools

    async def not_yet(self: ReaderScreen) -> None:
        return None  # the tools, and the worker that reads the rest, wait for the test

    monkeypatch.setattr(ReaderScreen, "_build_tools", not_yet)
    app = ReaderApp(start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        first = list(screen.panes)
        assert [str(p.border_title) for p in screen.visible_panes] == [
            WIRE,
            "Gazette 2",
            "Gazette 3",
            "Gazette 4",
        ]
        assert all(f"Report {n}: ferry fire" in _first_row(n - 1, screen) for n in range(1, 5))
        await pilot.press("p")  # not every source is known yet: said so, no half list
        await pilot.pause()
        assert app.screen is screen and screen.reading
        await pilot.press("j", "j", "j")
        scrolled = first[0].scroller.scroll_y
        assert scrolled > 0 and app.focused is first[0].scroller
        await build(screen)  # the worker reads the other 26 (and compares nothing here)
        await wait_for_workers(pilot)
        for _ in range(SOURCES):  # the new panes are made a few at a time, between events
            if not screen.reading:
                break
            await pilot.pause()
        assert len(screen.panes) == SOURCES and not screen.reading
        assert screen.panes[:4] == first  # the same widgets: nothing rebuilt, nothing jumps
        assert first[0].scroller.scroll_y == scrolled and app.focused is first[0].scroller
        assert str(first[0].border_title) == f"{WIRE} (1)"  # renamed in place
        assert screen.names[screen.panes[19].article.id] == f"{WIRE} (20)"
        assert str(first[1].border_title) == "Gazette 2"


@pytest.mark.parametrize("step", [64, 4], ids=["in one step", "a few panes at a time"])
async def test_every_source_is_reachable_once_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    monkeypatch.setattr("tui.app.reader.screen.PANES_PER_STEP", step)
    start = _first_screen(tmp_path)
    progress: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, CompareProgress):
            progress.append(message.text)

    async with reader_session(ReaderApp(start), message_hook=hook) as (app, pilot, screen):
        assert any(text.startswith(f"Reading {SOURCES} sources... ") for text in progress)
        assert screen.comparison is not None and len(screen.panes) == SOURCES
        assert [a.id for a in screen.comparison.articles] == [f"{n:03d}" for n in range(1, SOURCES + 1)]
        assert screen.comparison.story.title == start.story.title == "ferry"
        assert str(screen.query_one("#status-text", Static).content).startswith(f"{SOURCES} sources · ")
        assert str(screen.panes[0].border_title) == f"{WIRE} (1)"
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PanePicker) and len(picker.sources) == SOURCES
        assert picker.sources[19] == (f"{WIRE} (20)", "Ferry fire report 20")


async def test_a_search_made_while_reading_keeps_its_box_and_covers_the_new_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = _first_screen(tmp_path)
    monkeypatch.setattr(ReaderScreen, "compare_in_worker", lambda self, story, annotations: None)
    analyse = ReaderScreen.analyse
    monkeypatch.setattr(ReaderScreen, "analyse", lambda self: None)  # reading waits for the test
    app = ReaderApp(start)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.reading and screen.tools_ready
        await pilot.press("slash", *"report", "space", "2", "5", "enter")
        assert screen.search_state.matches == []  # source 25 is not read yet
        analyse(screen)
        await wait_for_workers(pilot)
        assert len(screen.panes) == SOURCES
        assert app.focused is screen.search_box  # the user's place in the box is kept
        assert {pane for pane, _start, _end in screen.search_state.matches} == {24}
