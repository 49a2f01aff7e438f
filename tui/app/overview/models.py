"""The four overview views as grid models: what each cell of ``GlanceGrid`` shows.

Each model lays one view of the ``Overview`` out for a width; the words come from
``tui.export.glance`` (the exports say the same), the numbers from the core's views. Nothing
here compares anything: it only places what the overview holds.
"""

from __future__ import annotations

from tui.app.overview.grid import GridModel, Piece, fit
from tui.core.views.overview import Overview
from tui.core.views.shares import SHARE_KINDS
from tui.core.views.who_says import ABSENT, SILENT, ValueRow
from tui.export.glance import (
    MAJORITY,
    NO_FIGURE,
    NOT_MENTIONED,
    READING_MARKS,
    READINGS,
    SHARE_GLYPHS,
    cell_meaning,
    heat_row,
    pair_words,
    reading_words,
    row_counts,
    row_title,
    share_bar,
    share_words,
)

MIN_COLUMN = 8
"""Narrowest source column of who-says-what; past what fits, values are drawn as bars."""
MAX_COLUMN = 16
SCROLLBAR = 1


def _label_width(width: int) -> int:
    return max(16, min(44, width // 3))


class WhoSaysWhat(GridModel):
    """One row per discrepancy; a column per source, or (past the width) one bar per value."""

    def __init__(self, overview: Overview, width: int) -> None:
        self.overview = overview
        self.width = width
        self.rows = len(overview.rows)
        self.header_height = 1
        sources = len(overview.sources)
        self.label_width = _label_width(width)
        room = width - self.label_width - SCROLLBAR
        self.by_source = sources > 0 and room // sources >= MIN_COLUMN
        if self.by_source:
            self.columns = sources
            self.column_width = min(room // sources, MAX_COLUMN)
        else:
            self.columns = 1
            self.column_width = max(room, 10)
            self.row_cursor = True

    def header_label(self, line: int) -> list[Piece]:
        return [(fit("Discrepancy", self.label_width), "grid--header")]

    def header(self, line: int) -> list[Piece]:
        if not self.by_source:
            total = len(self.overview.sources)
            return [
                (
                    fit(f"Values, bars as wide as their share of the {total} sources", self.column_width),
                    "grid--header",
                )
            ]
        return [(fit(s.label, self.column_width - 1) + " ", "grid--header") for s in self.overview.sources]

    def label(self, row: int) -> list[Piece]:
        return [
            (fit(row_title(self.overview.rows[row], short=True), self.label_width - 1) + " ", "grid--label")
        ]

    def cells(self, row: int) -> list[Piece]:
        value_row = self.overview.rows[row]
        if not self.by_source:
            return _value_bar(value_row, len(self.overview.sources), self.column_width)
        width = self.column_width - 1
        pieces: list[Piece] = []
        for cell in value_row.cells:
            if cell == SILENT:
                pieces.append((NO_FIGURE.center(width), "cell--silent"))
            elif cell == ABSENT:
                pieces.append((NOT_MENTIONED.center(width), "cell--absent"))
            else:
                group = value_row.groups[cell]
                star = MAJORITY if value_row.majority == cell else ""
                pieces.append((fit(star + group.text, width), f"value--{group.colour}"))
            pieces.append((" ", ""))
        return pieces

    def detail(self, row: int, column: int) -> str:
        if not self.rows:
            return "No discrepancy between the sources."
        value_row = self.overview.rows[row]
        text = f"{value_row.label}\n{row_counts(value_row)}"
        if self.by_source:
            source = self.overview.sources[column]
            return (
                f"{source.label}: {cell_meaning(value_row, column)}.  Enter: go to it in the panes.\n{text}"
            )
        return f"Enter: go to it in the panes.  {text}"


def _value_bar(row: ValueRow, total: int, width: int) -> list[Piece]:
    """The sources of one row as a bar: a run per value, then no figure, then not mentioned,
    each as wide as its share of all the sources (at least one cell), its count written in it."""
    runs: list[tuple[str, int, str]] = []
    for index, group in enumerate(row.groups):
        star = MAJORITY if row.majority == index else ""
        independent = f" ({group.independent})" if group.independent != group.support else ""
        runs.append(
            (
                f"{star}{group.text} \u00d7{group.support}{independent}",
                group.support,
                f"value--{group.colour}",
            )
        )
    if row.silent:
        runs.append((f"{NO_FIGURE} \u00d7{row.silent}", row.silent, "cell--silent"))
    if row.absent:
        runs.append((f"{NOT_MENTIONED} \u00d7{row.absent}", row.absent, "cell--absent"))
    least = [min(len(text) + 1, 16) for text, _, _ in runs]
    widths = _shares([count for _, count, _ in runs], max(total, 1), width, least)
    fills = {"cell--silent": NO_FIGURE, "cell--absent": NOT_MENTIONED}
    return [
        (_filled(text, cells, fills.get(style, " ")), style)
        for (text, _, style), cells in zip(runs, widths, strict=True)
        if cells
    ]


def _filled(text: str, cells: int, glyph: str) -> str:
    """``text`` fitted to ``cells``, the rest filled with ``glyph`` so a run's width shows."""
    fitted = fit(text, cells)
    stripped = fitted.rstrip()
    return stripped + (" " + glyph * cells)[: cells - len(stripped)] if len(stripped) < cells else fitted


def _shares(counts: list[int], total: int, width: int, least: list[int] | None = None) -> list[int]:
    """Cells per count out of ``width``: each run first gets its ``least`` cells (room for its
    words, when they all fit; else one cell), the rest goes by count (largest remainders)."""
    if not counts:
        return []
    floor = least if least is not None and sum(least) <= width else [1] * len(counts)
    spare = max(width - sum(floor), 0)
    exact = [spare * c / total for c in counts]
    cells = [f + int(e) for f, e in zip(floor, exact, strict=True)]
    order = sorted(range(len(counts)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for i in order:
        if sum(cells) >= width:
            break
        cells[i] += 1
    return cells


class WhoAgrees(GridModel):
    """The source-by-source heat map: two cells per pair, copying groups bracketed."""

    def __init__(self, overview: Overview, width: int) -> None:
        self.overview = overview
        self.width = width
        size = len(overview.sources)
        self.rows = self.columns = size
        self.digits = len(str(size))
        self.label_width = min(max(14, width // 4), 28)
        room = width - self.label_width - SCROLLBAR
        self.column_width = min(max(room // max(size, 1), 2), 6)
        self.header_height = self.digits
        self.brackets = _brackets(overview)

    def header_label(self, line: int) -> list[Piece]:
        text = "source \u00d7 source" if line == self.header_height - 1 else ""
        return [(fit(text, self.label_width), "grid--header")]

    def header(self, line: int) -> list[Piece]:
        width = self.column_width
        return [
            (str(j + 1).rjust(self.digits)[line].center(width - 1).ljust(width), "grid--header")
            for j in range(self.columns)
        ]

    def label(self, row: int) -> list[Piece]:
        number = str(row + 1).rjust(self.digits)
        text = fit(self.overview.sources[row].label, self.label_width - self.digits - 3)
        return [
            (f"{number} ", "grid--muted"),
            (self.brackets[row], "heat--wire"),
            (text + " ", "grid--label"),
        ]

    def cells(self, row: int) -> list[Piece]:
        """Each pair's shade, then its mark; wide cells repeat the shade and end with a gap."""
        width = self.column_width
        shades = width - 1 if width <= 2 else width - 2
        gap = "" if width <= 2 else " "
        pieces: list[Piece] = []
        for shade, mark, kind in heat_row(self.overview, row):
            pieces.append((shade * shades, "heat--self" if kind == "self" else "heat--agree"))
            pieces.append((mark + gap, f"heat--{kind}"))
        return pieces

    def detail(self, row: int, column: int) -> str:
        if self.rows < 2:
            return "One source: nothing to compare."
        text = pair_words(self.overview, row, column)
        return text + ("" if row == column else ".  Enter: these two side by side, their differences marked.")


def _brackets(overview: Overview) -> list[str]:
    """The bracket drawn before each source of a copying group: ┌ │ └."""
    marks = [" "] * len(overview.sources)
    for start, end in overview.agreement.groups:
        for i in range(start, end):
            marks[i] = "\u2502"
        marks[start], marks[end - 1] = "\u250c", "\u2514"
    return marks


class PerSource(GridModel):
    """A bar per source: corroborated, disputed, unique, boilerplate; its date and what stands out."""

    DATE = 11
    FIGURES = 20

    def __init__(self, overview: Overview, width: int) -> None:
        self.overview = overview
        self.width = width
        self.rows = len(overview.shares)
        self.header_height = 1
        self.row_cursor = True
        self.label_width = min(max(12, width // 5), 24)
        self.column_width = max(width - self.label_width - SCROLLBAR, 30)
        self.bar = max(8, min(40, self.column_width - self.DATE - self.FIGURES - 18))

    def header_label(self, line: int) -> list[Piece]:
        return [(fit("Source", self.label_width), "grid--header")]

    def header(self, line: int) -> list[Piece]:
        figures = "".join(f"{kind[:4]:>5}" for kind in SHARE_KINDS[:4])
        text = fit("Date", self.DATE) + fit("What its text is", self.bar) + figures + "  stands out"
        return [(fit(text, self.column_width), "grid--header")]

    def label(self, row: int) -> list[Piece]:
        return [(fit(self.overview.shares[row].label, self.label_width - 1) + " ", "grid--label")]

    def cells(self, row: int) -> list[Piece]:
        share = self.overview.shares[row]
        pieces: list[Piece] = [
            (fit(share.date or "undated", self.DATE), "grid--muted" if share.date else "cell--absent")
        ]
        pieces += [(glyphs, f"share--{kind}") for kind, glyphs in share_bar(share, self.bar)]
        pieces.append(("".join(f"{share.share(kind):>5.0%}" for kind in SHARE_KINDS[:4]), ""))
        if share.flags:  # said in full in the detail line
            pieces.append(
                ("  \u25b2 " + ", ".join(f.removesuffix(" than most") for f in share.flags), "grid--flag")
            )
        return pieces

    def detail(self, row: int, column: int) -> str:
        if not self.rows:
            return ""
        share = self.overview.shares[row]
        flags = f"; stands out: {', '.join(share.flags)}" if share.flags else ""
        return f"{share.label} ({share.date or 'undated'}): {share_words(share)}{flags}.  Enter: read it in the panes."


class OverTime(GridModel):
    """For each discrepancy with values of two dates or more: the values date by date."""

    def __init__(self, overview: Overview, width: int) -> None:
        self.overview = overview
        self.width = width
        self.row_cursor = True
        self.label_width = 0
        self.column_width = max(width - SCROLLBAR, 20)
        self.lines: list[tuple[int, int]] = []
        """(timeline item, step or -1 for its title) per row."""
        for item, line in enumerate(overview.timeline):
            self.lines.append((item, -1))
            self.lines += [(item, step) for step in range(len(line.steps))]
        self.rows = max(len(self.lines), 1)

    def cells(self, row: int) -> list[Piece]:
        if not self.lines:
            return [
                (
                    fit("No discrepancy has values from sources of different dates.", self.column_width),
                    "grid--muted",
                )
            ]
        item, step = self.lines[row]
        line = self.overview.timeline[item]
        value_row = self.overview.row(line.cluster)
        if step < 0:
            reading = f"  {READINGS[line.reading]}"
            title = f"{READING_MARKS[line.reading]} {row_title(value_row, short=True)}"
            return [
                (fit(title, self.column_width - len(reading)), "grid--label"),
                (reading, "grid--flag" if line.reading == "conflict" else "grid--muted"),
            ]
        date_step = line.steps[step]
        pieces: list[Piece] = [(f"    {date_step.date:<12}", "grid--muted")]
        for group, sources in date_step.values:
            value = value_row.groups[group]
            pieces.append(
                (f" {fit(value.text, 24).rstrip()} \u00d7{len(sources)} ", f"value--{value.colour}")
            )
            pieces.append((" ", ""))
        return pieces

    def detail(self, row: int, column: int) -> str:
        if not self.lines:
            return "Sources of one date only, or no dates: nothing changes over time."
        item, step = self.lines[row]
        line = self.overview.timeline[item]
        value_row = self.overview.row(line.cluster)
        if step < 0:
            return f"{value_row.label}\n{reading_words(line)}.  Enter: go to it in the panes."
        date_step = line.steps[step]
        names = "; ".join(
            f"{value_row.groups[g].text}: " + ", ".join(self._label(a) for a in sources)
            for g, sources in date_step.values
        )
        return f"{date_step.date}: {names}"

    def _label(self, article: str) -> str:
        return self.overview.sources[self.overview.index(article)].label

    def cluster_at(self, row: int) -> str | None:
        """The discrepancy a row belongs to."""
        if not self.lines:
            return None
        return self.overview.timeline[self.lines[row][0]].cluster


LEGENDS: dict[str, list[Piece]] = {
    "who": [
        (f"{MAJORITY} value most independent sources give  ", ""),
        (f" {NO_FIGURE} ", "cell--silent"),
        (" in the statement, no figure  ", ""),
        (f" {NOT_MENTIONED} ", "cell--absent"),
        (" not mentioned  ", ""),
        (" one ", "value--1"),
        (" colour ", "value--2"),
        (" per value in its row ", "value--3"),
    ],
    "agree": [
        ("\u2591\u2592\u2593\u2588", "heat--agree"),
        (" facts stated alike (full: the closest pair)  ", ""),
        ("\u2260", "heat--differ"),
        (" they differ on a value  ", ""),
        ("w", "heat--wire"),
        (" wire copy  ", ""),
        ("\u250c\u2502\u2514", "heat--wire"),
        (" copying group", ""),
    ],
    "shares": [
        piece
        for kind in SHARE_KINDS
        if kind != "other"
        for piece in ((SHARE_GLYPHS[kind] * 2, f"share--{kind}"), (f" {kind}  ", ""))
    ]
    + [("\u25b2 stands out", "grid--flag")],
    "time": [
        ("\u2197 a change over time (the value given changes from date to date, none comes back)  ", ""),
        ("= the same value leads on every date  ", ""),
        ("\u2260 a conflict", "grid--flag"),
        (" (a value comes back)", ""),
    ],
}
"""What the marks of each view mean, styled as the grid draws them."""
