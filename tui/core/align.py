"""Align statements across all sources at once, without comparing every pair of sentences.

Candidates come from an inverted index over content tokens (entity mentions are already one
token per entity, so aliases align). Rare tokens weigh more (IDF) and tokens found in more than
half of all units are left out of the index: they would make every unit a candidate of every
other. Alignment is progressive over the articles in id order: each article's units are matched
against the groups built so far, one unit per article per group, best score first. Because the
articles are sorted by id and every tie is broken by ids, the result does not depend on the order
the files were given in. The work per unit is bounded by a candidate cap and a cap on the group
representatives it is scored against, so the whole pass stays near-linear in the number of units.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Callable, Mapping, Sequence

from tui.core.model import Unit

LINK_THRESHOLD = 0.25
MAX_CANDIDATES = 8
MAX_REPRESENTATIVES = 2
MAX_REFINED = 3
MAX_DF_FRACTION = 0.5
MIN_SHARED_TOKENS = 2
MIN_COMMON_DF = 10
"""A token is only too common to index once it is in this many units: tiny stories index all."""


@dataclass(frozen=True)
class Weights:
    """Inverse document frequencies over units, plus the tokens too common to index."""

    idf: Mapping[str, float]
    common: frozenset[str]
    default: float

    def of(self, token: str) -> float:
        """The weight of one token (unseen tokens count as rarest)."""
        return self.idf.get(token, self.default)


def token_weights(units: Sequence[Unit]) -> Weights:
    """IDF of every content token over ``units`` (each unit counts a token once)."""
    df: dict[str, int] = defaultdict(int)
    for unit in units:
        for token in set(unit.tokens):
            df[token] += 1
    total = max(len(units), 1)
    idf = {token: math.log((total + 1) / (count + 0.5)) for token, count in df.items()}
    limit = max(MIN_COMMON_DF, MAX_DF_FRACTION * total)
    common = frozenset(token for token, count in df.items() if count > limit)
    return Weights(idf, common, math.log((total + 1) / 0.5))


def _mass(tokens: frozenset[str], weights: Weights) -> float:
    return sum(weights.of(t) for t in sorted(tokens))


def weighted_dice(a: frozenset[str], b: frozenset[str], weights: Weights,
                  masses: tuple[float, float] | None = None) -> float:
    """Dice overlap of two token sets, each token counted by its IDF weight.

    Sums run over sorted tokens so the float result never depends on set iteration order.
    """
    if not a or not b:
        return 0.0
    shared = _mass(a & b, weights)
    total = sum(masses) if masses else _mass(a, weights) + _mass(b, weights)
    return 2.0 * shared / total if total else 0.0


@dataclass(frozen=True)
class _Profile:
    """A unit's token set and its total weight, computed once per alignment."""

    unit: Unit
    tokens: frozenset[str]
    mass: float


def _profile(unit: Unit, weights: Weights) -> _Profile:
    tokens = frozenset(unit.tokens)
    return _Profile(unit, tokens, _mass(tokens, weights))


def _dice(a: _Profile, b: _Profile, weights: Weights) -> float:
    if len(a.tokens & b.tokens) < MIN_SHARED_TOKENS:
        return 0.0
    return weighted_dice(a.tokens, b.tokens, weights, (a.mass, b.mass))


def _refine(a: _Profile, b: _Profile, dice: float) -> float:
    if dice < 0.15:
        return dice
    if a.unit.tokens == b.unit.tokens:
        return 0.75 * dice + 0.25
    order = SequenceMatcher(None, a.unit.tokens, b.unit.tokens, autojunk=False).ratio()
    return 0.75 * dice + 0.25 * order


def _score(a: _Profile, b: _Profile, weights: Weights) -> float:
    return _refine(a, b, _dice(a, b, weights))


def pair_score(a: Unit, b: Unit, weights: Weights) -> float:
    """How strongly two units say the same thing: weighted Dice, refined by token order.

    The difflib ratio is only computed for pairs whose token overlap is worth refining, and
    pairs are only ever scored when the index proposed them.
    """
    return _score(_profile(a, weights), _profile(b, weights), weights)


