"""Numbers: a counted quantity given incompatibly by different sources.

In a statement, each member's number is compared with the reference member's; across the
story, numbers in unlike sentences conflict only when the text says they count the same
thing. A hedge ("about", "more than") gives each number an interval; intervals that meet agree.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import (
    DiscrepancyCheck,
    StatementContext,
    StoryContext,
    reference_member,
    token_set,
)
from tui.core.compare.checks.pairs import (
    MIN_SHARED,
    Components,
    candidate_pairs,
    first_per_article,
    in_order,
    not_within_one_group,
)
from tui.core.compare.finding import Finding, Value
from tui.core.model import Mention, Quantity, Unit
from tui.core.text.normalize import content_tokens, tokens_with_spans
from tui.core.text.slots.quantities import quantity_predicate

STATEMENT_RATIO = 20.0
UNIT_SPREAD = 0.03
CONTEXT_WORDS = 12
STORY_RATIO = 2.0
MIN_SHARED_SHARE = 0.5


def usable_quantities(unit: Unit) -> list[Quantity]:
    """The unit's quantities that are facts to compare: not dates, not bare years."""
    out = []
    for q in unit.quantities:
        if any(d.start < q.end and q.start < d.end for d in unit.dates):
            continue
        bare = q.text.strip().replace(",", "")
        if q.unit is None and re.fullmatch(r"\d{4}", bare) and 1500 <= q.value <= 2100:
            continue
        out.append(q)
    return out


def comparable_interval(q: Quantity) -> tuple[float, float]:
    """The values a wording allows when sources are compared.

    The hedge's interval comes from the quantity itself (see ``quantities.APPROXIMATION``); a
    measured value gets a little slack for conversion: "10 miles" is "16 km" rounded.
    """
    low, high = q.low, q.high
    if q.unit is not None:
        low, high = low - abs(low) * UNIT_SPREAD, high + abs(high) * UNIT_SPREAD
    return low, high


def intervals_overlap(a: Quantity, b: Quantity) -> bool:
    """The two wordings allow a common value ("about 60,000" and "60,000" do)."""
    a_low, a_high = comparable_interval(a)
    b_low, b_high = comparable_interval(b)
    return a_low <= b_high and b_low <= a_high


def magnitude_ratio(a: Quantity, b: Quantity) -> float:
    """How many times larger the bigger value is (1.0 for equal values)."""
    x, y = abs(a.value), abs(b.value)
    if x == y:
        return 1.0
    if min(x, y) == 0:
        return math.inf
    return max(x, y) / min(x, y)


def _counted_match(a: Quantity, b: Quantity) -> int:
    """2: the counted things share a word; 1: one is unknown; 0: both known and unrelated."""
    if not a.counted or not b.counted:
        return 1
    return 2 if token_set(a.counted) & token_set(b.counted) else 0


def predicate(unit: Unit, q: Quantity) -> str | None:
    """What happened to what ``q`` (a quantity of ``unit``) counts: killed, injured, ... or None."""
    return quantity_predicate(unit.text, q.start - unit.start, q.end - unit.start, q.counted)


