"""Map a scroll position in one pane to the aligned position in another.

Articles differ in length and order, so "the same line number" means nothing across panes.
What does mean something is alignment: a statement of cluster C sits at y=120 in the
leader and at y=40 in the follower. Given such anchor pairs, the follower's position is a
piecewise-linear interpolation between the anchors around the leader's position. The math
lives here, free of Textual, so it can be tested exhaustively.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


def monotone_anchors(
    pairs: Iterable[tuple[float, float]], leader_max: float, follower_max: float
) -> tuple[tuple[float, float], ...]:
    """Order anchor pairs by leader position and drop the ones that would go backwards.

    Reordered stories put a statement early in one article and late in another; following
    such a pair would make the follower jump back and forth while the leader moves steadily
    down. Keeping only pairs whose follower position never decreases (greedy, in leader
    order) gives a mapping that always moves the same way as the leader. The two ends
    (0, 0) and (leader_max, follower_max) are always included and win over anchors that lie
    on them: when the leader is at its top or bottom, so is the follower.
    """
    leader_max = max(leader_max, 0.0)
    follower_max = max(follower_max, 0.0)
    kept: list[tuple[float, float]] = [(0.0, 0.0)]
    for lead, follow in sorted(pairs):
        lead = min(max(lead, 0.0), leader_max)
        follow = min(max(follow, 0.0), follower_max)
        last_lead, last_follow = kept[-1]
        if follow < last_follow:
            continue
        if lead == last_lead or lead >= leader_max:
            # Several anchors on one leader line: the first one wins, the others add nothing.
            continue
        kept.append((lead, follow))
    kept.append((leader_max, follower_max))
    return tuple(kept)


def interpolate(anchors: tuple[tuple[float, float], ...], y: float) -> float:
    """The follower position for leader position ``y``, given monotone anchors.

    ``anchors`` comes from :func:`monotone_anchors`; positions outside the anchored range
    clamp to its ends.
    """
    if not anchors:
        return 0.0
    if y <= anchors[0][0]:
        return anchors[0][1]
    if y >= anchors[-1][0]:
        return anchors[-1][1]
    index = bisect_right([lead for lead, _ in anchors], y)
    (lead_a, follow_a), (lead_b, follow_b) = anchors[index - 1], anchors[index]
    if lead_b == lead_a:
        return follow_a
    return follow_a + (y - lead_a) * (follow_b - follow_a) / (lead_b - lead_a)


def reading_line(scroll_y: float, max_scroll: float, content_height: float) -> float:
    """The content line a pane is "reading" at a scroll position.

    At the top of the article it is the first visible line, at the bottom the last one, and
    in between it slides down the viewport in proportion. Matching reading lines (instead of
    top lines) lets a statement near the end of a short article align with its counterpart in
    a long one: the top line of a pane scrolled to its end cannot move any further.
    """
    if max_scroll <= 0:
        return 0.0
    return min(max(scroll_y, 0.0), max_scroll) * content_height / max_scroll


def scroll_for_line(line: float, max_scroll: float, content_height: float) -> float:
    """The scroll position whose reading line is ``line`` (inverse of :func:`reading_line`)."""
    if content_height <= 0 or max_scroll <= 0:
        return 0.0
    return min(max(line * max_scroll / content_height, 0.0), max_scroll)
