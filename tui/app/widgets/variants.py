"""How each source words one cluster: the variants one under another, values side by side."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Static

from tui.core.model import Cluster, Story

KIND_TAGS = {"shared": "shared", "discrepancy": "DISCREPANCY", "unique": "unique"}


class VariantsView(VerticalScroll):
    """The current cluster's members, each with its word-level diff emphasised."""

    COMPONENT_CLASSES = {"variant--changed", "variant--source", "variant--value"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.cluster: Cluster | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Content("No fact selected: press ] for the next discrepancy."), id="variants-title", markup=False
        )
        yield Horizontal(id="variants-values")
        yield Static("", id="variants-body", markup=False)

    def show(self, cluster: Cluster | None, story: Story | None) -> None:
        """Display a cluster (None clears the view)."""
        self.cluster = cluster
        title = self.query_one("#variants-title", Static)
        values = self.query_one("#variants-values", Horizontal)
        body = self.query_one("#variants-body", Static)
        values.remove_children()
        if cluster is None or story is None:
            title.update(Content("No fact selected: press ] for the next discrepancy."))
            body.update("")
            return
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
        title.update(
            Content.assemble(
                (kind, "bold"),
                f"  {cluster.support} source(s)  ",
                cluster.label,
                ("\n" + "; ".join(notes), "italic") if notes else "",
            )
        )
        source = self.get_visual_style("variant--source")
        value_style = self.get_visual_style("variant--value")
        labels = {article.id: article.label for article in story.articles}
        if cluster.values:
            values.mount_all(
                Static(
                    Content.assemble(
                        (value, value_style),
                        "\n",
                        (_sources_line([labels.get(a, a) for a in articles]), source),
                    ),
                    classes="variant-value",
                    markup=False,
                )
                for value, articles in _by_value(cluster.values).items()
            )
        body.update(self._variants(cluster, labels, source))
        self.scroll_home(animate=False)

    def _variants(self, cluster: Cluster, labels: dict[str, str], source: Style) -> Content:
        changed = self.get_visual_style("variant--changed")
        parts: list[Content] = []
        for member in cluster.members:
            header = Content.assemble((labels.get(member.article, member.article), source))
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


SHOWN_SOURCES = 6
"""Sources named under a value; the rest are counted ("and 40 more")."""


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
