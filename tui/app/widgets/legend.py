"""The legend of the reader's marks, drawn with the reader's own styles.

One list of what the marks mean serves the first-run legend bar, the empty variants box, the
help screen (``?``) and the README's key table, so none of them can drift from the others.
Each entry shows its gutter glyph and a sample word exactly as the panes draw them (the
styles are the reader screen's component classes, resolved for the current theme), so the
user matches colours by sight instead of by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.content import Content
from textual.style import Style
from textual.widgets import Static


class LegendItem(NamedTuple):
    """A gutter glyph and a sample word in their styles, and what they mean."""

    glyph: str
    glyph_style: str
    sample: str
    sample_style: str
    meaning: str


LEGEND: tuple[LegendItem, ...] = (
    LegendItem(
        "▶", "gutter--current", "current", "mark--current", "the current fact (after ] } n, Enter or a click)"
    ),
    LegendItem("3", "gutter--shared", "shared", "mark--shared", "said by 3 sources (+ for 10 or more)"),
    LegendItem(
        "≠", "gutter--discrepancy", "differs", "mark--discrepancy", "the sources disagree here (underlined)"
    ),
    LegendItem("", "", "value", "mark--value", "the differing value itself (bold, reversed)"),
    LegendItem("◆", "gutter--unique", "only here", "mark--unique", "only this source says it (italic)"),
    LegendItem("·", "gutter--boilerplate", "boilerplate", "mark--boilerplate", "not the story (b hides it)"),
    LegendItem("", "", "copied text", "mark--phrase", "words another source has verbatim"),
    LegendItem("", "", "entity", "mark--mention", "an annotated entity, underlined (e: the list)"),
    LegendItem("", "", "match", "mark--search", "a search match (/, then n and N)"),
    LegendItem("", "", "╱ ╱ ╱", "", "filler: other sources say more here (s: none)"),
)
"""Every mark of the panes, in the order the legend lists them."""

StyleOf = Callable[[str], Style]

FILLER_STYLE = Style(dim=True)
"""How the panes draw filler (it has no component class of its own)."""


def _style(style_of: StyleOf, name: str) -> Style:
    return style_of(name) if name else FILLER_STYLE


def legend_rows(style_of: StyleOf) -> list[Content]:
    """One row per mark: glyph and sample as drawn, then the meaning (the help screen)."""
    rows = []
    for item in LEGEND:
        glyph = Content.styled(item.glyph, style_of(item.glyph_style)) if item.glyph else Content(" ")
        sample = Content.styled(item.sample, _style(style_of, item.sample_style))
        pad = " " * max(13 - len(item.sample), 1)
        rows.append(Content.assemble("  ", glyph, " ", sample, pad, item.meaning))
    return rows


def legend_line(style_of: StyleOf) -> Content:
    """Every mark as drawn, side by side, with a word or two each (the legend bar)."""
    parts: list[Content] = []
    for item in LEGEND:
        if item.glyph:
            parts.append(Content.assemble(Content.styled(item.glyph, style_of(item.glyph_style)), " "))
        else:
            parts.append(Content(""))
        parts[-1] = Content.assemble(
            parts[-1], Content.styled(item.sample, _style(style_of, item.sample_style))
        )
    return Content("  ").join(parts)


def legend_rows_plain() -> list[tuple[str, str]]:
    """(glyph and sample, meaning) for each mark, as plain text (the README's key table)."""
    return [(f"{item.glyph} {item.sample}".strip(), item.meaning) for item in LEGEND]


class LegendBar(Static):
    """The legend on the reader's first run, under the panes until Esc (``?`` shows it again)."""

    def __init__(self, style_of: StyleOf) -> None:
        super().__init__(id="legend-bar", markup=False)
        self.style_of = style_of

    def on_mount(self) -> None:
        self.restyle()

    def restyle(self) -> None:
        """Draw the legend again with the current theme's styles."""
        self.update(
            Content.assemble(
                Content.styled("What the marks mean: ", "bold"),
                legend_line(self.style_of),
                Content.styled("   (Esc hides this; ? lists every key and mark)", "dim"),
            )
        )
