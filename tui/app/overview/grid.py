"""A grid that draws only the rows in view: the one widget behind the four overview views.

A fixed label column on the left and fixed header lines on top frame a scrolling area of
cells of one width; a cursor (a cell, or a whole row) moves with the arrows or hjkl, and Enter
says which cell was chosen. What the cells hold comes from a ``GridModel``: each view (who
says what, the heat map, the per-source bars, the values over time) is one model. Rows are
drawn on demand, so a 200 x 200 heat map costs what its visible part costs.

Styles are TCSS component classes of the screen holding the grid (``GRID_CLASSES``, in
``styles/overview.tcss``), named by the model for each piece of text. They sit on the screen,
as the reader's highlights do: Textual restyles a widget's component classes whenever its
focus changes, and two dozen of them on the grid cost more than drawing it; the text is the sources' own, drawn as plain segments, never
parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Piece = tuple[str, str]
"""A run of text and the component class that styles it ("" for the widget's own style)."""

GRID_CLASSES = frozenset(
    {
        *(f"value--{n}" for n in range(8)),
        "cell--silent",
        "cell--absent",
        "share--corroborated",
        "share--disputed",
        "share--unique",
        "share--boilerplate",
        "share--other",
        "heat--agree",
        "heat--differ",
        "heat--wire",
        "heat--self",
        "grid--cursor",
        "grid--header",
        "grid--label",
        "grid--muted",
        "grid--flag",
    }
)


def fit(text: str, width: int) -> str:
    """``text`` on one line in exactly ``width`` cells: cut with … or padded with spaces."""
    if width <= 0:
        return ""
    line = " ".join(text.split())
    if cell_len(line) > width:
        return set_cell_size(line, width - 1) + "\u2026"
    return set_cell_size(line, width)


def _over(strip: Strip, style: Style) -> Strip:
    """``strip`` with ``style`` laid over every segment's own style (the cursor)."""
    return Strip(list(Segment.apply_style(strip, post_style=style)), strip.cell_length)


class GridModel:
    """What a grid shows: sizes, and the pieces of each header line, label and row of cells.

    ``row_cursor`` models move a whole-row cursor (lists); the others a cell cursor.
    """

    width: int = 0
    """The terminal width the model was laid out for."""
    rows: int = 0
    columns: int = 1
    column_width: int = 1
    label_width: int = 0
    header_height: int = 0
    row_cursor: bool = False

    def header(self, line: int) -> list[Piece]:
        """The pieces of header line ``line`` above the cells (cells area only)."""
        return []

    def header_label(self, line: int) -> list[Piece]:
        """The pieces of header line ``line`` above the label column."""
        return []

    def label(self, row: int) -> list[Piece]:
        """The pieces of one row's label (``label_width`` cells)."""
        return []

    def cells(self, row: int) -> list[Piece]:
        """The pieces of one row's cells, ``columns * column_width`` cells in all."""
        return []

    def detail(self, row: int, column: int) -> str:
        """What the cell under the cursor means, said in full."""
        return ""


class GlanceGrid(ScrollView, can_focus=True):
    """A scrolling grid of cells with a fixed label column, fixed header lines and a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(0, -1)", "Up", show=False),
        Binding("down,j", "move(0, 1)", "Down", show=False),
        Binding("left,h", "move(-1, 0)", "Left", show=False),
        Binding("right,l", "move(1, 0)", "Right", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(-1)", "First row", show=False),
        Binding("end,G", "edge(1)", "Last row", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    @dataclass
    class Moved(Message):
        """The cursor moved: the detail line shows what the cell means."""

        grid: GlanceGrid
        row: int
        column: int

    @dataclass
    class Chosen(Message):
        """Enter (or a second click) on a cell."""

        grid: GlanceGrid
        row: int
        column: int

    def __init__(self, model: GridModel, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.model = model
        self.cursor = (0, 0)
        """(row, column) of the cursor."""
        self._forget()

    def on_mount(self) -> None:
        self._resize_virtual()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        def repaint() -> None:
            self._forget()
            self.refresh()

        self.call_after_refresh(repaint)  # the new theme's styles are applied by then

    def set_model(self, model: GridModel) -> None:
        """Show another model (the same view laid out for a new width), keeping the cursor."""
        self.model = model
        self._drawn.clear()
        row, column = self.cursor
        self.cursor = (min(row, max(model.rows - 1, 0)), min(column, max(model.columns - 1, 0)))
        self._resize_virtual()
        self.refresh()

    def _resize_virtual(self) -> None:
        model = self.model
        width = model.label_width + model.columns * model.column_width
        self.virtual_size = Size(width, model.header_height + model.rows)

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()

    def _forget(self) -> None:
        """Drop the resolved styles and drawn rows (new theme, new stylesheet, new model)."""
        self._styles: dict[str, Style] = {}
        self._drawn: dict[int, tuple[Strip, Strip]] = {}

    def _style(self, name: str) -> Style:
        """A component class's style over the widget's own, resolved once (Textual's lookup of
        a widget's style costs a quarter of a millisecond, and a row has hundreds of pieces)."""
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            screen = self.screen
            if name == "grid--cursor":
                style = screen.get_component_rich_style(name, partial=True)
            else:
                style = base + screen.get_visual_style(name).rich_style if name else base
            self._styles[name] = style
        return style

    def _strip(self, pieces: list[Piece], width: int) -> Strip:
        """The pieces as one strip of ``width`` cells, runs of one style joined into one segment."""
        style = self._style
        segments: list[Segment] = []
        run: list[str] = []
        name = None
        for text, piece_style in pieces:
            if piece_style != name and run:
                segments.append(Segment("".join(run), style(name or "")))
                run = []
            name = piece_style
            run.append(text)
        if run:
            segments.append(Segment("".join(run), style(name or "")))
        return Strip(segments).adjust_cell_length(width, style(""))

    def _row(self, row: int) -> tuple[Strip, Strip]:
        """A row's label and cells, drawn once: moving the cursor redraws no cell."""
        drawn = self._drawn.get(row)
        if drawn is None:
            model = self.model
            drawn = (
                self._strip(model.label(row), model.label_width),
                self._strip(model.cells(row), model.columns * model.column_width),
            )
            if len(self._drawn) > 4096:
                self._drawn.clear()
            self._drawn[row] = drawn
        return drawn

    def render_line(self, y: int) -> Strip:
        model = self.model
        width = self.size.width
        base = self._style("")
        label_width = min(model.label_width, width)
        scroll_x, scroll_y = int(self.scroll_offset.x), int(self.scroll_offset.y)
        cells_width = model.columns * model.column_width
        view = max(width - label_width, 0)
        if y < model.header_height:
            left = self._strip(model.header_label(y), label_width)
            right = self._strip(model.header(y), cells_width)
        else:
            row = scroll_y + y - model.header_height
            if row >= model.rows:
                return Strip.blank(width, base)
            left, right = self._row(row)
            left = left.crop(0, label_width)
            if row == self.cursor[0]:
                cursor = self._style("grid--cursor")
                if model.row_cursor:
                    left, right = _over(left, cursor), _over(right, cursor)
                else:
                    start = self.cursor[1] * model.column_width
                    end = start + model.column_width
                    right = Strip.join(
                        [right.crop(0, start), _over(right.crop(start, end), cursor), right.crop(end)]
                    )
                    left = _over(left, cursor)
        visible = right.crop(scroll_x, scroll_x + view) if view else Strip([])
        return Strip.join([left, visible]).adjust_cell_length(width, base)

    # ------------------------------------------------------------------ moving

    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on a cell (clamped) and scroll it into view."""
        model = self.model
        row = min(max(row, 0), max(model.rows - 1, 0))
        column = min(max(column, 0), max(model.columns - 1, 0))
        self.cursor = (row, column)
        self._reveal()
        self.refresh()
        self.post_message(self.Moved(self, row, column))

    def _reveal(self) -> None:
        model = self.model
        row, column = self.cursor
        rows_in_view = max(
            self.size.height - model.header_height - (1 if self.show_horizontal_scrollbar else 0), 1
        )
        top = int(self.scroll_offset.y)
        if row < top:
            top = row
        elif row >= top + rows_in_view:
            top = row - rows_in_view + 1
        view = max(self.size.width - model.label_width - (1 if self.show_vertical_scrollbar else 0), 1)
        left = int(self.scroll_offset.x)
        start = column * model.column_width
        if start < left:
            left = start
        elif start + model.column_width > left + view:
            left = start + model.column_width - view
        self.scroll_to(x=left, y=top, animate=False, immediate=True)

    def action_move(self, dx: int, dy: int) -> None:
        """Move the cursor by a cell (or a row)."""
        self.move_to(self.cursor[0] + dy, self.cursor[1] + dx)

    def action_page(self, direction: int) -> None:
        """Move the cursor by a screenful of rows."""
        step = max(self.size.height - self.model.header_height - 1, 1)
        self.move_to(self.cursor[0] + direction * step, self.cursor[1])

    def action_edge(self, direction: int) -> None:
        """Go to the first or the last row."""
        self.move_to(0 if direction < 0 else self.model.rows - 1, self.cursor[1])

    def action_choose(self) -> None:
        """Say which cell was chosen (the screen decides what opening it means)."""
        if self.model.rows:
            self.post_message(self.Chosen(self, *self.cursor))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        model = self.model
        row = int(self.scroll_offset.y) + offset.y - model.header_height
        x = offset.x - model.label_width
        if offset.y < model.header_height or not 0 <= row < model.rows:
            return
        column = self.cursor[1] if x < 0 else (int(self.scroll_offset.x) + x) // max(model.column_width, 1)
        if (row, column) == self.cursor and event.chain > 1:
            self.action_choose()
        else:
            self.move_to(row, column)
