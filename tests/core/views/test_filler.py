"""Filler rows: aligned statements end on the same row in every column, as in vimdiff."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.views.filler import Anchor, filler_rows, shared_order


def _anchor(key: str, row: int, paragraph_row: int | None = None) -> Anchor:
    """A statement at ``row`` (text offset 100 * row), its paragraph starting at ``paragraph_row``."""
    start = row if paragraph_row is None else paragraph_row
    return Anchor(key, row, 100 * row, start, 100 * start)


def _rows_after(columns: Sequence[Sequence[Anchor]], pads: list[dict[int, int]]) -> list[dict[str, int]]:
    """Each column's statement rows once the filler is drawn."""
    return [
        {a.key: a.row + sum(n for offset, n in column_pads.items() if offset <= a.offset) for a in column}
        for column, column_pads in zip(columns, pads, strict=True)
    ]


def test_the_column_that_says_less_gets_blank_rows_before_each_shared_statement() -> None:
    columns = [[_anchor("quake", 2), _anchor("toll", 10)], [_anchor("quake", 5), _anchor("toll", 6)]]
    pads = filler_rows(columns)
    assert pads == [{200: 3}, {600: 7}]
    after = _rows_after(columns, pads)
    assert after[0] == after[1] == {"quake": 5, "toll": 13}


def test_filler_goes_before_the_paragraph_unless_it_holds_the_statement_aligned_before() -> None:
    a = [_anchor("first", 4), _anchor("second", 9)]
    b = [_anchor("first", 1), _anchor("second", 12, paragraph_row=10)]
    assert filler_rows([a, b]) == [{900: 6}, {100: 3}]
    # b's second statement shares its paragraph with the first: a few rows go right before it...
    b = [_anchor("first", 2, paragraph_row=0), _anchor("second", 5, paragraph_row=0)]
    a = [_anchor("first", 2), _anchor("second", 8)]
    assert filler_rows([a, b]) == [{}, {500: 3}]
    # ...but never a screenful inside a paragraph: there it stays where its paragraph puts it
    a = [_anchor("first", 2), _anchor("second", 20)]
    assert filler_rows([a, b]) == [{}, {}]


def test_statements_in_a_different_order_are_not_all_aligned_and_nothing_moves_back() -> None:
    a = [_anchor("x", 1), _anchor("y", 5), _anchor("z", 9)]
    b = [_anchor("y", 1), _anchor("x", 5), _anchor("z", 7)]
    order = [key for key, _ in shared_order([a, b])]
    assert len(order) == 2 and order[-1] == "z"
    after = _rows_after([a, b], filler_rows([a, b]))
    assert after[0]["z"] == after[1]["z"]
    assert after[0][order[0]] == after[1][order[0]]
    assert all(n >= 0 for pads in filler_rows([a, b]) for n in pads.values())


def test_three_columns_and_statements_two_of_them_share() -> None:
    a = [_anchor("quake", 0), _anchor("toll", 8)]
    b = [_anchor("quake", 3), _anchor("aid", 6)]
    c = [_anchor("aid", 2), _anchor("toll", 4)]
    columns = [a, b, c]
    after = _rows_after(columns, filler_rows(columns))
    assert after[0]["quake"] == after[1]["quake"]
    assert after[1]["aid"] == after[2]["aid"]
    assert after[0]["toll"] == after[2]["toll"]


def test_statements_on_one_row_are_aligned_once_and_unique_ones_are_ignored() -> None:
    a = [_anchor("left", 3), _anchor("right", 3), _anchor("only-a", 7)]
    b = [_anchor("left", 6), _anchor("right", 9), _anchor("only-b", 1)]
    assert [key for key, _ in shared_order([a, b])] == ["left", "right"]
    assert filler_rows([a, b]) == [{300: 3}, {}]


def test_two_columns_that_agree_stay_level_where_a_third_tells_it_the_other_way_round() -> None:
    a = [_anchor("quake", 0), _anchor("toll", 20), _anchor("size", 35)]
    b = [_anchor("quake", 0), _anchor("toll", 5), _anchor("size", 30)]
    c = [_anchor("quake", 2), _anchor("size", 10), _anchor("toll", 25)]
    order = shared_order([a, b, c])
    assert order == [("quake", {0, 1, 2}), ("toll", {0, 1, 2}), ("size", {0, 1})]
    after = _rows_after([a, b, c], filler_rows([a, b, c]))
    assert after[0]["toll"] == after[1]["toll"] == after[2]["toll"]
    assert after[0]["size"] == after[1]["size"]
