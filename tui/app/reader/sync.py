"""Synced scrolling: when the user scrolls one pane, the others follow the aligned statements.

Plain state, no widget. The panes on screen are kept level the way vimdiff keeps its windows:
filler rows (``tui.core.views.filler``) put the statements two or more of them share on the
same row, so level panes have one scroll position, and a follower moves by as many rows as
the leader (as vim's scrollbind does): aligned statements stay side by side, and a pane that
a jump left on its own statement of a fact keeps it in view. A huge article's pane (whose rows are estimates) cannot be filled exactly; with
such a pane the leader's reading line is mapped between the shared statements instead
(``tui.core.views.scrollsync``). Only statement-level facts align text: a story-level
discrepancy ("the minister's name differs") links sentences that say different things.
Anchors are cached per layout and reset with each comparison; a guard keeps the followers'
own scroll watchers from echoing back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tui.core.views.scrollsync import interpolate, monotone_anchors, reading_line, scroll_for_line

if TYPE_CHECKING:
    from tui.app.widgets.article_pane import ArticlePane
    from tui.core.model import Cluster, Comparison
    from tui.core.views.filler import Anchor

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
        self._first_starts: list[tuple[str, dict[str, int]]] | None = None

    def reset(self, comparison: Comparison) -> None:
        """Use the anchors of a new comparison."""
        self.comparison = comparison
        self._first_starts = None
        self._anchors.clear()

    def forget(self, index: int) -> None:
        """Pane ``index`` was replaced: watch the new one when it is mounted."""
        self._watched.discard(index)

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
        """Where the follower should be when the leader is at ``y``, following the alignment:
        the same row when both are filled level, else mapped between shared statements."""
        lead, follow = leader.scroller, follower.scroller
        if not (leader.sized or follower.sized):
            return min(max(y, 0.0), follow.max_scroll_y)
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

    def follow(self, leader: ArticlePane, follower: ArticlePane, old: float, new: float) -> float:
        """Where the follower goes when the leader scrolls from ``old`` to ``new``: by as many
        rows (panes filled level stay level, and a pane a jump left showing its own statement
        of a fact that cannot be level keeps showing it), or mapped for a huge article."""
        if leader.sized or follower.sized:
            return self.map_scroll(leader, follower, new)
        scroller = follower.scroller
        return min(max(scroller.scroll_y + new - old, 0.0), scroller.max_scroll_y)

    def statement_starts(self) -> list[tuple[str, dict[str, int]]]:
        """(cluster id, where each article's first member starts) of every statement-level
        fact held by two or more articles, in story order (cached per comparison)."""
        if self.comparison is None:
            return []
        if self._first_starts is None:
            self._first_starts = [
                (cluster.id, starts)
                for cluster in self.comparison.clusters
                if cluster.scope == "statement" and len(starts := first_start_per_article(cluster)) > 1
            ]
        return self._first_starts

    def _shared_starts(self, leader: str, follower: str) -> list[tuple[int, int]]:
        """(leader start, follower start) of every statement-level fact in both articles."""
        return [
            (starts[leader], starts[follower])
            for _, starts in self.statement_starts()
            if leader in starts and follower in starts
        ]

    def level(self, panes: Sequence[ArticlePane], *, filled: bool = True) -> bool:
        """Fill ``panes`` (those on screen, left to right) so the statements they share sit on
        the same rows; True when any pane's filler changed (it must be laid out again).

        Panes not yet laid out, and huge ones, take no part (and get no filler); a single pane
        needs none, and neither do panes read on their own (``filled`` False: synced scrolling
        is off).
        """
        from tui.core.views.filler import filler_rows

        starts = self.statement_starts()
        columns: list[list[Anchor]] = []
        members: list[ArticlePane] = []
        if filled and len(panes) > 1:
            ids = {pane.article.id for pane in panes}
            shared = [(key, s) for key, s in starts if sum(article in ids for article in s) > 1]
            for pane in panes:
                article = pane.article.id
                anchors = pane.anchors({key: s[article] for key, s in shared if article in s})
                if anchors is not None:
                    columns.append(anchors)
                    members.append(pane)
        pads = filler_rows(columns) if len(columns) > 1 else [{} for _ in columns]
        changed = False
        for pane in panes:
            fill = pads[members.index(pane)] if pane in members else {}
            changed = pane.set_pads(fill) or changed
        return changed
