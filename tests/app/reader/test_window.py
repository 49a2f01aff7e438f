"""Which panes the reader shows: the window over the chosen sources, paged and slid."""

from __future__ import annotations

from tui.app.reader.window import PaneWindow


def _window(count: int) -> PaneWindow:
    window = PaneWindow()
    window.reset(count)
    return window


def test_the_window_shows_what_fits_and_slides_back_when_the_room_grows() -> None:
    window = _window(5)
    assert window.visible(2) == [0, 1]
    assert window.page(1, 2) == [1, 2]
    assert window.page(1, 2) == [2, 3] and window.page(1, 2) == [3, 4]
    assert window.page(1, 2) == [3, 4]  # the last source is on screen: no further
    assert window.visible(4) == [1, 2, 3, 4]  # a wider screen slides the window back
    assert window.pageable(4) and not window.pageable(5)


def test_revealing_a_pane_slides_the_window_to_it_and_chooses_it_if_need_be() -> None:
    window = _window(6)
    window.reveal(4, 2)
    assert window.visible(2) == [3, 4]
    window.reveal(0, 2)
    assert window.visible(2) == [0, 1]
    window.pick([5, 1])
    assert window.shown == [1, 5] and window.visible(3) == [1, 5]
    window.reveal(3, 2)  # not chosen: chosen now, at the end
    assert window.shown == [1, 5, 3] and window.visible(2) == [5, 3]


def test_tab_order_wraps_around_the_chosen_panes() -> None:
    window = _window(3)
    window.pick([0, 2])
    assert window.neighbour(0, 1) == 2 and window.neighbour(2, 1) == 0
    assert window.neighbour(0, -1) == 2
    assert window.neighbour(1, 1) == 2  # a pane not chosen counts from the first


def test_a_fact_arranges_its_sources_side_by_side_until_the_user_pages() -> None:
    window = _window(5)
    assert window.visible(3) == [0, 1, 2]
    assert not window.arrange([1, 2], 3)  # both sides already on screen: nothing moves
    assert window.arrange([0, 3], 3)  # the other side is off screen: it is brought in
    assert window.visible(3) == [0, 1, 3]  # beside the panes already there, in pane order
    assert window.neighbour(1, 1) == 3 and window.neighbour(3, 1) == 0  # Tab stays in it
    assert window.page(1, 3) == [1, 2, 3]  # paging puts the user's window back, then pages it
    assert window.arranged is None


def test_an_arrangement_prefers_the_chosen_sources_and_a_pick_drops_it() -> None:
    window = _window(6)
    window.pick([0, 1, 2, 4])
    assert window.arrange([5, 4, 3], 2)  # 5 and 3 were left out by the user: 4 is shown
    assert window.visible(2) == [0, 4]
    window.reveal(4, 2)  # on screen in the arrangement: nothing moves
    assert window.visible(2) == [0, 4]
    assert window.arrange([5, 3], 2)  # no chosen pane holds it: the others are shown
    assert window.visible(2) == [3, 5]
    window.pick([1, 2])
    assert window.arranged is None and window.visible(2) == [1, 2]
    assert window.arrange([4, 0, 5], 2) and window.visible(2) == [0, 4]
    assert window.restore() and window.visible(2) == [1, 2] and not window.restore()
