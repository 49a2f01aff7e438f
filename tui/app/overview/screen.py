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
from textual.events import Click, Resize
from textual.screen import Screen
from textual.widgets import Static

from tui.app.overview.grid import GRID_CLASSES, GlanceGrid, GridModel
from tui.app.overview.models import LEGENDS, OverTime, PerSource, WhoAgrees, WhoSaysWhat
from tui.core.model import Comparison
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
    first), or a source to read."""

    kind: Literal["cluster", "source"]
    cluster: str | None = None
    article: str | None = None


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
    """Four views of one overview in one grid; 1-4 switch, Enter chooses, Escape goes back.

    One grid, one detail line and one legend serve the four views (a model each, swapped on
    1-4), and a plain line of text is the tab bar: every widget on a screen costs time to
    style and lay out when it opens, and the target is under 100 ms with 200 sources.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = Screen.COMPONENT_CLASSES | GRID_CLASSES

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "back", "Back to the panes"),
        Binding("1", "show('who')", WHO_SAYS_WHAT),
        Binding("2", "show('agree')", WHO_AGREES),
        Binding("3", "show('shares')", PER_SOURCE),
        Binding("4", "show('time')", OVER_TIME),
    ]

    def __init__(
        self, comparison: Comparison, overview: Overview, *, tab: Tab = "who", cluster: str | None = None
    ) -> None:
        super().__init__()
        self.comparison = comparison
        self.overview = overview
        self.tab: Tab = tab
        """The view shown now."""
        self.cursors: dict[Tab, tuple[int, int]] = {name: (0, 0) for name, _ in TABS}
        """Where each view's cursor was left, so switching back returns there."""
        if cluster is not None:
            row = next((i for i, r in enumerate(overview.rows) if r.cluster == cluster), 0)
            self.cursors["who"] = (row, 0)
        self.models: dict[Tab, GridModel] = {}
        self.opened = False
        """True once a view is shown (its cursor is then the grid's)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="glance-tabs", markup=False)
        yield GlanceGrid(self._model(self.tab, self.app.size.width), id="glance-grid")
        yield Static("", id="glance-detail", classes="glance-detail", markup=False)
        yield Static("", id="glance-legend", classes="glance-legend", markup=False)

    def on_mount(self) -> None:
        self._show(self.tab)
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self.call_after_refresh(self._legend)  # the new theme's styles are applied by then

    @property
    def grid(self) -> GlanceGrid:
        """The one grid that shows the current view."""
        return self.query_one(GlanceGrid)

    def _model(self, tab: Tab, width: int) -> GridModel:
        model = self.models.get(tab)
        if model is None or model.width != width:
            model = layout(tab, self.overview, width)
            self.models[tab] = model
        return model

    def _show(self, tab: Tab) -> None:
        grid = self.grid
        if self.opened:
            self.cursors[self.tab] = grid.cursor  # leaving a view: remember where its cursor was
        self.opened = True
        self.tab = tab
        grid.set_model(self._model(tab, self.size.width or self.app.size.width))
        grid.cursor = self.cursors[tab]
        self._tabs()
        legend = Content.assemble(
            *((text, self.get_visual_style(name)) if name else text for text, name in LEGENDS[tab])
        )
        self.query_one("#glance-legend", Static).update(legend, layout=False)
        grid.focus()
        if grid.cursor != (0, 0):  # bring it into view once the grid has its size
            self.call_after_refresh(grid.move_to, *grid.cursor)
        self._describe()

    def _legend(self) -> None:
        """What the marks of the view shown mean, in the colours the grid draws them."""
        pieces = LEGENDS[self.tab]
        legend = Content.assemble(
            *((text, self.get_visual_style(name)) if name else text for text, name in pieces)
        )
        self.query_one("#glance-legend", Static).update(legend, layout=False)

    def _tabs(self) -> None:
        """The tab bar: the four views by key, the one shown reversed, then the story's numbers."""
        overview = self.overview
        parts: list[str | tuple[str, str]] = []
        for number, (tab, title) in enumerate(TABS, start=1):
            parts.append((f" {number} {title} ", "reverse bold" if tab == self.tab else ""))
            parts.append(" ")
        parts.append(
            (
                f" {plural(len(overview.sources), 'source')}, {plural(overview.independent, 'origin')}, "
                f"{plural(len(overview.rows), 'discrepancy', 'discrepancies')} \u00b7 Enter opens \u00b7 Esc back",
                "dim",
            )
        )
        self.query_one("#glance-tabs", Static).update(Content.assemble(*parts), layout=False)

    def on_click(self, event: Click) -> None:
        if event.widget is None or event.widget.id != "glance-tabs":
            return
        x = 0
        for number, (tab, title) in enumerate(TABS, start=1):
            width = len(f" {number} {title} ") + 1
            if x <= event.x < x + width:
                self._show(tab)
                return
            x += width

    def on_resize(self, event: Resize) -> None:
        self.grid.set_model(self._model(self.tab, event.size.width))

    def action_show(self, tab: Tab) -> None:
        """Show one view."""
        if tab != self.tab:
            self._show(tab)

    def action_back(self) -> None:
        """Back to the panes, where they were."""
        self.dismiss(None)

    def on_glance_grid_moved(self, message: GlanceGrid.Moved) -> None:
        self._describe()

    def _describe(self) -> None:
        grid = self.grid
        self.query_one("#glance-detail", Static).update(
            Content(grid.model.detail(*grid.cursor)), layout=False
        )

    def detail(self) -> str:
        """The detail line's text: what the cell under the cursor means."""
        grid = self.grid
        return grid.model.detail(*grid.cursor)

    def _compare(self, left: str, right: str) -> None:
        """Two sources side by side over the overview: Esc comes back to the heat map, Enter on
        a row goes on to the panes at its fact."""
        from tui.app.overview.pair import PairScreen

        def back(cluster: str | None) -> None:
            if cluster is not None:
                self.dismiss(Choice("cluster", cluster=cluster, article=left))

        self.app.push_screen(PairScreen(self.comparison, left, right), back)

    def on_glance_grid_chosen(self, message: GlanceGrid.Chosen) -> None:
        model, overview = message.grid.model, self.overview
        row, column = message.row, message.column
        choice: Choice | None = None
        if isinstance(model, WhoSaysWhat) and overview.rows:
            article = overview.sources[column].article if model.by_source else None
            choice = Choice("cluster", cluster=overview.rows[row].cluster, article=article)
        elif isinstance(model, WhoAgrees) and row != column:
            self._compare(overview.sources[row].article, overview.sources[column].article)
        elif isinstance(model, PerSource) and overview.shares:
            choice = Choice("source", article=overview.shares[row].article)
        elif isinstance(model, OverTime) and (cluster := model.cluster_at(row)) is not None:
            choice = Choice("cluster", cluster=cluster)
        if choice is not None:
            self.dismiss(choice)
