"""Align statements across all sources: which statements (or parts of them) say the same thing.

Statements are tokenised once, scored in candidate pairs from an inverted index (never all
pairs), clustered globally (``clustering``, with the rare phrases two statements share as
evidence for the weaker pairs), and then the facts below the sentence are found:
the dense shared windows of statements that do not align as wholes (``windows``). A window
joins the group of the statement it matches when that group has no member of its article yet
and the window agrees with the group as a whole; otherwise windows that overlap in one
statement are one fact, grouped with their partners. The result is groups of *pieces*: whole statements, or windows of them with their
own offsets, so that a long sentence can take part in several facts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from tui.core.compare.clustering import (
    COHERENCE,
    LINK,
    MAX_REPRESENTATIVES,
    Cancelled,
    agglomerate,
    candidate_pairs,
)
from tui.core.compare.profile import Profile, Statement, Weights, profile_of, statement, weights_for
from tui.core.compare.similarity import rare_phrases, score
from tui.core.compare.windows import best_window, window_pair
from tui.core.model import Mention, Unit

__all__ = ["Cancelled", "align_units", "piece", "token_weights"]

SAME_WINDOW = 0.5
"""Two windows of one statement overlapping this much (of the shorter) are one fact."""

Node = tuple[str, int, int, int]
"""A group of whole statements ("g", group, 0, 0) or a window ("w", statement, start, end)."""


def token_weights(units: Sequence[Unit]) -> Weights:
    """IDF of the units' plain tokens (the story-level checks' weights)."""
    return weights_for([frozenset(u.tokens) for u in units])


def align_units(
    units: Sequence[Unit],
    mentions: Mapping[str, Sequence[Mention]] | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[tuple[Unit, ...], ...]:
    """Groups of aligned pieces (singletons included), each group at most one piece per article,
    its pieces in article then text order. The result does not depend on the order of ``units``."""
    ordered = sorted(units, key=lambda u: (u.article, u.start))
    items = [statement(u, (mentions or {}).get(u.article, ())) for u in ordered]
    weights = weights_for([item.keys for item in items])
    profiles = [profile_of(item, weights) for item in items]
    if progress is not None:
        progress(0.2)
    pairs = candidate_pairs(profiles, weights, should_stop)
    if progress is not None:
        progress(0.6)
    groups, home = agglomerate(profiles, weights, pairs, rare_phrases(items, weights))
    if progress is not None:
        progress(0.8)
    found = [
        _trimmed(group, items, weights)
        for group in _with_windows(items, profiles, weights, pairs, groups, home)
    ]
    out = []
    for group in found:
        pieces = sorted((piece(p) for p in group), key=lambda u: (u.article, u.start))
        out.append(tuple(pieces))
    return tuple(out)


def piece(p: Profile) -> Unit:
    """The unit a profile stands for: the statement itself, or a window of it as a unit of its
    own (its id, offsets, text, tokens and the slots inside it)."""
    unit = p.unit
    if p.whole:
        return unit
    start, end = p.start, p.end

    def inside(at: int) -> bool:
        return start <= at < end

    return replace(
        unit,
        id=f"{unit.id}@{start}-{end}",
        start=start,
        end=end,
        text=unit.text[start - unit.start : end - unit.start],
        tokens=tuple(t.norm for t in p.tokens),
        quantities=tuple(q for q in unit.quantities if inside(q.start)),
        dates=tuple(d for d in unit.dates if inside(d.start)),
        times=tuple(t for t in unit.times if inside(t.start)),
        quotes=tuple(q for q in unit.quotes if q.start < end and start < q.end),
        headline=unit.headline,
    )


def _with_windows(
    items: Sequence[Statement],
    profiles: Sequence[Profile],
    weights: Weights,
    pairs: Mapping[tuple[int, int], float],
    groups: list[list[int]],
    home: Mapping[int, int],
) -> list[list[Profile]]:
    """The groups, with the windows of statements that did not align as wholes added."""
    held = [set(group) for group in groups]
    links: list[tuple[float, int, int, Profile, Profile]] = []
    for i, j in sorted(pairs):
        if home[i] == home[j] or j in held[home[i]] or i in held[home[j]]:
            continue
        found = window_pair(items[i], profiles[i], items[j], profiles[j], weights)
        if found is not None:
            links.append((found[2], i, j, found[0], found[1]))
    links.sort(key=lambda link: (-link[0], link[1], link[2]))
    windows: dict[int, list[Profile]] = {}
    members: dict[Node, list[Profile]] = {}
    parent: dict[Node, Node] = {}

    def fits(partner: Profile, group: int) -> bool:
        reps = [profiles[m] for m in groups[group][:MAX_REPRESENTATIVES]]
        return sum(score(partner, r, weights) for r in reps) / len(reps) >= COHERENCE * LINK

    def node(index: int, window: Profile, partner: Profile) -> Node:
        if window.whole or (len(groups[home[index]]) > 1 and fits(partner, home[index])):
            found: Node = ("g", home[index], 0, 0)
        else:
            known = windows.setdefault(index, [])
            same = next((k for k in known if _same_window(k, window)), None)
            if same is None:
                known.append(window)
                same = window
            found = ("w", index, same.start, same.end)
        if found not in parent:
            parent[found] = found
            members[found] = [profiles[m] for m in groups[found[1]]] if found[0] == "g" else [window]
        return found

    def find(n: Node) -> Node:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _score, i, j, wa, wb in links:
        ra, rb = find(node(i, wa, wb)), find(node(j, wb, wa))
        if ra == rb or (ra[0] == "g" and rb[0] == "g"):
            continue
        if {m.article for m in members[ra]} & {m.article for m in members[rb]}:
            continue
        keep, gone = (ra, rb) if ra[0] == "g" or (rb[0] != "g" and ra < rb) else (rb, ra)
        parent[gone] = keep
        members[keep] = members[keep] + members.pop(gone)
    absorbed = {n[1] for n in members if n[0] == "g"}
    out = [[profiles[m] for m in group] for g, group in enumerate(groups) if g not in absorbed]
    out += [found for n, found in sorted(members.items()) if n[0] == "g" or len(found) > 1]
    return out


TRIM_RATIO = 2.0
"""A statement this many times longer than every other member of its group..."""
TRIM_SHARE = 0.6
"""...is shown by the part of it that holds what they share, when that part is at most this share
of it: the fact, not the whole sentence ("Governor Ward, who toured the district on Sunday,
confirmed that the army will build a bridge" / "Soldiers will build a bridge")."""


def _trimmed(group: list[Profile], items: Sequence[Statement], weights: Weights) -> list[Profile]:
    """The group with a much longer statement cut to the window that holds the shared keys."""
    if len(group) < 2:
        return group
    out = []
    lengths = sorted((len(p.tokens) for p in group), reverse=True)
    for member in group:
        longest = lengths[1] if len(member.tokens) == lengths[0] else lengths[0]
        if not member.whole or len(member.tokens) < TRIM_RATIO * longest:
            out.append(member)
            continue
        others = [p for p in group if p is not member]
        shared = frozenset().union(*(member.keys & p.keys for p in others))
        span = best_window(member, shared, weights)
        item = next(i for i in items if i.unit is member.unit)
        if span is None or span[1] - span[0] > TRIM_SHARE * len(member.tokens):
            out.append(member)
        else:
            out.append(profile_of(item, weights, *span))
    return out


def _same_window(a: Profile, b: Profile) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > SAME_WINDOW * min(a.end - a.start, b.end - b.start)
