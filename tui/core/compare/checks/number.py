"""Numbers: a count or measure that sources give differently.

In aligned statements, every figure is paired with the figures of the other sources that are
about the same thing (see ``compare.numbers``) and each differing one is reported, with every
source's value and which sources agree. Across the story, a fact-checker lines up the main
figures (the dead, the injured, the houses destroyed): for each fate of the story's own event
(a past disaster the background recalls is another event, its year gives it away), the first
figure each source gives, and separately the first it gives for one named place.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import (
    MIN_SHARED,
    Components,
    candidate_pairs,
    first_per_article,
    in_order,
    not_within_one_group,
)
from tui.core.compare.finding import Finding, Value
from tui.core.compare.numbers import (
    GENERIC_COUNTED,
    NumberSlot,
    about_the_same,
    common_counted,
    magnitude_ratio,
    number_slots,
    slots_agree,
    with_totals,
)
from tui.core.compare.slots import agreement_classes, group_slots
from tui.core.model import Article, Mention, Unit
from tui.core.text.memo import story_cache
from tui.core.text.normalize import content_tokens, mention_spans, relative_tokens

TOLL_FATES = frozenset(
    {"killed", "injured", "missing", "trapped", "displaced", "damaged", "rescued", "arrested"}
)
"""What can happen to people and things in an event; a figure of one of these is a toll. Being
stationed somewhere is a state, counted like any other count."""
EVENT_REACH = 40
"""A year after a figure dates it only this close (characters): "killing five in a region
devastated by the tsunami of 2004" is a figure of today, not of 2004."""
_PLACE = re.compile(
    r"\b(?i:in|at|near|of|from|across|outside)\s+(?:the\s+)?(?:[a-z]+\s+)?((?:[A-Z][\w'’-]+\s*){1,4})"
)
_PLACE_NOUNS = frozenset("district province city village town county state region island".split())
_CUT = re.compile(r"[;:()]|\s[—–]\s")


def numbers_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Every figure that aligned statements give differently, one finding per figure."""
    slots = with_totals([number_slots(u) for u in units])
    out = []
    for entries in group_slots(slots, about_the_same, lambda i: units[i].article):
        found = _finding([slot for _i, slot in entries], "")
        if found is not None:
            out.append(found)
    return out


def _finding(slots: Sequence[NumberSlot], where: str) -> Finding | None:
    classes = agreement_classes([(0, s) for s in slots], slots_agree)
    if len(classes) < 2:
        return None
    values = {s.article: _value(s) for s in slots}
    groups = tuple(tuple(slots[n].article for n in cls) for cls in classes)
    subject = common_counted(s.quantity for s in slots)
    fates = {s.fate for s in slots if s.fate}
    if len(fates) == 1 and subject is None:
        subject = f"people {fates.pop()}" if not any(s.counted for s in slots) else None
    if where:
        subject = f"{subject or ''} in {where}".strip()
    return Finding("number", values, groups, subject, tuple(s.unit for s in slots), _caveat(slots, where))


def _caveat(slots: Sequence[NumberSlot], where: str) -> str | None:
    """Why two figures may not be rivals after all: one is a bound or vague ("at least five",
    "dozens"), or they leave out different things."""
    if any(s.excludes for s in slots):
        return "possibly counting different sets"
    if any(s.quantity.hedge not in ("exact", "about", "nearly") for s in slots):
        return "possibly a different count: a bound or a vague figure"
    return None


def _value(slot: NumberSlot) -> Value:
    """The figure as written, with what it leaves out when that is part of what differs."""
    q = slot.quantity
    if slot.excludes:
        offset = slot.unit.text.find(slot.excludes, q.end - slot.unit.start)
        if offset >= 0:
            end = slot.unit.start + offset + len(slot.excludes)
            return Value(
                slot.unit.text[q.start - slot.unit.start : offset + len(slot.excludes)], q.start, end
            )
    return Value(q.text, q.start, q.end)


def numbers_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """The story's tolls (:func:`tolls_across_story`) and its other counts (:func:`counts_across_story`)."""
    return tolls_across_story(units, context) + counts_across_story(units, context)


