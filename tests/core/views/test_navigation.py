"""Where ] [ } { go: the next fact of a kind after the reader's place, wrapping like vim."""

from __future__ import annotations

from tui.core.views.navigation import Step, step_kind

KINDS = ["shared", "discrepancy", "shared", "unique", "discrepancy", "shared"]


def test_the_next_fact_of_a_kind_is_found_after_the_place_whatever_kind_is_current() -> None:
    # From the second discrepancy (index 4), } goes on to the shared fact after it...
    assert step_kind(KINDS, "shared", 5, 1) == Step(5, False)
    # ...and { back to the shared fact before it, not to the first one.
    assert step_kind(KINDS, "shared", 4, -1) == Step(2, False)
    assert step_kind(KINDS, "discrepancy", 2, 1) == Step(4, False)


def test_past_either_end_the_walk_wraps_and_says_so() -> None:
    assert step_kind(KINDS, "discrepancy", 5, 1) == Step(1, True)
    assert step_kind(KINDS, "discrepancy", 1, -1) == Step(4, True)
    assert step_kind(KINDS, "unique", 4, 1) == Step(3, True)
    assert step_kind(KINDS, "shared", 0, 1) == Step(0, False)
    assert step_kind(KINDS, "shared", len(KINDS), 1) == Step(0, True)
    assert step_kind(KINDS, "contradiction", 2, 1) is None
    assert step_kind([], "shared", 0, -1) is None
