"""Two-source mode: two sources side by side, statement by statement, rows aligned, the word
diff drawn inline in both.

One widget draws both columns, so aligned statements always share a row (the shorter side is
padded), whatever they wrap to. The middle column says what each row is: ≠ a value differs,
~ words differ, ◀ or ▶ only that side says it here, ↕ said elsewhere by the other. ``]``/``[``
step through the differences; Enter goes back to the full panes at the row's fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content, Span
from textual.events import Resize
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.overview.lines import draw_row, line_strip
from tui.app.widgets.lazy_text import Row, wrap_rows
from tui.core.compare.wording import word_diff
from tui.core.model import Article, Comparison
from tui.core.views.overview import Overview
from tui.core.views.pairs import PairRow, Side, change_starts, pair_rows
from tui.export.glance import pair_words

PAIR_CLASSES = frozenset(
    {
        "pair--changed",
        "pair--value",
        "pair--alone",
        "pair--moved",
        "pair--cursor",
        "pair--gutter",
        "pair--same",
    }
)
MIDDLE = 3
"""Cells between the two columns: a space, the row's sign, a space."""

SIGNS = {"same": " ", "reworded": "~", "differs": "\u2260", "left": "\u25c0", "right": "\u25b6"}
MOVED = "\u2195"


class Line(NamedTuple):
    """One drawn line: the row it belongs to and the wrapped piece of each side (None: padding)."""

    row: int
    left: Row | None
    right: Row | None
    first: bool


@dataclass(frozen=True)
class Drawn:
    """A row's two sides as styled text, ready to cut into lines."""

    left: Content | None
    right: Content | None


