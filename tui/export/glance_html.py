"""The story at a glance as HTML: a who-says-what grid and a heat map coloured like the
terminal's (the colours come from ``styles/overview.tcss``), per-source bars and the values
over time. No scripts; every piece of text is escaped by the caller's function; and, as in the
terminal, no colour is the only cue (values, ★, –, ·, glyphs and titles say it too)."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.views.overview import Overview
from tui.core.views.shares import SHARE_KINDS
from tui.core.views.who_says import ABSENT, PALETTE, SILENT, ValueRow
from tui.export.glance import (
    DIFFER_MARK,
    MAJORITY,
    NO_FIGURE,
    NOT_MENTIONED,
    OVER_TIME,
    PER_SOURCE,
    SHARE_GLYPHS,
    WHO_AGREES,
    WHO_SAYS_WHAT,
    WIRE_MARK,
    cell_meaning,
    cell_words,
    heat_row,
    pair_words,
    plural,
    reading_words,
    row_counts,
    row_title,
    share_words,
    step_words,
)
from tui.export.palette import overview_palette

SOURCE_COLUMNS = 40
"""Up to this many sources, who-says-what has a column per source; past it, bars per value."""
TITLED_CELLS = 60
"""Up to this many sources, every heat-map cell carries a tooltip (past it, the page grows
by megabytes for little use)."""


def overview_css() -> str:
    """The overview's style rules, with the value, share and heat colours of the stylesheet."""
    palette = overview_palette()
    rules = [
        ".glance td, .glance th { font-size: .85rem; padding: .15rem .35rem; }",
        ".glance td.v { white-space: nowrap; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }",
        ".glance td.absent { color: var(--muted); text-align: center; }",
        ".glance td.silent { color: var(--muted); text-align: center; font-style: italic; }",
        ".glance .major { font-weight: bold; }",
        ".heat { border-collapse: collapse; font: 12px/1 ui-monospace, monospace; width: auto; }",
        ".heat td, .heat th { border: none; padding: 0 .1rem; text-align: center; }",
        ".heat th { font-weight: normal; color: var(--muted); text-align: right; white-space: nowrap; }",
        ".bar { display: inline-flex; width: 20rem; max-width: 60vw; height: 1rem; "
        "border: 1px solid var(--rule); vertical-align: middle; font: 10px/1rem ui-monospace, monospace; }",
        ".bar span { overflow: hidden; text-align: center; }",
        ".valuebar { display: flex; width: 100%; min-width: 16rem; font-size: .8rem; }",
        ".valuebar span { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; padding: 0 .2rem; }",
    ]
    for index in range(PALETTE + 1):
        colours = palette.get(f"value--{index}")
        if colours is not None:
            rules.append(f".v{index} {{ background: {colours.background}; color: {colours.color}; }}")
    for kind in SHARE_KINDS:
        colours = palette.get(f"share--{kind}")
        colour = colours.color if colours is not None and colours.color else "var(--muted)"
        rules.append(
            f".s-{kind} {{ color: {colour}; background: color-mix(in srgb, {colour} 35%, transparent); }}"
        )
    for heat in ("agree", "differ", "wire"):
        colours = palette.get(f"heat--{heat}")
        if colours is not None and colours.color:
            rules.append(f".h-{heat} {{ color: {colours.color}; }}")
    rules.append(".h-differ, .h-wire { font-weight: bold; }")
    return "\n".join(rules)


def overview_html(overview: Overview, escape: Callable[[str | None], str]) -> list[str]:
    """The overview section: a level-2 heading and four level-3 ones."""
    sources = overview.sources
    out = [
        '<section class="glance" id="at-a-glance">',
        "<h2>The story at a glance</h2>",
        f'<p class="facts">{escape(plural(len(sources), "source"))} from '
        f"{escape(plural(overview.independent, 'independent origin'))} (wire copy counted once). "
        f"{MAJORITY} marks the value most independent sources give, {NO_FIGURE} a source that carries "
        f"the statement without the figure, {NOT_MENTIONED} a source that does not mention it.</p>",
    ]
    out += _who_says_what(overview, escape)
    out += _who_agrees(overview, escape)
    out += _per_source(overview, escape)
    out += _over_time(overview, escape)
    out.append("</section>")
    return out


