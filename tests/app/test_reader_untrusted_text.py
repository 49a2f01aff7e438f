"""What the reader shows from a story folder (titles, paths, annotation values, notifications)
reaches the terminal with its escapes spelled out, even from a comparison that never went
through the loader's own cleaning."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.notifications import Notify

from tests.app.conftest import ReaderOpener
from tests.app.quake_story import build_comparison
from tests.fuzzing import FORBIDDEN
from tui.app.screens.export_dialog import ExportContext, ExportDialog
from tui.core.model import Comparison, Diagnostic, Entity

OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"


def _hostile() -> Comparison:
    comparison = build_comparison()
    entity = Entity("quake", "Quake" + OSC_TITLE, "event" + OSC_CLIPBOARD, description="\x9b2J \u202egnp.exe")
    annotations = dataclasses.replace(
        comparison.annotations,
        entities=(entity,),
        diagnostics=(Diagnostic("error", "notes" + OSC_TITLE + ".yaml", "broken"),),
    )
    story = dataclasses.replace(comparison.story, title="x" + OSC_TITLE + OSC_CLIPBOARD)
    return dataclasses.replace(comparison, story=story, annotations=annotations)


def _clean(text: str) -> bool:
    return FORBIDDEN.search(text.replace("\n", "")) is None


async def test_titles_annotation_values_problems_and_notifications_are_spelled_out(
    open_reader: ReaderOpener,
) -> None:
    notified: list[Notify] = []
    async with open_reader(
        _hostile(), message_hook=lambda m: notified.append(m) if isinstance(m, Notify) else None
    ) as (
        app,
        pilot,
        screen,
    ):
        assert screen.title == "x\\x1b]0;PWNED\\x07\\x1b]52;c;UFdORUQ=\\x07"
        assert _clean(str(screen.status.query_one("#status-text").render()))
        await pilot.press("e")
        sidebar = screen.sidebar
        labels = [node.label.plain for node in sidebar.entity_tree.root.children]
        labels += [leaf.label.plain for group in sidebar.entity_tree.root.children for leaf in group.children]
        assert labels and all(_clean(label) for label in labels), labels
        screen.tools.focus_entity("quake")  # notifies, naming the entity
        sidebar.select_entity("quake")
        await pilot.pause()
        details = str(sidebar.query_one("#entity-details").render())
        assert "Quake\\x1b]0;PWNED\\x07" in details and _clean(details)
        await pilot.pause()
    messages = [n.notification.message for n in notified]
    assert any("Quake\\x1b]0;PWNED" in message for message in messages), messages
    assert all(_clean(message) for message in messages)


async def test_the_export_dialog_never_shows_a_hostile_folder_name_raw(
    open_reader: ReaderOpener, tmp_path: Path
) -> None:
    folder = tmp_path / ("out" + OSC_TITLE)
    folder.mkdir()
    async with open_reader() as (app, pilot, screen):
        assert screen.comparison is not None
        dialog = ExportDialog(ExportContext(screen.comparison, None, frozenset(), None), folder=folder)
        await app.push_screen(dialog)
        await pilot.pause()
        box = dialog.query_one("#export-path")
        assert _clean(box.value), box.value  # type: ignore[attr-defined]
        await pilot.press("tab", "tab", "enter")  # what, format, then the file box: Enter exports
        await pilot.pause()
        written = list(folder.iterdir())
        assert len(written) == 1 and written[0].suffix == ".json"


async def test_fact_labels_that_look_like_markup_show_literally_in_the_command_palette(
    open_reader: ReaderOpener,
) -> None:
    """A label quoting ``[/]`` from an article ended the palette's worker, and the app, with MarkupError."""
    comparison = build_comparison()
    first = dataclasses.replace(comparison.clusters[0], label="said [/] the [bold]mayor")
    async with open_reader(dataclasses.replace(comparison, clusters=(first, *comparison.clusters[1:]))) as (
        app,
        pilot,
        _screen,
    ):
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"mayor")
        commands = app.screen.query_one(CommandList)
        for _ in range(100):  # the search runs in the palette's worker
            if commands.option_count or not app.is_running:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        shown = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert any("said [/] the [bold]mayor" in prompt for prompt in shown), shown
        assert app.is_running


async def test_a_file_name_in_a_pane_border_is_spelled_out_and_a_screenshot_still_saves(
    open_reader: ReaderOpener, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source without an outlet is named by its file in the pane's bottom border: a name with
    escapes and bytes that are not UTF-8 (a lone surrogate) crashed Ctrl+S's screenshot."""
    comparison = build_comparison()
    hostile = os.fsdecode(b"story/caf\xe9-" + OSC_TITLE.encode() + b".md")
    first = dataclasses.replace(comparison.story.articles[0], path=hostile, outlet=None)
    story = dataclasses.replace(comparison.story, articles=(first, *comparison.story.articles[1:]))
    monkeypatch.chdir(tmp_path)
    async with open_reader(dataclasses.replace(comparison, story=story)) as (app, pilot, screen):
        subtitle = str(screen.panes[0].border_subtitle)
        assert "caf\\xe9-\\x1b]0;PWNED\\x07.md" in subtitle and _clean(subtitle)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shots = list(tmp_path.glob("storydiff_*.svg"))
        assert len(shots) == 1 and app.is_running
        assert "\\x1b]0;PWNED" in shots[0].read_text(encoding="utf-8")
