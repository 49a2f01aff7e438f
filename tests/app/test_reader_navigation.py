"""Keys a reader presses to move through the story, and what every pane does in response."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.app.conftest import ReaderOpener
from tests.app.quake_story import BAKERY, DEATHS_A, DEATHS_B, MAGNITUDE, QUAKE
from tui.app.reader.screen import ReaderScreen
from tui.app.widgets.article_pane import ArticlePane


def _members_visible(screen: ReaderScreen, cluster_id: str) -> bool:
    cluster = screen.comparison.cluster(cluster_id)  # type: ignore[union-attr]
    panes = {p.article.id: p for p in screen.panes}
    return all(panes[m.article].is_offset_visible(m.start) for m in cluster.members)


async def test_right_bracket_goes_to_each_discrepancy_and_every_pane_follows(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        assert isinstance(screen, ReaderScreen)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"
        assert _members_visible(screen, "disc-deaths")
        assert all(p.scroller.scroll_y > 0 for p in screen.panes)
        values = [str(v.content) for v in screen.query(".variant-value")]
        assert values == ["12\nWire One, Radio Three", "15\nDaily Two"]  # one box per value
        body = str(screen.query_one("#variants-body").content)
        assert DEATHS_A in body and DEATHS_B in body
        b = screen.panes[1]
        assert b.gutter_at(b.article.text.index(DEATHS_B)) == "▶≠"
        assert not b.gutter_at(b.article.text.index(QUAKE)).startswith("▶")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-day"
        assert _members_visible(screen, "disc-day")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"
        assert _members_visible(screen, "disc-deaths")


async def test_curly_brackets_step_through_shared_facts(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert screen.current_cluster == "shared-magnitude"
        assert _members_visible(screen, "shared-magnitude")
        assert "shared" in str(screen.query_one("#variants-title").content)
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert screen.current_cluster == "shared-quake"


async def test_n_and_N_step_through_highlights_of_the_focused_pane_only(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("s")  # sync off: only this pane may move
        c = screen.panes[2]
        await pilot.press("tab", "tab")
        assert screen.focused_pane == 2
        await pilot.press("n")
        await pilot.pause()
        assert screen.current_cluster == "shared-quake"
        await pilot.press("n", "n")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"  # c: quake, magnitude, deaths, bakery
        assert c.is_offset_visible(c.article.text.index(DEATHS_A))
        assert screen.panes[0].scroller.scroll_y == 0
        await pilot.press("n")
        await pilot.pause()
        assert screen.current_cluster == "unique-bakery"
        assert c.is_offset_visible(c.article.text.index(BAKERY))
        await pilot.press("N")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"


async def test_reading_keys_scroll_the_focused_pane(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        a = screen.panes[0].scroller
        await pilot.press("s")
        await pilot.press("j", "j", "down")
        assert a.scroll_y == 3
        await pilot.press("k", "up")
        assert a.scroll_y == 1
        await pilot.press("pagedown")
        assert a.scroll_y > 10
        await pilot.press("pageup")
        assert a.scroll_y == 1
        await pilot.press("G")
        assert a.scroll_y == a.max_scroll_y > 0
        await pilot.press("g")
        assert a.scroll_y == 0
        assert all(p.scroller.scroll_y == 0 for p in screen.panes[1:])


def _row_on_screen(pane: ArticlePane, offset: int) -> float:
    """The screen row (within the pane's text area) of the line holding ``offset``."""
    return pane.offset_y(offset, exact=True) - pane.scroller.scroll_y


async def test_synced_scrolling_keeps_aligned_statements_on_the_same_row(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        a, b, c = screen.panes
        # a gives the toll in paragraph 21, b in paragraph 6, c in paragraph 26: filler rows in
        # the sources that say less before it put the three statements level, as in vimdiff.
        toll = {a: DEATHS_A, b: DEATHS_B, c: DEATHS_A}
        for _ in range(30):
            await pilot.press("j", "j", "j")
            rows = {_row_on_screen(p, p.article.text.index(s)) for p, s in toll.items()}
            assert len(rows) == 1, rows  # wherever it is on screen, it is on one row in all three
        row = rows.pop()
        assert 0 <= row < a.scroller.scrollable_content_region.height  # and it was on screen
        # a and b also give the magnitude after the toll: level too. c gives it before the
        # toll, so it cannot be level with theirs while the tolls are (nothing moves back).
        assert _row_on_screen(a, a.article.text.index(MAGNITUDE)) == _row_on_screen(
            b, b.article.text.index(MAGNITUDE)
        )
        assert ("s", "Sync: on") in [(k, ab.binding.description) for k, ab in screen.active_bindings.items()]
        await pilot.press("s")
        assert not screen.sync_enabled
        assert screen.active_bindings["s"].binding.description == "Sync: off"
        before = b.scroller.scroll_y
        await pilot.press("g")
        assert a.scroller.scroll_y == 0 and b.scroller.scroll_y == before
        await pilot.press("s", "G")
        assert b.scroller.scroll_y == b.scroller.max_scroll_y
        assert c.scroller.scroll_y == c.scroller.max_scroll_y


async def test_facts_list_filters_and_enter_jumps(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("f")  # shown at 48 rows: f goes to the list
        options = screen.query_one("#facts-list", OptionList)
        assert app.focused is options and options.option_count == 5
        await pilot.press("2")
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "disc-deaths",
            "disc-day",
        ]
        assert "discrepancy" in str(screen.query_one("#facts-title").content)
        await pilot.press("3")
        assert options.option_count == 2
        await pilot.press("4")
        assert options.get_option_at_index(0).id == "unique-bakery"
        await pilot.press("5")
        assert options.option_count == 1 and "Red Cross" in str(screen.query_one("#facts-title").content)
        await pilot.press("1", "down", "enter")
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"
        assert _members_visible(screen, "disc-deaths")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert options.highlighted == 4  # the list follows the current fact


async def test_slash_searches_every_source_and_enter_jumps_to_matches(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and app.focused is search
        await pilot.press("n")  # typing "n" types it; it does not move to the next highlight
        assert search.value == "n" and screen.current_cluster is None
        await pilot.press("backspace", *"BAKERY")
        await pilot.press("enter")
        await pilot.pause()
        c = screen.panes[2]
        assert screen.search_state.current == (
            2,
            c.article.text.index("bakery"),
            c.article.text.index("bakery") + 6,
        )
        assert c.is_offset_visible(c.article.text.index(BAKERY))
        block = c.block_at(c.article.text.index(BAKERY))
        match = c.article.text.index("bakery") - block.start
        assert any(span.start == match for span in block.content.spans)
        await pilot.press("ctrl+a", "ctrl+k", *"magnitude", "enter", "enter")
        await pilot.pause()
        assert screen.search_state.current is not None and screen.search_state.current[0] == 1
        await pilot.press("escape")
        assert not search.display and app.focused is not search


async def test_quake_text_is_never_altered_by_highlighting(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("right_square_bracket", "n")
        for pane in app.screen.query(ArticlePane):
            shown = "".join(str(b.content) for b in pane.blocks)
            assert shown == "".join(pane.article.text[b.start : b.end] for b in pane.blocks)
            assert QUAKE in shown


async def test_shift_tab_goes_back_a_source_and_q_quits(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("shift+tab")
        assert screen.focused_pane == 2 and app.focused is screen.panes[2].scroller
        await pilot.press("shift+tab")
        assert screen.focused_pane == 1
        await pilot.press("end")
        assert screen.panes[1].scroller.scroll_y == screen.panes[1].scroller.max_scroll_y
        await pilot.press("home")
        assert screen.panes[1].scroller.scroll_y == 0
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running
