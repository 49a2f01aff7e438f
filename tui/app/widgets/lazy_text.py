"""A text widget that wraps its text once per width and draws only the lines on screen.

A ``Static`` renders every line of its text whenever it is first shown or repainted: for a
block of a multi-megabyte article that is thousands of strips for the few dozen rows in view,
and a new highlight (a repaint) pays it again. ``LazyText`` keeps where each row starts (word
wrapping depends only on the plain text, never on the highlights), so a repaint styles and
draws just the rows asked for, and the pane can ask for the exact height without a second
wrap.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from rich._wrap import divide_line  # the wrap Content itself uses, so heights match its own
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static


class Row(NamedTuple):
    """One wrapped row: its text range, whether it ends a line, and where it sits in that line."""

    start: int
    end: int
    last: bool
    column: int
    line: int


class LazyText(Static):
    """A ``Static`` for plain-text ``Content`` that renders row by row."""

    def __init__(self, content: Content, *, classes: str | None = None) -> None:
        super().__init__(content, classes=classes, markup=False)
        self._rows: tuple[int, str, list[Row]] | None = None
        self._starts: tuple[list[Row], list[int]] | None = None

    def rows(self, width: int) -> list[Row]:
        """Each wrapped row of the text at ``width``, cached per width."""
        text = str(self.content)
        cached = self._rows
        if cached is not None and cached[0] == width and cached[1] == text:
            return cached[2]
        rows: list[Row] = []
        position = 0
        for number, line in enumerate(text.split("\n")):
            cuts = [0, *divide_line(line, max(width, 1), fold=True), len(line)]
            for index in range(len(cuts) - 1):
                rows.append(Row(position + cuts[index], position + cuts[index + 1],
                                index == len(cuts) - 2, cuts[index], number))
            position += len(line) + 1
        self._rows = (width, text, rows)
        return rows

    def wrapped_height(self, width: int) -> int:
        """Rows the text takes at ``width`` (the same count ``Content.get_height`` gives)."""
        return len(self.rows(width))

    def row_of(self, offset: int, width: int) -> int:
        """The wrapped row holding a character offset of the text."""
        rows = self.rows(width)
        if self._starts is None or self._starts[0] is not rows:
            self._starts = (rows, [row.start for row in rows])
        return max(bisect_right(self._starts[1], offset) - 1, 0)

    def render_line(self, y: int) -> Strip:
        visual = self.visual
        if self.text_selection is not None or not isinstance(visual, Content):
            return super().render_line(y)  # a mouse selection is drawn over the whole text
        width = self.size.width
        rows = self.rows(width)
        if y >= len(rows) or width <= 0:
            return Strip.blank(width, self.visual_style.rich_style)
        row = rows[y]
        piece = visual[row.start : row.end]
        if not row.last:
            piece = piece.rstrip()
        strips = Visual.to_strips(self, piece, width, 1, self.visual_style)
        if not strips:
            return Strip.blank(width, self.visual_style.rich_style)
        return _placed(strips[0], row.column, row.line)


def _placed(strip: Strip, column: int, line: int) -> Strip:
    """The strip with the text positions a whole render gives it (mouse selection uses them)."""
    segments: list[Segment] = []
    for text, style, control in strip:
        if style is not None and (offset := style.meta.get("offset")) is not None:
            style = style + RichStyle.from_meta({"offset": (offset[0] + column, line)})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)
