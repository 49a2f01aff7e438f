"""The add-alias dialog: teach the annotation file another name for an entity.

Opened from the reader with the alias prefilled (the search text or the mention under the
cursor), so the usual case is: check the entity, press Enter. The dialog only collects the
answer; the reader writes it (``write_back.add_alias``) and recomputes.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from tui.app.screens.dialog import Dialog
from tui.core.model import Entity


class AliasDialog(Dialog[tuple[str, str] | None]):
    """Pick an entity and an alias; dismisses with (entity id, alias) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    """Escape leaves the annotation file untouched."""

    def __init__(self, entities: Sequence[Entity], *, alias: str = "", entity_id: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.entities = tuple(entities)
        self.alias = alias
        self.entity_id = entity_id if any(e.id == entity_id for e in entities) else None

    def compose(self) -> ComposeResult:
        with Vertical(id="alias-box", classes="dialog-box"):
            yield Static(Content.styled("Add an alias to annotations.yaml", "bold"))
            yield Label(Content("Entity:"))
            options = [(Content.assemble(e.name, (f"  ({e.id})", "dim")), e.id) for e in self.entities]
            yield Select(
                options,
                id="alias-entity",
                prompt="Choose the entity",
                value=self.entity_id if self.entity_id is not None else Select.NULL,
            )
            yield Label(Content("Alias (another name the sources use):"))
            yield Input(self.alias, id="alias-text")
            yield Static(id="alias-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Add (Enter)"), id="alias-ok", variant="primary")
                yield Button(Content("Cancel (Esc)"), id="alias-cancel")

    def on_mount(self) -> None:
        if self.entity_id is None:
            self.query_one("#alias-entity", Select).focus()
        else:
            self.query_one("#alias-text", Input).focus()

    def show_error(self, text: str) -> None:
        """Say what is missing, inside the dialog."""
        error = self.query_one("#alias-error", Static)
        error.update(Content(text))
        error.display = bool(text)

    @on(Input.Submitted, "#alias-text")
    @on(Button.Pressed, "#alias-ok")
    def action_add(self) -> None:
        entity = self.query_one("#alias-entity", Select).value
        alias = self.query_one("#alias-text", Input).value.strip()
        if not isinstance(entity, str):
            self.show_error("Choose the entity this is another name for.")
        elif not alias:
            self.show_error("Type the alias.")
        else:
            self.dismiss((entity, alias))

    @on(Button.Pressed, "#alias-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
