"""Fold mode: every pane shows only what differs, runs of agreed text folded into one line.

Each pane is one source: its differing statements in full (the differing value marked as in
the reader), and one line per run of statements it shares with the others ("▸ 12 shared
statements") that opens in place on Enter, like a vimdiff fold. ``u`` shows the statements only
this source makes too. ``]``/``[`` step through the discrepancies: every pane moves its
cursor to its statement of it and puts it on the same row as in the focused pane, so the
differing statements stand side by side. Enter on a statement goes back to the full panes at it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content, Span
from textual.events import Click, Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.widgets.lazy_text import LazyText
from tui.core.model import Comparison
from tui.core.views.folds import Entry, Fold, Shown, fold_article

ALIGN_ROW = 2
"""Screen row (in each pane's text) where the current discrepancy's statements line up."""

FOLD_CLASSES = frozenset(
    {
        "fold--line",
        "fold--open",
        "fold--cursor",
        "fold--value",
        "fold--differs",
        "fold--unique",
        "fold--gutter",
    }
)


@dataclass(frozen=True)
class Placed:
    """Where an entry sits in a pane's text: its range and the gutter sign of its rows."""

    start: int
    end: int
    sign: str


class FoldText(LazyText):
    """The folded article as one text: entries as paragraphs, a gutter saying what each is."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(FOLD_CLASSES)
    GUTTER = 3

    def __init__(self) -> None:
        super().__init__(Content(""))
        self.placed: list[Placed] = []
        self.cursor = 0
        self._entry_starts: list[int] = []

    def show(self, content: Content, placed: list[Placed], cursor: int, gaps: Sequence[int]) -> None:
        """Draw a new text (a fold opened or closed, the cursor moved)."""
        self.placed = placed
        self._entry_starts = [p.start for p in placed]
        self.cursor = cursor
        self.gaps = frozenset(gaps)
        self._rows = None
        self.update(content)

    def entry_at_offset(self, offset: int) -> int:
        """The entry holding a text offset."""
        return max(bisect_right(self._entry_starts, offset) - 1, 0)

    def gutter_cells(self, y: int, width: int) -> list[Segment]:
        rows = self.rows(width)
        if y >= len(rows) or rows[y].line < 0 or not self.placed:
            return [Segment(" " * self.GUTTER)]
        index = self.entry_at_offset(rows[y].start)
        style = self.get_visual_style("fold--gutter").rich_style
        cursor = "\u25b6" if index == self.cursor else " "
        return [Segment(cursor, style), Segment(self.placed[index].sign, style), Segment(" ")]


class FoldScroll(VerticalScroll):
    """A pane's scrolling text; its keys move the cursor from entry to entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "step(1)", "Next entry", show=False),
        Binding("up,k", "step(-1)", "Previous entry", show=False),
        Binding(
            "enter",
            "open",
            "Open",
            tooltip="Open or close the fold; on a statement, go back to the panes at it",
        ),
    ]

    def action_step(self, direction: int) -> None:
        """Move the cursor to the next or previous entry."""
        pane = self.parent
        if isinstance(pane, FoldPane):
            pane.step(direction)

    def action_open(self) -> None:
        """Open or close the fold under the cursor; on a statement, go back to the panes at it."""
        pane = self.parent
        if isinstance(pane, FoldPane):
            pane.open_entry()


