"""Pair the slots of aligned members and group each slot's values by agreement.

Every member is compared with a few reference members (the first ones that have slots of
the kind), so a statement carried by hundreds of sources costs linear time while every
source's value still ends up in one slot group; within a group, values are sorted into
agreement classes, so a conflict between the third and fifth source shows even when the
first source gives neither value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

S = TypeVar("S")
REFERENCES = 4


class SlotGroup(Generic[S]):
    """One slot across members: at most one slot per member (the best matched)."""

    def __init__(self, entries: list[tuple[int, S]]) -> None:
        self.entries = entries


def group_slots(
    slots: Sequence[Sequence[S]],
    match: Callable[[S, S], float],
    article_of: Callable[[int], str],
    shape: Callable[[int], Hashable] | None = None,
) -> list[list[tuple[int, S]]]:
    """Slot groups across members (index into ``slots``), each with at most one slot per article.

    Members are matched against up to ``REFERENCES`` reference members; within each pair the
    best-matching slots pair up one to one (greedily, best first). ``shape(i)``, when given,
    is a key such that two members of one shape score alike against every reference (the
    same text, when their slots and ``match`` depend on the text alone): the pairing is then
    computed once per shape and reference, however many sources carry the statement.
    """
    refs = [i for i, s in enumerate(slots) if s][:REFERENCES]
    first = [0]
    for own in slots:
        first.append(first[-1] + len(own))
    # Union-find over slots: slot x of member i is first[i] + x, so numbers order slots as
    # (member, slot) pairs do, and the smaller one stays the root.
    parent = list(range(first[-1]))
    strength = [0.0] * first[-1]
    joined: set[int] = set()

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    known: dict[tuple[Hashable, Hashable], list[tuple[float, int, int]]] = {}
    for i, own in enumerate(slots):
        if not own:
            continue
        for r in refs:
            if r == i or article_of(r) == article_of(i) or (i in refs and r > i):
                continue
            key = None if shape is None else (shape(i), shape(r))
            paired = None if key is None else known.get(key)
            if paired is None:
                paired = _paired(
                    sorted(
                        ((match(a, b), x, y) for x, a in enumerate(own) for y, b in enumerate(slots[r])),
                        key=lambda t: (-t[0], t[1], t[2]),
                    )
                )
                if key is not None:
                    known[key] = paired
            for score, x, y in paired:
                a, b = first[i] + x, first[r] + y
                joined.update((a, b))
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
                strength[a] = max(strength[a], score)
                strength[b] = max(strength[b], score)
    member = [i for i, own in enumerate(slots) for _ in own]
    groups: dict[int, list[int]] = {}
    for node in sorted(joined):
        groups.setdefault(find(node), []).append(node)
    out = []
    for nodes in groups.values():
        best: dict[str, int] = {}
        for node in nodes:
            article = article_of(member[node])
            if article not in best or strength[node] > strength[best[article]]:
                best[article] = node
        if len(best) >= 2:
            out.append([(member[n], slots[member[n]][n - first[member[n]]]) for n in sorted(best.values())])
    return out


def _paired(scored: Sequence[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """The slot pairs two members match, one to one, best first, from their scored pairs
    (best first): each slot is taken by its best match still free; nothing scoring 0 pairs."""
    used_x: set[int] = set()
    used_y: set[int] = set()
    paired = []
    for score, x, y in scored:
        if score <= 0:
            break
        if x in used_x or y in used_y:
            continue
        used_x.add(x)
        used_y.add(y)
        paired.append((score, x, y))
    return paired


def agreement_classes(entries: Sequence[tuple[int, S]], agree: Callable[[S, S], bool]) -> list[list[int]]:
    """Entries (by position) sorted into classes: each joins the first class whose first value it agrees with."""
    classes: list[list[int]] = []
    for n, (_i, slot) in enumerate(entries):
        for cls in classes:
            if agree(entries[cls[0]][1], slot):
                cls.append(n)
                break
        else:
            classes.append([n])
    return classes
