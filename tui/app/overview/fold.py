"""Fold mode: every pane shows only what differs, runs of agreed text folded into one line.

Each pane is one source: its differing statements in full (the differing value marked as in
the reader), and one line per run of statements it shares with the others ("··· 12 shared
statements") that opens in place on Enter, like a vimdiff fold. ``u`` shows the statements only
this source makes too. ``]``/``[`` step through the discrepancies: every pane moves its
cursor to its statement of it and puts it on the same row as the others, so the differing
statements stand side by side. Enter on a statement goes back to the full panes at it.

A pane is one widget that wraps its text once per width and draws only the rows in view
(five panes of nested containers took three times as long to open).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content, Span
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from tui.app.overview.lines import draw_row, line_strip
from tui.app.widgets.lazy_text import Row, wrap_rows
from tui.core.model import Comparison
from tui.core.views.folds import Entry, Fold, Shown, fold_article

ALIGN_ROW = 2
"""Screen row where the current discrepancy's statements line up (higher if one cannot)."""

GUTTER = 3
"""Cells left of the text: the cursor, what the entry is (≠ ◆ ▸ ▾), a space."""

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


class FoldPane(ScrollView, can_focus=True):
    """One source in fold mode: its folded text, drawn row by row, with a cursor on an entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "step(1)", "Next entry", show=False),
        Binding("up,k", "step(-1)", "Previous entry", show=False),
        Binding("pagedown", "pages(1)", "Page down", show=False),
        Binding("pageup", "pages(-1)", "Page up", show=False),
        Binding(
            "enter",
            "open",
            "Open",
            tooltip="Open or close the fold; on a statement, go back to the panes at it",
        ),
    ]

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
        super().__init__()
        self.comparison = comparison
        self.article = comparison.story.article(article_id)
        self.unique = False
        self.entries: tuple[Entry, ...] = fold_article(comparison, article_id)
        self.opened: set[int] = set()
        """Start offsets of the folds the user opened (they survive ``u``)."""
        self.cursor = 0
        self.text_content = Content("")
        self.placed: list[Placed] = []
        self.gaps: frozenset[int] = frozenset()
        self.rows: list[Row] = []
        self._starts: list[int] = []
        self._width = 0
        self.width_hint = 40
        """The text width expected before the first layout (the screen knows how many panes
        share the terminal): wrapping at it spares a second layout when the width is right."""

    def on_mount(self) -> None:
        date = f" \u00b7 {self.article.date}" if self.article.date else ""
        self.border_title = Content(f"{self.article.label}{date}")
        self.border_subtitle = Content(self.article.title)
        self.render_entries()
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        # The new theme's styles are applied after this refresh; paint with them then.
        self.call_after_refresh(self.render_entries)

    def on_resize(self, event: Resize) -> None:
        self._wrap()

    # ------------------------------------------------------------------ text

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

    def _lay_out(self) -> tuple[str, list[tuple[int, int, str]], list[Placed], list[int]]:
        """The pane's text from its entries, open folds and cursor: the text, the (start, end,
        style) marks to paint on it (differing values last, so they show even under the
        cursor), where each entry sits, and the offsets followed by a blank row."""
        parts: list[str] = []
        marks: list[tuple[int, int, str]] = []
        values: list[tuple[int, int, str]] = []
        placed: list[Placed] = []
        gaps: list[int] = []
        offset = 0

        def add(text: str, style: str) -> int:
            nonlocal offset
            if parts:
                parts.append("\n")
                offset += 1
            start = offset
            parts.append(text)
            marks.append((start, start + len(text), style))
            offset += len(text)
            return start

        for index, entry in enumerate(self.entries):
            if isinstance(entry, Shown):
                start = add(_one_line(entry.unit.text), f"fold--{entry.kind}")
                values += [
                    (start + a - entry.unit.start, start + b - entry.unit.start, "fold--value")
                    for a, b in entry.values
                ]
                sign = "\u2260" if entry.kind == "differs" else "\u25c6"
            else:
                is_open = entry.start in self.opened
                start = add(f"\u00b7\u00b7\u00b7 {entry.label}", "fold--line")
                if is_open:
                    for unit in entry.units:
                        add(_one_line(unit.text), "fold--open")
                sign = "\u25be" if is_open else "\u25b8"
            if index == self.cursor:
                marks.append((start, offset, "fold--cursor"))
            placed.append(Placed(start, offset, sign))
            gaps.append(offset)
        return "".join(parts), marks + values, placed, gaps

    def render_entries(self) -> None:
        """Build the pane's styled text; wrap it again only when the text itself changed."""
        text, marks, placed, gaps = self._lay_out()
        style = self.screen.get_visual_style
        new_text = text != self.text_content.plain or frozenset(gaps) != self.gaps
        self.text_content = Content(text, [Span(start, end, style(name)) for start, end, name in marks])
        self.placed = placed
        self._starts = [p.start for p in placed]
        self.gaps = frozenset(gaps)
        if new_text:
            self._width = 0
            self._wrap()
        self.refresh()

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width or self.width_hint
        if width == self._width and self.rows:
            return
        self._width = width
        self.rows = wrap_rows(self.text_content.plain, max(width - GUTTER, 1), self.gaps)
        # Room below the text (as vimdiff's filler lines), so that any entry, even the last,
        # can be scrolled up to the row where the other panes show their statement.
        self.virtual_size = Size(width, len(self.rows) + max(self.app.size.height - 4, 1))

    def entry_at_offset(self, offset: int) -> int:
        """The entry holding a text offset."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.visual_style
        number = int(self.scroll_offset.y) + y
        if number >= len(self.rows) or width <= 0:
            return Strip.blank(width, base.rich_style)
        row = self.rows[number]
        gutter = (base + self.screen.get_visual_style("fold--gutter")).rich_style
        sign = cursor = " "
        if row.line >= 0 and self.placed:
            index = self.entry_at_offset(row.start)
            sign = self.placed[index].sign
            cursor = "\u25b6" if index == self.cursor else " "
        segments = [
            Segment(cursor, gutter),
            Segment(sign, gutter),
            Segment(" ", base.rich_style),
            *draw_row(self.text_content, row, width - GUTTER, base),
        ]
        return line_strip(segments, width, base)

    # ------------------------------------------------------------------ moving

    def action_step(self, direction: int) -> None:
        """Move the cursor to the next or previous entry and keep it in view."""
        if not self.entries:
            return
        self.move_to(min(max(self.cursor + direction, 0), len(self.entries) - 1))
        self.post_message(self.CursorMoved(self))

    def action_pages(self, direction: int) -> None:
        """Scroll by a screenful."""
        self.scroll_to(
            y=self.scroll_y + direction * max(self.size.height - 1, 1), animate=False, immediate=True
        )

    def move_to(self, index: int) -> None:
        """Put the cursor on an entry and scroll it into view."""
        self.set_cursor(index)
        y = self.entry_y(index)
        height = self.scrollable_content_region.height
        if y < self.scroll_y or y >= self.scroll_y + height - 1:
            self.scroll_to(y=max(y - ALIGN_ROW, 0), animate=False, immediate=True)

    def set_cursor(self, index: int) -> None:
        """Put the cursor on an entry without scrolling (the screen lines the panes up)."""
        self.cursor = index
        self.render_entries()

    def entry_y(self, index: int) -> int:
        """The text row where an entry starts."""
        if not self.placed or not self.rows:
            return 0
        starts = [row.start for row in self.rows]
        return max(bisect_right(starts, self.placed[index].start) - 1, 0)

    def cursor_row(self) -> int:
        """The viewport row of the cursor's entry."""
        return self.entry_y(self.cursor) - int(self.scroll_y)

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

    def action_open(self) -> None:
        """Open or close the fold under the cursor; on a statement, go back to the panes at it."""
        if not self.entries:
            return
        entry = self.entries[self.cursor]
        if isinstance(entry, Fold):
            self.opened ^= {entry.start}
            self.render_entries()
        elif entry.clusters:
            self.post_message(self.StatementChosen(self, entry.clusters[0]))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        number = int(self.scroll_y) + offset.y
        if 0 <= number < len(self.rows) and self.rows[number].line >= 0:
            index = self.entry_at_offset(self.rows[number].start)
            if index == self.cursor:
                self.action_open()
            else:
                self.move_to(index)
                self.post_message(self.CursorMoved(self))


