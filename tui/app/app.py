"""The storydiff reader application: loads the styles, opens the reader screen, runs.

The CLI has already listed the story's files and read those of the first screen (errors print
before any screen opens); the app receives them, reads the rest and compares the story in a
worker. Tests can hand in a finished Comparison.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.app.commands import FactCommands, GuardedCommandPalette, binding_commands
from tui.app.reader.screen import ReaderScreen
from tui.app.state import ReaderState
from tui.app.threads import DaemonExecutor
from tui.core.load.resources import styles_dir
from tui.core.load.sanitize import visible_text

if TYPE_CHECKING:
    from tui.core.load.corpus import StoryStart
    from tui.core.model import Annotations, Comparison
    from tui.core.offload import EngineProcess
    from tui.core.story import Story


class ReaderApp(App[None]):
    """Several reports of one story side by side, with what they share and where they differ."""

    CSS_PATH = [
        styles_dir() / "app.tcss",
        styles_dir() / "highlights.tcss",
        styles_dir() / "sidebar.tcss",
        styles_dir() / "dialogs.tcss",
        styles_dir() / "overview.tcss",
    ]
    TITLE = "storydiff"
    COMMANDS = App.COMMANDS | {FactCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding(
            "ctrl+s",
            "save_svg",
            "Screenshot",
            show=False,
            priority=True,  # dialogs are modal: only priority app keys reach past them
            tooltip="Save an SVG screenshot in this folder (dialogs included)",
        ),
    ]
    """App-wide keys; the reader's own keys are on ReaderScreen and the panes."""

    def __init__(
        self,
        story: Story | StoryStart | Sequence[Path] | None = None,
        annotations: Annotations | Path | None = None,
        *,
        comparison: Comparison | None = None,
        state: ReaderState | None = None,
        engine: EngineProcess | None = None,
    ) -> None:
        super().__init__()
        self._engine = engine
        self._story = story
        self._annotations = annotations
        self._comparison = comparison
        self.state = state if state is not None else ReaderState()
        """What is remembered between runs (theme, marks, export format, legend seen)."""
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme

    def watch_theme(self, theme: str) -> None:
        """Remember the theme chosen (from the palette or elsewhere) for the next run."""
        self.state.theme = theme

    quitting = False
    """True once ``exit`` was called: keys still queued behind the quit key are dropped."""

    def exit(self, result: None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        # In a burst of keys (a key flood, keys typed ahead) the ones after ``q`` reach screens
        # that are being taken down, and actions on them fail (mounting panes, the empty
        # screen stack); nothing a key asks for can matter once the reader is closing.
        if isinstance(event, events.Key) and (self.quitting or not self.screen_stack):
            return
        await super().on_event(event)

    def on_load(self) -> None:
        # Thread workers run on the loop's default executor, which the loop's shutdown joins:
        # quitting during a slow comparison would wait for it (see tui.app.threads).
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification passes through the one sanitiser: they quote paths, names and
        titles from the story folder, which may hold escapes or bidi overrides."""
        super().notify(
            visible_text(message, keep_newlines=True),
            title=visible_text(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def action_command_palette(self) -> None:
        """Open the command palette, guarded against keys that reach it before its first layout."""
        if self.use_command_palette and not GuardedCommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(
            self._story, self._annotations, comparison=self._comparison, state=self.state, engine=self._engine
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(screen)

    def action_help(self) -> None:
        """Show every key, generated from the bindings so it cannot drift."""
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_save_svg(self) -> None:
        """Save an SVG of the screen (whatever dialog is open) in the current folder.

        Written by the one safe writer (a new file, never through a link out of the folder;
        text that cannot be UTF-8 replaced), and a failure is a notification, not a crash."""
        from datetime import datetime

        from tui.core.load.atomic import atomic_write_text

        path = Path.cwd() / f"storydiff_{datetime.now():%Y-%m-%dT%H_%M_%S_%f}.svg"
        try:
            atomic_write_text(path, self.export_screenshot())
        except OSError as error:
            self.notify(
                f"Screenshot not saved: {path}: {error.strerror or error}", severity="error", markup=False
            )
            return
        self.notify(f"Screenshot saved: {path}", markup=False)


def run_reader(
    story: Story | StoryStart | Sequence[Path] | None = None,
    annotations: Annotations | Path | None = None,
    engine: EngineProcess | None = None,
) -> int:
    """Open the reader on a story and return the process exit code when the user quits.

    ``engine``, the child process that will compare, may have been started by the caller
    before anything else, so that its start overlaps the reader's."""
    app = ReaderApp(story, annotations, engine=engine)
    app.run()
    return app.return_code or 0
