"""Choose which sources are shown as panes (when a story has more sources than fit)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.app.screens.dialog import Dialog


class PanePicker(Dialog[list[int] | None]):
    """A checklist of sources; the chosen ones become the panes you page through."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "apply", "Show the chosen sources"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, sources: Sequence[tuple[str, str]], shown: Sequence[int]) -> None:
        super().__init__()
        self.sources = list(sources)
        self.shown = set(shown)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(
                Content.assemble(
                    ("Sources to show", "bold"),
                    ("\nSpace: tick/untick   a: show   Esc: cancel", "dim"),
                )
            )
            yield SelectionList[int](
                *(
                    Selection(Content.assemble((label, "bold"), "  ", title), index, index in self.shown)
                    for index, (label, title) in enumerate(self.sources)
                ),
                id="picker-list",
            )
            with Horizontal(id="picker-buttons"):
                yield Button("Show", id="picker-apply", variant="primary")
                yield Button("Cancel", id="picker-cancel")

    def action_apply(self) -> None:
        """Close and show the ticked sources (at least one must be ticked)."""
        chosen = list(self.query_one("#picker-list", SelectionList).selected)
        if not chosen:
            self.notify("Tick at least one source.", markup=False)
            return
        self.dismiss(sorted(chosen))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

    @on(Button.Pressed, "#picker-apply")
    def _apply(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#picker-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
