"""One source's article: a header and a scrolling column of text blocks.

A block is one widget holding a run of paragraphs (a blank row between them) up to a few
thousand characters; boilerplate paragraphs get blocks of their own so they can be hidden.
Few widgets matter: every widget costs time to mount, style and lay out, and opening the
reader with one widget per paragraph took more than twice as long. A block renders its text
as one ``Content`` built in a single pass from the core's marks, layered so that nested marks
read correctly, with colours taken from TCSS component classes (theme-aware). A two-cell
gutter beside every row repeats what the colours say (current statement, support count,
discrepancy, unique, boilerplate) so nothing depends on colour alone.

A huge article (megabytes) would freeze the reader for seconds if Textual wrapped every
block on the first layout, so such a pane gives its blocks fixed heights: estimated from
their length, made exact by wrapping only the blocks that come into view; and its blocks
draw only the rows on screen (``LazyText``), so few large blocks cost little to repaint.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from math import ceil
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.events import Click, MouseScrollDown, MouseScrollUp, Resize
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from tui.app.widgets.lazy_text import LazyText, Row
from tui.core.load.sanitize import visible_text
from tui.core.story import Article

if TYPE_CHECKING:
    from tui.core.model import Mark
    from tui.core.views.filler import Anchor

BLOCK_CHARS = 6000
"""Paragraphs are grouped into blocks of up to this many characters, and longer ones cut."""

LARGE_ARTICLE = 200_000
"""Above this many characters a pane sizes its blocks itself (see ``ArticlePane.measure``):
letting Textual wrap every block on the first layout froze the reader for seconds."""

GUESS_WIDTH = 72
"""Body width assumed for the first estimates, before the first layout tells the real one."""

WRAP_SLACK = 3
"""Cells a wrapped line loses on average to the word that did not fit (height estimates)."""

LARGE_MAX_BLOCKS = 40
"""Block limit for huge articles: every widget costs time on each layout and focus change (Tab
restyles every widget of both panes), while a block draws only its rows in view and costs its
wrapping (about 10 ms per 100 kB) once, when it first comes into view."""

LAYERS: dict[str, int] = {
    "boilerplate": 0,
    "shared": 1,
    "unique": 1,
    "discrepancy": 2,
    "phrase": 3,
    "value": 4,
    "mention": 5,
}
"""Paint order of nested marks: later layers are drawn over earlier ones."""


class BlockRange(NamedTuple):
    """The text range of one block, and the paragraph ends inside it (a blank row follows)."""

    start: int
    end: int
    gaps: tuple[int, ...]


END_ANCHOR = "\x00end"
"""The key of the anchor every pane has at the end of its text."""


class Sign(NamedTuple):
    """A gutter mark for the rows a text range covers; the highest rank wins a cell."""

    start: int
    end: int
    column: int
    rank: int
    text: str
    style: Style


HIGHLIGHT_CLASSES = frozenset(
    {
        "mark--boilerplate",
        "mark--shared",
        "mark--unique",
        "mark--discrepancy",
        "mark--phrase",
        "mark--value",
        "mark--mention",
        "mark--entity-focus",
        "mark--search",
        "mark--current",
        "gutter--current",
        "gutter--shared",
        "gutter--discrepancy",
        "gutter--unique",
        "gutter--boilerplate",
    }
)
"""The highlight styles (TCSS component classes of the screen holding the panes).

