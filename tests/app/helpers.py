"""What the reader tests share: opening the reader on a comparison and waiting, through the
app's workers, until the comparison is installed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import NamedTuple

from textual import events
from textual.message import Message
from textual.pilot import Pilot
from textual.worker import WorkerState

from tui.app.app import ReaderApp
from tui.app.reader.screen import ReaderScreen

SIZE = (160, 48)
"""The terminal size most reader tests use (columns, rows)."""


class Reader(NamedTuple):
    """An open reader: the app, the pilot that drives it, and its reader screen."""

    app: ReaderApp
    pilot: Pilot[None]
    screen: ReaderScreen


async def wait_for_workers(pilot: Pilot[None]) -> None:
    """Wait until no worker of the app is pending or running, including the workers started by
    the ones waited for, then let the screen handle what they posted."""
    app = pilot.app
    while any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
        await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for_comparison(pilot: Pilot[None]) -> ReaderScreen:
    """Wait until the reader has mounted its tools and installed its comparison.

    The tools are mounted by a worker after the first frame, and that worker starts the
    comparison's worker (unless a finished comparison was handed in).
    """
    await wait_for_workers(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    if screen.comparison is None:
        raise AssertionError("the reader's workers finished without installing a comparison")
    while screen.settling:  # the panes are filled level a frame or two later
        await pilot.pause()
    await pilot.pause()
    return screen


@asynccontextmanager
async def reader_session(
    app: ReaderApp, size: tuple[int, int] = SIZE, message_hook: Callable[[Message], None] | None = None
) -> AsyncIterator[Reader]:
    """Run ``app`` headless at ``size`` and yield it once its comparison is installed."""
    async with app.run_test(size=size, message_hook=message_hook) as pilot:
        screen = await wait_for_comparison(pilot)
        yield Reader(app, pilot, screen)


async def flood(pilot: Pilot[None], keys: Sequence[tuple[str, str | None]]) -> None:
    """Send ``keys`` in one burst, as a terminal delivers keys typed (or pasted, or repeated)
    faster than the reader handles them, then wait until the reader has handled them all or
    closed. Unlike ``pilot.press``, nothing is laid out or repainted between two keys."""
    app = pilot.app
    for key, character in keys:
        app.post_message(events.Key(key, character))
    handled = asyncio.Event()
    app.call_later(handled.set)
    while not handled.is_set() and app.is_running and not getattr(app, "quitting", False):
        await pilot.pause(0.02)
    if app.is_running:
        await pilot.pause()
