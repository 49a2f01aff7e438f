"""Which sources the reader shows, and the window of them that fits side by side.

Plain state, no widget: the screen asks it which panes to show for the room it has, and
shows them. The user chooses the sources (all by default, ``p``), pages through them when
they do not fit (``<`` ``>``), and a pane that must be seen (a fact's member, a search
match) slides the window to it.
"""

from __future__ import annotations

from collections.abc import Sequence


class PaneWindow:
    """The chosen panes in display order, and the index of the leftmost one on screen."""

    def __init__(self) -> None:
        self.shown: list[int] = []
        """Pane indexes the user chose to read (all by default), in display order."""
        self.first = 0
        """Index into ``shown`` of the leftmost visible pane."""

    def reset(self, count: int) -> None:
        """Show all ``count`` panes, from the first."""
        self.shown = list(range(count))
        self.first = 0

    def visible(self, capacity: int) -> list[int]:
        """The chosen panes that fit in ``capacity``, left to right; a window run past the end
        (after a resize or a new choice) slides back."""
        self.first = max(0, min(self.first, len(self.shown) - capacity))
        return self.shown[self.first : self.first + capacity]

    def page(self, direction: int, capacity: int) -> list[int]:
        """Slide the window by one source and return what it now shows."""
        self.first = max(0, min(self.first + direction, len(self.shown) - capacity))
        return self.shown[self.first : self.first + capacity]

    def pageable(self, capacity: int) -> bool:
        """Whether there are more chosen panes than fit (``<`` and ``>`` do something)."""
        return len(self.shown) > capacity

    def reveal(self, index: int, capacity: int) -> None:
        """Slide the window (choosing the pane if need be) so that pane ``index`` is in it."""
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

    def neighbour(self, index: int, direction: int) -> int:
        """The chosen pane ``direction`` steps from ``index``, wrapping around (Tab, Shift+Tab)."""
        current = self.shown.index(index) if index in self.shown else 0
        return self.shown[(current + direction) % len(self.shown)]
