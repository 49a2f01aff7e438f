"""A text widget that wraps its text once per width and draws only the rows asked for.

A ``Static`` renders every line of its text whenever it is first shown or repainted: for a
block of a multi-megabyte article that is thousands of strips for the few dozen rows in view,
and a new highlight (a repaint) pays it again. ``LazyText`` keeps where each row starts (word
wrapping depends only on the plain text, never on the highlights), so a repaint styles and
draws just the rows asked for, and the exact height and the row of any character come from
the same wrap.

It can also draw a narrow gutter left of every row (what the row holds, so nothing depends
on colour alone) and a blank row between the paragraphs it holds: one widget can then carry
several paragraphs, which keeps the widget count (and so start-up and restyling) low. Blank
*filler* rows can be inserted before given characters (``pads``): side-by-side panes use them
to keep aligned statements on the same screen row, as vimdiff's filler lines do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping
from typing import NamedTuple

from rich._wrap import divide_line  # the wrap Content itself uses, so heights match its own
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Static

FILLER = -2
"""The ``line`` of a filler row (a blank row between paragraphs has -1)."""

FILLER_MARK = "╱"
"""Filler rows are drawn with sparse, dim diagonal stripes of this: a gap left on purpose (as
Meld hatches it), quiet enough not to read as text."""

FILLER_SPACING = 4
"""Columns between two stripes of the filler hatching."""


FILLER_CAPTION_ROWS = 4
"""A run of at least this many filler rows says on its first row what it is."""


def filler_line(y: int, width: int, rows: int = 0) -> str:
    """Row ``y`` of the filler hatching, ``width`` cells wide: a stripe every few columns,
    shifted one column a row so the stripes run diagonally. The first row of a long run
    (``rows`` of it) says why the gap is there."""
    line = "".join(FILLER_MARK if (x + y) % FILLER_SPACING == 0 else " " for x in range(width))
    if rows < FILLER_CAPTION_ROWS:
        return line
    caption = f" {rows} rows: other sources say more here "
    if len(caption) > width - 2:
        caption = " other sources say more "
    if len(caption) > width - 2:
        return line
    start = (width - len(caption)) // 2
    return line[:start] + caption + line[start + len(caption) :]


class Row(NamedTuple):
    """One drawn row: its text range, whether it ends a line, and where it sits in that line.

    A blank row between paragraphs has an empty range and ``line`` -1; a filler row ``FILLER``.
    """

    start: int
    end: int
    last: bool
    column: int
    line: int


def wrap_rows(text: str, width: int, gaps: Collection[int] = ()) -> list[Row]:
    """Every row of ``text`` word-wrapped at ``width``, with a blank row after each line that
    ends at an offset in ``gaps`` (a paragraph end) and is followed by a non-empty line."""
    rows: list[Row] = []
    position = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        cuts = [0, *divide_line(line, max(width, 1), fold=True), len(line)]
        for index in range(len(cuts) - 1):
            rows.append(
                Row(
                    position + cuts[index],
                    position + cuts[index + 1],
                    index == len(cuts) - 2,
                    cuts[index],
                    number,
                )
            )
        end = position + len(line)
        if end in gaps and number + 1 < len(lines) and lines[number + 1]:
            rows.append(Row(end, end, True, 0, -1))
        position = end + 1
    return rows


def pad_rows(rows: list[Row], pads: Mapping[int, int], end: int | None = None) -> list[Row]:
    """``rows`` with ``pads[offset]`` blank rows before the text row that holds each offset
    (an offset between two text rows, such as a line end, counts for the row after it);
    pads at ``end`` (the text's length) or past it go after the last row."""
    if not pads:
        return rows
    wanted = sorted((offset, count) for offset, count in pads.items() if count > 0)
    starts = [row.start for row in rows if row.line >= 0]
    padded: list[Row] = []
    next_pad = text_row = 0
    for row in rows:
        if row.line >= 0:
            text_row += 1
            limit = starts[text_row] if text_row < len(starts) else end
            while next_pad < len(wanted) and (limit is None or wanted[next_pad][0] < limit):
                padded.extend(_filler(row.start, wanted[next_pad][1]))
                next_pad += 1
        padded.append(row)
    last = rows[-1].end if rows else 0
    for _, count in wanted[next_pad:]:
        padded.extend(_filler(last, count))
    return padded


def _filler(offset: int, count: int) -> list[Row]:
    """``count`` filler rows at ``offset``; the first one's ``column`` holds the run's length."""
    return [Row(offset, offset, True, count if index == 0 else 0, FILLER) for index in range(count)]


class LazyText(Static):
    """A ``Static`` for plain-text ``Content`` that renders row by row.

    ``GUTTER`` cells left of the text are drawn by ``gutter_cells`` (none by default);
    ``gaps`` are the text offsets (paragraph ends) followed by a blank row.
    """

    GUTTER = 0

    def __init__(self, content: Content, *, gaps: Collection[int] = (), classes: str | None = None) -> None:
        super().__init__(content, classes=classes, markup=False)
        self.gaps = frozenset(gaps)
        self.pads: Mapping[int, int] = {}
        """Blank filler rows to draw before the row holding each text offset (see ``set_pads``)."""
        self._base: tuple[int, str, list[Row]] | None = None
        self._rows: tuple[list[Row], Mapping[int, int], list[Row]] | None = None
        self._starts: tuple[list[Row], list[int]] | None = None

    def base_rows(self, width: int) -> list[Row]:
        """Each row of the text at content ``width``, without filler rows (cached)."""
        text = str(self.content)
        cached = self._base
        if cached is not None and cached[0] == width and cached[1] == text:
            return cached[2]
        rows = wrap_rows(text, width - self.GUTTER, self.gaps)
        self._base = (width, text, rows)
        return rows

    def rows(self, width: int) -> list[Row]:
        """Each row drawn when the widget's content is ``width`` cells wide, filler included."""
        base = self.base_rows(width)
        cached = self._rows
        if cached is not None and cached[0] is base and cached[1] is self.pads:
            return cached[2]
        rows = pad_rows(base, self.pads, len(str(self.content)))
        self._rows = (base, self.pads, rows)
        return rows

    def set_pads(self, pads: Mapping[int, int]) -> bool:
        """Draw ``pads[offset]`` blank rows before the row holding each offset; True if that
        changed anything (the height then changes: the caller lays out again)."""
        if dict(pads) == dict(self.pads):
            return False
        self.pads = dict(pads)
        self.refresh(layout=True)
        return True

    def has_rows(self, width: int) -> bool:
        """True when the rows at ``width`` are already known (no wrapping needed)."""
        return self._base is not None and self._base[0] == width

    def wrapped_height(self, width: int) -> int:
        """Rows the text takes when the content is ``width`` cells wide."""
        return len(self.rows(width))

    def row_of(self, offset: int, width: int, *, filler: bool = True) -> int:
        """The row holding a character offset of the text (without filler rows if asked)."""
        rows = self.rows(width) if filler else self.base_rows(width)
        if self._starts is None or self._starts[0] is not rows:
            self._starts = (rows, [row.start for row in rows])
        return max(bisect_right(self._starts[1], offset) - 1, 0)

    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset drawn at content cell (x, y), or None outside the text."""
        rows = self.rows(self.size.width)
        if not 0 <= y < len(rows) or x < self.GUTTER or rows[y].line < 0:
            return None
        row = rows[y]
        return min(row.start + x - self.GUTTER, max(row.end - 1, row.start))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.wrapped_height(width) if width else 0

    def gutter_cells(self, y: int, width: int) -> list[Segment]:
        """The gutter cells of row ``y`` (``GUTTER`` cells wide); overridden to mark rows."""
        return [Segment(" " * self.GUTTER)] if self.GUTTER else []

    def render_line(self, y: int) -> Strip:
        visual = self.visual
        width = self.size.width
        if not isinstance(visual, Content):
            return super().render_line(y)
        rows = self.rows(width)
        style = self.visual_style
        base = style.rich_style
        if y >= len(rows) or width <= 0:
            return Strip.blank(width, base)
        row = rows[y]
        segments = [Segment(s.text, base + s.style if s.style else base) for s in self.gutter_cells(y, width)]
        if row.line == FILLER:
            segments.append(
                Segment(filler_line(y, width - self.GUTTER, row.column), base + RichStyle(dim=True))
            )
        elif row.line >= 0:
            end = row.end if row.last else row.start + len(visual.plain[row.start : row.end].rstrip())
            piece = visual[row.start : end]
            if (selection := self.text_selection) is not None:
                piece = _select(piece, selection.get_span(row.line), row.column, self)
            # Each segment carries its position in the text, as a whole render gives it:
            # mouse selection reads it back.
            x = row.column
            for text, text_style in piece.render(style, end=""):
                segments.append(Segment(text, (style + text_style).rich_style_with_offset(x, row.line)))
                x += len(text)
        return Strip(segments).extend_cell_length(width, base).crop(0, width)


def _select(piece: Content, span: tuple[int, int] | None, column: int, widget: Static) -> Content:
    """The row with the part of a mouse selection that falls inside it styled as selected."""
    if span is None:
        return piece
    start, end = span
    start = max(start - column, 0)
    end = len(piece) if end == -1 else min(end - column, len(piece))
    if end <= start:
        return piece
    style = Style.from_styles(widget.screen.get_component_styles("screen--selection"))
    return piece.stylize(style, start, end)
