"""Dates: written-out, partial, relative and weekday dates resolved against the article date."""

from __future__ import annotations

import pytest

from tests.core.text.slots.bundled import bundled_article
from tui.core.text.segment import segment_article
from tui.core.text.slots.dates import find_dates


@pytest.mark.parametrize(
    "text, article_date, expected",
    [
        ("on March 24, 2025", None, ("March 24, 2025", "2025-03-24", "absolute")),
        ("on Oct. 29, 2025", None, ("Oct. 29, 2025", "2025-10-29", "absolute")),
        ("on Sept. 11, 2001", None, ("Sept. 11, 2001", "2001-09-11", "absolute")),
        ("on 24 March 2025", None, ("24 March 2025", "2025-03-24", "absolute")),
        ("by 2025-03-01", None, ("2025-03-01", "2025-03-01", "absolute")),
        ("in July 2024", None, ("July 2024", "2024-07", "month")),
        ("established in 1957", None, ("1957", "1957", "year")),
        ("on Oct. 28", "2025-10-29", ("Oct. 28", "2025-10-28", "absolute")),
        ("on Oct. 28", "unknown", ("Oct. 28", None, "absolute")),
        ("in March", "2025-10-29", ("March", "2025-03", "month")),
        ("in December", "2025-10-29", ("December", "2025-12", "month")),
        ("in June", "2025-10-29", ("June", "2025-06", "month")),
        ("on Dec. 28", "2025-01-05", ("Dec. 28", "2024-12-28", "absolute")),
        ("in March", "2025", ("March", "2025-03", "month")),
        ("yesterday", "2025-10-29", ("yesterday", "2025-10-28", "relative")),
        ("today", "2025-10-29", ("today", "2025-10-29", "relative")),
        ("today", "2025-10", ("today", None, "relative")),
        ("a day earlier", "2025-10-29", ("a day earlier", "2025-10-28", "relative")),
        ("last month", "2025-01", ("last month", "2024-12", "relative")),
        ("last year", "2025-03", ("last year", "2024", "relative")),
        ("here Wednesday", "2025-10-29", ("Wednesday", "2025-10-29", "weekday")),
        ("on Tuesday", "2025-10-29", ("Tuesday", "2025-10-28", "weekday")),
        ("on Thursday", "2025-10-29", ("Thursday", "2025-10-23", "weekday")),
        ("on Tuesday", "2025-03", ("Tuesday", None, "weekday")),
        ("on Tuesday", None, ("Tuesday", None, "weekday")),
        ("03 JULY 2013", None, ("03 JULY 2013", "2013-07-03", "absolute")),
    ],
)
def test_dates(text: str, article_date: str | None, expected: tuple[object, ...]) -> None:
    assert [(d.text, d.iso, d.kind) for d in find_dates(text, article_date)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "we march on",
        "you may go",
        "2000 troops arrived",
        "60,000 troops",
        "a $2025 fee",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, "2025-10-29") == ()


def test_bundled_003_weekdays_resolve_against_the_article_date() -> None:
    dates = [(d.text, d.iso) for u in segment_article(bundled_article("003")) for d in u.dates]
    assert ("Wednesday", "2025-10-29") in dates
    assert ("Tuesday", "2025-10-28") in dates
    assert ("Oct. 29, 2025", "2025-10-29") in dates


@pytest.mark.parametrize(
    "article_date",
    ["9999-12-31", "0001-01-01", "0000-01-01", "2025-02-30", "2025-13", "20251029", "", "unknown"],
)
def test_odd_article_dates_never_break_resolution(article_date: str) -> None:
    text = "tomorrow, Tuesday, last week, next month, next year, in March, Oct. 5"
    dates = find_dates(text, article_date)
    assert [d.text for d in dates] == [
        "tomorrow",
        "Tuesday",
        "last week",
        "next month",
        "next year",
        "March",
        "Oct. 5",
    ]
    assert all(d.iso is None or d.iso[:4].isdigit() for d in dates)
