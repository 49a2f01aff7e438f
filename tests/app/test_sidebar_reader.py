"""The sidebar and export keys inside the real reader, on the tiny hand-built comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Tree

from tests.app.conftest import ReaderOpener
from tests.app.helpers import reader_session
from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.app import ReaderApp
from tui.app.clipboard import citation_text, current_excerpt
from tui.app.screens.entity_grid import EntityGridScreen
from tui.app.screens.export_dialog import ExportDialog
from tui.app.widgets.entity_sidebar import EntitySidebar
from tui.core.model import Comparison


def _app(comparison: Comparison | None = None) -> ReaderApp:
    return ReaderApp(comparison=comparison or tiny_comparison())


async def _focus_entity(pilot, name: str) -> None:
    """Open the sidebar and press Enter on the entity called ``name``."""
    screen = pilot.app.screen
    await pilot.press("e")
    await pilot.pause()
    sidebar = screen.query_one(EntitySidebar)
    [entity] = [e for e in screen.comparison.entities if e.name == name]
    assert sidebar.select_entity(entity.id)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_e_opens_the_sidebar_and_enter_highlights_mentions_everywhere(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        slot = screen.query_one("#sidebar-slot")
        assert not slot.display
        await pilot.press("e")
        await pilot.pause()
        assert slot.display
        assert isinstance(app.focused, Tree)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.entity_focus == "mara-voss"
        assert [pane.focus_entity for pane in screen.panes] == ["mara-voss"] * 3
        assert screen.query_one(EntitySidebar).focused_entity == "mara-voss"
        await pilot.press("enter")  # again: the focus is cleared
        await pilot.pause()
        assert [pane.focus_entity for pane in screen.panes] == [None] * 3
        await pilot.press("e")
        await pilot.pause()
        assert not slot.display


async def test_m_and_M_step_through_mentions_across_sources(open_reader: ReaderOpener) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await _focus_entity(pilot, "Mara Voss")
        visited = []
        for _ in range(4):
            await pilot.press("m")
            await pilot.pause()
            pane = screen.panes[screen.focused_pane]
            visited.append((pane.article.id, pane.article.text[pane.cursor : pane.cursor + 4]))
            assert app.focused is pane.scroller
        assert visited == [("ledger", "Mara"), ("ledger", "Voss"), ("courier", "Mara"), ("ledger", "Mara")]
        await pilot.press("M")
        await pilot.pause()
        pane = screen.panes[screen.focused_pane]
        assert (pane.article.id, pane.cursor) == ("courier", pane.article.text.index("Mara Voss"))


async def test_markup_named_entity_is_reachable_and_literal(open_reader: ReaderOpener) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await _focus_entity(pilot, "[bold]x[/]")
        await pilot.press("m")
        await pilot.pause()
        pane = screen.panes[screen.focused_pane]
        assert pane.article.id == "gazette"
        assert pane.article.text[pane.cursor :].startswith("[bold]x[/]")


async def test_grid_from_the_reader_focuses_the_picked_entity(open_reader: ReaderOpener) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EntityGridScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.entity_focus == "bold-x"


async def test_space_marks_and_x_exports_what_the_reader_shows(open_reader: ReaderOpener) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current_cluster == "c2"
        await pilot.press("space")
        assert screen.marked == {"c2"}
        await pilot.press("space")
        assert screen.marked == set()
        await pilot.press("space", "x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.context.current_cluster == "c2" and set(dialog.context.marked) == {"c2"}
        assert dialog.scope == "marked"


async def test_y_copies_the_excerpt_with_its_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    app = _app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with reader_session(app) as (app, pilot, _screen):
        await pilot.press("y")  # no current fact yet: nothing copied
        await pilot.press("right_square_bracket", "tab")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    excerpt = current_excerpt(tiny_comparison(), "c2", "courier")
    assert excerpt is not None
    expected = citation_text(excerpt)
    assert copied == [expected]
    assert expected.startswith("“About 350 workers built it.”\n— Courier [/]")


async def test_ctrl_s_saves_an_svg_screenshot_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_reader: ReaderOpener
) -> None:
    monkeypatch.chdir(tmp_path)
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await pilot.press("ctrl+s")
        await pilot.pause()
    [shot] = list(tmp_path.glob("*.svg"))
    assert "<svg" in shot.read_text(encoding="utf-8")[:2000]


HAND_WRITTEN = """\
# Who is who in the bridge story (kept by hand).
types:
  person: {colour: "#ff8800"}   # orange people
entities:
  - id: mara-voss     # the mayor
    name: Mara Voss
    type: person