def tolls_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """For each fate of each event, the first figure each source gives (and per named place)."""
    common = _common_places(units, len(context.articles))
    buckets: dict[tuple[str, str, str], list[tuple[NumberSlot, frozenset[str]]]] = defaultdict(list)
    for unit in sorted(units, key=lambda u: (context.story_order[u.article], u.start)):
        for slot in number_slots(unit):
            if slot.fate not in TOLL_FATES or slot.part or slot.dimension is not None:
                continue
            counted = slot.counted if slot.counted and slot.counted not in GENERIC_COUNTED else "people"
            key = (slot.fate, counted, _event(unit, slot, context.articles[unit.article]))
            buckets[key].append((slot, _scope(unit, slot, common)))
    out = []
    for key in sorted(buckets):
        for slots, scope in _by_place(buckets[key]):
            found = _finding(slots, " ".join(sorted(scope)).title())
            if found is not None:
                out.append(found)
    return out


def _by_place(
    items: list[tuple[NumberSlot, frozenset[str]]],
) -> list[tuple[list[NumberSlot], frozenset[str]]]:
    """Figures grouped by the place they are given for (figures for no named place together),
    the first per source in each group."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = defaultdict(list)
    unplaced: list[int] = []
    for i, (_slot, scope) in enumerate(items):
        for word in scope:
            by_word[word].append(i)
        if not scope:
            unplaced.append(i)
    for linked in [*by_word.values(), unplaced]:
        for i in linked[1:]:
            parent[find(i)] = find(linked[0])
    groups: dict[int, dict[str, NumberSlot]] = defaultdict(dict)
    scopes: dict[int, frozenset[str]] = {}
    for i, (slot, scope) in enumerate(items):
        root = find(i)
        groups[root].setdefault(slot.article, slot)
        scopes.setdefault(root, scope)
    return [(list(groups[r].values()), scopes[r]) for r in sorted(groups) if len(groups[r]) >= 2]


def _event(unit: Unit, slot: NumberSlot, article: Article) -> str:
    """The story's own event (""), or a past one named by its year ("In 2004, a tsunami killed")."""
    own = (article.date or "")[:4]
    years = sorted(
        {
            d.iso[:4]
            for d in unit.dates
            if d.iso
            and d.kind in ("year", "absolute", "month")
            and d.iso[:4] != own
            and d.start < slot.quantity.end + EVENT_REACH
        }
    )
    return years[0] if years else ""


def _place_words(name: str) -> list[str]:
    name = re.sub(r"^the\s+", "", name.strip()).replace("’s", "").replace("'s", "")
    return [w.lower() for w in name.split() if w.lower() not in _PLACE_NOUNS]


def _scope(unit: Unit, slot: NumberSlot, common: frozenset[str]) -> frozenset[str]:
    """The places the figure's clause names that not every source names (the story's own
    setting, "Aceh", is where everything happens, not a narrower place)."""
    text = unit.text
    start = slot.quantity.start - unit.start
    cuts = list(_CUT.finditer(text, 0, start))
    begin = cuts[-1].end() if cuts else 0
    stop = _CUT.search(text, slot.quantity.end - unit.start)
    end = stop.start() if stop else len(text)
    return frozenset(
        w
        for match in _PLACE.finditer(text, begin, end)
        for w in _place_words(match.group(1))
        if w not in common
    )


def _common_places(units: Sequence[Unit], articles: int) -> frozenset[str]:
    seen: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for match in _PLACE.finditer(unit.text):
            for word in _place_words(match.group(1)):
                seen[word].add(unit.article)
    return frozenset(w for w, arts in seen.items() if len(arts) * 2 > articles)


CONTEXT_WORDS = 12
STORY_RATIO = 2.0
MIN_SHARED_SHARE = 0.5


