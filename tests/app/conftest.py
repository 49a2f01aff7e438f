"""Fixtures of the reader tests; the story they use is in ``quake_story``, shared helpers in
``helpers``."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

import pytest
from textual.message import Message
from textual.widgets import Input

from tests.app.helpers import SIZE, Reader, reader_session
from tests.app.quake_story import build_comparison
from tui.app.app import ReaderApp
from tui.core.model import Comparison


@pytest.fixture
def comparison() -> Comparison:
    return build_comparison()


@pytest.fixture
def make_app(comparison: Comparison) -> Callable[..., ReaderApp]:
    """A factory: a reader on the quake comparison (or another), in the dark theme."""

    def make(other: Comparison | None = None) -> ReaderApp:
        app = ReaderApp(comparison=other or comparison)
        app.theme = "textual-dark"
        return app

    return make


class ReaderOpener(Protocol):
    """Opens the reader on a comparison (the quake story by default) and waits for it."""

    def __call__(
        self,
        comparison: Comparison | None = None,
        *,
        size: tuple[int, int] = SIZE,
        message_hook: Callable[[Message], None] | None = None,
    ) -> AbstractAsyncContextManager[Reader]: ...


@pytest.fixture
def open_reader(make_app: Callable[..., ReaderApp]) -> ReaderOpener:
    """``async with open_reader() as (app, pilot, screen):`` a reader whose comparison is
    installed, headless at ``size``."""

    def opener(
        comparison: Comparison | None = None,
        *,
        size: tuple[int, int] = SIZE,
        message_hook: Callable[[Message], None] | None = None,
    ) -> AbstractAsyncContextManager[Reader]:
        return reader_session(make_app(comparison), size, message_hook)

    return opener


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blink timers wake the app during tests; keep the cursor still."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda _self: None)
