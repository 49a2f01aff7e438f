"""Where ``]`` ``[`` ``}`` ``{`` go: the next fact of a kind after the reader's place, wrapping.

Facts are walked in story order (the facts list's order), from where the user is rather than
from the last fact of the same kind: after a few ``]``, ``}`` goes to the next shared fact
below, not back to the first one. Past the last (or first) fact the walk wraps around and
says so, as vim's search does ("search hit BOTTOM, continuing at TOP").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Step(NamedTuple):
    """The index reached, and whether the walk wrapped around an end to get there."""

    at: int
    wrapped: bool


def step_kind(kinds: Sequence[str], wanted: str, start: int, direction: int) -> Step | None:
    """The next index whose kind is ``wanted``: at or after ``start`` going forward
    (``direction`` > 0), before ``start`` going back; wrapping around; None if there is none.

    ``start`` is a position between facts: from the current fact at index ``i``, forward
    starts at ``i + 1`` and backward at ``i``; from a reading position, both start at the
    first fact after it.
    """
    count = len(kinds)
    start = min(max(start, 0), count)
    if direction > 0:
        order = [*range(start, count), *range(0, start)]
        wrap_at = count - start
    else:
        order = [*range(start - 1, -1, -1), *range(count - 1, start - 1, -1)]
        wrap_at = start
    for position, index in enumerate(order):
        if kinds[index] == wanted:
            return Step(index, position >= wrap_at)
    return None
