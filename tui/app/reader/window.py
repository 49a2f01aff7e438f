"""Which sources the reader shows, and the window of them that fits side by side.

Plain state, no widget: the screen asks it which panes to show for the room it has, and
shows them. The user chooses the sources (all by default, ``p``), pages through them when
they do not fit (``<`` ``>``), and a pane that must be seen (a search match) slides the
window to it. A jump to a fact *arranges* the window instead: the sources that hold the fact
are shown together, as many as fit (a discrepancy's two sides side by side), until the user
pages or picks, which puts their own window back.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_PANE_WIDTH = 40
"""Narrowest readable pane (columns, border included); decides how many panes fit."""


def panes_that_fit(width: int) -> int:
    """How many panes fit side by side in ``width`` columns (at least one). The command line
    asks it too, to read only the articles of the first screen before the reader opens."""
    return max(1, width // MIN_PANE_WIDTH)


class PaneWindow:
    """The chosen panes in display order, and the index of the leftmost one on screen."""

    def __init__(self) -> None:
        self.shown: list[int] = []
        """Pane indexes the user chose to read (all by default), in display order."""
        self.first = 0
        """Index into ``shown`` of the leftmost visible pane."""
        self.arranged: list[int] | None = None
        """The panes shown for the current fact (pane order), until the user pages or picks."""

    def reset(self, count: int) -> None:
        """Show all ``count`` panes, from the first."""
        self.shown = list(range(count))
        self.first = 0
        self.arranged = None

    def visible(self, capacity: int) -> list[int]:
        """The panes on screen for ``capacity``, left to right: the arrangement for the current
        fact, else the chosen panes from ``first`` (a window run past the end, after a resize
        or a new choice, slides back)."""
        if self.arranged is not None:
            return self.arranged[:capacity]
        self.first = max(0, min(self.first, len(self.shown) - capacity))
        return self.shown[self.first : self.first + capacity]

    def arrange(self, wanted: Sequence[int], capacity: int) -> bool:
        """Show the panes of ``wanted`` (most wanted first) that fit, filling the rest of the
        room with panes already on screen; False when they are all on screen already.

        Panes the user left out (``p``) are only shown when no chosen pane is wanted.
        """
        visible = self.visible(capacity)
        chosen = [index for index in wanted if index in self.shown] or list(wanted)
        chosen = chosen[:capacity]
        if not chosen or all(index in visible for index in chosen):
            return False
        rest = [index for index in visible if index not in chosen]
        self.arranged = sorted(chosen + rest[: capacity - len(chosen)])
        return True

    def restore(self) -> bool:
        """Put the user's own window back after an arrangement; False when there was none."""
        if self.arranged is None:
            return False
        self.arranged = None
        return True

    def page(self, direction: int, capacity: int) -> list[int]:
        """Slide the user's window by one source (an arrangement is dropped first) and return
        what it now shows."""
        self.arranged = None
        self.first = max(0, min(self.first + direction, len(self.shown) - capacity))
        return self.shown[self.first : self.first + capacity]

    def pageable(self, capacity: int) -> bool:
        """Whether there are more chosen panes than fit (``<`` and ``>`` do something)."""
        return len(self.shown) > capacity

    def extend(self, count: int) -> None:
        """The story grew to ``count`` panes (the rest of its sources were read): choose the
        new ones too, keeping the window where it is."""
        self.shown += range(max(self.shown, default=-1) + 1, count)

    def reveal(self, index: int, capacity: int) -> None:
        """Slide the window (choosing the pane if need be) so that pane ``index`` is in it;
        an arrangement that does not show it is dropped first."""
        if self.arranged is not None:
            if index in self.arranged[:capacity]:
                return
            self.arranged = None
        if index not in self.shown:
            self.shown.append(index)
        position = self.shown.index(index)
        if position < self.first:
            self.first = position
        elif position >= self.first + capacity:
            self.first = position - capacity + 1

    def pick(self, chosen: Sequence[int]) -> None:
        """Show only the ``chosen`` panes, in pane order, from the first."""
        self.shown = sorted(chosen)
        self.first = 0
        self.arranged = None

    def neighbour(self, index: int, direction: int) -> int:
        """The chosen pane ``direction`` steps from ``index``, wrapping around (Tab, Shift+Tab);
        within the arrangement while there is one."""
        ring = self.arranged if self.arranged is not None else self.shown
        current = ring.index(index) if index in ring else 0
        return ring[(current + direction) % len(ring)]
