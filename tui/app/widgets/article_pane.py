"""One source's article: a header and a scrolling column of paragraph blocks.

Each block is one paragraph (long paragraphs are cut at word boundaries, and very long
articles group short paragraphs, so the widget count stays bounded). A block renders its
text as one ``Content`` built in a single pass from the core's marks, layered so that nested
marks read correctly, with colours taken from TCSS component classes (theme-aware). A
two-cell gutter beside the block repeats what the colours say (support count, discrepancy,
unique, current) so nothing depends on colour alone.

A huge article (megabytes) would freeze the reader for seconds if Textual wrapped every
block on the first layout, so such a pane gives its blocks fixed heights: estimated from
their length, made exact by wrapping only the blocks that come into view; and its blocks
draw only the rows on screen (``LazyText``), so few large blocks cost little to repaint.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import ceil

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Click, Resize
from textual.message import Message
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Static

from tui.app.widgets.lazy_text import LazyText
from tui.core.model import Article, Mark

BLOCK_MAX_CHARS = 1500
"""Paragraphs longer than this are cut into several blocks, so no single widget re-wraps a
huge run of text when one highlight inside it changes."""

MAX_BLOCKS = 600
"""Above this many paragraphs, neighbours are grouped into one block: thousands of widgets
per pane would make mounting and layout slow on huge articles."""

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


@dataclass(frozen=True)
class Overlay:
    """A transient highlight drawn over the marks (search match, focused entity)."""

    start: int
    end: int
    kind: str


def block_ranges(article: Article, max_blocks: int = MAX_BLOCKS) -> tuple[tuple[int, int], ...]:
    """Cut an article into the (start, end) ranges that become one block widget each."""
    text = article.text
    paragraphs = list(article.paragraphs) or _lines(text)
    pieces: list[tuple[int, int]] = []
    for start, end in paragraphs:
        pieces.extend(_cut(text, start, end))
    if len(pieces) <= max_blocks:
        return tuple(pieces)
    target = max(len(text) // max_blocks, BLOCK_MAX_CHARS)
    grouped: list[tuple[int, int]] = []
    for start, end in pieces:
        if grouped and end - grouped[-1][0] <= target:
            grouped[-1] = (grouped[-1][0], end)
        else:
            grouped.append((start, end))
    return tuple(grouped)


def _lines(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            ranges.append((position, position + len(line)))
        position += len(line) + 1
    return ranges


def _cut(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while end - start > BLOCK_MAX_CHARS:
        limit = start + BLOCK_MAX_CHARS
        space = text.rfind(" ", start + BLOCK_MAX_CHARS // 2, limit)
        split = space + 1 if space != -1 else limit
        yield start, split
        start = split
    if end > start:
        yield start, end


class Block(Horizontal):
    """One paragraph (or part of one): a gutter and the highlighted text."""

    def __init__(self, index: int, start: int, end: int, text: str, *, lazy: bool = False) -> None:
        super().__init__(classes="block")
        self.index = index
        self.start = start
        self.end = end
        self.marks_column = Static("", classes="gutter", markup=False)
        # The plain text goes in at once so the first layout wraps it (once; a huge pane
        # fixes the heights instead); highlights are painted over it without resizing it.
        # A huge pane's blocks draw only their rows in view (see LazyText).
        self.body: Static = (LazyText(Content(text), classes="body") if lazy
                             else Static(Content(text), classes="body", markup=False))
        self.measured = 0
        """Body width its fixed height was wrapped at (0: the height is an estimate)."""
        self._line_lengths: list[int] | None = None

    def estimate(self, width: int) -> int:
        """Rows the text needs at ``width``, without wrapping it (cheap, close enough)."""
        if self._line_lengths is None:
            self._line_lengths = [len(line) for line in str(self.body.content).split("\n")]
        usable = max(width - WRAP_SLACK, 1)
        return sum(max(ceil(length / usable), 1) for length in self._line_lengths)

    def compose(self) -> ComposeResult:
        yield self.marks_column
        yield self.body


def _wrapped_height(body: Static, width: int) -> int:
    if isinstance(body, LazyText):
        return body.wrapped_height(width)  # kept: drawing the rows reuses this wrap
    return Content(str(body.content)).get_height(body.styles, width)


class PaneScroll(VerticalScroll):
    """The scrolling column of one pane; owns the reading keys."""

    BINDINGS: list[BindingType] = [
        Binding("j,down", "lines(1)", "Scroll down", show=False),
        Binding("k,up", "lines(-1)", "Scroll up", show=False),
        Binding("pagedown", "pages(1)", "Page down", show=False),
        Binding("pageup", "pages(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]
    """Reading keys (vim and less conventions); they act on the focused pane."""

    def action_lines(self, count: int) -> None:
        """Scroll by whole lines, without animation so synced panes follow exactly."""
        self.scroll_to(y=self.scroll_y + count, animate=False, immediate=True)

    def action_pages(self, count: int) -> None:
        """Scroll by one screenful, keeping one line of context."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_y + count * step, animate=False, immediate=True)

    def action_top(self) -> None:
        """Go to the start of the article."""
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        """Go to the end of the article."""
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)


