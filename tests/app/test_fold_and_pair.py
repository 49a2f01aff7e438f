"""Fold mode (d) and two-source mode (c) driven with keys on the quake story of
``tests/core/views/glance_story``: open, move, Enter, back."""

from __future__ import annotations

from tests.app.conftest import ReaderOpener
from tests.core.views.glance_story import SENTENCES, build_comparison
from tui.app.overview.fold import FoldPane, FoldScreen
from tui.app.overview.pair import PairScreen, PairText, PickOther


def pane_text(pane: FoldPane) -> str:
    return pane.text_content.plain


def pane_of(screen: FoldScreen, article: str) -> FoldPane:
    return next(p for p in screen.panes if p.article.id == article)


async def test_d_folds_agreed_text_and_enter_opens_a_fold(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison()) as (app, pilot, reader):
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FoldScreen)
        assert [p.article.id for p in screen.panes] == [p.article.id for p in reader.visible_panes]
        times = pane_of(screen, "c-times")
        assert pane_text(times).split("\n")[0] == "··· 3 shared statements"
        assert SENTENCES["toll45"] in pane_text(times)
        assert SENTENCES["rescue"] not in pane_text(times)  # folded
        screen.action_focus_pane(2 - screen.focused_index)  # the Times
        await pilot.press("enter")  # the cursor starts on the fold
        await pilot.pause()
        assert SENTENCES["rescue"] in pane_text(times) and SENTENCES["power"] in pane_text(times)
        await pilot.press("enter")
        await pilot.pause()
        assert SENTENCES["rescue"] not in pane_text(times)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_next_discrepancy_lines_the_sources_up(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison()) as (app, pilot, reader):
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FoldScreen)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.pause()
        assert screen.cluster == "c002"
        holders = [p for p in screen.panes if p.entry_of("c002") is not None]
        assert {p.article.id for p in holders} == {"a-wire", "b-gazette", "c-times", "d-post"}
        assert {p.current_cluster for p in holders} == {"c002"}
        assert len({p.cursor_row() for p in holders}) == 1  # on one row, side by side
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader and reader.current_cluster == "c002"


async def test_u_shows_unique_statements_and_enter_on_a_statement_jumps(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison()) as (app, pilot, reader):
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FoldScreen)
        gazette = pane_of(screen, "b-gazette")
        assert SENTENCES["bridge"] not in pane_text(gazette)
        await pilot.press("u")
        await pilot.pause()
        assert SENTENCES["bridge"] in pane_text(gazette)
        screen.action_focus_pane(1 - screen.focused_index)  # the Gazette
        await pilot.press("down")  # from the fold to its first differing statement (magnitude)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader and reader.current_cluster == "c004"


async def test_c_asks_for_the_other_source_then_aligns_the_rows(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison()) as (app, pilot, reader):
        reader.focus_pane(1)  # the Gazette
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickOther)
        option = picker.query_one("OptionList")
        assert option.highlighted is not None
        await pilot.press("down")  # the next shown source (the Times) is offered first
        while str(option.get_option_at_index(option.highlighted or 0).id) != "c-times":
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PairScreen)
        text = screen.query_one(PairText)
        toll = 4  # quake, rescue (right only), power (right only), size, toll
        first = text.first_line[toll]
        drawn = text.render_line(first - int(text.scroll_y)).text
        left, right = drawn[: text.column], drawn[text.column + 3 :]
        assert left.startswith("The quake killed 40") and right.startswith("The quake killed 45")
        assert drawn[text.column + 1] == "≠"


async def test_next_difference_steps_and_enter_goes_back_at_the_fact(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison()) as (app, pilot, reader):
        from tui.app.overview.opening import open_two_sources

        open_two_sources(reader, "b-gazette", "c-times")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PairScreen)
        text = screen.query_one(PairText)
        seen = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            seen.append(text.current)
        assert seen == [1, 3, 4]  # the right-only run, the magnitude, the toll
        await pilot.press("left_square_bracket")
        assert text.current == 3
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader and reader.current_cluster == "c004"


async def test_the_word_diff_is_marked_in_both_columns(open_reader: ReaderOpener) -> None:
    async with open_reader(build_comparison(), size=(120, 40)) as (app, pilot, reader):
        from tui.app.overview.opening import open_two_sources

        open_two_sources(reader, "b-gazette", "c-times")
        await pilot.pause()
        text = app.screen.query_one(PairText)
        strip = text.render_line(text.first_line[4] - int(text.scroll_y))
        marked = [segment.text for segment in strip if segment.style and segment.style.bold]
        assert "40" in marked and "45" in marked
        plain = [segment.text for segment in strip if segment.style and not segment.style.bold]
        assert any("killed" in piece for piece in plain)
        await pilot.press("s")
        await pilot.pause()
        swapped = app.screen
        assert isinstance(swapped, PairScreen) and swapped.left.id == "c-times"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader
