"""The story at a glance in words: what the overview screen, the Markdown and the HTML export
say about each discrepancy, pair of sources, source and date, worded once.

``overview_of`` builds the one ``Overview`` they all read: the views in ``tui.core.views``
need each source's independent origin, which the engine derives from the wire pairs.
"""

from __future__ import annotations

from tui.core.compare.phrases import origins
from tui.core.model import Comparison
from tui.core.views.agreement import LEVELS
from tui.core.views.overview import Overview, build_overview
from tui.core.views.shares import SHARE_KINDS, SourceShare
from tui.core.views.timeline import TimelineRow
from tui.core.views.who_says import ABSENT, SILENT, ValueGroup, ValueRow

MAJORITY = "\u2605"
"""Marks the value most independent sources give."""
NO_FIGURE = "\u2013"
"""A source that carries the statement without giving the value."""
NOT_MENTIONED = "\u00b7"
"""A source that does not mention the statement at all."""

WHO_SAYS_WHAT = "Who says what"
WHO_AGREES = "Who agrees with whom"
PER_SOURCE = "Per source"
OVER_TIME = "Over time"

SHARE_GLYPHS = {
    "corroborated": "\u2588",
    "disputed": "\u2593",
    "unique": "\u2592",
    "boilerplate": "\u2591",
    "other": " ",
}
"""One glyph per kind in a source's bar, densest for what other sources confirm or dispute."""
HEAT_GLYPHS = (" ", "\u2591", "\u2592", "\u2593", "\u2588")
"""Heat-map shades by agreement level (``Agreement.level``), none to the closest pair."""
DIFFER_MARK = "\u2260"
WIRE_MARK = "w"


def overview_of(comparison: Comparison) -> Overview:
    """The overview of a comparison, with wire copy joined into origins as the engine does."""
    return build_overview(comparison, origins([a.id for a in comparison.articles], comparison.wire))


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 source', '3 sources'."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def support_words(group: ValueGroup) -> str:
    """'3 sources (2 independent)', or '1 source' when every source is independent."""
    text = plural(group.support, "source")
    if group.independent != group.support:
        text += f" ({group.independent} independent)"
    return text


def clip(text: str, limit: int | None) -> str:
    """``text`` on one line, cut at a word with … past ``limit`` characters (None: whole)."""
    line = " ".join(text.split())
    if limit is None or len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(",;:") + "\u2026"


def group_words(row: ValueRow, index: int, limit: int | None = None) -> str:
    """'★ 40 × 3 sources (2 independent)': one value with its support, the majority marked;
    a value longer than ``limit`` characters (a whole quotation) is cut."""
    group = row.groups[index]
    mark = f"{MAJORITY} " if row.majority == index else ""
    return f"{mark}{clip(group.text, limit)} \u00d7 {support_words(group)}"


TYPE_TAGS = {"quote-wording": "quote", "contradiction": "contra", "spelling": "spell"}
"""Shorter names of the discrepancy types, where a column is narrow."""


def row_title(row: ValueRow, *, short: bool = False) -> str:
    """'number: The quake killed [?] people in the port': what the row is about."""
    kind: str = row.type or "discrepancy"
    if short:
        kind = TYPE_TAGS.get(kind, kind)
    return f"{kind}: {row.frame}" if row.frame else row.label


def row_counts(row: ValueRow, limit: int | None = None) -> str:
    """Every value with its support, then who gives no figure and who does not mention it;
    values longer than ``limit`` characters are cut."""
    parts = [group_words(row, index, limit) for index in range(len(row.groups))]
    if row.silent:
        parts.append(f"{NO_FIGURE} no figure: {plural(row.silent, 'source')}")
    if row.absent:
        parts.append(f"{NOT_MENTIONED} not mentioned: {plural(row.absent, 'source')}")
    if row.majority is None and len(row.groups) > 1:
        parts.append("no majority")
    return "; ".join(parts)


def cell_words(row: ValueRow, index: int, limit: int | None = None) -> str:
    """What one source gives in a row: its value (★ when the majority's), – or ·."""
    cell = row.cells[index]
    if cell == SILENT:
        return NO_FIGURE
    if cell == ABSENT:
        return NOT_MENTIONED
    text = clip(row.groups[cell].text, limit)
    return f"{MAJORITY} {text}" if row.majority == cell else text


def cell_meaning(row: ValueRow, index: int) -> str:
    """A cell said in full, for a tooltip or the detail line."""
    cell = row.cells[index]
    if cell == SILENT:
        return "carries the statement, gives no figure"
    if cell == ABSENT:
        return "does not mention it"
    return group_words(row, cell)


