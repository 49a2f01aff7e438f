"""The base of the reader's dialogs: a modal screen that closes once, however many keys arrive.

A burst of keys (a key flood, keys typed ahead on a slow machine) can reach a dialog after
its first Escape has dismissed it: ``Screen.dismiss`` pops whatever screen is on top, so the
second Escape popped the reader itself and the app ended with ScreenStackError.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen, ScreenResultType


def dismiss_once(screen: Screen[Any], result: Any) -> AwaitComplete:
    """``screen.dismiss(result)`` while it is the top screen; nothing once it is not."""
    if not screen.is_active:
        return AwaitComplete()  # already closed: a late key, nothing to do
    return Screen.dismiss(screen, result)


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose ``dismiss`` does nothing once it is no longer the top screen."""

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        return dismiss_once(self, result)
