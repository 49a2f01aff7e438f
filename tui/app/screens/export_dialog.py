"""The export dialog (``x``): what to export, in which format, to which file.

Focus starts on what to export, and Tab goes through the choices in the order they are
shown (what, format, file, buttons). The format is the one last used (remembered between
runs); the first time, facts (the current one, the marked ones, an entity's) default to
Markdown, a report to read and paste, and the whole comparison to JSON, data for scripts. Choices are named by
what they hold (the fact's label, the entity's name), never by internal ids.

The file is written atomically and an existing file is never replaced without a yes from
the user; "no" leaves it exactly as it was. A path that cannot be written (missing folder,
no permission) is reported on one line inside the dialog so the user can fix the name
without losing their choices.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.dialog import Dialog
from tui.core.load.atomic import atomic_write_text
from tui.core.load.sanitize import has_unsafe, visible_text
from tui.core.model import Comparison
from tui.export import FORMATS, ExportRequest, render

if TYPE_CHECKING:
    from tui.app.state import ReaderState

SCOPES = ("cluster", "marked", "entity", "all")
"""What can be exported, in the order the dialog lists them."""

LABEL_CHARS = 48
"""A fact's label is cut to this many characters in the dialog."""


@dataclass(frozen=True)
class ExportContext:
    """What the reader is looking at when the dialog opens."""

    comparison: Comparison
    current_cluster: str | None = None
    marked: Collection[str] = ()
    entity: str | None = None


def slug(text: str) -> str:
    """A file-name-safe lower-case slug ("USFJ joint force HQ" -> "usfj-joint-force-hq")."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:48] or "story"


def story_slug(comparison: Comparison) -> str:
    """The story's folder name, else its title, as a slug."""
    return slug(Path(comparison.story.path).name or comparison.story.title)


def scope_available(context: ExportContext, scope: str) -> bool:
    """Whether ``scope`` has anything to export right now."""
    if scope == "cluster":
        return context.current_cluster is not None
    if scope == "marked":
        return bool(context.marked)
    if scope == "entity":
        return context.entity is not None
    return True


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scope_label(context: ExportContext, scope: str) -> str:
    """The radio label for a scope: what it would cover, in words (never an internal id)."""
    comparison = context.comparison
    if scope == "cluster":
        if context.current_cluster is None:
            return "Current fact (none: go to one with ] } or the facts list)"
        try:
            label = comparison.cluster(context.current_cluster).label
        except KeyError:
            label = "no longer in the story"
        return f"Current fact: {_short(label)}"
    if scope == "marked":
        count = len(context.marked)
        return f"Marked facts ({count})" if count else "Marked facts (none: Space marks one)"
    if scope == "entity":
        if context.entity is None:
            return "An entity's facts (none: Enter one in the sidebar, e)"
        name = next((e.name for e in comparison.entities if e.id == context.entity), context.entity)
        return f"Facts naming {_short(name)}"
    count = len(comparison.clusters)
    return f"The whole comparison ({len(comparison.articles)} sources, {count} facts)"


def default_format(scope: str) -> str:
    """Markdown for facts (a report to read), JSON for the whole comparison (data)."""
    return "json" if scope == "all" else "md"


def default_scope(context: ExportContext) -> str:
    """Marked facts if any, else the current fact, else everything."""
    return next(s for s in ("marked", "cluster", "all") if scope_available(context, s))


def default_path(context: ExportContext, scope: str, fmt: str, folder: Path) -> Path:
    """``storydiff-<story>-<what>.<ext>`` in ``folder``."""
    what = {
        "cluster": f"fact-{slug(context.current_cluster or '')}",
        "marked": f"marked-{len(context.marked)}",
        "entity": f"entity-{slug(context.entity or '')}",
        "all": "all",
    }[scope]
    return folder / f"storydiff-{story_slug(context.comparison)}-{what}.{fmt}"


def export_request(context: ExportContext, scope: str, fmt: str) -> ExportRequest:
    """What the dialog's choices ask the exporters for (the same request the CLI makes)."""
    if scope == "entity":
        return ExportRequest(fmt, only=f"entity:{context.entity}")
    if scope in ("cluster", "marked"):
        wanted = {context.current_cluster} if scope == "cluster" else set(context.marked)
        return ExportRequest(fmt, clusters=tuple(c.id for c in context.comparison.clusters if c.id in wanted))
    return ExportRequest(fmt)