class PairText(ScrollView, can_focus=True):
    """Both sources' statements in aligned rows, drawn line by line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "lines(1)", "Down", show=False),
        Binding("up,k", "lines(-1)", "Up", show=False),
        Binding("pagedown", "pages(1)", "Page down", show=False),
        Binding("pageup", "pages(-1)", "Page up", show=False),
        Binding("home,g", "edge(-1)", "Top", show=False),
        Binding("end,G", "edge(1)", "Bottom", show=False),
    ]

    def __init__(self, rows: tuple[PairRow, ...]) -> None:
        super().__init__()
        self.rows = rows
        self.current: int | None = None
        """The row ``]``/``[`` last went to (highlighted)."""
        self.lines: list[Line] = []
        self.first_line: list[int] = []
        self._width = 0
        self._drawn: list[Drawn] = []

    def on_mount(self) -> None:
        self._drawn = [self._draw(row) for row in self.rows]
        self.watch(self.app, "theme", self._theme_changed, init=False)
        # The width it will have (the screen's), so the first layout is the last one.
        self.lay_out(self.size.width or self.app.size.width)

    def on_resize(self, event: Resize) -> None:
        self.lay_out(event.size.width)

    def _theme_changed(self) -> None:
        def repaint() -> None:
            self._drawn = [self._draw(row) for row in self.rows]
            self.refresh()

        self.call_after_refresh(repaint)  # the new theme's styles are applied by then

    @property
    def column(self) -> int:
        """Cells of each side's column."""
        return max((self._width - MIDDLE - 1) // 2, 8)

    def lay_out(self, width: int) -> None:
        """Wrap every row at the new width and pad the shorter side, so rows stay aligned."""
        if (width == self._width and self.lines) or not self._drawn:
            return
        self._width = width
        column = self.column
        self.lines = []
        self.first_line = []
        for index, drawn in enumerate(self._drawn):
            left = wrap_rows(drawn.left.plain, column) if drawn.left is not None else []
            right = wrap_rows(drawn.right.plain, column) if drawn.right is not None else []
            self.first_line.append(len(self.lines))
            for k in range(max(len(left), len(right), 1)):
                self.lines.append(
                    Line(
                        index,
                        left[k] if k < len(left) else None,
                        right[k] if k < len(right) else None,
                        k == 0,
                    )
                )
            self.lines.append(Line(index, None, None, False))  # a blank line between rows
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()

    def _draw(self, row: PairRow) -> Drawn:
        return Drawn(self._side(row, row.left), self._side(row, row.right))

    def _side(self, row: PairRow, side: Side | None) -> Content | None:
        if side is None:
            return None
        style = self.screen.get_visual_style
        spans: list[Span] = []
        text = ""
        for piece in side.pieces:
            if piece.changed and row.kind in ("differs", "reworded") and piece.text.strip():
                spans.append(Span(len(text), len(text) + len(piece.text), style("pair--changed")))
            text += piece.text
        for start, end in side.values:
            spans.append(Span(start, end, style("pair--value")))
        whole = {"same": "pair--same", "left": "pair--alone", "right": "pair--alone"}.get(row.kind)
        if row.moved:
            whole = "pair--moved"
        if whole:
            spans.insert(0, Span(0, len(text), style(whole)))
        flat = text.replace("\n", " ")
        return Content(flat, spans)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.visual_style
        number = int(self.scroll_offset.y) + y
        if number >= len(self.lines) or width <= 0:
            return Strip.blank(width, base.rich_style)
        line = self.lines[number]
        row = self.rows[line.row]
        drawn = self._drawn[line.row]
        cursor = line.row == self.current and (line.left is not None or line.right is not None)
        extra = self.screen.get_visual_style("pair--cursor") if cursor else None
        column = self.column
        sign = " "
        if line.first:
            sign = MOVED if row.moved else SIGNS[row.kind]
        gutter = self.screen.get_visual_style("pair--gutter")
        space = base.rich_style
        segments = [
            *draw_row(drawn.left, line.left, column, base, extra),
            Segment(" ", space),
            Segment(sign, (base + gutter).rich_style),
            Segment(" ", space),
            *draw_row(drawn.right, line.right, column, base, extra),
        ]
        return line_strip(segments, width, base)

    # ------------------------------------------------------------------ moving

    def action_lines(self, count: int) -> None:
        """Scroll by lines."""
        self.scroll_to(y=self.scroll_y + count, animate=False, immediate=True)

    def action_pages(self, count: int) -> None:
        """Scroll by a screenful."""
        self.scroll_to(y=self.scroll_y + count * max(self.size.height - 1, 1), animate=False, immediate=True)

    def action_edge(self, direction: int) -> None:
        """Go to the first or last row."""
        self.scroll_to(y=0 if direction < 0 else self.max_scroll_y, animate=False, immediate=True)

    def go_to(self, index: int) -> None:
        """Make a row current and scroll it near the top."""
        self.current = index
        if 0 <= index < len(self.first_line):
            self.scroll_to(y=max(self.first_line[index] - 1, 0), animate=False, immediate=True)
        self.refresh()

    def row_at_top(self) -> int:
        """The row drawn at the top of the view."""
        number = int(self.scroll_y)
        return self.lines[number].row if number < len(self.lines) else 0


class PairScreen(Screen[str | None]):
    """Two sources side by side; Esc (or c) goes back, Enter goes back at the row's fact."""

    COMPONENT_CLASSES: ClassVar[set[str]] = Screen.COMPONENT_CLASSES | PAIR_CLASSES

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,c", "back", "Back"),
        Binding("right_square_bracket", "difference(1)", "Next difference"),
        Binding("left_square_bracket", "difference(-1)", "Previous difference", show=False),
        Binding("enter", "open", "Go there", tooltip="Back to the full panes at this row's fact"),
        Binding("s", "swap", "Swap sides"),
    ]

    def __init__(self, comparison: Comparison, left: str, right: str) -> None:
        super().__init__()
        self.comparison = comparison
        self.left = comparison.story.article(left)
        self.right = comparison.story.article(right)
        self.rows = pair_rows(comparison, left, right, word_diff)
        self.stops = change_starts(self.rows)

    def compose(self) -> ComposeResult:
        counts = {kind: sum(1 for r in self.rows if r.kind == kind) for kind in SIGNS}
        summary = (
            f"\u2260 {counts['differs']} values differ \u00b7 ~ {counts['reworded']} worded differently \u00b7 "
            f"{counts['same']} the same \u00b7 \u25c0 {counts['left']} only left \u00b7 "
            f"\u25b6 {counts['right']} only right \u00b7 \u2195 said elsewhere  "
            "] [ differences \u00b7 Enter go there \u00b7 s swap \u00b7 Esc back"
        )
        yield Static(Content(summary), classes="glance-legend", markup=False)
        with Horizontal(id="pair-heads"):
            yield Static(_head(self.left), classes="pair-head", markup=False)
            yield Static(_head(self.right), classes="pair-head", markup=False)
        yield PairText(self.rows)

    def on_mount(self) -> None:
        self.query_one(PairText).focus()

    @property
    def text(self) -> PairText:
        """The aligned rows."""
        return self.query_one(PairText)

    def action_difference(self, direction: int) -> None:
        """Go to the next or previous row that differs (or run of one-sided rows)."""
        if not self.stops:
            self.notify("These two sources say the same, statement for statement.", markup=False)
            return
        current = self.text.current if self.text.current is not None else self.text.row_at_top() - direction
        later = [s for s in self.stops if (s > current if direction > 0 else s < current)]
        if later:
            target = later[0] if direction > 0 else later[-1]
        else:
            target = self.stops[0] if direction > 0 else self.stops[-1]
            self.notify("Wrapped around.", markup=False)
        self.text.go_to(target)

    def action_open(self) -> None:
        """Back to the full panes at the current row's fact."""
        index = self.text.current if self.text.current is not None else self.text.row_at_top()
        clusters = self.rows[index].clusters if 0 <= index < len(self.rows) else ()
        if clusters:
            self.dismiss(clusters[0])
        else:
            self.notify("This statement is in no fact.", markup=False)

    def action_swap(self) -> None:
        """Put the right source on the left."""
        self.app.switch_screen(PairScreen(self.comparison, self.right.id, self.left.id))

    def action_back(self) -> None:
        """Back to the panes."""
        self.dismiss(None)


def _head(article: Article) -> Content:
    parts: list[str | tuple[str, str]] = [(article.label, "bold"), "  " + (article.title or "")]
    if article.date:
        parts.append(("  " + article.date, "dim"))
    return Content.assemble(*parts)


class PickOther(ModalScreen[str | None]):
    """Which source to put beside this one: every other source with how much they agree."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, overview: Overview, left: str, preferred: str | None) -> None:
        super().__init__(classes="dialog")
        self.overview = overview
        self.left = left
        self.preferred = preferred

    def compose(self) -> ComposeResult:
        overview = self.overview
        mine = overview.index(self.left)
        options = [
            Option(Content(pair_words(overview, mine, i)), id=source.article)
            for i, source in enumerate(overview.sources)
            if source.article != self.left
        ]
        with Vertical(classes="dialog-box"):
            yield Static(
                Content(f"Put which source beside {overview.sources[mine].label}? Enter picks, Esc cancels."),
                markup=False,
            )
            yield OptionList(*options, id="pick-other")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        if self.preferred is not None:
            try:
                picker.highlighted = picker.get_option_index(self.preferred)
            except LookupError:
                picker.highlighted = 0
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
