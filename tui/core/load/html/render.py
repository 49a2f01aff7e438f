"""Render chosen elements to lines of text, each with the reason it is boilerplate (or none).

Block elements (paragraphs, headings, list items, quotes, table rows) each become a line,
and so does every line of a ``<pre>``; inline elements join the line they sit in; the cells
of a data table share their row's line, separated by `` · ``. Dropped elements are
skipped; the lines of an aside carry its reason, so the reader can keep them as
boilerplate. The tree's depth is bounded (see ``tree.MAX_DEPTH``), so recursion is safe.
"""

from __future__ import annotations

from tui.core.load.html.hints import DROPPED
from tui.core.load.html.measure import BLOCKS, Stats
from tui.core.load.html.tree import Node

Line = tuple[str, str | None]
"""A line of text and why it is boilerplate (``None`` when it is the story)."""
_CELLS = frozenset({"td", "th"})
MAX_DATA_CELL = 200
"""Characters above which a table cell is a column of text (an old layout table), not data."""
CELL_SEPARATOR = " · "
"""Between the cells of a row (not ``|``: a row of short cells would then read as a breadcrumb)."""


class _Writer:
    """Collects inline text into lines; a change of reason or a block boundary ends a line."""

    def __init__(self, marks: dict[Node, str], stats: dict[Node, Stats]) -> None:
        self.marks = marks
        self.stats = stats
        self.lines: list[Line] = []
        self.pieces: list[str] = []
        self.reason: str | None = None

    def flush(self) -> None:
        if self.pieces:
            text = " ".join("".join(self.pieces).split())
            self.pieces = []
            if text:
                self.lines.append((text, self.reason))

    def text(self, text: str, reason: str | None, pre: bool) -> None:
        if reason != self.reason:
            self.flush()
            self.reason = reason
        if not pre:
            self.pieces.append(text)
            return
        for index, part in enumerate(text.split("\n")):
            if index:
                self.flush()
            self.pieces.append(part)

    def element(self, node: Node, reason: str | None, pre: bool) -> None:
        mark = self.marks.get(node)
        if mark == DROPPED:
            return
        tag = node.tag
        if tag == "br":
            self.flush()
            return
        cell = tag in _CELLS and self._is_data_cell(node)
        breaks = (tag in BLOCKS and not cell) or (mark is not None and mark != reason)
        reason = mark or reason
        if breaks:
            self.flush()
        elif cell and self.pieces:
            self.pieces.append(CELL_SEPARATOR)
        pre = pre or tag in ("pre", "listing", "xmp", "textarea")
        for child in node.children:
            if isinstance(child, str):
                self.text(child, reason, pre)
            else:
                self.element(child, reason, pre)
        if breaks:
            self.flush()

    def _is_data_cell(self, node: Node) -> bool:
        """A cell of figures or words, not a layout cell holding paragraphs or a column of text."""
        own = self.stats.get(node)
        return own is not None and not own.has_blocks and own.chars <= MAX_DATA_CELL


def render(
    roots: list[Node], marks: dict[Node, str], stats: dict[Node, Stats], reason: str | None = None
) -> list[Line]:
    """The lines of ``roots`` in page order, with the boilerplate reason of each."""
    writer = _Writer(marks, stats)
    for root in roots:
        writer.element(root, reason, False)
        writer.flush()
    return writer.lines
