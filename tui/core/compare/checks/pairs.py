"""Story-wide candidate pairs without comparing all pairs: capped inverted indexes over rare
tokens, a union-find to gather what the pairs connect, and the rule that the story level
reports only what aligned statements miss."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from itertools import repeat

from tui.core.compare.finding import Finding
from tui.core.compare.profile import Weights
from tui.core.model import Unit

MIN_SHARED = 2
POSTING_CAP = 32
TOP_TOKENS = 8


def candidate_pairs(
    items: Sequence[frozenset[str]],
    weights: Weights,
    groups: Sequence[Hashable] | None = None,
) -> dict[tuple[int, int], tuple[int, float]]:
    """Pairs of items sharing rare tokens, with the shared count and IDF weight.

    Each item looks up only its rarest tokens, and for each only ``POSTING_CAP`` other items:
    enough to connect copies of a fact to one another without all pairs. Items of one group
    (one article) are never paired and never use up that allowance, so a huge article full of
    numbers neither floods the pairs nor crowds out the other sources. Items with one token set
    (copies of a sentence) share their rarest tokens and the measure of each pair of sets.
    """
    group_of: Sequence[Hashable] = groups if groups is not None else range(len(items))
    common, idf, default = weights.common, weights.idf, weights.default
    index: dict[str, dict[Hashable, list[int]]] = defaultdict(dict)
    for i, tokens in enumerate(items):
        for token in tokens:
            if token not in common:
                posting = index[token].setdefault(group_of[i], [])
                if len(posting) < POSTING_CAP:
                    posting.append(i)
    shapes: dict[frozenset[str], int] = {}
    shape = [shapes.setdefault(tokens, len(shapes)) for tokens in items]
    rarest: dict[int, list[str]] = {}
    measured: dict[tuple[int, int], tuple[int, float]] = {}
    postings: dict[str, list[tuple[int, Hashable]]] = {}
    pairs: dict[tuple[int, int], tuple[int, float]] = {}
    for i, tokens in enumerate(items):
        rare = rarest.get(shape[i])
        if rare is None:
            rare = rarest[shape[i]] = sorted(
                (t for t in tokens if t not in common), key=lambda t: (-idf.get(t, default), t)
            )[:TOP_TOKENS]
        own = group_of[i]
        seen: set[int] = set()
        for token in rare:
            listed = postings.get(token)
            if listed is None:
                listed = postings[token] = _first_postings(index[token])
            for j in [j for j, group in listed if group != own][:POSTING_CAP]:
                if j in seen:
                    continue
                seen.add(j)
                key = (i, j) if i < j else (j, i)
                if key not in pairs:
                    both = (shape[key[0]], shape[key[1]])
                    found = measured.get(both)
                    if found is None:
                        shared = items[i] & items[j]
                        found = measured[both] = (
                            len(shared),
                            sum(map(idf.get, sorted(shared), repeat(default))),
                        )
                    pairs[key] = found
    return pairs


def _first_postings(by_group: dict[Hashable, list[int]]) -> list[tuple[int, Hashable]]:
    """A token's postings group after group, as far as any item can read them: its first
    ``POSTING_CAP`` items outside its own group (whose postings are at most that many)."""
    listed: list[tuple[int, Hashable]] = []
    for group, posting in by_group.items():
        listed.extend((j, group) for j in posting)
        if len(listed) >= 2 * POSTING_CAP:
            break
    return listed[: 2 * POSTING_CAP]


def in_order(
    pairs: Mapping[tuple[int, int], tuple[int, float]],
) -> Iterator[tuple[tuple[int, int], tuple[int, float]]]:
    """``sorted(pairs.items())`` made of many small sorts.

    One sort of millions of pairs (a 10 MB article full of numbers) holds the interpreter
    lock for seconds, freezing the reader whose worker runs it; small sorts let it breathe.
    """
    by_first: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        by_first[i].append(j)
    for i in sorted(by_first):
        for j in sorted(by_first[i]):
            yield (i, j), pairs[i, j]


class Components:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self, members: Iterable[int]) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in sorted(members):
            out[self.find(i)].append(i)
        return [g for _root, g in sorted(out.items())]


def first_per_article(entries: Sequence[tuple[Unit, int, int]], story_order: Mapping[str, int]) -> list[int]:
    chosen: dict[str, int] = {}
    for unit, _start, key in sorted(entries, key=lambda e: (story_order[e[0].article], e[1], e[2])):
        chosen.setdefault(unit.article, key)
    return list(chosen.values())


def not_within_one_group(findings: list[Finding], group_of: Mapping[str, int]) -> list[Finding]:
    """Drop what one aligned statement already shows: the story level is for what it misses."""
    kept = []
    for finding in findings:
        homes = {group_of.get(u.id, -1 - i) for i, u in enumerate(finding.units)}
        if len(homes) > 1:
            kept.append(finding)
    return kept
