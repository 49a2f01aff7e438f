"""Drawing one wrapped line of styled text: what fold mode's and two-source mode's scrolling
views share. They wrap their text once per width (``wrap_rows``, the reader's own wrap) and
draw only the lines in view, each from its slice of one ``Content``.

Lines are built as plain segment lists: every Textual ``Strip`` sets up seven caches, and
making a few per line (to pad and crop) was a third of the time to open five panes.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from tui.app.widgets.lazy_text import Row


def draw_row(
    content: Content | None, row: Row | None, width: int, base: Style, extra: Style | None = None
) -> list[Segment]:
    """One wrapped row of ``content`` in exactly ``width`` cells (blank without a row), with
    ``extra`` laid over its own styles (a cursor) to the end of the cells."""
    fill = (base + extra).rich_style if extra is not None else base.rich_style
    if content is None or row is None or row.line < 0:
        return [Segment(" " * width, fill)]
    piece = content[row.start : row.end].rstrip()
    segments = []
    used = 0
    for text, text_style in piece.render(base, end=""):
        style = base + text_style
        if extra is not None:
            style = style + extra
        segments.append(Segment(text, style.rich_style))
        used += cell_len(text)
    if used > width:  # wide characters wrapped by code points: cut at the column
        return list(Strip(segments).crop(0, width))
    segments.append(Segment(" " * (width - used), fill))
    return segments


def line_strip(segments: list[Segment], width: int, base: Style) -> Strip:
    """The segments of a whole line as one strip of ``width`` cells."""
    used = sum(cell_len(segment.text) for segment in segments)
    if used == width:
        return Strip(segments, width)
    return Strip(segments).adjust_cell_length(width, base.rich_style)
