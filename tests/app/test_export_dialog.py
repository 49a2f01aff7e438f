"""The export dialog: scope, format, default file name, and never overwriting silently."""

from __future__ import annotations

import json
from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.export_dialog import ExportContext, ExportDialog
from tui.core.load.resources import styles_dir


class DialogApp(App[None]):
    CSS_PATH = [styles_dir() / "dialogs.tcss"]


def _context(**overrides: object) -> ExportContext:
    values: dict[object, object] = {
        "comparison": tiny_comparison(),
        "current_cluster": "c2",
        "marked": {"c1"},
        "entity": None,
    }
    values.update(overrides)
    return ExportContext(**values)  # type: ignore[arg-type]


async def _open(app: App[None], pilot, context: ExportContext, folder: Path, results: list) -> ExportDialog:
    app.push_screen(ExportDialog(context, folder=folder), results.append)
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_marked_facts_export_to_the_suggested_file(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        box = dialog.query_one("#export-path", Input)
        assert box.value == str(tmp_path / "storydiff-bridge-marked-1.json")
        await pilot.press("enter")
        await pilot.pause()
    written = tmp_path / "storydiff-bridge-marked-1.json"
    assert results == [written]
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["clusters"]] == ["c1"]
    # The same request as the CLI's, so the document says which clusters it holds.
    assert data["filter"] == {"only": None, "entity": None, "clusters": ["c1"]}


async def test_changing_scope_and_format_updates_the_default_name(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        await pilot.click("#format-txt")
        await pilot.click("#scope-cluster")
        await pilot.pause()
        box = dialog.query_one("#export-path", Input)
        assert box.value == str(tmp_path / "storydiff-bridge-fact-c2.txt")
        assert dialog.query_one("#scope-entity").disabled  # no entity in focus
        box.value = "mine.md"  # typed by the user: no longer replaced
        await pilot.click("#format-md")
        await pilot.pause()
        assert box.value == "mine.md"
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
    text = (tmp_path / "mine.md").read_text(encoding="utf-8")
    assert text.startswith("#")  # markdown
    assert "How many workers built it" in text and "The bridge opened on Monday" not in text  # c2 only


async def test_existing_file_is_kept_on_no_and_replaced_on_yes(tmp_path: Path) -> None:
    target = tmp_path / "storydiff-bridge-marked-1.json"
    target.write_text("KEEP ME", encoding="utf-8")
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog
        assert target.read_text(encoding="utf-8") == "KEEP ME"
        error = dialog.query_one("#export-error", Static)
        assert error.display and "unchanged" in str(error.render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert results == [target]
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "storydiff/1"


async def test_unwritable_path_is_a_one_line_error_in_the_dialog(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "no such [/] folder" / "out.json")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        shown = str(dialog.query_one("#export-error", Static).render())
        assert shown.startswith("Cannot write") and "no such [/] folder" in shown
        await pilot.press("escape")
        await pilot.pause()
    assert results == [None]
    assert list(tmp_path.iterdir()) == []


async def test_entity_scope_exports_that_entitys_mentions(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(entity="mara-voss", marked=set()), tmp_path, results)
        await pilot.click("#scope-entity")
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value.endswith(
            "storydiff-bridge-entity-mara-voss.json"
        )
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    [path] = results
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {e["id"] for e in data["entities"]} >= {"mara-voss"}
