"""The entity sidebar on its own: labels, counts, problems, and the messages it sends."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.widgets.entity_sidebar import EntityItem, EntitySidebar, SuggestionItem
from tui.core.load.resources import styles_dir
from tui.core.model import Comparison


class SidebarApp(App[None]):
    CSS_PATH = [styles_dir() / "sidebar.tcss", styles_dir() / "dialogs.tcss"]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield EntitySidebar(self.comparison)


def _unique(messages: list[Message], kind: type[Message]) -> list[Message]:
    """Each message once: the hook sees a bubbling message at every node it passes."""
    return list({id(m): m for m in messages if isinstance(m, kind)}.values())


def _labels(sidebar: EntitySidebar) -> dict[object, str]:
    return {
        leaf.data: leaf.label.plain for group in sidebar.entity_tree.root.children for leaf in group.children
    }


async def test_labels_show_names_literally_with_per_source_counts() -> None:
    app = SidebarApp(tiny_comparison())
    async with app.run_test(size=(160, 48)):
        sidebar = app.query_one(EntitySidebar)
        labels = _labels(sidebar)
        assert all(
            isinstance(leaf.label, Text)
            for group in sidebar.entity_tree.root.children
            for leaf in group.children
        )
        assert labels[EntityItem("mara-voss")] == "  2 1 —    3 Mara Voss"
        assert labels[EntityItem("bold-x")] == "  — — 1    1 [bold]x[/]"
        assert labels[EntityItem("slash")] == "  — — —    0 [/]"
        [suggestion] = [label for data, label in labels.items() if isinstance(data, SuggestionItem)]
        assert suggestion == "  • • —    2 Monday Crew [/]"
        groups = [group.label.plain.split()[0] for group in sidebar.entity_tree.root.children]
        assert groups == ["person", "group", "Suggested"]


async def test_annotation_errors_show_in_the_header() -> None:
    app = SidebarApp(tiny_comparison(errors=True))
    async with app.run_test(size=(160, 48)):
        problems = app.query_one("#sidebar-problems", Static)
        assert problems.display
        assert "entity [/] has no type" in str(problems.render())
    clean = SidebarApp(tiny_comparison())
    async with clean.run_test(size=(160, 48)):
        assert not clean.query_one("#sidebar-problems", Static).display


async def test_enter_on_an_entity_and_a_on_a_suggestion_send_messages() -> None:
    messages: list[Message] = []
    app = SidebarApp(tiny_comparison())
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        sidebar = app.query_one(EntitySidebar)
        sidebar.entity_tree.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        chosen = _unique(messages, EntitySidebar.EntityChosen)
        assert [m.entity_id for m in chosen] == ["mara-voss"]
        details = str(app.query_one("#entity-details", Static).render())
        assert "aka Voss" in details and "not named by: Gazette" in details
        await pilot.press("a")  # not a suggestion: only a warning
        await pilot.pause()
        assert not _unique(messages, EntitySidebar.SuggestionChosen)
        assert sidebar.select_entity("slash")
        await pilot.press("down", "down", "a")
        await pilot.pause()
        [added] = _unique(messages, EntitySidebar.SuggestionChosen)
        assert added.suggestion.name == "Monday Crew [/]"


async def test_focused_entity_is_marked_and_survives_a_rebuild() -> None:
    app = SidebarApp(tiny_comparison())
    async with app.run_test(size=(160, 48)) as pilot:
        sidebar = app.query_one(EntitySidebar)
        sidebar.focused_entity = "bold-x"
        await pilot.pause()
        assert _labels(sidebar)[EntityItem("bold-x")] == "▶ — — 1    1 [bold]x[/]"
        assert sidebar.select_entity("bold-x")
        sidebar.show_comparison(tiny_comparison())
        await pilot.pause()
        assert sidebar.entity_tree.cursor_node is not None
        assert sidebar.entity_tree.cursor_node.data == EntityItem("bold-x")
        assert _labels(sidebar)[EntityItem("bold-x")].startswith("▶")