"""


def _annotated(tmp_path: Path) -> tuple[Comparison, Path]:
    path = tmp_path / "annotations.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    comparison = tiny_comparison(annotations_path=str(path))
    return comparison, path


async def test_add_alias_writes_back_keeps_comments_and_recompares(
    tmp_path: Path, open_reader: ReaderOpener
) -> None:
    comparison, path = _annotated(tmp_path)
    async with open_reader(comparison) as (app, pilot, screen):
        await _focus_entity(pilot, "Mara Voss")
        await pilot.press("slash", *"Voss", "escape")
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")  # alias prefilled from the search, entity from the focus
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = path.read_text(encoding="utf-8")
        assert "Voss" in text.split("name: Mara Voss", 1)[1]
        assert text.startswith("# Who is who in the bridge story (kept by hand).\n")
        assert "# orange people" in text and "# the mayor" in text
        [voss] = [e for e in screen.comparison.entities if e.id == "mara-voss"]
        assert "Voss" in voss.aliases
        assert screen.query_one(EntitySidebar).comparison is screen.comparison


async def test_a_on_a_suggestion_adds_the_entity(tmp_path: Path, open_reader: ReaderOpener) -> None:
    comparison, path = _annotated(tmp_path)
    async with open_reader(comparison) as (app, pilot, screen):
        await pilot.press("e")
        await pilot.pause()
        sidebar = screen.query_one(EntitySidebar)
        assert sidebar.select_entity("slash")
        await pilot.pause()
        await pilot.press("down", "down", "a")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = path.read_text(encoding="utf-8")
        assert text.startswith(HAND_WRITTEN.rstrip("\n"))
        assert "monday-crew" in text
        [added] = [e for e in screen.comparison.entities if e.id == "monday-crew"]
        assert (added.name, added.type) == ("Monday Crew [/]", "unknown")


async def test_space_in_the_facts_list_marks_the_fact_under_its_cursor(open_reader: ReaderOpener) -> None:
    from textual.widgets import OptionList

    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        facts = screen.query_one("#facts-list", OptionList)
        screen.query_one("#facts-area").display = True
        facts.focus()
        facts.highlighted = 0
        await pilot.pause()
        await pilot.press("space")
        assert screen.marked == {"c1"}
        assert screen.current_cluster is None  # marking does not move the reader


def _facts_rows(screen) -> list[str]:
    from textual.widgets import OptionList

    facts = screen.query_one("#facts-list", OptionList)
    return [str(option.prompt) for option in facts.options]


async def test_a_marked_fact_shows_its_mark_in_the_facts_list(open_reader: ReaderOpener) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await pilot.press("right_square_bracket", "space")
        await pilot.pause()
        rows = dict(zip([c.id for c in screen.facts.shown], _facts_rows(screen), strict=False))
        assert rows["c2"].startswith("●") and not rows["c1"].startswith("●")
        await pilot.press("space")
        await pilot.pause()
        assert not any(row.startswith("●") for row in _facts_rows(screen))


async def test_the_entity_filter_starts_at_the_sidebar_entity_and_follows_it(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await _focus_entity(pilot, "Mara Voss")
        await pilot.press("e", "f")  # close the sidebar; go to the facts list
        await pilot.pause()
        assert app.focused is screen.facts.query_one("#facts-list")
        await pilot.press("5")
        await pilot.pause()
        assert screen.facts.entity == "mara-voss"
        shown = {c.id for c in screen.facts.shown}
        expected = {c.id for c in screen.comparison.clusters if "mara-voss" in c.entities}
        assert shown == expected and shown
        assert "entity: Mara Voss" in str(screen.facts.query_one("#facts-title").content)
        screen.set_entity_focus("bold-x")  # what Enter on another sidebar entity does
        await pilot.pause()
        assert screen.facts.entity == "bold-x"
        assert [c.id for c in screen.facts.shown] == ["c2"]


async def test_a_story_with_thousands_of_facts_fills_its_list_in_chunks_and_jumps_anywhere(
    open_reader: ReaderOpener,
) -> None:
    from dataclasses import replace

    from textual.widgets import OptionList

    from tui.app.widgets.facts_panel import FILL_CHUNK

    base = tiny_comparison()
    many = tuple(replace(base.clusters[i % 2], id=f"k{i:05d}") for i in range(3 * FILL_CHUNK + 7))
    async with open_reader(replace(base, clusters=many)) as (app, pilot, screen):
        options = screen.query_one("#facts-list", OptionList)
        screen.facts.highlight("k01400")  # beyond what is filled: filled up to it at once
        assert options.highlighted == 1400
        assert options.get_option_at_index(1400).id == "k01400"
        for _ in range(50):
            if options.option_count == len(many):
                break
            await pilot.pause(0.05)
        assert options.option_count == len(many)
        assert [options.get_option_at_index(i).id for i in (0, len(many) - 1)] == ["k00000", many[-1].id]
