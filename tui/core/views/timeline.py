"""Values over time: which value each dated source gave, in date order.

A figure that sources of later dates give differently (a toll that rises from day to day, an
office that changed hands) is a change, not a conflict, when no two sources of one date
disagree and no value comes back after another replaced it. When sources of one date do
disagree, the value most of them give (the date's leading value) still tells a change from a
conflict: it changes from date to date and never comes back, or it stays, or it returns. Dates are the articles' own ISO
dates at the precision known (``2025``, ``2025-03``, ``2025-03-30``); a month and a day of
that month are different steps, ordered as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

Reading = Literal["change", "leading-change", "steady", "conflict"]


def story_date(value: str | None) -> str | None:
    """The ISO date (year, month or day) at the start of an article's date, else None."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    return match.group() if match else None


@dataclass(frozen=True)
class DateStep:
    """The values the sources of one date give: (group index, sources) pairs, most first."""

    date: str
    values: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class TimelineRow:
    """One discrepancy's values date by date, and how it reads.

    ``reading`` is "change" when each date has one value and no value returns after another
    replaced it; "leading-change" when that holds of each date's leading value while some
    sources of a date disagree; "steady" when the same value leads on every date; else
    "conflict" (a leading value comes back after another replaced it). ``undated`` counts the sources that give a value but no date.
    """

    cluster: str
    steps: tuple[DateStep, ...]
    reading: Reading
    undated: int


def timeline(
    cluster: str, cells: Sequence[int], order: Sequence[str], dates: Sequence[str | None]
) -> TimelineRow | None:
    """The row for one discrepancy, or None unless values come from sources of two dates or more.

    ``cells`` are as in ``ValueRow.cells`` (group indexes, negative for no value), ``order``
    the sources they belong to and ``dates`` their ISO dates (``story_date``).
    """
    by_date: dict[str, dict[int, list[str]]] = {}
    undated = 0
    for article_id, cell, date in zip(order, cells, dates, strict=True):
        if cell < 0:
            continue
        if date is None:
            undated += 1
            continue
        by_date.setdefault(date, {}).setdefault(cell, []).append(article_id)
    if len(by_date) < 2:
        return None
    steps = tuple(
        DateStep(
            date,
            tuple(
                (group, tuple(sources))
                for group, sources in sorted(by_date[date].items(), key=lambda item: (-len(item[1]), item[0]))
            ),
        )
        for date in sorted(by_date)
    )
    return TimelineRow(cluster, steps, _reading(steps), undated)


def _reading(steps: Sequence[DateStep]) -> Reading:
    leading = [step.values[0][0] for step in steps]
    runs = [group for k, group in enumerate(leading) if k == 0 or leading[k - 1] != group]
    if len(runs) == 1:
        return "steady"
    if len(set(runs)) < len(runs):
        return "conflict"
    return "change" if all(len(step.values) == 1 for step in steps) else "leading-change"
