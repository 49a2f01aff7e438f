"""The export dialog: scope, format, default file name, focus order, remembered format, and
never overwriting silently."""

from __future__ import annotations

import json
from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static

from tests.app.conftest import ReaderOpener
from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.export_dialog import ExportContext, ExportDialog
from tui.app.state import ReaderState
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


async def _open(
    app: App[None],
    pilot,
    context: ExportContext,
    folder: Path,
    results: list,
    state: ReaderState | None = None,
) -> ExportDialog:
    app.push_screen(ExportDialog(context, folder=folder, state=state), results.append)
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_marked_facts_export_as_markdown_to_the_suggested_file(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        box = dialog.query_one("#export-path", Input)
        # Facts default to a report to read, not to data.
        assert box.value == str(tmp_path / "storydiff-bridge-marked-1.md")
        assert dialog.query_one("#format-md").value
        await pilot.press("tab", "tab", "enter")  # what, format, then the file box: Enter exports
        await pilot.pause()
    written = tmp_path / "storydiff-bridge-marked-1.md"
    assert results == [written]
    text = written.read_text(encoding="utf-8")
    assert text.startswith("#") and "The bridge opened on Monday" in text
    assert "How many workers built it" not in text  # only the marked fact, c1


async def test_marked_facts_in_json_say_which_clusters_they_hold(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        await pilot.click("#format-json")
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    written = tmp_path / "storydiff-bridge-marked-1.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["clusters"]] == ["c1"]
    # The same request as the CLI's, so the document says which clusters it holds.
    assert data["filter"] == {"only": None, "entity": None, "clusters": ["c1"]}


async def test_focus_starts_on_what_to_export_and_tab_follows_the_dialog_in_order(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        await _open(app, pilot, _context(), tmp_path, results)
        order = []
        for _ in range(5):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["export-scope", "export-format", "export-path", "export-ok", "export-cancel"]
        assert app.focused is not None and app.focused.id == "export-scope"  # round again


async def test_choices_are_named_by_what_they_hold_not_by_internal_ids(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(entity="mara-voss"), tmp_path, results)
        labels = {b.id: str(b.label) for b in dialog.query("#export-scope RadioButton")}
        assert labels["scope-cluster"] == "Current fact: How many workers built it"
        assert labels["scope-marked"] == "Marked facts (1)"
        assert labels["scope-entity"] == "Facts naming Mara Voss"
        assert labels["scope-all"] == "The whole comparison (3 sources, 2 facts)"
        assert not any("c2" in label or "mara-voss" in label for label in labels.values())


async def test_the_whole_comparison_defaults_to_json(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(current_cluster=None, marked=set()), tmp_path, results)
        assert dialog.scope == "all" and dialog.fmt == "json"
        assert dialog.query_one("#export-path", Input).value.endswith("-all.json")


async def test_the_last_format_used_is_remembered_for_the_next_export(tmp_path: Path) -> None:
    state = ReaderState()
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        await _open(app, pilot, _context(), tmp_path, results, state)
        await pilot.click("#format-txt")
        await pilot.click("#export-ok")
        await pilot.pause()
        assert results == [tmp_path / "storydiff-bridge-marked-1.txt"]
        assert ReaderState().export_format == "txt"  # written to the state folder at once
        dialog = await _open(
            app, pilot, _context(current_cluster=None, marked=set()), tmp_path, results, ReaderState()
        )
        assert dialog.fmt == "txt" and dialog.query_one("#format-txt").value  # not json


async def test_ctrl_s_in_the_dialog_takes_a_screenshot_and_exports_nothing(
    tmp_path: Path, monkeypatch, open_reader: ReaderOpener
) -> None:
    monkeypatch.chdir(tmp_path)
    async with open_reader(tiny_comparison()) as (app, pilot, screen):
        await pilot.press("right_square_bracket", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # still open: nothing was exported
    [shot] = list(tmp_path.iterdir())
    assert shot.suffix == ".svg" and "Export" in shot.read_text(encoding="utf-8")


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
    target = tmp_path / "storydiff-bridge-marked-1.md"
    target.write_text("KEEP ME", encoding="utf-8")
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        dialog.query_one("#export-path", Input).focus()
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
    assert target.read_text(encoding="utf-8").startswith("#")


async def test_unwritable_path_is_a_one_line_error_in_the_dialog(tmp_path: Path) -> None:
    app, results = DialogApp(), []
    async with app.run_test(size=(160, 48)) as pilot:
        dialog = await _open(app, pilot, _context(), tmp_path, results)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "no such [/] folder" / "out.json")
        dialog.query_one("#export-path", Input).focus()
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
        await pilot.click("#format-json")
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
