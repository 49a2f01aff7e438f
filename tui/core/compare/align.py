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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tui.core.model import Unit
from tui.core.text.normalize import stem, tokens_with_spans

LINK_THRESHOLD = 0.25
MAX_CANDIDATES = 8
MAX_REPRESENTATIVES = 4
MAX_REFINED = 3
MAX_DF_FRACTION = 0.5
MIN_SHARED_TOKENS = 2
"""Any link needs two shared tokens that are not too common to index (an entity plus a word will
do): one shared topic word is never evidence that two statements report the same thing."""
MIN_CONTAINED_TOKENS = 3
CONTAINMENT_FACTOR = 0.6
HEADING_WORDS = 9
REPORTING = frozenset(
    stem(w) for w in "say said says told tell tells according report reported reports".split()
)
_TERMINAL = tuple(".!?…:;\"'”’)]")
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


@dataclass(frozen=True)
class _Profile:
    """A unit's token set, its informative (indexed) tokens and its total weight, computed once
    per alignment."""

    unit: Unit
    tokens: frozenset[str]
    informative: frozenset[str]
    mass: float
    heading: bool
    plain: frozenset[str]


def is_heading(text: str) -> bool:
    """A short line without terminal punctuation ("Implementation and Multilateral Cooperation").

    A heading names a topic rather than stating a fact, so it is only compared with headings: one
    shared topic word with a sentence says nothing about whether they report the same thing.
    Clauses cut at a dash also lack terminal punctuation, but they are never this short.
    """
    stripped = text.rstrip()
    return bool(stripped) and not stripped.endswith(_TERMINAL) and len(stripped.split()) <= HEADING_WORDS


def event_words(unit: Unit) -> frozenset[str]:
    """The unit's tokens written in lower case (or as digits): what happened, rather than who
    and where.

    Statements that only share their cast ("Hegseth told Japanese Defense Minister Gen Nakatani
    in Tokyo") are different statements about the same people; statements reporting one fact
    also share the words for the fact ("announced", "upgrade", "personnel", "60,000"). The
    first word of a sentence is capitalised by position, not because it is a name, so it counts.
    Reporting verbs ("said", "told") are attribution, not content.
    """
    out = set()
    for n, token in enumerate(tokens_with_spans(unit.text, (), unit.start)):
        first = unit.text[token.start - unit.start]
        if (first.islower() or first.isdigit() or n == 0) and token.norm not in REPORTING:
            out.add(token.norm)
    return frozenset(out)


def _profile(unit: Unit, weights: Weights) -> _Profile:
    tokens = frozenset(unit.tokens)
    return _Profile(
        unit,
        tokens,
        tokens - weights.common,
        _mass(tokens, weights),
        is_heading(unit.text),
        event_words(unit) & tokens,
    )


def _dice(a: _Profile, b: _Profile, weights: Weights) -> float:
    """The overlap score before word order is considered: weighted Dice, or weighted
    containment of the smaller unit in the larger (scaled down) when that is higher.

    Containment lets a short statement join the long sentence that also says it ("additional
    personnel will be assigned to USFJ headquarters" inside a sentence that adds a base and a
    purpose); it needs more shared informative tokens than Dice does, so that two words in
    common with a short line are never enough (what the sentences share must be plain words, not
    only their cast).
    """
    if a.heading != b.heading:
        return 0.0
    informative = a.informative & b.informative
    if len(informative) < MIN_SHARED_TOKENS:
        return 0.0
    plain = informative if a.heading else informative & a.plain & b.plain
    if len(plain) < MIN_SHARED_TOKENS:
        return 0.0
    shared = _mass(a.tokens & b.tokens, weights)
    total = a.mass + b.mass
    dice = 2.0 * shared / total if total else 0.0
    if len(plain) < MIN_CONTAINED_TOKENS:
        return dice
    smaller = min(a.mass, b.mass)
    return max(dice, CONTAINMENT_FACTOR * shared / smaller if smaller else 0.0)


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
    """How strongly two units say the same thing: weighted Dice (or containment), refined by
    token order.

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

    return tuple(tuple(sorted(group.units, key=lambda u: (rank[u.article], u.index))) for group in groups)


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
    by_dice = sorted(
        (
            (_dice(profile, rep, weights), key, n)
            for key, _weight in top
            for n, rep in enumerate(groups[key].representatives)
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    best: dict[int, tuple[float, int]] = {}
    for dice, key, n in by_dice:
        if dice > 0 and key not in best and len(best) < MAX_REFINED:
            best[key] = (dice, n)
    return [(key, _refine(profile, groups[key].representatives[n], dice)) for key, (dice, n) in best.items()]
