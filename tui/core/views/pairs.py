"""Two-source mode: two articles statement by statement, aligned rows, word diff in both.

Two statements are aligned when they take part in one statement-level cluster (shared, or a
discrepancy); a story-level discrepancy compares unlike sentences, so it does not align them,
but its values are marked where the two sources give different ones.
Rows keep both articles in their own order, as a side-by-side diff does: the aligned pairs
kept are the heaviest chain that goes forward in both articles (a pair linked by more
clusters weighs more); a statement aligned only out of that order is shown on its own row
and marked as *moved*. Each aligned pair carries the word diff of each side against the
other (the engine's word diff, passed in by the caller: the views sit below the engine), and
the spans of the values that differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.model import Cluster, Comparison, DiffPiece, Unit
from tui.core.views.statements import Membership, statement_clusters
from tui.core.views.who_says import article_values, value_key

RowKind = Literal["same", "reworded", "differs", "left", "right"]
WordDiff = Callable[[str, str | None], tuple[DiffPiece, ...]]


@dataclass(frozen=True)
class Side:
    """One source's statement in a row: its words as diff pieces, its differing values.

    ``pieces`` concatenate to ``unit.text``; ``values`` are (start, end) spans relative to it.
    """

    unit: Unit
    pieces: tuple[DiffPiece, ...]
    values: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PairRow:
    """One aligned row: both sides, or one side alone.

    ``kind``: "same" (aligned, no word differs), "reworded" (aligned, words differ),
    "differs" (aligned, in a discrepancy where the two give different values), "left" or
    "right" (only that source says it here; its ``values`` mark a story-level discrepancy with
    the other source). ``moved`` marks a one-sided statement that the
    other source also makes, elsewhere. ``clusters`` are the ids linking the two sides (the
    discrepancies first), or the one side's clusters.
    """

    kind: RowKind
    left: Side | None
    right: Side | None
    clusters: tuple[str, ...] = ()
    moved: bool = False


def pair_rows(comparison: Comparison, left: str, right: str, word_diff: WordDiff) -> tuple[PairRow, ...]:
    """The rows of two sources side by side, each in its own order, boilerplate left out."""
    left_units = [u for u in comparison.units.get(left, ()) if not u.is_boilerplate]
    right_units = [u for u in comparison.units.get(right, ()) if not u.is_boilerplate]
    left_of = statement_clusters(comparison, left)
    right_of = statement_clusters(comparison, right)
    links = _links(left_units, right_units, left_of, right_of)
    chain = _heaviest_chain(links)
    linked_left = {i for i, _ in links}
    linked_right = {j for _, j in links}
    rows: list[PairRow] = []
    i = j = 0
    for a, b in [*chain, (len(left_units), len(right_units))]:
        for k in range(i, a):
            rows.append(_alone("left", left_units[k], left_of, k in linked_left, right))
        for k in range(j, b):
            rows.append(_alone("right", right_units[k], right_of, k in linked_right, left))
        if a < len(left_units) and b < len(right_units):
            rows.append(_aligned(left_units[a], right_units[b], links[(a, b)], left, right, word_diff))
        i, j = a + 1, b + 1
    return tuple(rows)


ONE_SIDED: frozenset[RowKind] = frozenset({"left", "right"})


def change_starts(rows: Sequence[PairRow]) -> tuple[int, ...]:
    """Where ``]`` and ``[`` stop: every aligned pair that differs (in a value or in words), and
    the first row of every run of statements only one of the two sources makes."""
    return tuple(
        index
        for index, row in enumerate(rows)
        if row.kind in ("differs", "reworded")
        or (row.kind in ONE_SIDED and (index == 0 or rows[index - 1].kind not in ONE_SIDED))
    )


def _links(
    left_units: Sequence[Unit],
    right_units: Sequence[Unit],
    left_of: dict[str, list[Membership]],
    right_of: dict[str, list[Membership]],
) -> dict[tuple[int, int], list[Cluster]]:
    """Every pair of statements that share a cluster, with the clusters they share."""
    right_by_cluster: dict[str, list[int]] = {}
    for j, unit in enumerate(right_units):
        for membership in right_of.get(unit.id, ()):
            right_by_cluster.setdefault(membership.cluster.id, []).append(j)
    links: dict[tuple[int, int], list[Cluster]] = {}
    for i, unit in enumerate(left_units):
        for membership in left_of.get(unit.id, ()):
            cluster = membership.cluster
            if cluster.kind == "unique" or cluster.scope == "story":
                continue
            for j in right_by_cluster.get(cluster.id, ()):
                shared = links.setdefault((i, j), [])
                if cluster not in shared:
                    shared.append(cluster)
    return links


def _heaviest_chain(links: dict[tuple[int, int], list[Cluster]]) -> list[tuple[int, int]]:
    """The pairs, increasing in both articles, whose links weigh most (longest chain on ties)."""
    pairs = sorted(links)
    best: list[tuple[int, int]] = []
    back: list[int] = []
    for k, (i, j) in enumerate(pairs):
        score, previous = (len(links[(i, j)]), 1), -1
        for m in range(k):
            a, b = pairs[m]
            if a < i and b < j:
                candidate = (best[m][0] + len(links[(i, j)]), best[m][1] + 1)
                if candidate > score:
                    score, previous = candidate, m
        best.append(score)
        back.append(previous)
    if not pairs:
        return []
    k = max(range(len(pairs)), key=lambda n: (best[n], -n))
    chain: list[tuple[int, int]] = []
    while k != -1:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _alone(
    kind: RowKind, unit: Unit, memberships: dict[str, list[Membership]], moved: bool, other: str
) -> PairRow:
    mine = [m.cluster for m in memberships.get(unit.id, ())]
    clusters = tuple(dict.fromkeys(c.id for c in mine))
    differing = [c for c in mine if c.kind == "discrepancy" and _values_differ(c, unit.article, other)]
    side = Side(unit, (DiffPiece(unit.text, False),) if unit.text else (), _value_spans(differing, unit))
    if kind == "left":
        return PairRow(kind, side, None, clusters, moved)
    return PairRow(kind, None, side, clusters, moved)


def _aligned(
    left: Unit, right: Unit, clusters: list[Cluster], left_id: str, right_id: str, word_diff: WordDiff
) -> PairRow:
    differing = [c for c in clusters if c.kind == "discrepancy" and _values_differ(c, left_id, right_id)]
    left_pieces = word_diff(left.text, right.text)
    right_pieces = word_diff(right.text, left.text)
    if differing:
        kind: RowKind = "differs"
    elif any(p.changed for p in (*left_pieces, *right_pieces)):
        kind = "reworded"
    else:
        kind = "same"
    ordered = [*differing, *(c for c in clusters if c not in differing)]
    return PairRow(
        kind,
        Side(left, left_pieces, _value_spans(differing, left)),
        Side(right, right_pieces, _value_spans(differing, right)),
        tuple(c.id for c in ordered),
    )


def _values_differ(cluster: Cluster, left: str, right: str) -> bool:
    values = article_values(cluster)
    if left not in values or right not in values:
        return False
    return value_key(values[left][0]) != value_key(values[right][0])


def _value_spans(clusters: Sequence[Cluster], unit: Unit) -> tuple[tuple[int, int], ...]:
    spans = {
        (member.value_start - unit.start, member.value_end - unit.start)
        for cluster in clusters
        for member in cluster.members
        if member.article == unit.article
        and member.value_start is not None
        and member.value_end is not None
        and unit.start <= member.value_start < member.value_end <= unit.end
    }
    return tuple(sorted(spans))
