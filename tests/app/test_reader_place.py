"""The reader keeps the user's place: jumps show every side of a fact, layout changes keep
the text where it was, and ] } n go on from where the user is."""

from __future__ import annotations

import dataclasses

from tests.app.conftest import ReaderOpener
from tests.app.helpers import Reader
from tests.app.quake_story import DEATHS_A, DEATHS_B, MAGNITUDE, build_article, build_comparison, member
from tui.app.widgets.article_pane import ArticlePane
from tui.core.model import Cluster, Comparison, Story


def _notices(reader: Reader) -> list[str]:
    return [str(n.message) for n in reader.app._notifications]


def _shows_current_mark(pane: ArticlePane, offset: int) -> bool:
    """The ▶ of the current fact is drawn beside ``offset`` and that row is on screen."""
    return pane.is_offset_visible(offset) and pane.gutter_at(offset).startswith("▶")


def _five_sources() -> Comparison:
    """Five sources; the toll differs between the first (12) and the last (15) only."""
    toll_a, toll_e = "Officials said 12 people died.", "Officials said 15 people died."
    articles = [
        build_article(f"s{i}", f"Outlet {i}", f"Report {i}", {3 + i: toll_e if i == 4 else toll_a}, count=20)
        for i in range(5)
    ]
    toll = Cluster(
        "disc-toll",
        "discrepancy",
        "Deaths: 12 or 15",
        (member(articles[0], toll_a, "12"), member(articles[4], toll_e, "15")),
        discrepancy_type="number",
        values={"s0": "12", "s4": "15"},
    )
    story = Story(title="Five", path="five", articles=tuple(articles))
    base = build_comparison()
    return dataclasses.replace(base, story=story, clusters=(toll,), mentions=())


