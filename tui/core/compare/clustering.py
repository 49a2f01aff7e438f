"""Group statements that say the same thing, across all sources at once.

Every statement's best few partners come from an inverted index over its rarest keys (never
all pairs); the candidate pairs are scored, then taken best first, whatever article they come
from, so the result does not depend on the order the files were given in. Two groups merge
when they hold no article twice and agree as a whole (their representatives score well on
average); near-identical statements always merge when the article rule allows, so a slightly
better partner elsewhere can never split two near-copies. When every link is taken, pairs
that fall short of a link but share a rare phrase merge on the same terms (see
:data:`PHRASE_LINK`). Then a statement that says what another group says joins that group too:
one sentence can state several facts.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tui.core.compare.profile import Phrase, Profile, Weights
from tui.core.compare.similarity import overlap_share, score

LINK = 0.25
"""The score two statements need to be aligned."""
COHERENCE = 0.6
"""Two groups merge only when their representatives' mean score is this share of LINK."""
PHRASE_LINK = COHERENCE * LINK
"""Two statements that share a rare phrase need only the score a statement needs to agree with
a group, not a link's: the phrase is the evidence the missing words would have been ("covered
his head with his robe" / "muffled his head in his robe"). They are taken after every link, so
a phrase never takes a statement from a better partner."""
NEAR_IDENTICAL = 0.7
MAX_CANDIDATES = 10
MAX_REPRESENTATIVES = 4
INDEX_KEYS = 64
"""A statement looks up this many of its rarest keys in the index."""
POSTING_CAP = 32
"""...and at most this many statements per key: enough to reach every group it belongs to,
never all the copies of a fact in a story of hundreds of sources."""

Pairs = dict[tuple[int, int], float]


class Cancelled(Exception):
    """Raised inside alignment when the caller asks to stop."""


def candidate_pairs(
    profiles: Sequence[Profile], weights: Weights, should_stop: Callable[[], bool] | None = None
) -> Pairs:
    """Each statement's best few partners in other articles by indexed overlap, scored.

    Statements that look up the same keys (copies of one sentence in many sources) share one
    overlap count: each takes its best partners from that count, skipping its own article's
    statements, which is what counting for it alone would give, summed in the same order.
    """
    index: dict[str, list[int]] = defaultdict(list)
    lookups: list[tuple[str, ...]] = []
    articles = [p.article for p in profiles]
    of = weights.of
    for i, p in enumerate(profiles):
        rare = tuple(sorted(p.keys - weights.common, key=lambda k: (-of(k), k))[:INDEX_KEYS])
        lookups.append(rare)
        for key in rare:
            index[key].append(i)
    capped = {key: posting[:POSTING_CAP] for key, posting in index.items()}
    readers: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, rare in enumerate(lookups):
        readers[rare].append(i)
    best: list[list[int]] = [[] for _ in profiles]
    for n, (rare, members) in enumerate(readers.items()):
        if should_stop is not None and n % 512 == 0 and should_stop():
            raise Cancelled()
        overlap: dict[int, float] = defaultdict(float)
        for key in rare:
            weight = of(key)
            for j in capped[key]:
                overlap[j] += weight
        own = Counter(articles[m] for m in members)
        skipped = Counter(articles[j] for j in overlap)
        wanted = MAX_CANDIDATES + max(skipped[a] for a in own)
        ranked = heapq.nsmallest(wanted, [(-w, j) for j, w in overlap.items()])
        for i in members:
            article = articles[i]
            best[i] = [j for _w, j in ranked if articles[j] != article][:MAX_CANDIDATES]
    pairs: Pairs = {}
    scores = _SignatureScores(profiles, weights)
    for i in range(len(profiles)):
        for j in best[i]:
            pair = (i, j) if i < j else (j, i)
            if pair not in pairs:
                pairs[pair] = scores(pair[0], pair[1])
    return pairs