class ArticlePane(Vertical):
    """A source's header (outlet, title, date) above its scrolling, highlighted text."""

    COMPONENT_CLASSES = {
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

    @dataclass
    class StatementClicked(Message):
        """The user clicked a highlighted statement: make its cluster current."""

        pane: ArticlePane
        cluster_id: str
        offset: int

    def __init__(self, article: Article, index: int) -> None:
        super().__init__(id=f"pane-{index}", classes="pane")
        self.article = article
        self.pane_index = index
        self.sized = len(article.text) > LARGE_ARTICLE
        """True for huge articles: blocks get fixed heights, wrapped only when seen."""
        ranges = block_ranges(article, LARGE_MAX_BLOCKS if self.sized else MAX_BLOCKS)
        self.blocks = [
            Block(i, start, end, article.text[start:end], lazy=self.sized)
            for i, (start, end) in enumerate(ranges)
        ]
        self._starts = [start for start, _ in ranges]
        self.scroller = PaneScroll(*self.blocks, classes="pane-scroll")
        self.marks: tuple[Mark, ...] = ()
        self._block_marks: list[list[Mark]] = [[] for _ in self.blocks]
        self._cluster_blocks: dict[str, set[int]] = {}
        self._entity_blocks: dict[str, set[int]] = {}
        self._overlays: list[list[Overlay]] = [[] for _ in self.blocks]
        self.current_cluster: str | None = None
        self.focus_entity: str | None = None
        self.show_boilerplate = True
        self._styled = False
        """False until mounted: component-class styles resolve only once CSS applies."""
        self.cursor: int = -1
        """Text offset of the last highlight visited with n/N in this pane."""
        self._width = 0
        if self.sized:
            for block in self.blocks:
                block.body.styles.height = block.estimate(GUESS_WIDTH)

    def compose(self) -> ComposeResult:
        yield Static(self._header(), classes="pane-header", markup=False)
        yield self.scroller

    def on_mount(self) -> None:
        self.border_title = Content(self.article.label)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self._styled = True
        self.render_blocks()
        if self.sized:
            self.watch(self.scroller, "scroll_y", self._scrolled, init=False)

    def on_resize(self, event: Resize) -> None:
        if self.sized:
            self.call_after_refresh(self.measure)  # the bodies' new width is known then

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
            block.body.styles.height = block.estimate(width)
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
            block.index: _wrapped_height(block.body, width)
            for block in self.blocks
            if block.measured != width and block.display
            and (region := block.virtual_region).bottom > top and region.y < bottom
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
            old = int(block.body.styles.height.value) if block.body.styles.height else 0
            if height != old:
                if block.display and block.virtual_region.bottom <= top:
                    shift += height - old
                block.body.styles.height = height
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
            if block.display and block.body.size.width:
                return block.body.content_size.width
        return 0

    def _header(self) -> Content:
        article = self.article
        parts: list[str | tuple[str, str]] = [(article.title or article.id, "bold")]
        if article.title_is_editorial:
            parts.append((" (editorial title)", "italic"))
        if article.date:
            parts.append(("\n" + article.date, "dim"))
        return Content.assemble(*parts)

    def on_click(self, event: Click) -> None:
        block = event.widget.parent if event.widget is not None else None
        if not isinstance(block, Block):
            return
        statements = [m for m in self._block_marks[block.index]
                      if m.cluster is not None and m.kind in ("discrepancy", "shared", "unique")]
        if statements:
            order = {"discrepancy": 0, "shared": 1, "unique": 2}
            mark = min(statements, key=lambda m: (order[m.kind], m.start))
            self.post_message(self.StatementClicked(self, mark.cluster or "", mark.start))

    def _theme_changed(self) -> None:
        # The new theme's CSS is applied after this refresh; resolve colours then.
        self.call_after_refresh(self.render_blocks)

    # ----------------------------------------------------------------- state from the screen

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Install the article's highlights and repaint every block."""
        self.marks = tuple(sorted(marks, key=lambda m: (m.start, -m.end)))
        self._block_marks = [[] for _ in self.blocks]
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
        self.render_blocks(self._entity_blocks.get(old or "", set())
                           | self._entity_blocks.get(entity_id or "", set()))

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
        return range(first, min(last + 1, len(self.blocks)))

    def offset_y(self, offset: int, *, exact: bool = False) -> float:
        """Where a text offset sits in the scroll area.

        Inside a wrapped block the line is estimated from the character position (cheap
        enough for the many anchors of synced scrolling); ``exact`` re-wraps the text before
        the offset to find its line, for the one statement a jump lands on.
        """
        block = self.block_at(offset)
        region = block.virtual_region
        before = min(max(offset - block.start, 0), block.end - block.start)
        width = block.body.content_region.width
        if exact and before and width > 0 and isinstance(block.body, LazyText):
            row = block.body.row_of(before, width)
            return region.y + min(row, max(region.height - 1, 0))
        if exact and before and width > 0:
            lines = Content(self.article.text[block.start : block.start + before]).wrap(width)
            return region.y + min(max(len(lines) - 1, 0), max(region.height - 1, 0))
        fraction = before / max(block.end - block.start, 1)
        return region.y + fraction * max(region.height - 1, 0)

    def offset_at_top(self) -> int:
        """The text offset shown at the top of the viewport (estimated inside a block)."""
        y = self.scroller.scroll_y
        for block in self.blocks:
            region = block.virtual_region
            if not block.display or region.bottom <= y:
                continue
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

    # ---------------------------------------------------------------------- rendering

    def render_blocks(self, indexes: Iterable[int] | None = None) -> None:
        """Rebuild the Content of some blocks (all when ``indexes`` is None).

        Highlights never change a block's text, so never its size: no layout pass is needed
        (wrapping a huge article is the expensive part of opening it).
        """
        if not self._styled:
            return
        styles = {name: self.get_visual_style(name) for name in self.COMPONENT_CLASSES}
        targets = range(len(self.blocks)) if indexes is None else sorted(indexes)
        for index in targets:
            block = self.blocks[index]
            body, gutter = self._render_block(index, styles)
            block.body.update(body, layout=False)
            block.marks_column.update(gutter, layout=False)
            if not self.show_boilerplate and self.article.is_boilerplate(block.start, block.end):
                block.display = False

    def _render_block(self, index: int, styles: dict[str, Style]) -> tuple[Content, Content]:
        block = self.blocks[index]
        offset = block.start
        spans: list[Span] = []
        top_spans: list[Span] = []
        boilerplate = False
        support = 0
        discrepancy = unique = current = False

        def add(target: list[Span], start: int, end: int, name: str) -> None:
            start, end = max(start, block.start), min(end, block.end)
            if end > start:
                target.append(Span(start - offset, end - offset, styles[name]))

        for item in self.article.boilerplate:
            if item.start < block.end and item.end > block.start:
                add(spans, item.start, item.end, "mark--boilerplate")
                boilerplate = True
        for mark in self._block_marks[index]:
            add(spans, mark.start, mark.end, f"mark--{mark.kind}")
            if mark.kind == "shared":
                support = max(support, mark.support)
            elif mark.kind == "discrepancy":
                discrepancy = True
            elif mark.kind == "unique":
                unique = True
            if mark.kind == "mention" and self.focus_entity and mark.entity == self.focus_entity:
                add(top_spans, mark.start, mark.end, "mark--entity-focus")
            if self.current_cluster is not None and mark.cluster == self.current_cluster:
                current = True
                if mark.kind != "value":
                    add(top_spans, mark.start, mark.end, "mark--current")
        for overlay in self._overlays[index]:
            add(top_spans, overlay.start, overlay.end, f"mark--{overlay.kind}")
        for mark in self._block_marks[index]:
            if mark.kind == "value":  # the differing value must stand out even when current
                add(top_spans, mark.start, mark.end, "mark--value")
        body = Content(self.article.text[block.start : block.end], spans + top_spans)
        return body, self._gutter(styles, current, discrepancy, support, unique, boilerplate)

    @staticmethod
    def _gutter(
        styles: dict[str, Style],
        current: bool,
        discrepancy: bool,
        support: int,
        unique: bool,
        boilerplate: bool,
    ) -> Content:
        first: tuple[str, Style | str] = ("▶", styles["gutter--current"]) if current else (" ", "")
        if discrepancy:
            second: tuple[str, Style | str] = ("≠", styles["gutter--discrepancy"])
        elif support > 1:
            second = ("+" if support > 9 else str(support), styles["gutter--shared"])
        elif unique:
            second = ("◆", styles["gutter--unique"])
        elif boilerplate:
            second = ("·", styles["gutter--boilerplate"])
        else:
            second = (" ", "")
        return Content.assemble(first, second)
