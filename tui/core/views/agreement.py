"""Who agrees with whom: for every pair of sources, what they state alike, where they differ,
and whether one copies the other.

Two sources *agree* on a fact when both carry one shared cluster, or both give the same value
in a discrepancy; they *differ* on a discrepancy where both give a value and the values are
not the same. Wire copy comes from the comparison's wire pairs; ``origin`` maps each source to
its independent origin (wire copy joined), so copying groups can be drawn side by side.

Each source's facts are bit sets (one bit per shared cluster, per value of a discrepancy, and
per discrepancy it gives a value in), so a pair costs three ANDs and bit counts: 200 sources
make 20,000 pairs, counted in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from tui.core.model import Comparison, WireCopy
from tui.core.views.who_says import article_values, value_key

LEVELS = 4
"""Shades of agreement a heat-map cell can take above zero (``level`` 0..LEVELS)."""


@dataclass(frozen=True)
class PairFacts:
    """What two sources have in common: facts agreed, discrepancies between them, wire copy."""

    agreed: int
    differ: int
    wire: WireCopy | None
    same_origin: bool


@dataclass(frozen=True)
class Agreement:
    """The source-by-source grid in ``order`` (copying groups together, similar groups near).

    ``agreed[i][j]`` and ``differ[i][j]`` are counts for the sources at ``order[i]`` and
    ``order[j]``; on the diagonal, ``agreed`` is what the source states that others share
    and ``differ`` the discrepancies it takes part in. ``groups`` are runs of ``order`` that
    share one origin, as (start, end) index pairs.
    """

    order: tuple[str, ...]
    origin: Mapping[str, str]
    agreed: tuple[tuple[int, ...], ...]
    differ: tuple[tuple[int, ...], ...]
    wire: Mapping[frozenset[str], WireCopy]
    groups: tuple[tuple[int, int], ...]
    most_agreed: int
    """The highest agreement between two different sources: the top of the heat scale."""

    def pair(self, i: int, j: int) -> PairFacts:
        """The facts of the pair at row ``i``, column ``j``."""
        a, b = self.order[i], self.order[j]
        return PairFacts(
            agreed=self.agreed[i][j],
            differ=self.differ[i][j],
            wire=self.wire.get(frozenset((a, b))),
            same_origin=i != j and self.origin.get(a, a) == self.origin.get(b, b),
        )

    def level(self, i: int, j: int) -> int:
        """The heat-map shade of a pair, 0..LEVELS: its agreement against the grid's highest."""
        top = self.most_agreed
        value = self.agreed[i][j]
        if value <= 0 or top <= 0:
            return 0
        return max(1, min(LEVELS, round(LEVELS * value / top)))


def pairwise_agreement(comparison: Comparison, origin: Mapping[str, str]) -> Agreement:
    """The agreement grid of every source of ``comparison``, ordered for reading."""
    articles = [article.id for article in comparison.articles]
    index = {article: i for i, article in enumerate(articles)}
    shared = [0] * len(articles)
    same_value = [0] * len(articles)
    gives_value = [0] * len(articles)
    shared_bit = value_bit = cluster_bit = 0
    for cluster in comparison.clusters:
        if cluster.kind == "shared":
            bit = 1 << shared_bit
            shared_bit += 1
            for article in cluster.articles:
                if article in index:
                    shared[index[article]] |= bit
        elif cluster.kind == "discrepancy":
            bit = 1 << cluster_bit
            cluster_bit += 1
            keys: dict[str, int] = {}
            for article, (value, _member) in article_values(cluster).items():
                if article not in index:
                    continue
                key = value_key(value)
                if key not in keys:
                    keys[key] = 1 << value_bit
                    value_bit += 1
                gives_value[index[article]] |= bit
                same_value[index[article]] |= keys[key]
    size = len(articles)
    agreed: list[list[int]] = []
    differ: list[list[int]] = []
    for i in range(size):
        mine, alike_bits, given = shared[i], same_value[i], gives_value[i]
        alike = [(alike_bits & other).bit_count() for other in same_value]
        agreed.append([(mine & other).bit_count() + a for other, a in zip(shared, alike, strict=True)])
        differ.append([(given & other).bit_count() - a for other, a in zip(gives_value, alike, strict=True)])
    order = _reading_order(articles, origin, agreed)
    where = [index[a] for a in order]
    pick = _picker(where)
    wire = {frozenset(copy.articles): copy for copy in comparison.wire}
    return Agreement(
        order=tuple(order),
        origin=dict(origin),
        agreed=tuple(pick(agreed[i]) for i in where),
        differ=tuple(pick(differ[i]) for i in where),
        wire=wire,
        groups=_runs(order, origin),
        most_agreed=max((max(row[:i] + row[i + 1 :], default=0) for i, row in enumerate(agreed)), default=0),
    )


def _picker(where: Sequence[int]) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """A function that reorders a row of the grid into ``where``'s order (in C, not a loop)."""
    if len(where) == 1:
        return lambda row: (row[where[0]],)
    getter = itemgetter(*where)
    return lambda row: tuple(getter(row))


def _reading_order(
    articles: Sequence[str], origin: Mapping[str, str], agreed: Sequence[Sequence[int]]
) -> list[str]:
    """Sources grouped by origin (story order inside a group), groups chained greedily: the
    largest first, then each time the group that agrees most with the last one placed."""
    members: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        members.setdefault(origin.get(article, article), []).append(i)
    groups = sorted(members.values(), key=lambda g: (-len(g), g[0]))
    if not groups:
        return []
    chain = [groups.pop(0)]
    while groups:
        last = chain[-1]

        def affinity(group: list[int], last: list[int] = last) -> tuple[float, int, int]:
            total = sum(agreed[i][j] for i in group for j in last)
            return (-total / (len(group) * len(last)), -len(group), group[0])

        best = min(range(len(groups)), key=lambda k: affinity(groups[k]))
        chain.append(groups.pop(best))
    return [articles[i] for group in chain for i in group]


def _runs(order: Sequence[str], origin: Mapping[str, str]) -> tuple[tuple[int, int], ...]:
    """Runs of ``order`` with one origin, longer than one source: the copying groups."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(order) + 1):
        if i == len(order) or origin.get(order[i], order[i]) != origin.get(order[start], order[start]):
            if i - start > 1:
                runs.append((start, i))
            start = i
    return tuple(runs)