class FoldPane(Vertical):
    """One source in fold mode."""

    @dataclass
    class CursorMoved(Message):
        """The cursor is on another entry (the screen lines the other panes up)."""

        pane: FoldPane

    @dataclass
    class StatementChosen(Message):
        """Enter on a shown statement: back to the full panes at its cluster."""

        pane: FoldPane
        cluster: str

    def __init__(self, comparison: Comparison, article_id: str) -> None:
        super().__init__(classes="fold-pane")
        self.comparison = comparison
        self.article = comparison.story.article(article_id)
        self.unique = False
        self.entries: tuple[Entry, ...] = fold_article(comparison, article_id)
        self.opened: set[int] = set()
        """Start offsets of the folds the user opened (they survive ``u``)."""
        self.cursor = 0
        self.text = FoldText()
        self.scroller = FoldScroll(self.text, classes="fold-scroll")

    def compose(self) -> ComposeResult:
        date = f"  {self.article.date}" if self.article.date else ""
        yield Static(Content(f"{self.article.title}{date}"), classes="fold-head", markup=False)
        yield self.scroller

    def on_mount(self) -> None:
        self.border_title = Content(self.article.label)
        self.render_entries()

    def set_unique(self, unique: bool) -> None:
        """Show or fold the statements only this source makes, keeping the cursor's statement."""
        keep = self.entries[self.cursor] if self.entries else None
        self.unique = unique
        self.entries = fold_article(self.comparison, self.article.id, unique=unique)
        self.cursor = self._index_near(keep)
        self.render_entries()

    def _index_near(self, entry: Entry | None) -> int:
        if entry is None:
            return 0
        start = entry.unit.start if isinstance(entry, Shown) else entry.start
        starts = [e.unit.start if isinstance(e, Shown) else e.start for e in self.entries]
        return max(bisect_right(starts, start) - 1, 0)

    def render_entries(self) -> None:
        """Build the pane's text from its entries, open folds and cursor."""
        parts: list[str] = []
        spans: list[Span] = []
        values: list[Span] = []
        """Drawn last: a differing value stands out even in the statement under the cursor."""
        placed: list[Placed] = []
        gaps: list[int] = []
        offset = 0

        def add(text: str, style: str) -> None:
            nonlocal offset
            if parts:
                parts.append("\n")
                offset += 1
            parts.append(text)
            if style:
                spans.append(Span(offset, offset + len(text), self.text.get_visual_style(style)))
            offset += len(text)

        for index, entry in enumerate(self.entries):
            start = offset + (1 if parts else 0)
            if isinstance(entry, Shown):
                text = _one_line(entry.unit.text)
                base = offset + (1 if parts else 0)
                add(text, "fold--differs" if entry.kind == "differs" else "fold--unique")
                for value_start, value_end in entry.values:
                    a, b = value_start - entry.unit.start, value_end - entry.unit.start
                    values.append(Span(base + a, base + b, self.text.get_visual_style("fold--value")))
                sign = "\u2260" if entry.kind == "differs" else "\u25c6"
            else:
                is_open = entry.start in self.opened
                add(f"\u00b7\u00b7\u00b7 {entry.label}", "fold--line")
                if is_open:
                    for unit in entry.units:
                        add(_one_line(unit.text), "fold--open")
                sign = "\u25be" if is_open else "\u25b8"
            if index == self.cursor:
                spans.append(Span(start, offset, self.text.get_visual_style("fold--cursor")))
            placed.append(Placed(start, offset, sign))
            gaps.append(offset)
        self.text.show(Content("".join(parts), spans + values), placed, self.cursor, gaps)

    # ------------------------------------------------------------------ moving

    def step(self, direction: int) -> None:
        """Move the cursor one entry and keep it in view."""
        if not self.entries:
            return
        self.move_to(min(max(self.cursor + direction, 0), len(self.entries) - 1))
        self.post_message(self.CursorMoved(self))

    def move_to(self, index: int) -> None:
        """Put the cursor on an entry and scroll it into view."""
        self.set_cursor(index)
        self.call_after_refresh(self._reveal_cursor)

    def set_cursor(self, index: int) -> None:
        """Put the cursor on an entry without scrolling (the screen lines the panes up)."""
        self.cursor = index
        self.render_entries()

    def _reveal_cursor(self) -> None:
        y = self.entry_y(self.cursor)
        scroller = self.scroller
        height = scroller.scrollable_content_region.height
        if y < scroller.scroll_y or y >= scroller.scroll_y + height - 1:
            scroller.scroll_to(y=max(y - ALIGN_ROW, 0), animate=False, immediate=True)

    def entry_y(self, index: int) -> int:
        """The text row where an entry starts."""
        width = self.text.size.width
        if not self.text.placed or width <= 0:
            return 0
        return self.text.row_of(self.text.placed[index].start, width)

    def cursor_row(self) -> int:
        """The viewport row of the cursor's entry."""
        return self.entry_y(self.cursor) - int(self.scroller.scroll_y)

    def on_resize(self, event: Resize) -> None:
        # Room below the text (as vimdiff's filler lines), so that any entry, even the last,
        # can be scrolled up to the row where the other panes show their statement.
        self.text.styles.margin = (0, 0, max(event.size.height - 2, 0), 0)

    def entry_of(self, cluster: str) -> int | None:
        """The entry holding a statement of ``cluster``, if this source shows one."""
        return next(
            (i for i, e in enumerate(self.entries) if isinstance(e, Shown) and cluster in e.clusters), None
        )

    @property
    def current_cluster(self) -> str | None:
        """The first cluster of the statement under the cursor (None on a fold)."""
        entry = self.entries[self.cursor] if self.entries else None
        return entry.clusters[0] if isinstance(entry, Shown) and entry.clusters else None

    def open_entry(self) -> None:
        """Open or close a fold; on a shown statement, ask to go back to the panes at it."""
        if not self.entries:
            return
        entry = self.entries[self.cursor]
        if isinstance(entry, Fold):
            self.opened ^= {entry.start}
            self.render_entries()
        elif entry.clusters:
            self.post_message(self.StatementChosen(self, entry.clusters[0]))

    def on_click(self, event: Click) -> None:
        if event.widget is not self.text or (offset := event.get_content_offset(self.text)) is None:
            return
        rows = self.text.rows(self.text.size.width)
        if 0 <= offset.y < len(rows):
            index = self.text.entry_at_offset(rows[offset.y].start)
            if index == self.cursor:
                self.open_entry()
            else:
                self.move_to(index)
                self.post_message(self.CursorMoved(self))


