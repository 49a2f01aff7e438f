"""Times of day: "at 9 p.m." against "at 9:45 p.m.", "early in the second half" against "late".

In aligned statements every time is paired with the other sources' times, clock times
preferably with clock times, and each differing one reported. Across the story, a
fact-checker asks when the event happened: the first clock time each source gives (or a part
of the day said with the event's verb, "struck yesterday afternoon") in a sentence that dates
no past event; clock times in different named zones ("07:37 UTC" / "7:37 local time") are
reported too, since only one of them can be right unless the zones coincide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.finding import Finding, Value
from tui.core.compare.slots import agreement_classes, group_slots
from tui.core.model import TimeMention, Unit
from tui.core.text.slots.times import times_agree

EVENT_VERBS = re.compile(
    r"(?i)\b(?:struck|strikes?|hit|hits|occurred|occurs|happened|took place|erupted|began|started|"
    r"exploded|collapsed|crashed|landed|fired|opened fire|attacked|broke out|shook|rocked|died)\b"
)

Slot = tuple[Unit, TimeMention]


def _finding(entries: Sequence[Slot], subject: str) -> Finding | None:
    classes = agreement_classes([(0, e) for e in entries], lambda a, b: times_agree(a[1], b[1]))
    if len(classes) < 2:
        return None
    values = {u.article: Value(t.text, t.start, t.end) for u, t in entries}
    groups = tuple(tuple(entries[n][0].article for n in cls) for cls in classes)
    zones = {t.zone for _u, t in entries if t.clock and t.zone}
    caveat = "possibly one time given in different zones" if len(zones) > 1 else None
    return Finding("date", values, groups, subject, tuple(u for u, _t in entries), caveat)


def times_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Every time of day that aligned statements give differently."""
    slots = [[(u, t) for t in u.times] for u in units]

    def match(a: Slot, b: Slot) -> float:
        return 1.0 + (a[1].clock == b[1].clock)

    out = []
    for entries in group_slots(slots, match, lambda i: units[i].article):
        found = _finding([slot for _i, slot in entries], "time of day")
        if found is not None:
            out.append(found)
    return out


def times_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """When each source says the story's event happened, if they differ."""
    first: dict[str, Slot] = {}
    for unit in sorted(units, key=lambda u: (context.story_order[u.article], u.start)):
        if unit.article in first or not unit.times:
            continue
        own = (context.articles[unit.article].date or "")[:4]
        if any(d.iso and d.iso[:4] != own and d.kind in ("year", "absolute") for d in unit.dates):
            continue
        chosen = next((t for t in unit.times if t.clock and t.low < 1440), None)
        if chosen is None and EVENT_VERBS.search(unit.text):
            chosen = next((t for t in unit.times if t.low < 1440), None)
        if chosen is not None:
            first[unit.article] = (unit, chosen)
    if len(first) < 2:
        return []
    entries = [first[a] for a in sorted(first, key=lambda a: context.story_order[a])]
    found = _finding(entries, "time of the event")
    return [] if found is None else [found]


CHECK = DiscrepancyCheck("time", times_in_statement, times_across_story)
