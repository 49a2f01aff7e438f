"""The story at a glance as Markdown tables: who says what, who agrees with whom, per source
and over time. Every piece of article text goes through the caller's escape function (the
Markdown writer's), so a hostile value cannot form markup inside a table either."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.views.overview import Overview
from tui.core.views.shares import SHARE_KINDS
from tui.export.glance import (
    MAJORITY,
    NO_FIGURE,
    NOT_MENTIONED,
    OVER_TIME,
    PER_SOURCE,
    WHO_AGREES,
    WHO_SAYS_WHAT,
    cell_words,
    pair_words,
    plural,
    reading_words,
    row_counts,
    row_title,
    step_words,
)

SOURCE_COLUMNS = 8
"""Up to this many sources, who-says-what has a column per source; past it, counts only."""
VALUE_CHARS = 60
"""A value longer than this (a whole quotation) is cut in the tables; the sections below the
overview quote it in full."""
GRID_SOURCES = 12
"""Up to this many sources, who-agrees-with-whom is a table; past it, groups and top pairs."""
TOP_PAIRS = 10


def overview_markdown(overview: Overview, escape: Callable[[str], str]) -> list[str]:
    """The overview section's lines (a level-2 heading and four level-3 ones)."""
    sources = overview.sources
    out = [
        "## The story at a glance",
        "",
        escape(
            f"{plural(len(sources), 'source')} from {plural(overview.independent, 'independent origin')} "
            f"(wire copy counted once). {MAJORITY} marks the value most independent sources give, "
            f"{NO_FIGURE} a source that carries the statement without the figure, "
            f"{NOT_MENTIONED} a source that does not mention it."
        ),
    ]
    out += _who_says_what(overview, escape)
    out += _who_agrees(overview, escape)
    out += _per_source(overview, escape)
    out += _over_time(overview, escape)
    return out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _who_says_what(overview: Overview, escape: Callable[[str], str]) -> list[str]:
    out = ["", f"### {WHO_SAYS_WHAT}", ""]
    if not overview.rows:
        return [*out, "No discrepancy between the sources."]
    columns = len(overview.sources) <= SOURCE_COLUMNS
    head = ["Discrepancy", "Values"] + ([escape(s.label) for s in overview.sources] if columns else [])
    out += [_row(head), _row(["---"] * len(head))]
    for row in overview.rows:
        cells = [escape(row_title(row)), escape(row_counts(row, VALUE_CHARS))]
        if columns:
            cells += [escape(cell_words(row, i, VALUE_CHARS)) for i in range(len(overview.sources))]
        out.append(_row(cells))
    return out


def _who_agrees(overview: Overview, escape: Callable[[str], str]) -> list[str]:
    out = ["", f"### {WHO_AGREES}", ""]
    size = len(overview.sources)
    grid = overview.agreement
    if size < 2:
        return [*out, "One source: nothing to compare."]
    if size <= GRID_SOURCES:
        out.append(
            escape(
                "Each cell: facts both state alike / discrepancies where they give different values; w: wire copy."
            )
        )
        out += ["", _row(["Source", *(str(n + 1) for n in range(size))]), _row(["---"] * (size + 1))]
        for i, source in enumerate(overview.sources):
            cells = [escape(f"{i + 1}. {source.label}")]
            for j in range(size):
                if i == j:
                    cells.append("\u2014")
                    continue
                facts = grid.pair(i, j)
                wire = " w" if facts.wire is not None or facts.same_origin else ""
                cells.append(f"{facts.agreed} / {facts.differ}{wire}")
            out.append(_row(cells))
        return out
    for start, end in grid.groups:
        names = ", ".join(s.label for s in overview.sources[start:end])
        out.append("- " + escape(f"Copying group ({end - start} sources, one origin): {names}"))
    pairs = [(i, j) for i in range(size) for j in range(i + 1, size)]
    closest = sorted(pairs, key=lambda p: (-grid.agreed[p[0]][p[1]], p))[:TOP_PAIRS]
    disputed = sorted(pairs, key=lambda p: (-grid.differ[p[0]][p[1]], p))[:TOP_PAIRS]
    out += ["", f"Closest {len(closest)} pairs:", ""]
    out += ["- " + escape(pair_words(overview, i, j)) for i, j in closest]
    out += ["", f"Most disputed {len(disputed)} pairs:", ""]
    out += ["- " + escape(pair_words(overview, i, j)) for i, j in disputed if grid.differ[i][j]]
    return out


def _per_source(overview: Overview, escape: Callable[[str], str]) -> list[str]:
    out = ["", f"### {PER_SOURCE}", ""]
    out += [
        _row(["Source", "Date", "Corroborated", "Disputed", "Unique", "Boilerplate", "Stands out"]),
        _row(["---"] * 7),
    ]
    for share in overview.shares:
        cells = [escape(share.label), escape(share.date or "undated")]
        cells += [f"{share.share(kind):.0%}" for kind in SHARE_KINDS if kind != "other"]
        cells.append(escape(", ".join(share.flags)))
        out.append(_row(cells))
    return out


def _over_time(overview: Overview, escape: Callable[[str], str]) -> list[str]:
    out = ["", f"### {OVER_TIME}", ""]
    if not overview.timeline:
        return [*out, "No discrepancy has values from sources of different dates."]
    for line in overview.timeline:
        row = overview.row(line.cluster)
        steps = " \u2192 ".join(step_words(row, line))
        out.append("- " + escape(f"{row_title(row)}: {steps}; {reading_words(line)}"))
    return out
