"""The overview screen: the story at a glance in four views, one tab each.

Who says what (a row per discrepancy), who agrees with whom (a heat map of sources), per
source (a bar per source) and over time (values date by date). Enter leaves the overview with
a ``Choice`` (go to a discrepancy, read a source, open two sources side by side); the reader
acts on it. The views are grid models of one ``Overview``, laid out again when the terminal
is resized.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from tui.app.overview.grid import GlanceGrid, GridModel
from tui.app.overview.models import LEGENDS, OverTime, PerSource, WhoAgrees, WhoSaysWhat
from tui.core.views.overview import Overview
from tui.export.glance import OVER_TIME, PER_SOURCE, WHO_AGREES, WHO_SAYS_WHAT, plural

Tab = Literal["who", "agree", "shares", "time"]
TABS: tuple[tuple[Tab, str], ...] = (
    ("who", WHO_SAYS_WHAT),
    ("agree", WHO_AGREES),
    ("shares", PER_SOURCE),
    ("time", OVER_TIME),
)


@dataclass(frozen=True)
class Choice:
    """What the user chose in the overview: a discrepancy to go to (and the source to look at
    first), a source to read, or two sources to see side by side."""

    kind: Literal["cluster", "source", "pair"]
    cluster: str | None = None
    article: str | None = None
    other: str | None = None


def layout(tab: Tab, overview: Overview, width: int) -> GridModel:
    """The grid model of one view for a terminal ``width``."""
    if tab == "who":
        return WhoSaysWhat(overview, width)
    if tab == "agree":
        return WhoAgrees(overview, width)
    if tab == "shares":
        return PerSource(overview, width)
    return OverTime(overview, width)


class OverviewScreen(Screen[Choice | None]):
    """Four views of one overview; Enter chooses, Escape goes back to the panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "back", "Back to the panes"),
        Binding("1", "show('who')", WHO_SAYS_WHAT, show=False),
        Binding("2", "show('agree')", WHO_AGREES, show=False),
        Binding("3", "show('shares')", PER_SOURCE, show=False),
        Binding("4", "show('time')", OVER_TIME, show=False),
    ]

    def __init__(self, overview: Overview, *, tab: Tab = "who", cluster: str | None = None) -> None:
        super().__init__()
        self.overview = overview
        self.first_tab = tab
        self.cluster = cluster
        """The reader's current discrepancy: who-says-what opens with its row under the cursor."""

    def compose(self) -> ComposeResult:
        overview = self.overview
        summary = (
            f"{plural(len(overview.sources), 'source')}, {plural(overview.independent, 'independent origin')}, "
            f"{plural(len(overview.rows), 'discrepancy', 'discrepancies')} · 1-4 views · Enter opens · Esc back"
        )
        yield Static(Content(summary), id="glance-title", classes="glance-legend")
        width = self.app.size.width
        with TabbedContent(initial=f"tab-{self.first_tab}"):
            for tab, title in TABS:
                with TabPane(title, id=f"tab-{tab}"):
                    yield GlanceGrid(layout(tab, overview, width), id=f"grid-{tab}")
                    yield Static("", id=f"detail-{tab}", classes="glance-detail", markup=False)
                    yield Static("", id=f"legend-{tab}", classes="glance-legend", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        row = 0
        if self.cluster is not None:
            row = next((i for i, r in enumerate(self.overview.rows) if r.cluster == self.cluster), 0)
        for tab, _title in TABS:
            grid = self.grid(tab)
            grid.cursor = (row if tab == "who" else 0, 0)
            self._describe(grid)
            legend = Content.assemble(
                *((text, grid.get_visual_style(name)) if name else text for text, name in LEGENDS[tab])
            )
            self.query_one(f"#legend-{tab}", Static).update(legend)
        self.call_after_refresh(self._reveal_first)

    def _reveal_first(self) -> None:
        grid = self.grid(self.first_tab)
        grid.move_to(*grid.cursor)
        grid.focus()

    def grid(self, tab: Tab) -> GlanceGrid:
        """The grid of one view."""
        return self.query_one(f"#grid-{tab}", GlanceGrid)

    @property
    def tab(self) -> Tab:
        """The view shown now."""
        active = self.query_one(TabbedContent).active
        return next((tab for tab, _ in TABS if f"tab-{tab}" == active), "who")

    def on_resize(self, event: Resize) -> None:
        for tab, _title in TABS:
            grid = self.grid(tab)
            grid.set_model(layout(tab, self.overview, event.size.width))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.call_after_refresh(self.grid(self.tab).focus)

    def action_show(self, tab: Tab) -> None:
        """Show one view."""
        self.query_one(TabbedContent).active = f"tab-{tab}"
        self.grid(tab).focus()

    def action_back(self) -> None:
        """Back to the panes, where they were."""
        self.dismiss(None)

    def on_glance_grid_moved(self, message: GlanceGrid.Moved) -> None:
        self._describe(message.grid)

    def _describe(self, grid: GlanceGrid) -> None:
        tab = (grid.id or "grid-who").removeprefix("grid-")
        self.query_one(f"#detail-{tab}", Static).update(Content(grid.model.detail(*grid.cursor)))

    def on_glance_grid_chosen(self, message: GlanceGrid.Chosen) -> None:
        model, overview = message.grid.model, self.overview
        row, column = message.row, message.column
        choice: Choice | None = None
        if isinstance(model, WhoSaysWhat) and overview.rows:
            article = overview.sources[column].article if model.by_source else None
            choice = Choice("cluster", cluster=overview.rows[row].cluster, article=article)
        elif isinstance(model, WhoAgrees) and row != column:
            choice = Choice(
                "pair", article=overview.sources[row].article, other=overview.sources[column].article
            )
        elif isinstance(model, PerSource) and overview.shares:
            choice = Choice("source", article=overview.shares[row].article)
        elif isinstance(model, OverTime) and (cluster := model.cluster_at(row)) is not None:
            choice = Choice("cluster", cluster=cluster)
        if choice is not None:
            self.dismiss(choice)
