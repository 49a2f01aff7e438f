"""How each source words one cluster: the values side by side first, then every variant.

The differing values are what a discrepancy is about, so they come right under a one-line
title, one column per value (naming the sources that give it), before the members' full
sentences: in the eight rows an 80x24 terminal leaves, the user still sees both sides.
With no fact selected the box shows the legend of the panes' marks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Static

from tui.app.widgets.legend import legend_line
from tui.core.model import Cluster

KIND_TAGS = {"shared": "= shared", "discrepancy": "≠ DISCREPANCY", "unique": "◆ unique"}

MAX_COLUMNS = 4
"""Value columns side by side; more values wrap onto further rows of columns."""

SHOWN_SOURCES = 6
"""Sources named under a value; the rest are counted ("and 40 more")."""

EMPTY = "No fact selected: ] next discrepancy, } next shared fact, f the facts list."


class VariantsView(VerticalScroll):
    """The current cluster's values side by side, then its members with their diffs."""

    COMPONENT_CLASSES = {"variant--changed", "variant--source", "variant--value"}

    def __init__(self, *, id: str | None = None, style_of: Callable[[str], Style] | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.cluster: Cluster | None = None
        self.style_of = style_of
        """Resolves the panes' mark styles, for the legend shown while no fact is selected."""

    def compose(self) -> ComposeResult:
        yield Static(Content(EMPTY), id="variants-title", markup=False)
        yield Horizontal(id="variants-values")
        yield Static("", id="variants-body", markup=False)

    def on_mount(self) -> None:
        if self.cluster is None:
            self.show(None, {})

    def show(self, cluster: Cluster | None, names: Mapping[str, str]) -> None:
        """Display a cluster (None: the legend); ``names`` are the sources' shown names."""
        self.cluster = cluster
        title = self.query_one("#variants-title", Static)
        values = self.query_one("#variants-values", Horizontal)
        body = self.query_one("#variants-body", Static)
        values.remove_children()
        if cluster is None:
            title.update(Content(EMPTY))
            legend = legend_line(self.style_of) if self.style_of is not None else Content("")
            body.update(Content.assemble(Content.styled("What the marks mean\n", "bold"), legend))
            return
        title.update(self._title(cluster))
        source = self.get_visual_style("variant--source")
        value_style = self.get_visual_style("variant--value")
        if cluster.values:
            grouped = _by_value(cluster.values)
            values.styles.grid_size_columns = min(len(grouped), MAX_COLUMNS)
            values.mount_all(
                Static(
                    Content.assemble(
                        (value, value_style),
                        "\n",
                        (_sources_line([names.get(a, a) for a in articles]), source),
                    ),
                    classes="variant-value",
                    markup=False,
                )
                for value, articles in grouped.items()
            )
        body.update(self._variants(cluster, names, source))
        self.scroll_home(animate=False)

    def _title(self, cluster: Cluster) -> Content:
        kind = KIND_TAGS[cluster.kind]
        if cluster.discrepancy_type:
            kind += f" ({cluster.discrepancy_type})"
        notes: list[str] = []
        if cluster.change_over_time:
            notes.append("the sources may describe different moments (change over time)")
        if cluster.wire:
            notes.append("wire copy: sources are not independent")
        if cluster.verdict is not None:
            verdict = f"your verdict: {cluster.verdict.kind}"
            notes.append(verdict + (f" ({cluster.verdict.note})" if cluster.verdict.note else ""))
        if cluster.note:
            notes.append(cluster.note)
        sources = f"{cluster.support} source{'s' if cluster.support != 1 else ''}"
        return Content.assemble(
            (kind, "bold"),
            f" · {sources} · ",
            " ".join(cluster.label.split()),
            ("\n" + "; ".join(notes), "italic") if notes else "",
        )

    def _variants(self, cluster: Cluster, names: Mapping[str, str], source: Style) -> Content:
        changed = self.get_visual_style("variant--changed")
        parts: list[Content] = []
        for member in cluster.members:
            header = Content.assemble((names.get(member.article, member.article), source))
            if member.diff:
                text = "".join(piece.text for piece in member.diff)
                spans: list[Span] = []
                position = 0
                for piece in member.diff:
                    if piece.changed and piece.text.strip():
                        spans.append(Span(position, position + len(piece.text), changed))
                    position += len(piece.text)
                line = Content(text, spans)
            else:
                line = Content(member.text)
            parts.append(Content.assemble(header, "\n", line))
        return Content("\n\n").join(parts)


def _by_value(values: Mapping[str, str]) -> dict[str, list[str]]:
    """The articles giving each value, values in the order they first appear.

    One box per value, not per source: it shows at a glance how many sources agree, and a
    story of hundreds of sources gets a handful of boxes rather than hundreds of widgets.
    """
    grouped: dict[str, list[str]] = {}
    for article, value in values.items():
        grouped.setdefault(value, []).append(article)
    return grouped


def _sources_line(labels: list[str]) -> str:
    shown = ", ".join(labels[:SHOWN_SOURCES])
    rest = len(labels) - SHOWN_SOURCES
    return shown + (f" and {rest} more" if rest > 0 else "")