They live on the screen, not on every pane: Textual resolves a widget's component classes
each time it restyles it, and it restyles a pane and everything in it whenever focus moves
in or out. Fifteen classes on each pane made up a tenth of the time to the first frame.
"""


@dataclass(frozen=True)
class Overlay:
    """A transient highlight drawn over the marks (search match, focused entity)."""

    start: int
    end: int
    kind: str


def block_ranges(article: Article, max_blocks: int | None = None) -> tuple[BlockRange, ...]:
    """Group an article's paragraphs into the ranges that become one block widget each.

    Blocks hold up to ``BLOCK_CHARS`` characters (more when ``max_blocks`` caps their number);
    longer paragraphs are cut at word boundaries, and boilerplate never shares a block with
    the story's text, so hiding boilerplate hides whole blocks.
    """
    text = article.text
    target = max(len(text) // max_blocks, BLOCK_CHARS) if max_blocks else BLOCK_CHARS
    groups: list[list[tuple[int, int]]] = []
    kinds: list[bool] = []
    for start, end in list(article.paragraphs) or _lines(text):
        boilerplate = article.is_boilerplate(start, end)
        for piece in _cut(text, start, end, target):
            if groups and kinds[-1] == boilerplate and piece[1] - groups[-1][0][0] <= target:
                groups[-1].append(piece)
            else:
                groups.append([piece])
                kinds.append(boilerplate)
    return tuple(_block_range(text, group) for group in groups)


def _block_range(text: str, pieces: list[tuple[int, int]]) -> BlockRange:
    start = pieces[0][0]
    gaps = tuple(
        end - start
        for (_, end), (after, _) in zip(pieces, pieces[1:], strict=False)
        if "\n" in text[end:after]
    )
    return BlockRange(start, pieces[-1][1], gaps)


def _lines(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            ranges.append((position, position + len(line)))
        position += len(line) + 1
    return ranges


def _cut(text: str, start: int, end: int, size: int) -> Iterable[tuple[int, int]]:
    while end - start > size:
        limit = start + size
        space = text.rfind(" ", start + size // 2, limit)
        split = space + 1 if space != -1 else limit
        yield start, split
        start = split
    if end > start:
        yield start, end


def _kind_sign(mark: Mark) -> tuple[str, str, int] | None:
    """The gutter glyph of a statement mark, its style name and rank (the highest rank wins a
    cell): the support count of a shared statement (+ for 10 or more), ≠, or ◆."""
    if mark.kind == "shared" and mark.support > 1:
        return ("+" if mark.support > 9 else str(mark.support), "gutter--shared", 10 + min(mark.support, 10))
    if mark.kind == "discrepancy":
        return "≠", "gutter--discrepancy", 30
    if mark.kind == "unique":
        return "◆", "gutter--unique", 2
    return None


class Block(LazyText):
    """A run of paragraphs (or part of a long one): the highlighted text with its gutter."""

    GUTTER = 3
    """Two mark cells (current statement; support, discrepancy, unique or boilerplate), a space."""

    MARK_CELLS = 2
    """The cells that hold marks; the rest of the gutter is space before the text."""

    def __init__(self, index: int, span: BlockRange, text: str) -> None:
        # The plain text goes in at once so the first layout wraps it (once; a huge pane
        # fixes the heights instead); highlights are painted over it without resizing it.
        super().__init__(Content(text), gaps=span.gaps, classes="block")
        self.index = index
        self.start = span.start
        self.end = span.end
        self.signs: tuple[Sign, ...] = ()
        """Gutter marks, offsets relative to the block (set with the highlights)."""
        self.measured = 0
        """Content width its fixed height was wrapped at (0: the height is an estimate)."""
        self._line_lengths: list[int] | None = None
        self._gutter_rows: tuple[list[Row], tuple[Sign, ...], list[list[Sign | None]]] | None = None

    def estimate(self, width: int) -> int:
        """Rows the text needs at content ``width``, without wrapping it (cheap, close enough)."""
        if self._line_lengths is None:
            self._line_lengths = [len(line) for line in str(self.content).split("\n")]
        usable = max(width - self.GUTTER - WRAP_SLACK, 1)
        rows = sum(max(ceil(length / usable), 1) for length in self._line_lengths)
        return rows + len(self.gaps)

    def set_highlights(self, content: Content, signs: tuple[Sign, ...]) -> None:
        """Show new highlights and gutter marks; the text (so the height) is unchanged."""
        self.signs = signs
        self.update(content, layout=False)

    def gutter_cells(self, y: int, width: int) -> list[Segment]:
        cells = self._row_signs(width)[y]
        return [
            *(Segment(sign.text, sign.style.rich_style) if sign else Segment(" ") for sign in cells),
            Segment(" " * (self.GUTTER - self.MARK_CELLS)),
        ]

    def _row_signs(self, width: int) -> list[list[Sign | None]]:
        rows = self.rows(width)
        cached = self._gutter_rows
        if cached is not None and cached[0] is rows and cached[1] is self.signs:
            return cached[2]
        cells: list[list[Sign | None]] = [[None] * self.MARK_CELLS for _ in rows]
        for sign in self.signs:
            first = self.row_of(sign.start, width)
            last = self.row_of(max(sign.end - 1, sign.start), width)
            for number in range(first, last + 1):
                held = cells[number][sign.column]
                if rows[number].line >= 0 and (held is None or sign.rank > held.rank):
                    cells[number][sign.column] = sign
        self._gutter_rows = (rows, self.signs, cells)
        return cells


class PaneScroll(VerticalScroll):
    """The scrolling column of one pane; owns the reading keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "lines(1)", "Scroll down", show=False),
        Binding("k,up", "lines(-1)", "Scroll up", show=False),
        Binding("pagedown", "pages(1)", "Page down", show=False),
        Binding("pageup", "pages(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]
    """Reading keys (vim and less conventions); they act on the focused pane."""

    class Moved(Message):
        """The user scrolled this pane (a key or the mouse wheel): the place they read is now here."""

    def action_lines(self, count: int) -> None:
        """Scroll by whole lines, without animation so synced panes follow exactly."""
        self.post_message(self.Moved())
        self.scroll_to(y=self.scroll_y + count, animate=False, immediate=True)

    def action_pages(self, count: int) -> None:
        """Scroll by one screenful, keeping one line of context."""
        self.post_message(self.Moved())
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_y + count * step, animate=False, immediate=True)

    def action_top(self) -> None:
        """Go to the start of the article."""
        self.post_message(self.Moved())
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the end of the article."""
        self.post_message(self.Moved())
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _on_mouse_scroll_down(self, event: MouseScrollDown) -> None:
        self.post_message(self.Moved())
        super()._on_mouse_scroll_down(event)

    def _on_mouse_scroll_up(self, event: MouseScrollUp) -> None:
        self.post_message(self.Moved())
        super()._on_mouse_scroll_up(event)


class ArticlePane(Vertical):
    """A source's header (outlet, title, date) above its scrolling, highlighted text."""

    @dataclass
    class StatementClicked(Message):
        """The user clicked a highlighted statement: make its cluster current."""

        pane: ArticlePane
        cluster_id: str
        offset: int

    @dataclass
    class WidthChanged(Message):
        """The pane's text width changed: its rows (so the alignment filler) change."""

        pane: ArticlePane

    def __init__(self, article: Article, index: int, name: str | None = None) -> None:
        super().__init__(id=f"pane-{index}", classes="pane")
        self.article = article
        self.pane_index = index
        self.name_shown = name or article.label
        """The source's name in the title (``tui.core.views.names``)."""
        self.sized = len(article.text) > LARGE_ARTICLE
        """True for huge articles: blocks get fixed heights, wrapped only when seen."""
        self.ranges = block_ranges(article, LARGE_MAX_BLOCKS if self.sized else None)
        self._starts = [span.start for span in self.ranges]
        self.marks: tuple[Mark, ...] = ()
        self._block_marks: list[list[Mark]] = [[] for _ in self.ranges]
        self._cluster_blocks: dict[str, set[int]] = {}
        self._entity_blocks: dict[str, set[int]] = {}
        self._overlays: list[list[Overlay]] = [[] for _ in self.ranges]
        self.current_cluster: str | None = None
        self.focus_entity: str | None = None
        self.show_boilerplate = True
        self._styled = False
        """False until mounted: component-class styles resolve only once CSS applies."""
        self.cursor: int = -1
        """Text offset of the last highlight visited with n/N in this pane."""
        self._width = 0
        self._pane_width = 0
        self.pads: dict[int, int] = {}
        """Filler rows before text offsets that keep aligned statements level with the other panes."""

    @cached_property
    def blocks(self) -> list[Block]:
        """The block widgets, built when first needed: a story of hundreds of sources shows
        a few panes, and building every pane's widgets up front delayed the first frame."""
        text = self.article.text
        blocks = [Block(i, span, text[span.start : span.end]) for i, span in enumerate(self.ranges)]
        if self.sized:
            for block in blocks:
                block.styles.height = block.estimate(GUESS_WIDTH)
        return blocks

    @cached_property
    def scroller(self) -> PaneScroll:
        """The scrolling column holding the blocks (owns the reading keys)."""
        return PaneScroll(*self.blocks, classes="pane-scroll")

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(self.article.title or self.article.id, "bold"), classes="pane-header")
        yield self.scroller

    def on_mount(self) -> None:
        self.border_title = Content(self.name_shown)
        self.border_subtitle = Content(self._subtitle())
        self._styled = True
        self.render_blocks()
        if self.sized:
            self.watch(self.scroller, "scroll_y", self._scrolled, init=False)

    def rename(self, name: str) -> None:
        """Show the source under a new name (the whole story's names are known later than its
        first panes), in place: the text and its scroll are left alone."""
        if name == self.name_shown:
            return
        self.name_shown = name
        if self.is_mounted:
            self.border_title = Content(name)
            self.border_subtitle = Content(self._subtitle())

    def on_resize(self, event: Resize) -> None:
        if self.sized:
            self.call_after_refresh(self.measure)  # the bodies' new width is known then
        if event.size.width != self._pane_width:
            self._pane_width = event.size.width
            self.post_message(self.WidthChanged(self))

    def measure(self) -> None:
        """Size every block for the current body width without wrapping the whole article.

        Each block's height is estimated from its length (no wrapping); the blocks on screen
        are then wrapped for their exact height, and so is every block scrolled into view
        later. Heights are fixed, so layout never wraps text (that froze huge articles).
        """
        width = self._body_width()
        if not width or width == self._width:
            return
        reading = self.offset_at_top() if self._width and self.scroller.scroll_y > 0 else None
        self._width = width
        for block in self.blocks:
            block.measured = 0
            block.styles.height = block.estimate(width)
        if reading is None:
            self._measure_visible()
        else:  # keep the same text at the top once the new heights are laid out
            self.call_after_refresh(self.scroll_to_offset, reading, margin=0)

    def _scrolled(self) -> None:
        if self._width:
            self._measure_visible()

    def _measure_visible(self) -> None:
        width = self._width
        top = self.scroller.scroll_y
        bottom = top + self.scroller.scrollable_content_region.height
        heights = {
            block.index: block.wrapped_height(width)
            for block in self.blocks
            if block.measured != width
            and block.display
            and (region := block.virtual_region).bottom > top
            and region.y < bottom
        }
        if heights:
            self._apply_heights(width, heights)

    def _apply_heights(self, width: int, heights: dict[int, int]) -> None:
        """Set exact heights, keeping the text at the top of the viewport where it was."""
        if width != self._width:
            return
        scroller = self.scroller
        top = scroller.scroll_y
        at_end = top > 0 and top >= scroller.max_scroll_y
        shift = 0
        for index, height in heights.items():
            block = self.blocks[index]
            if block.measured == width:
                continue
            block.measured = width
            old = int(block.styles.height.value) if block.styles.height else 0
            if height != old:
                if block.display and block.virtual_region.bottom <= top:
                    shift += height - old
                block.styles.height = height
        if at_end:
            self.call_after_refresh(self._keep_end, top)
        elif shift:
            scroller.scroll_to(y=top + shift, animate=False, immediate=True)
        self.call_after_refresh(self._measure_visible)  # a shorter block shows the next one

    def _keep_end(self, y: float) -> None:
        """Stay at the very end after the last blocks grew, unless something scrolled since."""
        if self.scroller.scroll_y == y:
            self.scroller.scroll_end(animate=False, immediate=True)

    def _body_width(self) -> int:
        for block in self.blocks:
            if block.display and block.size.width:
                return block.content_size.width
        return 0

    def _subtitle(self) -> str:
        """The bottom border: date, whether the title is the editor's, and the file when the
        source has no better name."""
        article = self.article
        parts = [article.date or "date unknown"]
        if article.title_is_editorial:
            parts.append("editorial title")
        if self.name_shown.startswith("Source "):
            parts.append(Path(article.path).name or article.id)
        return visible_text(" · ".join(parts))  # a file name from the story folder is untrusted

    def on_click(self, event: Click) -> None:
        block = event.widget
        if not isinstance(block, Block) or (offset := event.get_content_offset(block)) is None:
            return
        at = block.offset_at(offset.x, offset.y)
        if at is None:
            return
        at += block.start
        statements = [
            m
            for m in self._block_marks[block.index]
            if m.cluster is not None
            and m.kind in ("discrepancy", "shared", "unique")
            and m.start <= at < m.end
        ]
        if statements:
            order = {"discrepancy": 0, "shared": 1, "unique": 2}
            mark = min(statements, key=lambda m: (order[m.kind], m.start))
            self.post_message(self.StatementClicked(self, mark.cluster or "", mark.start))

    # ----------------------------------------------------------------- state from the screen

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Install the article's highlights and repaint every block."""
        self.marks = tuple(sorted(marks, key=lambda m: (m.start, -m.end)))
        self._block_marks = [[] for _ in self.ranges]
        self._cluster_blocks = {}
        self._entity_blocks = {}
        for mark in self.marks:
            for index in self._blocks_between(mark.start, mark.end):
                self._block_marks[index].append(mark)
                if mark.cluster is not None:
                    self._cluster_blocks.setdefault(mark.cluster, set()).add(index)
                if mark.kind == "mention" and mark.entity is not None:
                    self._entity_blocks.setdefault(mark.entity, set()).add(index)
        for marks in self._block_marks:
            marks.sort(key=lambda m: LAYERS.get(m.kind, 1))
        self.render_blocks()

    def set_current_cluster(self, cluster_id: str | None) -> None:
        """Emphasise one cluster's statements; repaint only the blocks that change."""
        old, self.current_cluster = self.current_cluster, cluster_id
        changed = self._cluster_blocks.get(old or "", set()) | self._cluster_blocks.get(
            cluster_id or "", set()
        )
        self.render_blocks(changed)

    def set_entity_focus(self, entity_id: str | None) -> None:
        """Emphasise every mention of one entity (None: no entity is focused)."""
        old, self.focus_entity = self.focus_entity, entity_id
        self.render_blocks(
            self._entity_blocks.get(old or "", set()) | self._entity_blocks.get(entity_id or "", set())
        )

    def set_overlays(self, kind: str, spans: Sequence[tuple[int, int]]) -> None:
        """Replace one kind of overlay (e.g. search matches) and repaint affected blocks."""
        changed: set[int] = set()
        for index, overlays in enumerate(self._overlays):
            if any(o.kind == kind for o in overlays):
                self._overlays[index] = [o for o in overlays if o.kind != kind]
                changed.add(index)
        for start, end in spans:
            for index in self._blocks_between(start, end):
                self._overlays[index].append(Overlay(start, end, kind))
                changed.add(index)
        self.render_blocks(changed)

    def set_show_boilerplate(self, show: bool) -> None:
        """Show boilerplate blocks (dimmed) or hide the blocks that are only boilerplate."""
        self.show_boilerplate = show
        if "blocks" not in self.__dict__:
            return  # not built yet: render_blocks hides them when they are
        for block in self.blocks:
            if self.article.is_boilerplate(block.start, block.end):
                block.display = show

    # ----------------------------------------------------------------------- geometry

    def block_at(self, offset: int) -> Block:
        """The block holding a text offset."""
        return self.blocks[max(bisect_right(self._starts, offset) - 1, 0)]

    def _blocks_between(self, start: int, end: int) -> range:
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(end - 1, start)) - 1, first)
        return range(first, min(last + 1, len(self.ranges)))

    def offset_y(self, offset: int, *, exact: bool = False) -> float:
        """Where a text offset sits in the scroll area.

        The row comes from the block's wrap when it has one at this width (every block of an
        ordinary article); a huge pane's blocks not yet seen estimate it from the character
        position, unless ``exact`` asks for the wrap (the one statement a jump lands on).
        """
        block = self.block_at(offset)
        region = block.virtual_region
        before = min(max(offset - block.start, 0), block.end - block.start)
        width = block.size.width
        if width > 0 and (exact or block.has_rows(width)):
            return region.y + min(block.row_of(before, width), max(region.height - 1, 0))
        fraction = before / max(block.end - block.start, 1)
        return region.y + fraction * max(region.height - 1, 0)

    def offset_at_top(self) -> int:
        """The text offset shown at the top of the viewport (estimated in unwrapped blocks)."""
        y = self.scroller.scroll_y
        for block in self.blocks:
            region = block.virtual_region
            if not block.display or region.bottom <= y:
                continue
            width, row = block.size.width, int(max(y - region.y, 0))
            if width > 0 and block.has_rows(width) and row < len(rows := block.rows(width)):
                return block.start + rows[row].start
            fraction = max(y - region.y, 0) / max(region.height, 1)
            return block.start + int(fraction * (block.end - block.start))
        return len(self.article.text)

    def scroll_to_offset(self, offset: int, *, margin: int = 1) -> None:
        """Scroll so a text offset is near the top of the viewport."""
        self.scroller.scroll_to(
            y=max(self.offset_y(offset, exact=True) - margin, 0), animate=False, immediate=True
        )

    def is_offset_visible(self, offset: int) -> bool:
        """True when the line holding a text offset is inside the viewport."""
        y = self.offset_y(offset, exact=True)
        top = self.scroller.scroll_y
        return top <= y < top + self.scroller.scrollable_content_region.height

    # ------------------------------------------------------------------- alignment filler

    def anchors(self, starts: Mapping[str, int]) -> list[Anchor] | None:
        """Where the statements starting at ``starts`` (key -> text offset) sit in rows without
        filler, with their paragraphs' first rows; None until the pane is laid out (or for a
        huge pane, whose rows are estimates)."""
        if self.sized or "blocks" not in self.__dict__:
            return None
        from tui.core.views.filler import Anchor

        tops: dict[int, int] = {}
        y = 0
        for block in self.blocks:
            if not block.display:
                continue
            width = block.size.width
            if width <= 0:
                return None
            tops[block.index] = y
            y += len(block.base_rows(width)) + 1  # the blank margin below every block

        def row(offset: int) -> int | None:
            block = self.block_at(offset)
            top = tops.get(block.index)
            if top is None:
                return None
            return top + block.row_of(offset - block.start, block.size.width, filler=False)

        last = next((block for block in reversed(self.blocks) if block.display), None)
        if last is None:
            return None
        # The end of the text is an anchor too: every pane then ends on the same row, so G
        # (or the end of the leader) is the end of each.
        found = [Anchor(END_ANCHOR, y, last.end, y, last.end)]
        for key, offset in starts.items():
            paragraph = (
                self.article.paragraphs[self.article.paragraph_at(offset)][0]
                if self.article.paragraphs
                else offset
            )
            paragraph = min(paragraph, offset)
            at, before = row(offset), row(paragraph)
            if at is not None and before is not None:
                found.append(Anchor(key, at, offset, before, paragraph))
        return found

    def set_pads(self, pads: Mapping[int, int]) -> bool:
        """Draw filler rows before text offsets (offset -> rows); True if anything changed."""
        if dict(pads) == self.pads:
            return False
        self.pads = dict(pads)
        if "blocks" not in self.__dict__:
            return True
        per_block: list[dict[int, int]] = [{} for _ in self.blocks]
        for offset, count in self.pads.items():
            block = self.block_at(offset)
            per_block[block.index][offset - block.start] = count
        for block, block_pads in zip(self.blocks, per_block, strict=True):
            block.set_pads(block_pads)
        return True

    # ---------------------------------------------------------------------- rendering

    def render_blocks(self, indexes: Iterable[int] | None = None) -> None:
        """Rebuild the Content of some blocks (all when ``indexes`` is None).

        Highlights never change a block's text, so never its size: no layout pass is needed
        (wrapping a huge article is the expensive part of opening it).
        """
        if not self._styled:
            return
        styles = {name: self.screen.get_visual_style(name) for name in HIGHLIGHT_CLASSES}
        targets = range(len(self.blocks)) if indexes is None else sorted(indexes)
        for index in targets:
            block = self.blocks[index]
            block.set_highlights(*self._render_block(index, styles))
            if not self.show_boilerplate and self.article.is_boilerplate(block.start, block.end):
                block.display = False

    def _render_block(self, index: int, styles: dict[str, Style]) -> tuple[Content, tuple[Sign, ...]]:
        block = self.blocks[index]
        offset = block.start
        spans: list[Span] = []
        top_spans: list[Span] = []
        signs: list[Sign] = []

        def add(target: list[Span], start: int, end: int, name: str) -> None:
            start, end = max(start, block.start), min(end, block.end)
            if end > start:
                target.append(Span(start - offset, end - offset, styles[name]))

        def sign(start: int, end: int, column: int, rank: int, text: str, name: str) -> None:
            start, end = max(start, block.start), min(end, block.end)
            if end > start:
                signs.append(Sign(start - offset, end - offset, column, rank, text, styles[name]))

        for item in self.article.boilerplate:
            if item.start < block.end and item.end > block.start:
                add(spans, item.start, item.end, "mark--boilerplate")
                sign(item.start, item.end, 1, 1, "·", "gutter--boilerplate")
        for mark in self._block_marks[index]:
            add(spans, mark.start, mark.end, f"mark--{mark.kind}")
            current = self.current_cluster is not None and mark.cluster == self.current_cluster
            kind = _kind_sign(mark)
            if kind is not None:
                # A row of the current fact says what that fact is, whatever else shares it.
                text, name, rank = kind
                sign(mark.start, mark.end, 1, rank + (100 if current else 0), text, name)
            if mark.kind == "mention" and self.focus_entity and mark.entity == self.focus_entity:
                add(top_spans, mark.start, mark.end, "mark--entity-focus")
            if current:
                sign(mark.start, mark.end, 0, 1, "▶", "gutter--current")
                if mark.kind != "value":
                    add(top_spans, mark.start, mark.end, "mark--current")
        for overlay in self._overlays[index]:
            add(top_spans, overlay.start, overlay.end, f"mark--{overlay.kind}")
        for mark in self._block_marks[index]:
            if mark.kind == "value":  # the differing value must stand out even when current
                add(top_spans, mark.start, mark.end, "mark--value")
        body = Content(self.article.text[block.start : block.end], spans + top_spans)
        return body, tuple(signs)

    def gutter_at(self, offset: int) -> str:
        """The two mark cells drawn beside the row holding a text offset."""
        block = self.block_at(offset)
        width = block.size.width
        cells = block.gutter_cells(block.row_of(offset - block.start, width), width)
        return "".join(segment.text for segment in cells[: block.MARK_CELLS])
