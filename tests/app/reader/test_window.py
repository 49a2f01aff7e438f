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
