"""Dates: a resolved date that another source gives differently for the same statement.

Only rival dates conflict: a source that leaves a date out agrees, and two dates one source
gives side by side date different things. There is no story-level date check: a date in an
unlike sentence is as often the date of something else."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, reference_member
from tui.core.compare.finding import Finding, Value
from tui.core.model import DateMention, Unit


def _dates_agree(a: DateMention, b: DateMention) -> bool:
    assert a.iso is not None and b.iso is not None
    n = min(len(a.iso), len(b.iso))
    return a.iso[:n] == b.iso[:n]


def _isos_agree(a: str, b: str) -> bool:
    """One date string is the other or a coarser part of it ("2013-07" and "2013-07-02")."""
    return a.startswith(b) or b.startswith(a)


def _dated_beside(
    ref_d: DateMention, per_unit: Sequence[tuple[Unit, Sequence[DateMention]]]
) -> frozenset[str]:
    """Every date a member gives in the same statement as a date agreeing with ``ref_d``."""
    assert ref_d.iso is not None
    return frozenset(
        x.iso
        for _unit, dates in per_unit
        if any(_dates_agree(y, ref_d) for y in dates)
        for x in dates
        if x.iso
    )


def _rival(d: DateMention, ref_dates: Sequence[DateMention], beside: frozenset[str]) -> bool:
    """``d`` gives a different date for what the reference dates, not a date of something else.

    A date the reference member also gives is agreement, not a rival ("the tsunami of 2004" in
    both); and two dates one member gives side by side ("quake on Tuesday ... tsunami of 2004")
    date different things, so a member naming only one of them omits the other rather than
    contradicting it.
    """
    assert d.iso is not None
    return not any(_dates_agree(d, r) for r in ref_dates) and not any(_isos_agree(d.iso, x) for x in beside)


def dates_in_statement(units: Sequence[Unit], context: StatementContext) -> Finding | None:
    """A resolved date in the reference member that another member gives differently.

    Only rival dates conflict (see ``_rival``): a member that leaves a date out agrees.
    """
    per_unit = [(u, [d for d in u.dates if d.iso]) for u in units]
    reference = reference_member(per_unit)
    if reference is None:
        return None
    ref_unit, ref_dates = reference
    for ref_d in ref_dates:
        matched: list[tuple[Unit, DateMention]] = [(ref_unit, ref_d)]
        conflict = False
        beside = _dated_beside(ref_d, per_unit)
        for unit, dates in per_unit:
            if unit is ref_unit or not dates:
                continue
            same = [d for d in dates if _dates_agree(d, ref_d)]
            if same:
                matched.append((unit, same[0]))
                continue
            rivals = [d for d in dates if _rival(d, ref_dates, beside)]
            if not rivals:
                continue
            closest = [d for d in rivals if d.kind == ref_d.kind] or rivals
            matched.append((unit, closest[0]))
            conflict = True
        if conflict:
            values = {u.article: Value(d.text, d.start, d.end) for u, d in matched}
            groups: dict[str, list[str]] = {}
            for unit, d in matched:
                key = next((k for k in groups if _dates_agree(DateMention(0, 0, "", k), d)), d.iso or "")
                groups.setdefault(key, []).append(unit.article)
            return Finding(
                "date", values, tuple(tuple(g) for g in groups.values()), None, tuple(u for u, _d in matched)
            )
    return None


CHECK = DiscrepancyCheck("date", in_statement=dates_in_statement)