def pair_words(overview: Overview, i: int, j: int) -> str:
    """'Wire Service and Herald: 3 facts agreed, none differ; wire copy (30 words, 100%)'."""
    a, b = overview.sources[i], overview.sources[j]
    if i == j:
        facts = overview.agreement.pair(i, i)
        return (
            f"{a.label}: {plural(facts.agreed, 'fact')} it shares with others, "
            f"{plural(facts.differ, 'discrepancy', 'discrepancies')} it gives a value in"
        )
    facts = overview.agreement.pair(i, j)
    differ = "none differ" if not facts.differ else f"{facts.differ} differ"
    text = f"{a.label} and {b.label}: {plural(facts.agreed, 'fact')} agreed, {differ}"
    if facts.wire is not None:
        text += f"; wire copy ({facts.wire.shared_words} words, {facts.wire.ratio:.0%})"
    elif facts.same_origin:
        text += "; one origin (through other wire copies)"
    return text


def heat_row(overview: Overview, i: int) -> list[tuple[str, str, str]]:
    """Every heat-map cell of row ``i``: its shade glyph, its mark and the kind that styles the
    mark. The shade is the agreement level; the mark is ≠ when the two differ on a value, w
    when one copies the other (≠ wins), else the shade again: no colour is needed to read it.

    A whole row at once, straight from the grid's numbers: a 200-source map draws 40,000 cells.
    """
    grid = overview.agreement
    agreed, differ = grid.agreed[i], grid.differ[i]
    origins = [source.origin for source in overview.sources]
    mine = origins[i]
    top = grid.most_agreed
    cells: list[tuple[str, str, str]] = []
    for j, count in enumerate(agreed):
        if j == i:
            cells.append(("\u2572", "\u2572", "self"))
            continue
        level = 0 if count <= 0 or top <= 0 else max(1, min(LEVELS, round(LEVELS * count / top)))
        shade = HEAT_GLYPHS[level]
        if differ[j]:
            cells.append((shade, DIFFER_MARK, "differ"))
        elif origins[j] == mine:  # wire copy, directly or through other copies
            cells.append((shade, WIRE_MARK, "wire"))
        else:
            cells.append((shade, shade, "agree"))
    return cells


def share_words(share: SourceShare) -> str:
    """'47% corroborated, 14% disputed, 39% unique' (kinds under half a percent left out)."""
    parts = [
        f"{share.share(kind):.0%} {kind}"
        for kind in SHARE_KINDS
        if kind != "other" and share.share(kind) >= 0.005
    ]
    return ", ".join(parts) or "no text"


def share_bar(share: SourceShare, width: int) -> list[tuple[str, str]]:
    """The source's bar as (kind, run of glyphs) pieces that fill ``width`` cells."""
    if not share.total or width <= 0:
        return [("other", " " * max(width, 0))]
    cells = [round(width * count / share.total) for count in share.counts]
    cells[-1] += width - sum(cells)  # rounding goes to "other", the least telling kind
    if cells[-1] < 0:
        biggest = max(range(len(cells) - 1), key=cells.__getitem__)
        cells[biggest] += cells[-1]
        cells[-1] = 0
    return [(kind, SHARE_GLYPHS[kind] * n) for kind, n in zip(SHARE_KINDS, cells, strict=True) if n > 0]


def step_words(row: ValueRow, line: TimelineRow) -> list[str]:
    """Each date's values: '2026-03-02: 40 × 3 sources'."""
    return [
        f"{step.date}: "
        + ", ".join(f"{row.groups[g].text} \u00d7 {plural(len(s), 'source')}" for g, s in step.values)
        for step in line.steps
    ]


READINGS = {
    "change": "a change over time",
    "leading-change": "a change, some disagree",
    "steady": "the same value leads",
    "conflict": "a conflict",
}
"""How a discrepancy reads over time, in a few words."""

READING_MARKS = {"change": "\u2197", "leading-change": "\u2197", "steady": "=", "conflict": "\u2260"}


def reading_words(line: TimelineRow) -> str:
    """How a discrepancy reads over time, said in full."""
    words = {
        "change": "a change over time: one value per date, none comes back",
        "leading-change": "a change over time: the value most sources of each date give changes and "
        "never comes back, though some sources of one date disagree",
        "steady": "the same value leads on every date; the differences are between sources of one date",
        "conflict": "a conflict: a value comes back after another replaced it",
    }[line.reading]
    if line.undated:
        words += f" ({plural(line.undated, 'source')} without a date)"
    return words
