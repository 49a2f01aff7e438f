from __future__ import annotations

import pytest

from tui.core.views.scrollsync import interpolate, monotone_anchors


def test_without_anchors_the_mapping_is_proportional() -> None:
    anchors = monotone_anchors([], 100, 50)
    assert anchors == ((0.0, 0.0), (100.0, 50.0))
    assert interpolate(anchors, 50) == pytest.approx(25)
    assert interpolate(anchors, 100) == pytest.approx(50)


def test_an_anchor_lands_exactly_and_positions_between_anchors_interpolate() -> None:
    anchors = monotone_anchors([(40, 10), (60, 50)], 100, 100)
    assert interpolate(anchors, 40) == pytest.approx(10)
    assert interpolate(anchors, 60) == pytest.approx(50)
    assert interpolate(anchors, 50) == pytest.approx(30)
    assert interpolate(anchors, 20) == pytest.approx(5)
    assert interpolate(anchors, 80) == pytest.approx(75)


def test_a_reordered_statement_does_not_make_the_follower_jump_back() -> None:
    anchors = monotone_anchors([(10, 80), (50, 20), (90, 95)], 100, 100)
    followers = [interpolate(anchors, y) for y in range(0, 101, 5)]
    assert followers == sorted(followers)
    assert (50.0, 20.0) not in anchors


def test_positions_outside_the_range_clamp() -> None:
    anchors = monotone_anchors([(30, 30)], 60, 90)
    assert interpolate(anchors, -5) == 0
    assert interpolate(anchors, 500) == pytest.approx(90)


def test_anchors_beyond_the_scroll_range_are_clamped() -> None:
    anchors = monotone_anchors([(500, 500)], 100, 40)
    assert anchors[-1] == (100.0, 40.0)
    assert interpolate(anchors, 50) == pytest.approx(20)


def test_empty_anchor_tuple_maps_to_top() -> None:
    assert interpolate((), 42) == 0.0


def test_leader_at_its_bottom_puts_the_follower_at_its_bottom() -> None:
    anchors = monotone_anchors([(95, 30), (100, 35)], 100, 80)
    assert interpolate(anchors, 100) == pytest.approx(80)
    assert interpolate(anchors, 95) == pytest.approx(30)


def test_the_reading_line_runs_from_first_to_last_line() -> None:
    from tui.core.views.scrollsync import reading_line, scroll_for_line

    assert reading_line(0, 70, 100) == 0
    assert reading_line(70, 70, 100) == pytest.approx(100)
    assert reading_line(35, 70, 100) == pytest.approx(50)
    assert scroll_for_line(reading_line(20, 70, 100), 70, 100) == pytest.approx(20)
    assert reading_line(10, 0, 20) == 0  # a pane that does not scroll
    assert scroll_for_line(500, 70, 100) == 70
