"""The first frame shows the text; the tools (facts list, variants, sidebar, search box,
progress bar) are mounted after it. Keys pressed before they exist must not break anything."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from tests.app.helpers import wait_for_comparison
from tui.app.app import ReaderApp
from tui.app.reader.screen import ReaderScreen


async def test_the_first_frame_has_the_text_and_the_tools_come_after(
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build = ReaderScreen._build_tools

    async def not_yet(self: ReaderScreen) -> None:
        return None

    monkeypatch.setattr(ReaderScreen, "_build_tools", not_yet)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert not screen.tools_ready and not screen.query("#facts, #search, EntitySidebar")
        assert len(screen.visible_panes) == 3 and screen.panes[0].blocks
        for key in ("slash", "f", "e", "E", "x", "y", "space", "m", "A", "escape"):
            await pilot.press(key)  # nothing to act on yet: ignored, never an error
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.panes[0].scroller
        await build(screen)
        await wait_for_comparison(pilot)
        assert screen.tools_ready
        await pilot.press("slash")
        assert app.focused is screen.search_box


async def test_garbage_collection_paused_for_the_start_resumes_after_the_first_frame(
    make_app: Callable[..., ReaderApp],
) -> None:
    """The command line pauses the collector for the start; a reader left open for hours
    must not keep it off (cyclic garbage would never be freed)."""
    app = make_app()
    gc.disable()
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await wait_for_comparison(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_quitting_while_the_tools_are_mounted_is_clean(
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build = ReaderScreen._build_tools

    async def quit_first(self: ReaderScreen) -> None:
        self.app.exit()
        await build(self)

    monkeypatch.setattr(ReaderScreen, "_build_tools", quit_first)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
    assert app.return_code == 0