class _SignatureScores:
    """:func:`score` of profile pairs, computed once per pair of signatures: the score reads
    only a profile's keys, plain keys, heading flag, fates and years, which copies of one
    statement share."""

    def __init__(self, profiles: Sequence[Profile], weights: Weights) -> None:
        self.profiles, self.weights = profiles, weights
        ids: dict[tuple[object, ...], int] = {}
        self.signature = [
            ids.setdefault((p.keys, p.plain, p.heading, p.fates, p.years), len(ids)) for p in profiles
        ]
        self.known: dict[tuple[int, int], float] = {}

    def __call__(self, i: int, j: int) -> float:
        key = (self.signature[i], self.signature[j])
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = score(self.profiles[i], self.profiles[j], self.weights)
        return found


@dataclass
class _Group:
    members: list[int]
    articles: set[str]
    reps: list[int] = field(default_factory=list)


class _Scores:
    """Scores of profile pairs, computed once (the candidate pairs are already known)."""

    def __init__(self, profiles: Sequence[Profile], weights: Weights, pairs: Pairs) -> None:
        self.by_signature, self.known = _SignatureScores(profiles, weights), dict(pairs)

    def __call__(self, i: int, j: int) -> float:
        pair = (i, j) if i < j else (j, i)
        found = self.known.get(pair)
        if found is None:
            found = self.known[pair] = self.by_signature(pair[0], pair[1])
        return found

    def coherent(self, members: Sequence[int], reps: Sequence[int]) -> bool:
        cross = [self(x, y) for x in members for y in reps if x != y]
        return not cross or sum(cross) / len(cross) >= COHERENCE * LINK


def agglomerate(
    profiles: Sequence[Profile], weights: Weights, pairs: Pairs, phrases: Sequence[frozenset[Phrase]] = ()
) -> tuple[list[list[int]], dict[int, int]]:
    """Groups of profile indexes, at most one per article, merged best pair first (the links,
    then the pairs that share a phrase of ``phrases``, one set per profile), and each profile's
    own group; a group may also hold profiles whose own group is another one (see
    :func:`add_secondary`)."""
    scores = _Scores(profiles, weights, pairs)
    parent = list(range(len(profiles)))
    groups = {i: _Group([i], {p.article}, [i]) for i, p in enumerate(profiles)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = sorted((pair for pair, s in pairs.items() if s >= LINK), key=lambda pair: (-pairs[pair], pair))
    phrased = sorted(
        (
            pair
            for pair, s in pairs.items()
            if PHRASE_LINK <= s < LINK and phrases and phrases[pair[0]] & phrases[pair[1]]
        ),
        key=lambda pair: (-pairs[pair], pair),
    )
    for i, j in edges + phrased:
        gi, gj = find(i), find(j)
        if gi == gj:
            continue
        a, b = groups[gi], groups[gj]
        if a.articles & b.articles:
            continue
        if overlap_share(profiles[i], profiles[j]) < NEAR_IDENTICAL and not scores.coherent(a.reps, b.reps):
            continue
        keep, gone = (gi, gj) if gi < gj else (gj, gi)
        parent[gone] = keep
        kept, merged = groups[keep], groups.pop(gone)
        kept.members += merged.members
        kept.articles |= merged.articles
        kept.reps = (kept.reps + merged.reps)[:MAX_REPRESENTATIVES]
    ordered = [sorted(g.members) for _k, g in sorted(groups.items())]
    home = {m: g for g, members in enumerate(ordered) for m in members}
    add_secondary(profiles, edges, ordered, home, scores)
    return ordered, home


def add_secondary(
    profiles: Sequence[Profile],
    edges: Sequence[tuple[int, int]],
    groups: list[list[int]],
    home: dict[int, int],
    scores: _Scores,
) -> None:
    """A statement that says what another group says joins that group too, when its article
    is not there yet and it agrees with the group's first members on average. ``edges`` are
    the pairs that score at least ``LINK``, best first."""
    articles = [{profiles[m].article for m in g} for g in groups]
    joined: list[tuple[int, int]] = []
    for i, j in edges:
        if home[i] == home[j]:
            continue
        for x, y in ((i, j), (j, i)):
            g = home[y]
            if profiles[x].article in articles[g]:
                continue
            if not scores.coherent([x], groups[g][:MAX_REPRESENTATIVES]):
                continue
            joined.append((g, x))
            articles[g].add(profiles[x].article)
    for g, x in joined:
        groups[g].append(x)
