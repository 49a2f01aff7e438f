"""Patterns tried only where they can begin (``matches_at``) find exactly what a scan of every
character finds: the same matches, spans and groups, on texts crowded with near misses."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

import pytest

from tui.core.text.slots import forms, times
from tui.core.text.slots.scan import matches_at

PIECES = [
    "45-year-old",
    "a 46 year old",
    "Forty-Year-Old",
    "aged 7",
    "AGED  81",
    "Smith, 45, of Dover",
    "a 40-bed clinic",
    "200-seat",
    "a 4,000-strong force",
    "seventeen-year",
    "ONE-year-old",
    "won 3-1",
    "an 8–3 record",
    "(7-3)",
    "1945-year",
    "x-year-old",
    "12,000-strong crowd",
    "her fourth title",
    "-years",
    "9-",
    "--",
    "(",
    ")",
    ", 3,",
    "year",
    "years",
    "old",
    "ſix-year-old",
    "six-bed",
    "Ten-storey",
    "two-week",
    "Twenty-strong",
    "Seventeen-storey",
    "K",
    "early in the second half",
    "Late into the final quarter",
    "midway through the first period",
    "nearly late in the third round",
    "07:37 a.m. UTC",
    "9 p.m.",
    "21:00",
    "at 5.30pm",
    "23.59",
    "12 PM (local time)",
    "midnight",
    "Mid-morning",
    "late in the  evening",
    "early\n on the night",
    "happened overnight",
    "at dawn",
    "Earlyevening",
    "and",
    "the",
    "7",
    "1,234",
    "3.5-metre",
    "it",
    "\n",
    "  ",
]


def _texts() -> Iterable[str]:
    rng = random.Random(19)
    for _ in range(300):
        yield "".join(rng.choice([*PIECES, " ", " ", "-", ","]) for _ in range(rng.randint(1, 40)))


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (forms._AGE, forms._age_starts),
        (forms._COMPOUND, lambda text: forms._compound_starts(text, forms._number_starts(text))),
        (forms._SCORE, lambda text: forms._score_starts(text, forms._number_starts(text))),
        (times._GAME, times._game_starts),
        (times._CLOCK, times._clock_starts),
        (times._PART, times._part_starts),
    ],
    ids=["age", "compound", "score", "game", "clock", "part"],
)
def test_tried_only_where_they_can_begin_the_patterns_match_as_a_full_scan(
    pattern: re.Pattern[str], starts: Callable[[str], Iterable[int]]
) -> None:
    found = 0
    for text in _texts():
        expected = _spans(pattern.finditer(text))
        assert _spans(matches_at(pattern, text, starts(text))) == expected, text
        found += len(expected)
    assert found > 20
