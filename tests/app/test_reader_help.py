"""Keys are documented by construction: every binding acts, is in the help and the palette."""

from __future__ import annotations

import pytest
from textual.actions import parse
from textual.binding import Binding

from tests.app.conftest import ReaderOpener
from tui.app.app import ReaderApp
from tui.app.reader.screen import ReaderScreen
from tui.app.screens.help import HelpScreen, binding_sections, key_label
from tui.app.screens.pane_picker import PanePicker
from tui.app.widgets.article_pane import PaneScroll
from tui.app.widgets.facts_panel import FactsPanel

OWNERS = [ReaderApp, ReaderScreen, PaneScroll, FactsPanel, HelpScreen, PanePicker]


@pytest.mark.parametrize("owner", OWNERS, ids=lambda o: o.__name__)
def test_every_binding_runs_an_action_that_exists(owner: type) -> None:
    for binding in owner.BINDINGS:
        assert isinstance(binding, Binding)
        _, name, _ = parse(binding.action)
        assert callable(getattr(owner, f"action_{name}", None)), f"{owner.__name__}: {binding.key}"
        assert binding.description, f"{owner.__name__}: {binding.key} has no description"


async def test_question_mark_lists_every_key_with_its_description(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader(size=(100, 60)) as (app, pilot, screen):
        reader = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        text = str(help_screen.query_one("#help-text").content)
        flat = " ".join(text.split())  # long descriptions wrap under their own column
        owners = {type(reader), ReaderApp, PaneScroll, FactsPanel}
        listed = {
            cls for cls in owners if any(b in cls.BINDINGS for _, bs in binding_sections(reader) for b in bs)
        }
        assert listed == owners
        for owner in owners:
            for binding in owner.BINDINGS:
                assert (binding.tooltip or binding.description) in flat, binding.description
                assert key_label(reader, binding) in text, binding.key
        assert "Command palette" in text
        assert "≠ differs" in text and "▶ current" in text and "copied text" in text  # the legend
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_every_reader_action_is_in_the_command_palette(
    open_reader: ReaderOpener,
) -> None:
    async with open_reader() as (app, pilot, screen):
        commands = {c.title: c for c in app.get_system_commands(screen)}
        for binding in ReaderScreen.BINDINGS:
            if binding.action == "sync(True)":  # shown only while sync is off
                continue
            assert binding.description in commands, binding.description
        assert "Scroll down" in commands and "Quit" in commands
        commands["Next discrepancy"].callback()
        await pilot.pause()
        assert screen.current_cluster == "disc-deaths"
        commands["Sync: on"].callback()
        await pilot.pause()
        assert not screen.sync_enabled
        assert "Sync: off" in {c.title for c in app.get_system_commands(screen)}


async def test_the_palette_finds_a_fact_by_its_label(open_reader: ReaderOpener) -> None:
    async with open_reader() as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bakery")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.current_cluster == "unique-bakery"
