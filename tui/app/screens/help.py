"""The help screen: every key, read from the bindings themselves so the list cannot drift.

Sections come from the classes that declare bindings: the app, the reader screen and every
widget on it (panes, facts list, and whatever is added later), so a new widget's keys show
up here without anyone editing this file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from tui.app.screens.dialog import Dialog
from tui.app.widgets.legend import legend_rows, legend_rows_plain

SECTION_TITLES = {
    "ReaderApp": "Anywhere",
    "ReaderScreen": "Story",
    "PaneScroll": "Reading (the focused source)",
    "FactsPanel": "Facts list (after f)",
    "EntitySidebar": "Entity sidebar (after e)",
}

LIST_KEYS = (
    ("enter (facts list)", "make the fact current: every pane scrolls to it, its variants show below"),
    ("space (facts list)", "mark or unmark the fact under the cursor for export (● in the list)"),
    ("enter (sidebar)", "highlight the entity's mentions in every source; again: clear"),
    ("enter (grid, E)", "close the grid and highlight the entity of the row under the cursor"),
)
"""Keys that belong to Textual's own list widgets, so no binding of ours can describe them."""


GUTTER_NOTE = (
    "(gutter)",
    "the glyphs left of each row say what it holds; on the current fact's rows, what that fact is",
)
"""What the marks' legend adds about the gutter, which is why no highlight depends on colour alone."""


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
        screen.app.get_key_display(Binding(key, binding.action, binding.description)) for key in keys
    )


def key_table(reader: Screen[object]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what they do)]) for every key of ``reader``, the marks and the palette.

    The help screen and the README's key table (``docs/keys.py``) are both made from this.
    """
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[tuple[str, str]] = set()
    for title, bindings in binding_sections(reader):
        entries = []
        for binding in bindings:
            text = binding.tooltip or binding.description or binding.action
            if (binding.key, text) in seen:  # one line for a key whose label changes
                continue
            seen.add((binding.key, text))
            entries.append((key_label(reader, binding), text))
        sections.append((title, entries))
    sections.append(("In the lists", list(LIST_KEYS)))
    sections.append(("What the marks mean", [*legend_rows_plain(), GUTTER_NOTE]))
    palette = reader.app.get_key_display(Binding(reader.app.COMMAND_PALETTE_BINDING, "command_palette"))
    sections.append(
        ("Commands", [(palette, "Command palette: every action above, and 'go to fact' by label")])
    )
    return sections


def key_table_markdown(reader: Screen[object]) -> str:
    """The key table as Markdown, one table per section, for the README."""
    lines: list[str] = []
    for title, entries in key_table(reader):
        lines += [f"**{title}**", "", "| key | what it does |", "|---|---|"]
        lines += [f"| {_cell(keys)} | {_cell(text)} |" for keys, text in entries]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


KEYS_WIDTH = 18
"""Columns of the keys in the help ("space (facts list)")."""

HELP_TEXT_WIDTH = 52
"""Columns of a key's description in the help (the box shows 75, the keys take 21)."""


class HelpScreen(Dialog[None]):
    """Every key of the reader, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
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
        for title, entries in key_table(self.reader):
            rows.append(Content(""))
            rows.append(Content.assemble((title, "bold underline")))
            if title == "What the marks mean":  # drawn as the panes draw them
                rows.extend(legend_rows(self.reader.get_visual_style))
                entries = [GUTTER_NOTE]
            for keys, text in entries:  # a hanging indent keeps the keys a column of their own
                lines = textwrap.wrap(text, HELP_TEXT_WIDTH) or [""]
                rows.append(Content.assemble((f"  {keys:<{KEYS_WIDTH}} ", "bold"), lines[0]))
                rows.extend(Content(" " * (KEYS_WIDTH + 3) + line) for line in lines[1:])
        return Content("\n").join(rows)
