"""The search state: matches across sources in pane order, stepping and wrapping."""

from __future__ import annotations

from tui.app.reader.search import MAX_MATCHES, SearchState


def test_matches_are_case_insensitive_literal_and_in_pane_order() -> None:
    state = SearchState()
    found = state.find("  a.B ", ["xa.bx A.B", "no match", "a.b"])
    assert state.text == "a.B"
    assert found == [[(1, 4), (6, 9)], [], [(0, 3)]]
    assert state.matches == [(0, 1, 4), (0, 6, 9), (2, 0, 3)]
    assert state.current is None


def test_advance_wraps_and_a_new_search_starts_over() -> None:
    state = SearchState()
    state.find("x", ["x x", "x"])
    assert [state.advance() for _ in range(4)] == [(0, 0, 1), (0, 2, 3), (1, 0, 1), (0, 0, 1)]
    assert state.current == (0, 0, 1)
    state.find("y", ["x"])
    assert state.advance() is None and state.current is None


def test_pasted_control_characters_are_cleaned_and_matches_are_capped() -> None:
    state = SearchState()
    state.find("\x1b[31mab\x07", ["ab" * (MAX_MATCHES + 10)])
    assert state.text == "ab" and len(state.matches) == MAX_MATCHES
    assert state.is_current("ab") and not state.is_current("abc")


def test_stepping_back_wraps_too_and_says_when_it_went_round() -> None:
    state = SearchState()
    state.find("x", ["x x", "x"])
    assert state.advance(-1) == (1, 0, 1) and not state.went_round
    assert state.advance(-1) == (0, 2, 3)
    assert state.advance(-1) == (0, 0, 1) and not state.went_round
    assert state.advance(-1) == (1, 0, 1) and state.went_round
    assert state.advance(1) == (0, 0, 1) and state.went_round
    state.clear()
    assert state.text == "" and state.advance() is None
