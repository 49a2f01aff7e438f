"""The discrepancy checks, one module per kind, and the one registry that runs them.

A kind of discrepancy is one module holding its statement-level check (among aligned
statements) and its story-level check (across unlike sentences), and one line in
``CHECKS``. Every check runs and every differing slot is reported; the order of ``CHECKS`` is
the order of precedence where two kinds would show the same value (a spelled name is a
spelling, not also a different name), and a check marked ``last_resort`` (a contradiction)
only speaks when nothing more specific differs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tui.core.compare.checks import (
    acronym,
    contradiction,
    date,
    name,
    number,
    quote,
    setting,
    spelling,
    substituted_name,
    time,
    title,
    wording,
    wound,
)
from tui.core.compare.checks.base import DiscrepancyCheck, QuotesOf, StatementContext, StoryContext
from tui.core.compare.finding import Finding
from tui.core.compare.profile import Weights
from tui.core.model import Article, Mention, Unit

CHECKS: tuple[DiscrepancyCheck, ...] = (
    number.CHECK,
    date.CHECK,
    time.CHECK,
    quote.CHECK,
    spelling.CHECK,
    name.CHECK,
    title.CHECK,
    substituted_name.CHECK,
    acronym.CHECK,
    wound.CHECK,
    setting.CHECK,
    contradiction.CHECK,
    wording.CHECK,
)


def statement_findings(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Every difference among aligned units, kind by kind; ``[]`` when they agree."""
    if len({u.article for u in units}) < 2:
        return []
    found: list[Finding] = []
    for check in CHECKS:
        if check.in_statement is None or (check.last_resort and found):
            continue
        found.extend(f for f in check.in_statement(units, context) if not _shown(f, found))
    return _one_event(found)


def _one_event(found: list[Finding]) -> list[Finding]:
    """Statements that differ in where it happened and in a figure tell two events ("A car bomb
    in Kabul killed 12" / "... in Kandahar killed 8"), not one event told differently: neither
    difference is a discrepancy."""
    places = [f for f in found if f.type == "name" and f.subject == "place"]
    numbers = [f for f in found if f.type == "number"]
    split = {
        id(f)
        for p in places
        for f in (p, *numbers)
        if any(set(p.values) & set(n.values) and _splits_alike(p, n) for n in numbers)
    }
    return [f for f in found if id(f) not in split]


def _splits_alike(a: Finding, b: Finding) -> bool:
    """Whether two findings part the sources they share in the same way."""
    shared = set(a.values) & set(b.values)
    side_a = {frozenset(shared & set(g)) for g in a.groups} - {frozenset()}
    side_b = {frozenset(shared & set(g)) for g in b.groups} - {frozenset()}
    return len(side_a) > 1 and side_a == side_b


def _shown(finding: Finding, earlier: Sequence[Finding]) -> bool:
    """Whether an earlier (more specific) finding already shows one of this one's values (its
    value holds this one's: the role's holder is not also a different name)."""
    return any(
        w.start <= v.start and v.end <= w.end
        for other in earlier
        for article, v in finding.values.items()
        if (w := other.values.get(article)) is not None
    )


def story_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    mentions: Mapping[str, Sequence[Mention]],
    group_of: Mapping[str, int],
    articles: Mapping[str, Article],
) -> list[Finding]:
    """Every story-level finding, kind by kind in the order of ``CHECKS``."""
    context = StoryContext(weights, story_order, mentions, group_of, articles)
    return [
        finding
        for check in CHECKS
        if check.across_story is not None
        for finding in check.across_story(units, context)
    ]


__all__ = ["CHECKS", "QuotesOf", "StatementContext", "statement_findings", "story_findings"]
