"""Adding an alias from the reader: the dialog, and the write-back to annotations.yaml."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Select, Static

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.reader.tools import entity_slug
from tui.app.screens.alias_dialog import AliasDialog
from tui.core.load.resources import styles_dir


class DialogApp(App[None]):
    CSS_PATH = [styles_dir() / "dialogs.tcss"]


async def test_dialog_prefills_and_returns_entity_and_alias() -> None:
    app, results = DialogApp(), []
    entities = tiny_comparison().entities
    async with app.run_test(size=(160, 48)) as pilot:
        app.push_screen(AliasDialog(entities, alias="Ms Voss", entity_id="mara-voss"), results.append)
        await pilot.pause()
        assert app.screen.query_one("#alias-text", Input).value == "Ms Voss"
        assert app.screen.query_one("#alias-entity", Select).value == "mara-voss"
        await pilot.press("end", "!", "enter")
        await pilot.pause()
    assert results == [("mara-voss", "Ms Voss!")]


async def test_dialog_asks_for_the_entity_when_none_is_focused() -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        app.push_screen(AliasDialog(tiny_comparison().entities, alias="[/] crew"), results.append)
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#alias-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        error = dialog.query_one("#alias-error", Static)
        assert error.display and "Choose the entity" in str(error.render())
        dialog.query_one("#alias-entity", Select).value = "bold-x"
        dialog.query_one("#alias-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    assert results == [("bold-x", "[/] crew")]


def test_new_entity_ids_are_slugs_and_unique() -> None:
    assert entity_slug("Mara Voss", set()) == "mara-voss"
    assert entity_slug("Mara  Voss!", {"mara-voss"}) == "mara-voss-2"
    assert entity_slug("[/]", set()) == "entity"
