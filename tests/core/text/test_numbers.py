"""Every way of writing one number gets one key; different numbers never share one."""

from __future__ import annotations

import pytest

from tui.core.text.numbers import number_key, number_runs


def keys(text: str, cardinal: bool = False) -> list[str]:
    return [key for _, _, key in number_runs(text.lower().split(), cardinal=cardinal)]


def test_ordinal_words_and_digits_agree() -> None:
    assert number_key("seventh") == number_key("7th") == "7th"
    assert number_key("twenty-first") == number_key("21st") == "21st"
    assert keys("the twenty first brigade") == ["21st"]


def test_ordinals_count_only_when_asked() -> None:
    assert number_key("seventh") != number_key("seven")
    assert number_key("seventh", cardinal=True) == number_key("seven") == "7"


def test_first_and_second_never_become_counts() -> None:
    assert number_key("first", cardinal=True) == "1st"
    assert number_key("second", cardinal=True) == "2nd"
    assert keys("the twenty second day", cardinal=True) == ["22"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a dozen boats", ["12"]),
        ("two dozen boats", ["24"]),
        ("12 boats", ["12"]),
        ("sixty thousand troops", ["60000"]),
        ("60,000 troops", ["60000"]),
        ("60 thousand troops", ["60000"]),
        ("1.5 billion dollars", ["1500000000"]),
        ("one hundred and five people", ["105"]),
        ("a hundred people", ["100"]),
        ("nineteen hundred", ["1900"]),
    ],
)
def test_spelled_and_digit_numbers_agree(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_numbers_side_by_side_stay_apart() -> None:
    assert keys("five six seven") == ["5", "6", "7"]
    assert keys("between three and four") == ["3", "4"]
    assert keys("the 3rd and 4th ships") == ["3rd", "4th"]


def test_vague_quantities_and_malformed_ordinals_are_not_numbers() -> None:
    assert keys("hundreds of dozens") == []
    assert number_key("fifties") is None
    assert number_key("21th") is None
    assert number_key("1,2") is None


def test_runs_report_which_words_they_cover() -> None:
    assert number_runs("about a dozen of the twenty-one ships".split()) == [(1, 3, "12"), (5, 6, "21")]
