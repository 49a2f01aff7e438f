"""Which clusters each statement of an article belongs to: what fold mode and two-source mode
read to decide what a statement is (differing, unique, shared) and what it is aligned with.

Members are spans, not statements: a member can be a window of a sentence, a sentence can be
a member of several clusters, and a story-level member can reach over a sentence boundary. A
statement (a ``Unit``) takes part in every cluster one of whose members overlaps it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.model import Cluster, Comparison, Member, Unit


@dataclass(frozen=True)
class Membership:
    """One statement's part in one cluster: the cluster and the member that overlaps it."""

    cluster: Cluster
    member: Member


def statement_clusters(comparison: Comparison, article_id: str) -> dict[str, list[Membership]]:
    """For each statement (unit id) of one article, the clusters it takes part in, story order."""
    units = comparison.units.get(article_id, ())
    starts = [unit.start for unit in units]
    ends = [unit.end for unit in units]
    found: dict[str, list[Membership]] = {}
    for cluster in comparison.clusters:
        for member in cluster.members:
            if member.article != article_id:
                continue
            for unit in overlapping(units, starts, ends, member.start, member.end):
                found.setdefault(unit.id, []).append(Membership(cluster, member))
    return found


def overlapping(
    units: tuple[Unit, ...], starts: list[int], ends: list[int], start: int, end: int
) -> Iterable[Unit]:
    """The units (sorted, not overlapping each other) that overlap ``[start, end)``."""
    first = bisect_right(ends, start)
    last = bisect_left(starts, max(end, start + 1))
    return units[first:last]
