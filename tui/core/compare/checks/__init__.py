"""The discrepancy checks, one module per kind, and the one registry that runs them.

A kind of discrepancy is one module holding its statement-level check (among aligned
statements) and its story-level check (across unlike sentences), and one line in
``CHECKS``. The order of ``CHECKS`` is the order of precedence: among aligned statements the
first kind that finds something names the discrepancy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tui.core.compare.align import Weights
from tui.core.compare.checks import acronym, contradiction, date, name, number, quote
from tui.core.compare.checks.base import DiscrepancyCheck, QuotesOf, StatementContext, StoryContext
from tui.core.compare.finding import Finding
from tui.core.model import Mention, Unit

CHECKS: tuple[DiscrepancyCheck, ...] = (
    number.CHECK,
    date.CHECK,
    quote.CHECK,
    name.CHECK,
    acronym.CHECK,
    contradiction.CHECK,
)


def classify(
    units: Sequence[Unit], story_order: Mapping[str, int], quotes_of: QuotesOf | None = None
) -> Finding | None:
    """The discrepancy among aligned units, most specific type first; ``None`` if they agree."""
    if len(units) < 2:
        return None
    context = StatementContext(story_order, quotes_of)
    for check in CHECKS:
        if check.in_statement is not None:
            found = check.in_statement(units, context)
            if found is not None:
                return found
    return None


def story_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    mentions: Mapping[str, Sequence[Mention]],
    group_of: Mapping[str, int],
) -> list[Finding]:
    """Every story-level finding, kind by kind in the order of ``CHECKS``."""
    context = StoryContext(weights, story_order, mentions, group_of)
    return [
        finding
        for check in CHECKS
        if check.across_story is not None
        for finding in check.across_story(units, context)
    ]
