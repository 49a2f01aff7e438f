"""Synced scrolling: when the user scrolls one pane, the others follow the aligned statements.

Plain state, no widget. Each cluster with a member in two panes is an anchor between them;
the leader's reading line is mapped between anchors (``tui.core.views.scrollsync``) and the
follower scrolls so its own reading line is there. Anchors are cached per layout and reset
with each comparison; a guard keeps the followers' own scroll watchers from echoing back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.core.views.scrollsync import interpolate, monotone_anchors, reading_line, scroll_for_line

if TYPE_CHECKING:
    from tui.app.widgets.article_pane import ArticlePane
    from tui.core.model import Cluster, Comparison

MAX_CACHED_LAYOUTS = 64
"""Anchor sets kept (one per pair of panes and layout); the cache is emptied past this."""


def first_start_per_article(cluster: Cluster) -> dict[str, int]:
    """Where each article's first member of ``cluster`` starts."""
    starts: dict[str, int] = {}
    for member in cluster.members:
        starts[member.article] = min(member.start, starts.get(member.article, member.start))
    return starts


class ScrollSync:
    """The anchors between panes, the panes already followed, and the re-entry guard."""

    def __init__(self) -> None:
        self.comparison: Comparison | None = None
        self._moving = False
        self._watched: set[int] = set()
        self._anchors: dict[tuple[int, ...], tuple[tuple[float, float], ...]] = {}
        self._first_starts: list[dict[str, int]] | None = None

    def reset(self, comparison: Comparison) -> None:
        """Use the anchors of a new comparison."""
        self.comparison = comparison
        self._first_starts = None
        self._anchors.clear()

    def needs_watch(self, index: int) -> bool:
        """True the first time pane ``index`` is mounted: its scrolling is to be watched."""
        if index in self._watched:
            return False
        self._watched.add(index)
        return True

    @property
    def moving(self) -> bool:
        """True while followers are being moved (their watchers must not echo back)."""
        return self._moving

    @contextmanager
    def moving_followers(self) -> Iterator[None]:
        """Move panes inside this block without their scrolling moving the others."""
        self._moving = True
        try:
            yield
        finally:
            self._moving = False

    def map_scroll(self, leader: ArticlePane, follower: ArticlePane, y: float) -> float:
        """Where the follower should be when the leader is at ``y``, following the alignment."""
        lead, follow = leader.scroller, follower.scroller
        lead_height, follow_height = lead.virtual_size.height, follow.virtual_size.height
        key = (
            leader.pane_index,
            follower.pane_index,
            lead_height,
            follow_height,
            lead.size.width,
            follow.size.width,
        )
        anchors = self._anchors.get(key)
        if anchors is None:  # recomputed only when a layout or the comparison changes
            pairs = [
                (leader.offset_y(a), follower.offset_y(b))
                for a, b in self._shared_starts(leader.article.id, follower.article.id)
            ]
            anchors = monotone_anchors(pairs, lead_height, follow_height)
            if len(self._anchors) > MAX_CACHED_LAYOUTS:
                self._anchors.clear()
            self._anchors[key] = anchors
        line = interpolate(anchors, reading_line(y, lead.max_scroll_y, lead_height))
        return scroll_for_line(line, follow.max_scroll_y, follow_height)

    def _shared_starts(self, leader: str, follower: str) -> list[tuple[int, int]]:
        """(leader start, follower start) of every cluster with a member in both articles."""
        if self.comparison is None:
            return []
        if self._first_starts is None:
            self._first_starts = [first_start_per_article(c) for c in self.comparison.clusters]
        return [
            (starts[leader], starts[follower])
            for starts in self._first_starts
            if leader in starts and follower in starts
        ]
