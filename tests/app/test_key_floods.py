"""Keys faster than the reader: bursts from a terminal, floods, the command palette, and quitting
while the comparison still runs. Whatever arrives, the reader never ends with a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandList, CommandPalette

from tests.app.conftest import ReaderOpener
from tests.app.helpers import flood
from tests.fuzzing import key_flood
from tui.app.commands import GuardedCommandPalette


def _keys(*names: str) -> list[tuple[str, str | None]]:
    return [(name, name if len(name) == 1 else None) for name in names]


@pytest.mark.parametrize(
    "keys",
    [("p", "tab", "enter", "escape"), ("p", "tab", "tab", "enter", "escape"), ("p", "escape", "escape")],
)
async def test_a_button_and_escape_in_one_burst_close_the_pane_picker_once(
    open_reader: ReaderOpener, keys: tuple[str, ...]
) -> None:
    """Enter on Cancel and Escape both dismissed the picker; the second dismissal popped the reader."""
    async with open_reader() as (app, pilot, screen):
        await flood(pilot, _keys(*keys))
        assert app.is_running and app.screen is screen


async def test_page_down_in_the_same_burst_as_ctrl_p_does_not_end_the_reader(
    open_reader: ReaderOpener,
) -> None:
    """Ctrl+P then PageDown in one burst: KeyError inside Textual's command palette (8.2.8)."""
    async with open_reader() as (app, pilot, screen):
        for _ in range(3):
            await flood(pilot, _keys("ctrl+p", "pagedown", "pagedown", "pageup", "pagedown"))
            assert app.is_running and isinstance(app.screen, GuardedCommandPalette)
            await pilot.press("escape")
            assert app.screen is screen


async def test_page_down_still_pages_the_command_palette_once_it_is_shown(open_reader: ReaderOpener) -> None:
    async with open_reader(size=(100, 24)) as (app, pilot, _screen):
        await pilot.press("ctrl+p")
        commands = app.screen.query_one(CommandList)
        for _ in range(100):  # the commands are gathered by the palette's worker
            if commands.option_count >= 10:
                break
            await pilot.pause(0.05)
        await pilot.press("down")
        first = commands.highlighted
        assert first is not None
        await pilot.press("pagedown")
        assert commands.highlighted is not None and commands.highlighted > first


def test_the_textual_palette_internals_the_guard_relies_on() -> None:
    """GuardedCommandPalette overrides a private method of the pinned Textual's palette: if an
    upgrade renames it or rebinds the paging keys, this fails instead of the guard going quiet."""
    actions = {
        binding.key: binding.action for binding in CommandPalette.BINDINGS if isinstance(binding, Binding)
    }
    assert actions["pagedown"] == "command_list('page_down')"
    assert actions["pageup"] == "command_list('page_up')"
    assert "_action_command_list" in vars(CommandPalette)
    assert "dismiss" in vars(GuardedCommandPalette) and "_action_command_list" in vars(GuardedCommandPalette)


async def test_keys_behind_q_in_a_burst_are_dropped_and_the_reader_quits_cleanly(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, _screen):
        await flood(pilot, _keys("q", "tab", "tab", "p", "escape", "x", "]", "e"))
    assert app.return_code == 0


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_random_key_floods_never_end_the_reader(
    open_reader: ReaderOpener, seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """300 keys in one burst, from every binding and dialog key (run_test re-raises any crash)."""
    monkeypatch.chdir(tmp_path)  # exports and screenshots the flood asks for land here
    rng = random.Random(seed)
    async with open_reader() as (app, pilot, _screen):
        await flood(pilot, key_flood(rng, 300))
    assert app.return_code in (None, 0)


NEVER_ENDING_COMPARISON = """
import threading
import tui.core.pipeline as pipeline

def never_ending(story, annotations=None, *, progress=None, should_stop=None):
    threading.Event().wait()  # a stage that never looks at should_stop

pipeline.build_comparison = never_ending

from textual.worker import WorkerState
from tui.app.app import ReaderApp
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story

app = ReaderApp(load_story([bundled_story()]))

async def quit_while_comparing(pilot):
    while not any(w.group == "compare" and w.state == WorkerState.RUNNING for w in app.workers):
        await pilot.pause(0.05)
    await pilot.press("q")

app.run(headless=True, size=(120, 40), auto_pilot=quit_while_comparing)
print("the reader closed")
"""


def test_q_while_a_slow_comparison_runs_ends_the_process(tmp_path: Path) -> None:
    """The screen closed but the process waited for the comparison thread (forever, here)."""
    result = subprocess.run(
        [sys.executable, "-c", NEVER_ENDING_COMPARISON],
        capture_output=True,
        text=True,
        timeout=90,  # a regression hangs until this, and fails
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "the reader closed"