@dataclass(frozen=True)
class _Counted:
    slot: NumberSlot
    context: frozenset[str]


def _context(slot: NumberSlot, mentions: Sequence[Mention]) -> frozenset[str]:
    unit, quantity = slot.unit, slot.quantity
    spans = mention_spans(mentions, unit.start, len(unit.text))
    return _text_context(unit.text, spans, quantity.start - unit.start, quantity.end - unit.start)


@story_cache
def _text_context(text: str, spans: tuple[tuple[int, int, str], ...], start: int, end: int) -> frozenset[str]:
    """The words around ``text[start:end]`` (a figure), once per distinct text and figure."""
    tokens = relative_tokens(text, spans)
    starts, ends = _token_bounds(text, spans)
    first, after = bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)
    if first < after:  # the tokens the figure overlaps (tokens are in order, never overlapping)
        lo, hi = first, after - 1
    else:
        lo = bisect.bisect_left(starts, start)
        hi = lo - 1
    window = tokens[max(0, lo - CONTEXT_WORDS) : lo] + tokens[hi + 1 : hi + 1 + CONTEXT_WORDS]
    return frozenset(t.norm for t in window if not t.norm.replace(".", "").isdigit())


@story_cache
def _token_bounds(text: str, spans: tuple[tuple[int, int, str], ...]) -> tuple[list[int], list[int]]:
    """Where each token of ``text`` starts and ends, once per text: a sentence of hundreds of
    figures looked them up for each figure, at a cost that grew with the square of its length."""
    tokens = relative_tokens(text, spans)
    return [t.start for t in tokens], [t.end for t in tokens]


def _counted_keys(item: _Counted) -> frozenset[str]:
    counted = item.slot.quantity.counted
    return frozenset(content_tokens(counted)) if counted else frozenset()


def _same_thing(a: _Counted, b: _Counted) -> bool:
    """Counts in unlike sentences conflict only when they tell the same state ("stationed")
    or the noun one counts is named in the other's counted words or context ("about 60,000
    contract workers" / "the current 50,000 workers at the plant"); shared story words alone
    do not."""
    if a.slot.fate is not None and a.slot.fate == b.slot.fate:
        return True
    return any(_counted_keys(x) & (y.context | _counted_keys(y)) for x, y in ((a, b), (b, a)))


def counts_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """One counted thing (no fate told: troops, workers, shells) given as different numbers by
    different sources in sentences that do not align."""
    items = [
        _Counted(slot, _context(slot, context.mentions.get(unit.article, ())))
        for unit in units
        for slot in number_slots(unit)
        if slot.fate not in TOLL_FATES and slot.dimension is None and slot.quantity.counted
    ]
    weights = context.weights
    pairs = candidate_pairs([i.context for i in items], weights, [i.slot.article for i in items])
    agreeing: set[tuple[int, str]] = set()
    conflicts: list[tuple[int, int]] = []
    related: list[tuple[int, int]] = []
    for (i, j), (count, weight) in in_order(pairs):
        a, b = items[i].slot, items[j].slot
        if a.article == b.article or count < MIN_SHARED or weight < MIN_SHARED_SHARE * weights.default:
            continue
        if magnitude_ratio(a.quantity, b.quantity) > STORY_RATIO:
            continue
        if slots_agree(a, b):
            agreeing.update({(i, b.article), (j, a.article)})
            related.append((i, j))
        elif _same_thing(items[i], items[j]):
            conflicts.append((i, j))
    valid = [
        (i, j)
        for i, j in conflicts
        if (i, items[j].slot.article) not in agreeing and (j, items[i].slot.article) not in agreeing
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
            [(items[k].slot.unit, items[k].slot.quantity.start, k) for k in component], context.story_order
        )
        found = _finding([items[k].slot for k in chosen], "")
        if found is not None:
            findings.append(found)
    return not_within_one_group(findings, context.group_of)


CHECK = DiscrepancyCheck("number", numbers_in_statement, numbers_across_story)