@dataclass
class _Group:
    """A growing set of aligned units, at most one per article."""

    key: int
    units: list[Unit] = field(default_factory=list)
    representatives: list[_Profile] = field(default_factory=list)


class Cancelled(Exception):
    """Raised inside alignment when the caller asks to stop."""


def align_units(
    units: Sequence[Unit],
    *,
    article_order: Sequence[str] | None = None,
    weights: Weights | None = None,
    threshold: float = LINK_THRESHOLD,
    progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[tuple[Unit, ...], ...]:
    """Group units that say the same thing, at most one unit per article per group.

    Returns the groups (singletons included) with their units in article order. Articles are
    processed in ``article_order`` (default: sorted ids); inside an article, the best-scoring
    (unit, group) links win, ties broken by unit index then group creation order.
    """
    weights = weights or token_weights(units)
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.article].append(unit)
    order = [a for a in (article_order or sorted(by_article)) if a in by_article]
    rank = {article: i for i, article in enumerate(order)}
    groups: list[_Group] = []
    index: dict[str, list[int]] = defaultdict(list)

    for done, article in enumerate(order):
        if should_stop is not None and should_stop():
            raise Cancelled()
        mine = sorted(by_article[article], key=lambda u: u.index)
        links: list[tuple[float, int, int, Unit]] = []
        profiles = {unit.index: _profile(unit, weights) for unit in mine}
        for unit in mine:
            for key, score in _candidates(profiles[unit.index], groups, index, weights):
                if score >= threshold:
                    links.append((-score, unit.index, key, unit))
        links.sort(key=lambda link: link[:3])
        taken_units: set[int] = set()
        taken_groups: set[int] = set()
        for _neg, unit_index, key, unit in links:
            if unit_index in taken_units or key in taken_groups:
                continue
            taken_units.add(unit_index)
            taken_groups.add(key)
            group = groups[key]
            group.units.append(unit)
            if len(group.representatives) < MAX_REPRESENTATIVES:
                group.representatives.append(profiles[unit_index])
                _index_unit(unit, key, index, weights)
        for unit in mine:
            if unit.index not in taken_units:
                group = _Group(len(groups), [unit], [profiles[unit.index]])
                groups.append(group)
                _index_unit(unit, group.key, index, weights)
        if progress is not None:
            progress((done + 1) / len(order))

    return tuple(
        tuple(sorted(group.units, key=lambda u: (rank[u.article], u.index))) for group in groups
    )


def _index_unit(unit: Unit, key: int, index: dict[str, list[int]], weights: Weights) -> None:
    for token in sorted(set(unit.tokens)):
        if token in weights.common:
            continue
        postings = index[token]
        if not postings or postings[-1] != key:
            postings.append(key)


def _candidates(
    profile: _Profile, groups: list[_Group], index: Mapping[str, list[int]], weights: Weights
) -> list[tuple[int, float]]:
    """The best-scoring groups for a unit: accumulate IDF overlap through the index, keep the
    top few, compute the weighted Dice against their representatives, and refine only the best
    few with difflib's word-order ratio (the expensive part)."""
    overlap: dict[int, float] = defaultdict(float)
    for token in sorted(profile.tokens):
        if token in weights.common:
            continue
        weight = weights.of(token)
        for key in index.get(token, ()):
            overlap[key] += weight
    if not overlap:
        return []
    top = sorted(overlap.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
    by_dice = sorted(((_dice(profile, rep, weights), key, n) for key, _weight in top
                      for n, rep in enumerate(groups[key].representatives)),
                     key=lambda item: (-item[0], item[1], item[2]))
    best: dict[int, tuple[float, int]] = {}
    for dice, key, n in by_dice:
        if dice > 0 and key not in best and len(best) < MAX_REFINED:
            best[key] = (dice, n)
    return [(key, _refine(profile, groups[key].representatives[n], dice)) for key, (dice, n) in best.items()]