def _one_line(text: str) -> str:
    return " ".join(text.split())


class FoldScreen(Screen[str | None]):
    """The shown sources folded to what differs; Esc (or d) goes back with the current discrepancy."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d", "back", "Back"),
        Binding("right_square_bracket", "discrepancy(1)", "Next discrepancy"),
        Binding("left_square_bracket", "discrepancy(-1)", "Previous discrepancy", show=False),
        Binding("u", "unique", "Unique", tooltip="Show the statements only one source makes, or fold them"),
        Binding("tab", "focus_pane(1)", "Next source", show=False),
        Binding("shift+tab", "focus_pane(-1)", "Previous source", show=False),
    ]

    def __init__(
        self,
        comparison: Comparison,
        articles: Sequence[str],
        *,
        focused: str | None = None,
        cluster: str | None = None,
    ) -> None:
        super().__init__()
        self.comparison = comparison
        self.panes = [FoldPane(comparison, article) for article in articles]
        self.focused_index = next((i for i, a in enumerate(articles) if a == focused), 0)
        self.cluster = cluster
        self.discrepancies = [c.id for c in comparison.clusters if c.kind == "discrepancy"]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Only what differs: \u2260 differing statement \u00b7 \u25c6 unique \u00b7 "
                "\u25b8 folded agreed text (Enter opens it)"
            ),
            classes="glance-legend",
        )
        with Horizontal(id="fold-panes"):
            yield from self.panes
        yield Footer()

    def on_mount(self) -> None:
        self.panes[self.focused_index].scroller.focus()
        if self.cluster is not None:
            self.call_after_refresh(self.line_up, self.cluster)

    def line_up(self, cluster: str, leader: FoldPane | None = None) -> None:
        """Put every pane's statement of ``cluster`` on one row: the leader's, else ``ALIGN_ROW``
        (higher when a statement sits nearer the top of its text than that)."""
        self.cluster = cluster
        holders = [(pane, index) for pane in self.panes if (index := pane.entry_of(cluster)) is not None]
        for pane, index in holders:
            if pane is not leader:
                pane.set_cursor(index)
        self.call_after_refresh(self._align, holders, leader)

    def _align(self, holders: list[tuple[FoldPane, int]], leader: FoldPane | None) -> None:
        wanted = leader.cursor_row() if leader is not None else ALIGN_ROW
        rows = [pane.entry_y(index) for pane, index in holders]
        row = max(min([wanted, *rows]), 0)
        for (pane, _index), y in zip(holders, rows, strict=True):
            pane.scroller.scroll_to(y=y - row, animate=False, immediate=True)

    def on_fold_pane_cursor_moved(self, message: FoldPane.CursorMoved) -> None:
        cluster = message.pane.current_cluster
        if cluster is not None:
            self.line_up(cluster, message.pane)

    def on_fold_pane_statement_chosen(self, message: FoldPane.StatementChosen) -> None:
        self.dismiss(message.cluster)

    def action_back(self) -> None:
        """Back to the full panes, at the discrepancy looked at last."""
        self.dismiss(self.cluster)

    def action_discrepancy(self, direction: int) -> None:
        """Line up the next or previous discrepancy in every pane."""
        if not self.discrepancies:
            self.notify("This story has no discrepancies.", markup=False)
            return
        if self.cluster in self.discrepancies:
            index = (self.discrepancies.index(self.cluster) + direction) % len(self.discrepancies)
        else:
            index = 0 if direction > 0 else len(self.discrepancies) - 1
        cluster = self.discrepancies[index]
        self.line_up(cluster)
        if not any(pane.entry_of(cluster) is not None for pane in self.panes):
            self.notify("None of the sources shown holds this discrepancy.", markup=False)

    def action_unique(self) -> None:
        """Show or fold the statements only one source makes, in every pane."""
        show = not self.panes[0].unique
        for pane in self.panes:
            pane.set_unique(show)
        self.notify("Unique statements shown." if show else "Unique statements folded.", markup=False)

    def action_focus_pane(self, direction: int) -> None:
        """Focus the next or previous source."""
        self.focused_index = (self.focused_index + direction) % len(self.panes)
        self.panes[self.focused_index].scroller.focus()
