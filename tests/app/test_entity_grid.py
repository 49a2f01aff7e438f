"""The source × entity grid: counts, and omissions shown as a marker, not a colour."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.screens.entity_grid import EntityGridScreen
from tui.app.widgets.entity_sidebar import ZERO_MARK
from tui.core.load.resources import styles_dir


class GridApp(App[None]):
    CSS_PATH = [styles_dir() / "sidebar.tcss"]


async def test_grid_counts_and_zero_marker() -> None:
    app = GridApp()
    picked: list[str | None] = []
    async with app.run_test(size=(160, 48)) as pilot:
        app.push_screen(EntityGridScreen(tiny_comparison()), picked.append)
        await pilot.pause()
        table = app.screen.query_one("#entity-grid", DataTable)
        headers = [column.label.plain for column in table.columns.values()]
        assert headers == ["Entity", "1. The Ledger", "2. Courier [/]", "3. Gazette", "Sources"]
        rows = [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["Mara Voss", "2", "1", ZERO_MARK, "2/3"]
        assert rows[1] == ["[bold]x[/]", ZERO_MARK, ZERO_MARK, "1", "1/3"]
        assert rows[2] == ["[/]", ZERO_MARK, ZERO_MARK, ZERO_MARK, "0/3"]
        zero = table.get_row_at(0)[3]
        assert "italic" in str(zero.style)  # apart from colour: the glyph and italics
        assert min(c.get_render_width(table) for c in table.columns.values()) > 3
        await pilot.press("down", "enter")
        await pilot.pause()
    assert picked == ["bold-x"]


async def test_escape_closes_without_a_choice() -> None:
    app = GridApp()
    picked: list[str | None] = []
    async with app.run_test(size=(160, 48)) as pilot:
        app.push_screen(EntityGridScreen(tiny_comparison()), picked.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert picked == [None]
