"""Whether sources that differ were written months apart: then a different number or name
may be a change over time (a new minister in October is not an error in a March report)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from tui.core.model import Article

CHANGE_DAYS = 60


def date_range(value: str | None) -> tuple[date, date] | None:
    """The days an article date may mean: ``2025-03`` is all of March, ``2025`` the whole year."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            first = date(year, month, 1)
            following = date(year + (month == 12), month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def change_over_time(groups: Sequence[Sequence[str]], articles: Mapping[str, Article]) -> bool:
    """True when every two groups of sources giving different values are dated months apart.

    An undated source counts with the dated sources that give its value; a group with no dated
    source at all leaves the question open, so the difference stays a conflict.
    """
    if len(groups) < 2:
        return False
    known: list[list[tuple[date, date]]] = []
    for group in groups:
        spans = sorted({r for r in (date_range(articles[a].date) for a in group) if r is not None})
        if not spans:
            return False
        known.append(spans)
    for i in range(len(known)):
        for j in range(i + 1, len(known)):
            if any(_gap(a, b) < CHANGE_DAYS for a in known[i] for b in known[j]):
                return False
    return True