async def test_a_discrepancy_shows_both_sides_side_by_side_until_the_user_pages(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(_five_sources(), size=(120, 40)) as (app, pilot, screen):
        assert [p.article.id for p in screen.visible_panes] == ["s0", "s1", "s2"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        shown = [p.article.id for p in screen.visible_panes]
        assert "s0" in shown and "s4" in shown and len(shown) == 3  # both sides, side by side
        a, e = screen.panes[0], screen.panes[4]
        assert _shows_current_mark(a, a.article.text.index("12 people"))
        assert _shows_current_mark(e, e.article.text.index("15 people"))
        values = list(screen.query(".variant-value"))
        assert [str(v.content).split("\n")[0] for v in values] == ["12", "15"]
        await pilot.press("greater_than_sign")  # paging goes back to the user's own window
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["s1", "s2", "s3"]


async def test_at_80x24_the_other_side_comes_on_screen_and_the_values_sit_side_by_side(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(80, 24)) as (app, pilot, screen):
        await pilot.press("greater_than_sign")  # the user reads b and c
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["b", "c"]
        await pilot.press("right_square_bracket")  # the toll: 12 in a and c, 15 in b
        await pilot.pause()
        assert {p.article.id for p in screen.visible_panes} == {"a", "b"}  # 12 and 15 both
        twelve, fifteen = screen.query(".variant-value")
        assert str(twelve.content).startswith("12") and str(fifteen.content).startswith("15")
        assert twelve.region.y == fifteen.region.y and twelve.region.x < fifteen.region.x
        area = screen.query_one("#facts-area").region
        for box in (twelve, fifteen):  # the values themselves are on screen, not just a title
            assert area.y <= box.region.y and box.region.bottom <= area.bottom
        assert "2 of its 3 sources shown" in screen.status.hint_text
        await pilot.press("p", "escape")  # the picker (even cancelled) keeps what is shown
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert [p.article.id for p in screen.visible_panes] == ["a", "b"]


async def test_f_goes_to_the_facts_list_and_f_and_e_keep_the_place_and_the_current_fact(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(120, 40)) as (app, pilot, screen):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        a, b, c = screen.panes
        tolls = {a: a.article.text.index(DEATHS_A), b: b.article.text.index(DEATHS_B)}
        tolls[c] = c.article.text.index(DEATHS_A)
        assert all(_shows_current_mark(p, offset) for p, offset in tolls.items())
        facts = screen.query_one("#facts-area")
        assert facts.display
        await pilot.press("f")  # visible already: f goes to the list, it does not hide it
        assert facts.display and app.focused is screen.query_one("#facts-list")
        await pilot.press("f")  # from the list: hide it, back to the text
        await pilot.pause()
        assert not facts.display and app.focused is a.scroller
        assert all(_shows_current_mark(p, offset) for p, offset in tolls.items())
        top = a.offset_at_top()
        await pilot.press("e")  # the sidebar takes room: the panes re-wrap narrower
        await pilot.pause()
        await pilot.pause()
        shown = [p for p in screen.panes if p.display]
        assert len(shown) == 2
        for pane in shown:  # the sides of the current fact on screen keep their ▶
            assert _shows_current_mark(pane, tolls[pane])
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        assert a.offset_at_top() == top  # the same text at the top as before
        assert all(_shows_current_mark(p, offset) for p, offset in tolls.items())


async def test_curly_bracket_goes_on_from_the_current_fact_and_the_walk_wraps_like_vim(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as reader:
        app, pilot, screen = reader
        await pilot.press("right_square_bracket")  # the toll, second fact of the story
        await pilot.pause()
        await pilot.press("right_curly_bracket")  # the next shared fact after it, not the first
        await pilot.pause()
        assert screen.current_cluster == "shared-magnitude"
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert screen.current_cluster == "shared-quake"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-day"
        await pilot.press("right_square_bracket")  # past the last: round to the first, and said so
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"
        assert "Past the last discrepancy: continuing from the first." in _notices(reader)
        assert "discrepancy 1 of 2" in screen.status.hint_text
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-day"
        assert "Past the first discrepancy: continuing from the last." in _notices(reader)


async def test_after_scrolling_away_the_walk_starts_where_the_user_reads(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("s")  # one pane on its own
        await pilot.press("right_square_bracket")  # the toll
        await pilot.pause()
        a = screen.panes[0]
        a.scroll_to_offset(a.article.text.index(MAGNITUDE))  # read on, past the toll
        await pilot.pause()
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert screen.current_cluster == "shared-magnitude"  # the shared fact at the reading place


async def test_n_and_N_repeat_the_search_after_escape_and_a_second_escape_forgets_it(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as reader:
        app, pilot, screen = reader
        await pilot.press("slash", *"magnitude", "enter", "escape")
        await pilot.pause()
        assert not screen.search_box.display and screen.search_state.current == (
            0,
            screen.panes[0].article.text.index("magnitude"),
            screen.panes[0].article.text.index("magnitude") + 9,
        )
        await pilot.press("n")  # the next match (in b), not the next highlight of a
        await pilot.pause()
        assert screen.search_state.index == 1 and screen.focused_pane == 1
        b = screen.panes[1]
        assert b.is_offset_visible(b.article.text.index("magnitude"))
        await pilot.press("n")
        await pilot.pause()
        assert screen.search_state.index == 2 and screen.focused_pane == 2
        await pilot.press("n")  # round again, as vim says
        await pilot.pause()
        assert screen.search_state.index == 0
        assert "Search hit BOTTOM, continuing at TOP." in _notices(reader)
        await pilot.press("N")
        await pilot.pause()
        assert screen.search_state.index == 2
        assert "“magnitude” match 3 of 3" in screen.status.hint_text
        assert screen.legend_bar is not None  # the first run's legend: Esc hides it first
        await pilot.press("escape")
        await pilot.pause()
        assert screen.legend_bar is None and screen.search_state.text == "magnitude"
        await pilot.press("escape")  # nothing else open: forget the search
        await pilot.pause()
        assert screen.search_state.text == ""
        assert not any(o.kind == "search" for p in screen.panes for os in p._overlays for o in os)
        await pilot.press("n")  # highlights of the focused pane again
        await pilot.pause()
        assert screen.current_cluster is not None
