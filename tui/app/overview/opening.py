"""How the reader opens the overview, fold mode and two-source mode, and acts on what the user
chose there. The reader calls these from its key actions; they need only the few things a
``Reader`` offers, so this package does not import the reader's (and no cycle forms).

The overview is built once per comparison and kept: opening it again costs only drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual.app import App

from tui.app.overview.screen import Choice, OverviewScreen, Tab
from tui.app.widgets.article_pane import ArticlePane
from tui.core.model import Comparison
from tui.core.views.overview import Overview
from tui.export.glance import overview_of


class Reader(Protocol):
    """What the openers use of the reader screen."""

    comparison: Comparison | None
    panes: list[ArticlePane]
    focused_pane: int

    @property
    def app(self) -> App[None]: ...

    @property
    def current_cluster(self) -> str | None: ...

    @property
    def visible_panes(self) -> list[ArticlePane]: ...

    def jump_to(self, cluster_id: str) -> None: ...

    def focus_pane(self, index: int) -> None: ...


_built: tuple[Comparison, Overview] | None = None


def overview_for(comparison: Comparison) -> Overview:
    """The comparison's overview, built on first use and kept while the comparison is the same."""
    global _built
    if _built is None or _built[0] is not comparison:
        _built = (comparison, overview_of(comparison))
    return _built[1]


def _comparison(reader: Reader) -> Comparison | None:
    if reader.comparison is None:
        reader.app.notify("The comparison is still running.", markup=False)
    return reader.comparison


def open_overview(reader: Reader, tab: Tab = "who") -> None:
    """Push the overview; when it closes with a choice, act on it in the reader."""
    comparison = _comparison(reader)
    if comparison is None:
        return
    screen = OverviewScreen(comparison, overview_for(comparison), tab=tab, cluster=reader.current_cluster)
    reader.app.push_screen(screen, lambda choice: chosen(reader, choice))


def chosen(reader: Reader, choice: Choice | None) -> None:
    """Do what the user chose: go to a discrepancy, or read a source."""
    if choice is None:
        return
    index = _pane_index(reader.panes, choice.article)
    if choice.kind == "cluster" and choice.cluster is not None:
        reader.jump_to(choice.cluster)
        if index is not None:
            reader.focus_pane(index)
    elif choice.kind == "source" and index is not None:
        reader.focus_pane(index)


def _pane_index(panes: Sequence[ArticlePane], article: str | None) -> int | None:
    return next((pane.pane_index for pane in panes if pane.article.id == article), None)


def open_fold(reader: Reader) -> None:
    """Push fold mode over the sources the reader shows, at its current discrepancy."""
    comparison = _comparison(reader)
    if comparison is None:
        return
    from tui.app.overview.fold import FoldScreen

    shown = [pane.article.id for pane in reader.visible_panes] or [reader.panes[0].article.id]
    focused = reader.panes[reader.focused_pane].article.id if reader.panes else shown[0]
    screen = FoldScreen(comparison, shown, focused=focused, cluster=reader.current_cluster)
    reader.app.push_screen(screen, lambda cluster: _back_at(reader, cluster))


def _back_at(reader: Reader, cluster: str | None) -> None:
    if cluster is not None:
        reader.jump_to(cluster)


def open_two_sources(reader: Reader, left: str | None = None, right: str | None = None) -> None:
    """Push two-source mode; without both sources, first ask for the second one."""
    comparison = _comparison(reader)
    if comparison is None or not reader.panes:
        return
    if len(reader.panes) < 2:
        reader.app.notify("This story has one source: nothing to put beside it.", markup=False)
        return
    from tui.app.overview.pair import PairScreen, PickOther

    if left is None:
        left = reader.panes[reader.focused_pane].article.id
    if right is None:
        overview = overview_for(comparison)
        reader.app.push_screen(
            PickOther(overview, left, _next_shown(reader, left)),
            lambda other: open_two_sources(reader, left, other) if other else None,
        )
        return
    reader.app.push_screen(PairScreen(comparison, left, right), lambda cluster: _back_at(reader, cluster))


def _next_shown(reader: Reader, left: str) -> str | None:
    """The source of the next pane shown after ``left``'s (the pair the user is looking at)."""
    shown = [pane.article.id for pane in reader.visible_panes if pane.article.id != left]
    return shown[0] if shown else None
