"""The overview screen driven with keys, on the quake story with known agreements
(``tests/core/views/glance_story``): open it, move, Enter to jump, back."""

from __future__ import annotations

from dataclasses import replace

from tests.app.conftest import ReaderOpener
from tests.core.views.glance_story import build_comparison
from tests.export.test_glance_export import with_copies
from tui.app.overview.grid import GlanceGrid
from tui.app.overview.pair import PairScreen
from tui.app.overview.screen import OverviewScreen
from tui.app.reader.screen import ReaderScreen
from tui.core.model import Comparison


def lines(grid: GlanceGrid) -> list[str]:
    """What the grid shows, line by line, as the terminal draws it."""
    return [grid.render_line(y).text.rstrip() for y in range(grid.size.height)]


def detail(screen: OverviewScreen) -> str:
    return screen.detail()


def quake() -> Comparison:
    return build_comparison()


async def test_o_opens_who_says_what_and_escape_goes_back(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = lines(screen.grid)
        assert shown[0].split() == ["Discrepancy", "Wire", "Service", "Herald", "Gazette", "Times", "Post"]
        toll = next(line for line in shown if line.startswith("number: The quake killed"))
        assert toll.split()[-5:] == ["★40", "★40", "★40", "45", "–"]  # the Post gives no figure
        size = next(line for line in shown if "magnitude" in line)
        assert size.split()[-5:] == ["·", "·", "6.1", "6.4", "·"]  # not mentioned, and no star: a tie
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_enter_on_a_cell_jumps_to_the_discrepancy_in_that_source(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        await pilot.press("right", "right", "right")  # the Times' column, on the toll row
        assert "Times: 45 × 1 source" in detail(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.current_cluster == "c002"
        assert reader.panes[reader.focused_pane].article.id == "c-times"


async def test_the_overview_opens_on_the_readers_current_discrepancy(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        reader.jump_to("c004")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        assert screen.grid.cursor[0] == 2
        assert "6.1" in detail(screen)


async def test_the_heat_map_opens_two_sources_side_by_side(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o", "2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = lines(screen.grid)
        assert shown[1].startswith("1 ┌Wire Service") and shown[2].startswith("2 └Herald")
        await pilot.press("right")  # row Wire Service, column Herald
        assert "wire copy (30 words, 100%)" in detail(screen)
        await pilot.press("down", "right")  # row Herald, column Gazette
        assert detail(screen).startswith("Herald and Gazette: 2 facts agreed, 1 differ")
        await pilot.press("enter")
        await pilot.pause()
        pair = app.screen
        assert isinstance(pair, PairScreen)
        assert (pair.left.id, pair.right.id) == ("e-herald", "b-gazette")
        await pilot.press("escape")  # back to the heat map, where it was
        await pilot.pause()
        assert app.screen is screen and screen.detail().startswith("Herald and Gazette")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("right_square_bracket", "enter")  # their first difference, in the panes
        await pilot.pause()
        assert app.screen is reader
        assert reader.current_cluster is not None
        assert reader.panes[reader.focused_pane].article.id == "e-herald"


async def test_per_source_flags_the_late_report_and_enter_reads_it(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o", "3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = lines(screen.grid)
        times = next(line for line in shown if line.startswith("Times"))
        assert "2026-03-03" in times and "▲ later" in times
        post = next(line for line in shown if line.startswith("Post"))
        assert "undated" in post
        await pilot.press("down", "down", "down")
        assert detail(screen).startswith("Times (2026-03-03)")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.panes[reader.focused_pane].article.id == "c-times"


async def test_over_time_reads_the_toll_as_a_change_and_jumps_to_it(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o", "4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = lines(screen.grid)
        assert shown[0].startswith("↗ number: The quake killed") and shown[0].endswith("a change over time")
        assert shown[1].split() == ["2026-03-02", "40", "×3"]
        assert shown[2].split() == ["2026-03-03", "45", "×1"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is reader and reader.current_cluster == "c002"


async def test_the_palette_offers_the_overview(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        commands = {command.title: command for command in app.get_system_commands(reader)}
        assert "Overview" in commands and "Only differences" in commands and "Two sources" in commands
        commands["Overview"].callback()
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_at_80_columns_many_sources_are_drawn_as_bars(open_reader: ReaderOpener) -> None:
    async with open_reader(with_copies(10), size=(80, 24)) as (app, pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        shown = lines(screen.grid)
        toll = next(line for line in shown if line.startswith("number: The quake"))
        assert "★40 ×13 (2)" in toll and "45 ×1" in toll and "– ×1" in toll
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader and reader.current_cluster == "c002"


async def test_with_one_source_every_view_still_opens(open_reader: ReaderOpener) -> None:
    comparison = quake()
    alone = replace(
        comparison,
        story=replace(comparison.story, articles=comparison.articles[:1]),
        clusters=(),
        units={"a-wire": comparison.units["a-wire"]},
        wire=(),
    )
    async with open_reader(alone, size=(80, 24)) as (app, pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        said = {
            "who": "No discrepancy between the sources.",
            "agree": "One source: nothing to compare.",
            "time": "Sources of one date only, or no dates: nothing changes over time.",
        }
        for key, tab in (("1", "who"), ("2", "agree"), ("4", "time")):
            await pilot.press(key, "enter")  # nothing to open: no discrepancy, no pair, no dates
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, OverviewScreen)
            assert screen.tab == tab and detail(screen) == said[tab]
        await pilot.press("3", "enter")  # the one source can still be read
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("c")  # and nothing can be put beside it
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_a_theme_change_repaints_the_views(open_reader: ReaderOpener) -> None:
    async with open_reader(quake()) as (app, pilot, reader):
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)

        def label_background() -> object:
            first = next(iter(screen.grid.render_line(2)))  # a row's label, not under the cursor
            return first.style.bgcolor if first.style else None

        dark = label_background()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert label_background() != dark
        toll = next(line for line in lines(screen.grid) if line.startswith("number: The quake"))
        assert toll.split()[-5:] == ["★40", "★40", "★40", "45", "–"]  # the same words, new colours
