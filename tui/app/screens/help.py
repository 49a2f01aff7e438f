"""The help screen: every key, read from the bindings themselves so the list cannot drift.

Sections come from the classes that declare bindings: the app, the reader screen and every
widget on it (panes, facts list, and whatever is added later), so a new widget's keys show
up here without anyone editing this file.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SECTION_TITLES = {
    "ReaderApp": "Anywhere",
    "ReaderScreen": "Story",
    "PaneScroll": "Reading (the focused source)",
    "FactsPanel": "Facts list (after f)",
}


LEGEND = (
    ("3 (gutter)", "a statement shared by 3 sources (+ for 10 or more); tinted"),
    ("≠ (gutter)", "a discrepancy; the differing value is bold and reversed"),
    ("◆ (gutter)", "a statement only this source makes; italic"),
    ("▶ (gutter)", "the current fact (after ] } n, Enter or a click); bold"),
    ("· (gutter)", "boilerplate, not part of the story; dimmed (b hides it)"),
    ("underline", "a mention of an annotated entity"),
)
"""The gutter marks and text styles, so no highlight depends on colour alone."""


def binding_sections(screen: Screen[object]) -> list[tuple[str, list[Binding]]]:
    """(section title, bindings) for the app, a screen and every widget on it."""
    sections: list[tuple[str, list[Binding]]] = []
    seen: set[type] = set()
    for node in _nodes(screen):
        for cls in type(node).__mro__:
            if cls in seen or "BINDINGS" not in cls.__dict__:
                continue
            if not cls.__module__.startswith("tui."):
                continue
            seen.add(cls)
            bindings = [b for b in cls.__dict__["BINDINGS"] if isinstance(b, Binding)]
            if bindings:
                title = SECTION_TITLES.get(cls.__name__) or _first_line(cls.__doc__) or cls.__name__
                sections.append((title, bindings))
    return sections


def _nodes(screen: Screen[object]) -> Iterator[DOMNode]:
    yield screen.app
    yield screen
    yield from screen.walk_children()


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n")[0].rstrip(".")


def key_label(screen: Screen[object], binding: Binding) -> str:
    """How a binding's keys are shown ("j / ↓")."""
    keys = [key.strip() for key in binding.key.split(",")]
    return " / ".join(
        screen.app.get_key_display(Binding(key, binding.action, binding.description))
        for key in keys
    )


class HelpScreen(ModalScreen[None]):
    """Every key of the reader, grouped by where it works."""

    BINDINGS: list[BindingType] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", show=False),
    ]

    def __init__(self, reader: Screen[object]) -> None:
        super().__init__()
        self.reader = reader

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._text(), id="help-text", markup=False)

    def _text(self) -> Content:
        rows: list[Content] = [Content.assemble(("storydiff keys", "bold"), ("  (Esc closes)", "dim"))]
        seen: set[tuple[str, str]] = set()
        for title, bindings in binding_sections(self.reader):
            rows.append(Content(""))
            rows.append(Content.assemble((title, "bold underline")))
            for binding in bindings:
                text = binding.tooltip or binding.description or binding.action
                if (binding.key, text) in seen:  # one line for a key whose label changes
                    continue
                seen.add((binding.key, text))
                keys = key_label(self.reader, binding)
                rows.append(Content.assemble((f"  {keys:<16} ", "bold"), text))
        rows.append(Content(""))
        rows.append(Content.assemble(("What the marks mean", "bold underline")))
        rows.extend(Content.assemble((f"  {mark:<16} ", "bold"), meaning) for mark, meaning in LEGEND)
        palette = self.app.COMMAND_PALETTE_BINDING
        rows.append(Content(""))
        rows.append(Content.assemble(("Commands", "bold underline")))
        rows.append(Content.assemble(
            (f"  {self.app.get_key_display(Binding(palette, 'command_palette')):<16} ", "bold"),
            "Command palette: every action above, and 'go to fact' by label",
        ))
        return Content("\n").join(rows)

    def action_dismiss(self) -> None:  # type: ignore[override]
        """Close the help."""
        self.dismiss(None)
