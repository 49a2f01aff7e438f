"""Choose which sources are shown as panes (when a story has more sources than fit).

A story can have hundreds of sources, so the list can be filtered by typing (any part of
the name or title), and "all" and "none" tick or untick every source the filter shows: to
read three outlets of two hundred, type "none", then filter and tick them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.app.screens.dialog import Dialog

HELP = "Type to filter · ↓ to the list · Space ticks · a all, n none (of those listed) · Enter shows · Esc"


class PanePicker(Dialog[list[int] | None]):
    """A filterable checklist of sources; the ticked ones become the panes you page through."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "to_list", "To the list", show=False),
    ]

    def __init__(self, sources: Sequence[tuple[str, str]], shown: Sequence[int]) -> None:
        super().__init__()
        self.sources = list(sources)
        self.chosen = set(shown)
        """Indexes of the ticked sources, listed or not."""
        self.listed: list[int] = list(range(len(self.sources)))

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(id="picker-title")
            yield Input(placeholder="Filter: part of a source's name or title", id="picker-filter")
            yield PickerList(id="picker-list")
            with Horizontal(id="picker-buttons"):
                yield Button("All", id="picker-all")
                yield Button("None", id="picker-none")
                yield Button("Show (Enter)", id="picker-apply", variant="primary")
                yield Button("Cancel (Esc)", id="picker-cancel")

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#picker-filter", Input).focus()

    @property
    def checklist(self) -> SelectionList[int]:
        """The list of the sources the filter shows."""
        return self.query_one("#picker-list", PickerList)

    def _fill(self) -> None:
        """List the sources the filter matches, ticked as chosen."""
        checklist = self.checklist
        checklist.clear_options()
        checklist.add_options(
            Selection(Content.assemble((name, "bold"), "  ", title), index, index in self.chosen)
            for index, (name, title) in ((i, self.sources[i]) for i in self.listed)
        )
        self._title()

    def _title(self) -> None:
        total = len(self.sources)
        listed = f" · {len(self.listed)} of {total} listed" if len(self.listed) != total else ""
        self.query_one("#picker-title", Static).update(
            Content.assemble(
                ("Sources to show", "bold"),
                f"  {len(self.chosen)} of {total} ticked{listed}",
                ("\n" + HELP, "dim"),
            )
        )

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        self.listed = [
            index
            for index, (name, title) in enumerate(self.sources)
            if all(word in f"{name} {title}".casefold() for word in words)
        ]
        self._fill()

    @on(SelectionList.SelectedChanged, "#picker-list")
    def _ticked(self) -> None:
        self.chosen = (self.chosen - set(self.listed)) | set(self.checklist.selected)
        self._title()

    def tick_listed(self, ticked: bool) -> None:
        """Tick (or untick) every source the filter shows."""
        if ticked:
            self.chosen |= set(self.listed)
        else:
            self.chosen -= set(self.listed)
        self._fill()

    def action_to_list(self) -> None:
        """Move from the filter box down to the list, on its first source."""
        checklist = self.checklist
        if checklist.highlighted is None and checklist.option_count:
            checklist.highlighted = 0
        checklist.focus()

    def action_apply(self) -> None:
        """Close and show the ticked sources (at least one must be ticked)."""
        if not self.chosen:
            self.notify("Tick at least one source.", markup=False)
            return
        self.dismiss(sorted(self.chosen))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

    @on(Input.Submitted, "#picker-filter")
    @on(Button.Pressed, "#picker-apply")
    def _apply(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#picker-all")
    def _all(self) -> None:
        self.tick_listed(True)

    @on(Button.Pressed, "#picker-none")
    def _none(self) -> None:
        self.tick_listed(False)

    @on(Button.Pressed, "#picker-cancel")
    def _cancel(self) -> None:
        self.action_cancel()


class PickerList(SelectionList[int]):
    """The checklist, with keys to tick all or none of what it lists."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "tick(True)", "Tick all listed", show=False),
        Binding("n", "tick(False)", "Untick all listed", show=False),
        Binding("enter", "apply", "Show the ticked sources", show=False),
    ]
    """Space ticks (as in any checklist); Enter shows, as it does from the filter box."""

    def action_tick(self, ticked: bool) -> None:
        """Tick (or untick) every listed source."""
        screen = self.screen
        if isinstance(screen, PanePicker):
            screen.tick_listed(ticked)

    def action_apply(self) -> None:
        """Show the ticked sources."""
        screen = self.screen
        if isinstance(screen, PanePicker):
            screen.action_apply()