def _one_line(text: str) -> str:
    """A statement on one line, its length unchanged (value offsets stay right)."""
    return text.replace("\n", " ")


class FoldScreen(Screen[str | None]):
    """The shown sources folded to what differs; Esc (or d) goes back with the current discrepancy."""

    COMPONENT_CLASSES: ClassVar[set[str]] = Screen.COMPONENT_CLASSES | FOLD_CLASSES

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
        for pane in self.panes:  # each pane's border takes 2 cells
            pane.width_hint = max(self.app.size.width // len(self.panes) - 2, 10)
        self.focused_index = next((i for i, a in enumerate(articles) if a == focused), 0)
        self.cluster = cluster
        self.discrepancies = [c.id for c in comparison.clusters if c.kind == "discrepancy"]

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                "Only what differs: \u2260 differing \u00b7 \u25c6 unique \u00b7 \u25b8 folded agreed text  "
                "Enter open \u00b7 ] [ discrepancies \u00b7 u unique \u00b7 Tab source \u00b7 Esc back"
            ),
            classes="glance-legend",
        )
        with Horizontal(id="fold-panes"):
            yield from self.panes

    def on_mount(self) -> None:
        self.panes[self.focused_index].focus()
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
            pane.scroll_to(y=y - row, animate=False, immediate=True)

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
        self.panes[self.focused_index].focus()
