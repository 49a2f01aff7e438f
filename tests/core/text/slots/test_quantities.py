"""Quantities: hedges, intervals, units and the nouns they count."""

from __future__ import annotations

import math

import pytest

from tests.core.text.slots.bundled import all_quantities
from tui.core.text.slots.dates import find_dates
from tui.core.text.slots.quantities import find_quantities

INF = math.inf


def _quantities(text: str) -> list[tuple[str, float, float, float, str, str | None, str | None]]:
    dates = find_dates(text, "2025-10-29")
    return [
        (q.text, q.value, q.low, q.high, q.hedge, q.unit, q.counted)
        for q in find_quantities(text, [(d.start, d.end) for d in dates])
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about 60,000 troops", ("about 60,000", 60000, 57000, 63000, "about", None, "troops")),
        ("around 6,000 troops", ("around 6,000", 6000, 5700, 6300, "about", None, "troops")),
        ("some 300 soldiers", ("some 300", 300, 285, 315, "about", None, "soldiers")),
        ("nearly 100 planes", ("nearly 100", 100, 95, 100, "nearly", None, "planes")),
        ("at least 40 people", ("at least 40", 40, 40, INF, "at least", None, "people")),
        ("more than 40 ships", ("more than 40", 40, 40, INF, "more than", None, "ships")),
        ("over 1,000 troops", ("over 1,000", 1000, 1000, INF, "more than", None, "troops")),
        ("up to 50 drones", ("up to 50", 50, 0, 50, "up to", None, "drones")),
        ("fewer than 10 boats", ("fewer than 10", 10, 0, 10, "less than", None, "boats")),
        ("40 to 50 missiles", ("40 to 50", 45, 40, 50, "range", None, "missiles")),
        ("40-50 missiles", ("40-50", 45, 40, 50, "range", None, "missiles")),
        ("between 40 and 50 missiles", ("between 40 and 50", 45, 40, 50, "range", None, "missiles")),
        ("40 to 50 million people", ("40 to 50 million", 45e6, 40e6, 50e6, "range", None, "people")),
        ("from 50 to billion", ("50", 50, 50, 50, "exact", None, None)),
        ("dozens of protesters", ("dozens", 24, 24, 144, "dozens", None, "protesters")),
        ("Dozens were hurt.", ("Dozens", 24, 24, 144, "dozens", None, None)),
        ("the storm injured dozens in the town", ("dozens", 24, 24, 144, "dozens", None, None)),
        (
            "killed tens of thousands of people",
            ("tens of thousands", 20000, 20000, 99999, "tens of thousands", None, "people"),
        ),
        ("35% of voters", ("35%", 35, 35, 35, "exact", "%", None)),
        ("3.5 percent growth", ("3.5 percent", 3.5, 3.5, 3.5, "exact", "%", None)),
        ("$1.5 billion in aid", ("$1.5 billion", 1.5e9, 1.5e9, 1.5e9, "exact", "USD", None)),
        ("twelve ships", ("twelve", 12, 12, 12, "exact", None, "ships")),
        ("six thousand troops", ("six thousand", 6000, 6000, 6000, "exact", None, "troops")),
        ("1.5 million people", ("1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact", None, "people")),
        ("10 km away", ("10 km", 10, 10, 10, "exact", "km", None)),
        ("5kg of rice", ("5kg", 5, 5, 5, "exact", "kg", None)),
        ("2000 troops arrived", ("2000", 2000, 2000, 2000, "exact", None, "troops")),
        ("The 55,000 U.S. troops in Japan", ("55,000", 55000, 55000, 55000, "exact", None, "troops")),
        (
            "covering about 60,000 Air Force, Army, Marine Corps, Navy and Space Force personnel",
            ("about 60,000", 60000, 57000, 63000, "about", None, "personnel"),
        ),
        (
            "no more U.S. troops beyond the current 50,000 stationed in Japan",
            ("50,000", 50000, 50000, 50000, "exact", None, "troops"),
        ),
    ],
)
def test_quantities(text: str, expected: tuple[object, ...]) -> None:
    assert _quantities(text) == [expected]


def test_unit_conversion_to_base_units() -> None:
    miles = find_quantities("10 miles away")[0]
    assert miles.unit == "km" and miles.value == pytest.approx(16.09344)
    assert miles.text == "10 miles"
    pounds = find_quantities("a 200 lb bomb")[0]
    assert pounds.unit == "kg" and pounds.value == pytest.approx(90.718474)


@pytest.mark.parametrize(
    "text",
    [
        "the 80th anniversary",
        "the U.S. 7th Fleet",
        "SM-6 missiles",
        "F-35 jets",
        "COVID-19 cases",
        "phase one personnel",
        "ready for phase two",
        "the No. 2 official",
        "established in 1957",
        "in July 2024",
        "the 1960 Treaty",
        "at 10:30 a.m.",
        "one of the most volatile regions",
        "to one with more duties",
        "a 40-year alliance",
        "on Oct. 29, 2025",
        "code 007 was used",
        "WEDNESDAY 03 JULY 2013",
        "then some one came up",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []


def test_bundled_001_counts_about_60000_personnel() -> None:
    assert (60000, "about", "personnel", "about 60,000") in all_quantities("001")
    assert not any(value in (1957, 1960) for value, *_ in all_quantities("001"))


def test_bundled_004_counts_50000_troops() -> None:
    assert (50000, "exact", "troops", "50,000") in all_quantities("004")


def test_bundled_003_counts_55000_and_around_6000_troops() -> None:
    found = all_quantities("003")
    assert (55000, "exact", "troops", "55,000") in found
    assert (6000, "about", "troops", "around 6,000") in found
    assert not any("phase" in text for *_, text in found)


@pytest.mark.parametrize(
    "text, counted",
    [
        ("about 60,000 contract workers employed at the plant", "workers"),
        ("five aid workers were hurt", "workers"),
        ("300 police officers patrolled", "officers"),
        ("three children remain trapped", "children"),
        ("40 homes lack power", "homes"),
        ("1 survivor says so", "survivor"),
    ],
)
def test_a_count_counts_the_head_of_its_noun_compound(text: str, counted: str) -> None:
    """The head comes last ("contract workers" are workers), but a verb after a plural noun or a
    singular count ("remain", "says") is never taken for it."""
    assert find_quantities(text)[0].counted == counted
