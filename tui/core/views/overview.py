"""The story at a glance: who says what, who agrees with whom, each source's shares, and
values over time, all from one ``Comparison``.

The overview screen and the Markdown and HTML exports read this one object, so they show the
same numbers. ``origin`` maps each article to its independent origin (wire copy joined); the
engine computes it from the comparison's wire pairs (``tui.core.compare.phrases.origins``),
and the callers pass it in because the views sit below the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.model import Article, Comparison
from tui.core.views.agreement import Agreement, pairwise_agreement
from tui.core.views.shares import SourceShare, source_shares
from tui.core.views.timeline import TimelineRow, story_date, timeline
from tui.core.views.who_says import ValueRow, value_rows


@dataclass(frozen=True)
class Source:
    """A source as the overview names it: its label, its ISO date, its origin."""

    article: str
    label: str
    date: str | None
    origin: str


@dataclass(frozen=True)
class Overview:
    """Everything the four views show, with the sources in one reading order (copying groups
    together); every row's cells and every grid follow ``sources``."""

    sources: tuple[Source, ...]
    rows: tuple[ValueRow, ...]
    agreement: Agreement
    shares: tuple[SourceShare, ...]
    timeline: tuple[TimelineRow, ...]

    def index(self, article_id: str) -> int:
        """Where a source sits in the order (``ValueError`` if it is unknown)."""
        return [s.article for s in self.sources].index(article_id)

    def row(self, cluster_id: str) -> ValueRow:
        """The who-says-what row of one discrepancy (``KeyError`` if there is none)."""
        for row in self.rows:
            if row.cluster == cluster_id:
                return row
        raise KeyError(cluster_id)

    @property
    def independent(self) -> int:
        """How many independent origins the sources come from."""
        return len({s.origin for s in self.sources})


def build_overview(comparison: Comparison, origin: Mapping[str, str]) -> Overview:
    """The overview of ``comparison``; ``origin`` as the engine's ``origins`` gives it."""
    agreement = pairwise_agreement(comparison, origin)
    order = agreement.order
    by_id: dict[str, Article] = {a.id: a for a in comparison.articles}
    sources = tuple(Source(a, by_id[a].label, story_date(by_id[a].date), origin.get(a, a)) for a in order)
    rows = value_rows(comparison, order, origin)
    dates = [source.date for source in sources]
    over_time = tuple(
        line for row in rows if (line := timeline(row.cluster, row.cells, order, dates)) is not None
    )
    return Overview(sources, rows, agreement, source_shares(comparison, order), over_time)