def same_fate(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """False when both numbers say what happened to what they count and say different things:
    "12 people were killed" and "injured more than 200 people" count different people."""
    fate_a = predicate(a, qa)
    if fate_a is None:
        return True
    fate_b = predicate(b, qb)
    return fate_b is None or fate_a == fate_b


def number_groups(units_values: Sequence[tuple[str, Quantity]]) -> tuple[tuple[str, ...], ...]:
    """Articles grouped by compatible values (each joins the first group whose value it allows)."""
    groups: list[tuple[Quantity, list[str]]] = []
    for article, q in units_values:
        for rep, members in groups:
            if intervals_overlap(rep, q):
                members.append(article)
                break
        else:
            groups.append((q, [article]))
    return tuple(tuple(members) for _rep, members in groups)


def common_counted(quantities: Iterable[Quantity]) -> str | None:
    """What most of the quantities count (the first such wording on a tie), for labels."""
    counts = Counter(q.counted for q in quantities if q.counted)
    if not counts:
        return None
    top = max(counts.values())
    return next(c for c in counts if counts[c] == top)


def numbers_in_statement(units: Sequence[Unit], context: StatementContext) -> Finding | None:
    """A counted quantity that the reference member gives and another member contradicts.

    A member's number that agrees with another of the reference's numbers is spoken for: "34
    miles west" matching "55 km from the town" is not also a rival to "six miles deep".
    """
    per_unit = [(u, usable_quantities(u)) for u in units]
    reference = reference_member(per_unit)
    if reference is None:
        return None
    ref_unit, ref_quantities = reference
    for ref_q in ref_quantities:
        matched: list[tuple[Unit, Quantity]] = [(ref_unit, ref_q)]
        conflict = False
        for unit, quantities in per_unit:
            if unit is ref_unit:
                continue
            taken = {
                id(q)
                for q in quantities
                for r in ref_quantities
                if r is not ref_q
                and r.unit == q.unit
                and intervals_overlap(q, r)
                and same_fate(unit, q, ref_unit, r)
            }
            options = [
                q
                for q in quantities
                if q.unit == ref_q.unit
                and id(q) not in taken
                and magnitude_ratio(q, ref_q) <= STATEMENT_RATIO
                and _counted_match(q, ref_q)
                and same_fate(unit, q, ref_unit, ref_q)
            ]
            if not options:
                continue
            best = min(
                options,
                key=lambda q: (
                    not intervals_overlap(q, ref_q),
                    -_counted_match(q, ref_q),
                    predicate(unit, q) is None,
                    magnitude_ratio(q, ref_q),
                    q.start,
                ),
            )
            matched.append((unit, best))
            conflict = conflict or not intervals_overlap(best, ref_q)
        if conflict:
            values = {u.article: Value(q.text, q.start, q.end) for u, q in matched}
            groups = number_groups([(u.article, q) for u, q in matched])
            subject = common_counted(q for _u, q in matched)
            return Finding("number", values, groups, subject, tuple(u for u, _q in matched))
    return None


@dataclass(frozen=True)
class _Numbered:
    unit: Unit
    quantity: Quantity
    context: frozenset[str]


def _context(unit: Unit, quantity: Quantity, mentions: Sequence[Mention]) -> frozenset[str]:
    tokens = tokens_with_spans(unit.text, mentions, unit.start)
    starts = [t.start for t in tokens]
    inside = [i for i, t in enumerate(tokens) if t.start < quantity.end and quantity.start < t.end]
    lo = inside[0] if inside else bisect.bisect_left(starts, quantity.start)
    hi = inside[-1] if inside else lo - 1
    window = tokens[max(0, lo - CONTEXT_WORDS) : lo] + tokens[hi + 1 : hi + 1 + CONTEXT_WORDS]
    return frozenset(t.norm for t in window if not t.norm.replace(".", "").isdigit())


def _same_thing(a: _Numbered, b: _Numbered) -> bool:
    """Numbers in unlike sentences conflict only when the text says they count the same thing:
    the same fate on both sides ("killed", "injured"), or the noun one counts named in the
    other's counted words or context ("about 60,000 contract workers" / "the current 50,000
    workers at the plant"). Shared story words alone do not: "injuring dozens in a region" and
    "killed 230,000 people in 14 countries" share the story, not a count."""
    fate = predicate(a.unit, a.quantity)
    if fate is not None and fate == predicate(b.unit, b.quantity):
        return True
    return any(
        frozenset(content_tokens(x.quantity.counted)) & (y.context | _counted_tokens(y))
        for x, y in ((a, b), (b, a))
        if x.quantity.counted
    )


def _counted_tokens(item: _Numbered) -> frozenset[str]:
    return frozenset(content_tokens(item.quantity.counted)) if item.quantity.counted else frozenset()


def numbers_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """One counted thing given as incompatible numbers by different sources anywhere in the story."""
    weights, story_order, mentions = context.weights, context.story_order, context.mentions
    items = [
        _Numbered(u, q, _context(u, q, mentions.get(u.article, ())))
        for u in units
        for q in usable_quantities(u)
    ]
    pairs = candidate_pairs([i.context for i in items], weights, [i.unit.article for i in items])
    agreeing: set[tuple[int, str]] = set()
    conflicts: list[tuple[int, int]] = []
    related: list[tuple[int, int]] = []
    for (i, j), (count, weight) in in_order(pairs):
        a, b = items[i], items[j]
        if a.unit.article == b.unit.article or a.quantity.unit != b.quantity.unit:
            continue
        if count < MIN_SHARED or weight < MIN_SHARED_SHARE * weights.default:
            continue
        if magnitude_ratio(a.quantity, b.quantity) > STORY_RATIO:
            continue
        if not same_fate(a.unit, a.quantity, b.unit, b.quantity):
            continue
        if intervals_overlap(a.quantity, b.quantity):
            agreeing.update({(i, b.unit.article), (j, a.unit.article)})
            related.append((i, j))
        elif _same_thing(a, b):
            conflicts.append((i, j))
    valid = [
        (i, j)
        for i, j in conflicts
        if (i, items[j].unit.article) not in agreeing and (j, items[i].unit.article) not in agreeing
    ]
    parts = Components(len(items))
    for i, j in valid + related:
        parts.join(i, j)
    conflicted = {parts.find(i) for i, _j in valid}
    findings = []
    for component in parts.groups({k for pair in valid + related for k in pair}):
        if parts.find(component[0]) not in conflicted:
            continue
        chosen = first_per_article(
            [(items[k].unit, items[k].quantity.start, k) for k in component], story_order
        )
        picked = [items[k] for k in chosen]
        values = {p.unit.article: Value(p.quantity.text, p.quantity.start, p.quantity.end) for p in picked}
        groups = number_groups([(p.unit.article, p.quantity) for p in picked])
        if len(groups) < 2:
            continue
        subject = common_counted(p.quantity for p in picked)
        findings.append(Finding("number", values, groups, subject, tuple(p.unit for p in picked)))
    return not_within_one_group(findings, context.group_of)


CHECK = DiscrepancyCheck("number", numbers_in_statement, numbers_across_story)
