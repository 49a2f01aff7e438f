"""The list of clusters (facts), filterable by kind or by entity, that drives navigation."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.model import Cluster, Comparison

FILTERS = ("all", "discrepancy", "shared", "unique", "entity")
"""Filter names in key order: key 1 is "all", key 5 cycles through entities."""

LABEL_CHARS = 160
"""Labels are cut to one line's worth so the list stays scannable; the variants show all."""

TAGS = {"shared": "=", "discrepancy": "≠", "unique": "◆"}
"""The glyph of each kind, as in the panes' gutters."""

FILL_CHUNK = 500
"""Options added per step: a story of tens of thousands of facts fills its list a chunk per
frame instead of freezing the reader for seconds when the comparison lands."""

MARKED = "●"
"""Gutter glyph of a fact marked for export (Space), so the marked set is visible before ``x``."""


class FactsPanel(Vertical):
    """Clusters in story order; Enter makes one current (every pane scrolls to it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "filter('all')", "All facts", show=False),
        Binding("2", "filter('discrepancy')", "Only discrepancies", show=False),
        Binding("3", "filter('shared')", "Only shared facts", show=False),
        Binding("4", "filter('unique')", "Only unique statements", show=False),
        Binding("5", "filter('entity')", "By entity (press again: next entity)", show=False),
    ]
    """Filter keys; they work while the facts list has focus."""

    @dataclass
    class ClusterChosen(Message):
        """The user picked a cluster in the list."""

        cluster_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison: Comparison | None = None
        self.filter = "all"
        self.entity: str | None = None
        self.preferred_entity: str | None = None
        self.marked: frozenset[str] = frozenset()
        self.shown: list[Cluster] = []
        self._filled = 0
        """How many of ``shown`` are in the option list so far."""
        self._fill_round = 0
        """Bumped on every refill, so a chunk scheduled for an older filter does nothing."""
        self._count_width = 1
        """Digits of the largest source count: every row's count column is this wide."""

    def compose(self) -> ComposeResult:
        yield Static("", id="facts-title", markup=False)
        yield OptionList(id="facts-list")

    def on_mount(self) -> None:
        self._refresh_list()

    def set_comparison(self, comparison: Comparison) -> None:
        """Fill the list from a finished comparison."""
        self.comparison = comparison
        self._count_width = len(str(max((c.support for c in comparison.clusters), default=1)))
        self._refresh_list()

    def action_filter(self, name: str) -> None:
        """Show only one kind of cluster; "entity" starts at the sidebar's entity, then steps on."""
        if name == "entity":
            entities = self._entities()
            if not entities:
                self.app.notify("No entity appears in any fact.", markup=False)
                return
            if self.filter == "entity" and self.entity in entities:
                self.entity = entities[(entities.index(self.entity) + 1) % len(entities)]
            elif self.preferred_entity in entities:
                self.entity = self.preferred_entity
            else:
                self.entity = entities[0]
        self.filter = name
        self._refresh_list()

    def follow_entity(self, entity_id: str | None) -> None:
        """Track the entity chosen in the sidebar: key 5 starts there, an entity filter switches to it."""
        self.preferred_entity = entity_id
        if entity_id is not None and self.filter == "entity" and entity_id != self.entity:
            self.entity = entity_id
            self._refresh_list()

    def set_marked(self, marked: frozenset[str]) -> None:
        """Show which facts are marked for export, keeping the list cursor where it is."""
        changed = marked ^ self.marked
        self.marked = marked
        options = self.query_one("#facts-list", OptionList)
        for cluster in self.shown[: self._filled]:  # later chunks are drawn with the marks
            if cluster.id in changed:
                options.replace_option_prompt(cluster.id, self._prompt(cluster))

    def _entities(self) -> list[str]:
        if self.comparison is None:
            return []
        used = {e for cluster in self.comparison.clusters for e in cluster.entities}
        return [entity.id for entity in self.comparison.entities if entity.id in used]

    def _matches(self, cluster: Cluster) -> bool:
        if self.filter == "all":
            return True
        if self.filter == "entity":
            return self.entity in cluster.entities
        return cluster.kind == self.filter

    def _refresh_list(self) -> None:
        title = self.query_one("#facts-title", Static)
        options = self.query_one("#facts-list", OptionList)
        options.clear_options()
        if self.comparison is None:
            self.shown = []
            title.update(Content("Facts: waiting for the comparison..."))
            return
        self.shown = [c for c in self.comparison.clusters if self._matches(c)]
        self._filled = 0
        self._fill_round += 1
        self._fill(self._fill_round)
        if self.shown:
            options.highlighted = 0
        label = self.filter
        if self.filter == "entity" and self.entity:
            names = {e.id: e.name for e in self.comparison.entities}
            label = f"entity: {names.get(self.entity, self.entity)}"
        title.update(
            Content.assemble(
                ("Facts", "bold"),
                f" [{label}] {len(self.shown)} of {len(self.comparison.clusters)}",
                ("   Enter go  Space mark  1 all  2 ≠  3 =  4 ◆  5 entity", "dim"),
            )
        )

    def _prompt(self, cluster: Cluster) -> Content:
        """``● ≠  3 number        Death toll: ...``: marked, kind glyph, sources, type, label;
        fixed-width columns whatever the number of sources."""
        kind = cluster.discrepancy_type or cluster.kind
        label = " ".join(cluster.label.split())
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1] + "…"
        mark = MARKED if cluster.id in self.marked else " "
        return Content.assemble(
            (mark, "bold"),
            (f" {TAGS[cluster.kind]} {cluster.support:>{self._count_width}} ", "bold"),
            (f"{kind:<14}", "italic"),
            label,
        )

    def _fill(self, fill_round: int, upto: int = 0) -> None:
        """Add the next chunk of options (at least up to ``upto``), then schedule the rest."""
        if fill_round != self._fill_round or self._filled >= len(self.shown):
            return
        end = min(len(self.shown), max(self._filled + FILL_CHUNK, upto))
        options = self.query_one("#facts-list", OptionList)
        options.add_options(Option(self._prompt(c), id=c.id) for c in self.shown[self._filled : end])
        self._filled = end
        if end < len(self.shown):
            self.set_timer(0.02, partial(self._fill, fill_round))

    def highlight(self, cluster_id: str | None) -> None:
        """Move the list cursor to a cluster (when the filter shows it)."""
        options = self.query_one("#facts-list", OptionList)
        for index, cluster in enumerate(self.shown):
            if cluster.id == cluster_id:
                self._fill(self._fill_round, upto=index + 1)
                options.highlighted = index
                return

    @on(OptionList.OptionSelected, "#facts-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ClusterChosen(event.option.id))
