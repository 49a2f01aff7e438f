"""Where ``n`` and ``N`` go: the highlighted statements of one pane, in text order.

Plain state, no widget: the sorted starts are cached per pane until its marks or its
boilerplate setting change (``n`` is pressed repeatedly, and a huge article has tens of
thousands of marks).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.widgets.article_pane import ArticlePane
    from tui.core.model import ClusterKind, Mark

MAX_KEY = "\U0010ffff"
"""Sorts after every cluster id: (offset, MAX_KEY) bounds all highlights at one offset."""


class HighlightIndex:
    """(start, cluster id) of each pane's navigable highlights, sorted and cached."""

    def __init__(self, kinds: tuple[ClusterKind, ...]) -> None:
        self.kinds = kinds
        self._cache: dict[int, tuple[tuple[Mark, ...], bool, list[tuple[int, str]]]] = {}

    def starts(self, pane: ArticlePane) -> list[tuple[int, str]]:
        """The pane's highlights that are shown (boilerplate may be hidden), in text order."""
        cached = self._cache.get(pane.pane_index)
        if cached is not None and cached[0] is pane.marks and cached[1] == pane.show_boilerplate:
            return cached[2]
        starts = sorted(
            {
                (m.start, m.cluster)
                for m in pane.marks
                if m.kind in self.kinds and m.cluster is not None and pane.block_at(m.start).display
            }
        )
        self._cache[pane.pane_index] = (pane.marks, pane.show_boilerplate, starts)
        return starts

    def step(self, pane: ArticlePane, direction: int) -> tuple[int, str] | None:
        """The highlight after (or before) the pane's cursor, or its top line when the cursor
        is off screen; None past the last (or first)."""
        starts = self.starts(pane)
        here = pane.cursor if pane.cursor >= 0 and pane.is_offset_visible(pane.cursor) else None
        if here is None:
            here = pane.offset_at_top() - (1 if direction > 0 else 0)
        if direction > 0:
            index = bisect.bisect_right(starts, (here, MAX_KEY))
            return starts[index] if index < len(starts) else None
        index = bisect.bisect_left(starts, (here, ""))
        return starts[index - 1] if index > 0 else None