class ExportDialog(Dialog[Path | None]):
    """Choose scope, format and file; dismisses with the path written, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
    ]
    """Escape leaves without writing; Enter in the file box (or on Export) exports. Ctrl+S
    takes a screenshot here as everywhere."""

    def __init__(
        self, context: ExportContext, *, folder: Path | None = None, state: ReaderState | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.context = context
        self.folder = folder if folder is not None else Path.cwd()
        self.state = state
        self.scope = default_scope(context)
        remembered = state.export_format if state is not None else None
        self.fmt = remembered if remembered in FORMATS else default_format(self.scope)
        self._auto_path = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog-box"):
            yield Static(
                Content.assemble(
                    Content.styled("Export", "bold"),
                    Content.styled(
                        "   Tab: next choice · ↑↓ Space: choose · Enter in the file box: export", "dim"
                    ),
                ),
                id="export-title",
            )
            with Horizontal(id="export-choices"):
                with RadioSet(id="export-scope"):
                    for scope in SCOPES:
                        yield RadioButton(
                            Content(scope_label(self.context, scope)),
                            value=scope == self.scope,
                            id=f"scope-{scope}",
                            disabled=not scope_available(self.context, scope),
                        )
                with RadioSet(id="export-format"):
                    for fmt in FORMATS:
                        yield RadioButton(Content(fmt), value=fmt == self.fmt, id=f"format-{fmt}")
            yield Label(Content("File (an existing file is only replaced if you say so):"))
            yield Input(id="export-path")
            yield Static(id="export-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("Export (Enter)"), id="export-ok", variant="primary")
                yield Button(Content("Cancel (Esc)"), id="export-cancel")

    def on_mount(self) -> None:
        self._suggest_path()
        self.query_one("#export-scope", RadioSet).focus()

    def _suggest_path(self) -> None:
        """Refresh the default file name unless the user has typed their own."""
        box = self.query_one("#export-path", Input)
        if box.value in ("", self._auto_path):
            path = default_path(self.context, self.scope, self.fmt, self.folder)
            # A folder whose name holds escapes (or bytes that are not UTF-8) cannot be shown
            # as typed text without reaching the terminal: suggest the name alone, relative to it.
            self._auto_path = path.name if has_unsafe(str(self.folder)) else str(path)
            box.value = self._auto_path

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        self.scope = (event.pressed.id or "scope-all").removeprefix("scope-")
        self._suggest_path()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = (event.pressed.id or f"format-{FORMATS[0]}").removeprefix("format-")
        self._suggest_path()

    def show_error(self, text: str) -> None:
        """One line in the dialog: the user fixes the path and tries again."""
        error = self.query_one("#export-error", Static)
        error.update(Content(visible_text(text)))
        error.display = bool(text)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def action_export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.show_error("Give a file name.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        try:
            if path.is_dir():
                self.show_error(f"{path} is a folder: add a file name.")
                return
            exists = path.exists()
        except OSError as error:  # a name too long, a loop of links...
            self.show_error(f"Cannot write {path}: {error.strerror or error}")
            return
        try:
            text = render(self.context.comparison, export_request(self.context, self.scope, self.fmt))
        except ValueError as error:
            self.show_error(str(error))
            return
        if exists:
            self._ask_overwrite(path, text)
        else:
            self._write(path, text, overwrite=False)

    def _ask_overwrite(self, path: Path, text: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._write(path, text, overwrite=True)
            else:
                self.show_error(
                    f"Kept {path} unchanged: choose another name, or export again and answer yes."
                )

        self.app.push_screen(
            ConfirmScreen(visible_text(f"{path} already exists. Replace it?"), yes="Replace", no="Keep"),
            answered,
        )

    def _write(self, path: Path, text: str, *, overwrite: bool) -> None:
        try:
            atomic_write_text(path, text, overwrite=overwrite)
        except FileExistsError:
            self._ask_overwrite(path, text)  # appeared since we looked: ask, never clobber
            return
        except OSError as error:
            self.show_error(f"Cannot write {path}: {error.strerror or error}")
            return
        if self.state is not None:
            self.state.export_format = self.fmt
        self.app.notify(f"Exported to {path}", title="Export", markup=False)
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
