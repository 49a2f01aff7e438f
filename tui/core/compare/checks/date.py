"""Dates: a date that another source gives differently for the same statement.

Every date of an aligned statement is paired with the other sources' dates of the same
precision (a day with a day, weekdays included; a year with a year), and each differing one is
reported with every source's value. Only rival dates conflict: a source that leaves a date
out agrees, and a year is never the rival of a day ("the quake on Tuesday ... the tsunami of
2004"). There is no story-level date check: a date in an unlike sentence is as often the date
of something else."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext
from tui.core.compare.finding import Finding, Value
from tui.core.compare.slots import agreement_classes, group_slots
from tui.core.model import DateMention, Unit

Slot = tuple[Unit, DateMention]
_PRECISION = {"absolute": "day", "weekday": "day", "relative": "day", "month": "month", "year": "year"}


def _key(d: DateMention) -> str:
    """What a date says, comparably: its ISO date, else its words (an unresolved weekday)."""
    return d.iso or " ".join(d.text.lower().split())


def dates_agree(a: DateMention, b: DateMention) -> bool:
    """One date is the other, or a coarser part of it ("2013-07" and "2013-07-02")."""
    ka, kb = _key(a), _key(b)
    return ka.startswith(kb) or kb.startswith(ka)


def _precision(d: DateMention) -> str:
    if d.iso and "W" in d.iso:
        return "week"
    return _PRECISION.get(d.kind, "day")


def _match(a: Slot, b: Slot) -> float:
    if _precision(a[1]) != _precision(b[1]):
        return 0.0
    return 2.0 if dates_agree(a[1], b[1]) else 1.0


def dates_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Every date that aligned statements give differently, one finding per date."""
    slots = [[(u, d) for d in u.dates] for u in units]
    out = []
    for entries in group_slots(slots, _match, lambda i: units[i].article):
        pairs = [slot for _i, slot in entries]
        classes = agreement_classes([(0, s) for s in pairs], lambda a, b: dates_agree(a[1], b[1]))
        if len(classes) < 2:
            continue
        values = {u.article: Value(d.text, d.start, d.end) for u, d in pairs}
        groups = tuple(tuple(pairs[n][0].article for n in cls) for cls in classes)
        out.append(Finding("date", values, groups, None, tuple(u for u, _d in pairs)))
    return out


CHECK = DiscrepancyCheck("date", in_statement=dates_in_statement)