def _who_says_what(overview: Overview, escape: Callable[[str | None], str]) -> list[str]:
    out = [f"<h3>{WHO_SAYS_WHAT}</h3>"]
    if not overview.rows:
        return [*out, "<p>No discrepancy between the sources.</p>"]
    columns = len(overview.sources) <= SOURCE_COLUMNS
    out.append("<table>")
    head = "".join(f"<th>{escape(s.label)}</th>" for s in overview.sources) if columns else "<th>Values</th>"
    out.append(f"<tr><th>Discrepancy</th>{head}</tr>")
    for row in overview.rows:
        cells = [f'<td title="{escape(row.label)}">{escape(row_title(row))}</td>']
        if columns:
            for i in range(len(overview.sources)):
                cell = row.cells[i]
                title = escape(f"{overview.sources[i].label}: {cell_meaning(row, i)}")
                if cell == ABSENT:
                    cells.append(f'<td class="absent" title="{title}">{NOT_MENTIONED}</td>')
                elif cell == SILENT:
                    cells.append(f'<td class="silent" title="{title}">{NO_FIGURE}</td>')
                else:
                    major = " major" if row.majority == cell else ""
                    colour = row.groups[cell].colour
                    cells.append(
                        f'<td class="v v{colour}{major}" title="{title}">{escape(cell_words(row, i))}</td>'
                    )
        else:
            cells.append(f"<td>{_value_bar(row, len(overview.sources), escape)}</td>")
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</table>")
    return out


def _value_bar(row: ValueRow, total: int, escape: Callable[[str | None], str]) -> str:
    """One bar per row, a segment per value as wide as its support, with its count written."""
    parts = []
    for index, group in enumerate(row.groups):
        width = 100 * group.support / max(total, 1)
        major = " major" if row.majority == index else ""
        text = escape(f"{MAJORITY if major else ''}{group.text} \u00d7{group.support}")
        parts.append(
            f'<span class="v{group.colour}{major}" style="width:{width:.2f}%" title="{text}">{text}</span>'
        )
    if row.silent:
        width = 100 * row.silent / max(total, 1)
        parts.append(f'<span class="silent" style="width:{width:.2f}%">{NO_FIGURE} \u00d7{row.silent}</span>')
    return f'<div class="valuebar">{"".join(parts)}</div><div class="facts">{escape(row_counts(row))}</div>'


def _who_agrees(overview: Overview, escape: Callable[[str | None], str]) -> list[str]:
    out = [f"<h3>{WHO_AGREES}</h3>"]
    size = len(overview.sources)
    if size < 2:
        return [*out, "<p>One source: nothing to compare.</p>"]
    out.append(
        '<p class="facts">Each cell is a pair of sources: the denser the block, the more facts they state '
        f"alike (the closest pair is full); {DIFFER_MARK} they give different values somewhere, "
        f"{WIRE_MARK} one copies the other. Copying groups stand together.</p>"
    )
    titled = size <= TITLED_CELLS
    out.append('<table class="heat">')
    for i, source in enumerate(overview.sources):
        cells = [f"<th>{escape(f'{i + 1}. {source.label}')}</th>"]
        for j, (shade, mark, kind) in enumerate(heat_row(overview, i)):
            title = f' title="{escape(pair_words(overview, i, j))}"' if titled else ""
            cells.append(f'<td class="h-{kind}"{title}>{escape(shade + mark)}</td>')
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</table>")
    return out


def _per_source(overview: Overview, escape: Callable[[str | None], str]) -> list[str]:
    out = [
        f"<h3>{PER_SOURCE}</h3>",
        '<p class="facts">'
        + ", ".join(f'<span class="s-{kind}">{SHARE_GLYPHS[kind] * 2}</span> {kind}' for kind in SHARE_KINDS)
        + "</p>",
        "<table>",
        "<tr><th>Source</th><th>Date</th><th>What its text is</th><th>Stands out</th></tr>",
    ]
    for share in overview.shares:
        spans = "".join(
            f'<span class="s-{kind}" style="width:{100 * count / share.total:.2f}%" title="{kind}">'
            f"{SHARE_GLYPHS[kind] * 3}</span>"
            for kind, count in zip(SHARE_KINDS, share.counts, strict=True)
            if count and share.total
        )
        out.append(
            f"<tr><td>{escape(share.label)}</td><td>{escape(share.date or 'undated')}</td>"
            f'<td><span class="bar">{spans}</span> {escape(share_words(share))}</td>'
            f"<td>{escape(', '.join(share.flags))}</td></tr>"
        )
    out.append("</table>")
    return out


def _over_time(overview: Overview, escape: Callable[[str | None], str]) -> list[str]:
    out = [f"<h3>{OVER_TIME}</h3>"]
    if not overview.timeline:
        return [*out, "<p>No discrepancy has values from sources of different dates.</p>"]
    out.append("<ul>")
    for line in overview.timeline:
        row = overview.row(line.cluster)
        steps = []
        for step, words in zip(line.steps, step_words(row, line), strict=True):
            colour = row.groups[step.values[0][0]].colour if len(step.values) == 1 else None
            css = f' class="v{colour}"' if colour is not None else ""
            steps.append(f"<span{css}>{escape(words)}</span>")
        out.append(
            f'<li><span class="major">{escape(row_title(row))}</span>: {" &rarr; ".join(steps)}; '
            f"{escape(reading_words(line))}</li>"
        )
    out.append("</ul>")
    return out
