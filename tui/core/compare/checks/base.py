"""What every discrepancy check shares: the context it is given, the shape a kind of check
takes in the registry (``checks/__init__.py``), and a few word helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from tui.core.compare.finding import Finding
from tui.core.compare.profile import Weights
from tui.core.model import Article, Mention, Quote, Unit
from tui.core.text.normalize import content_tokens

PRONOUNS = frozenset("he she they it we i you his her their officials official".split())
"""Words that stand for someone without naming them: never a speaker's key, never the word
a negation denies."""


Slot = TypeVar("Slot")


def reference_member(per_unit: Sequence[tuple[Unit, Sequence[Slot]]]) -> tuple[Unit, Sequence[Slot]] | None:
    """The member every other is compared with: the first (in story order) that gives any of
    the values a check compares; None when no member gives one. Comparing each member with
    one reference, never all pairs, keeps a statement carried by hundreds of sources linear."""
    return next(((u, values) for u, values in per_unit if values), None)


@lru_cache(maxsize=16384)
def token_set(text: str) -> frozenset[str]:
    """The content tokens of a short text (a quote, what a number counts), cached: the same
    texts are compared again and again."""
    return frozenset(content_tokens(text))


QuotesOf = Callable[[Unit], Sequence[Quote]]
"""The quotes overlapping a unit: a quotation running over several sentences belongs to each."""


@dataclass(frozen=True)
class StatementContext:
    """What a statement-level check may use besides the aligned units themselves.

    ``common_names`` holds the name words most sources use (the story's setting: "Aceh",
    "Indonesia"): a place every source names is where the story happens, never a rival place.
    """

    story_order: Mapping[str, int]
    articles: Mapping[str, Article]
    quotes_of: QuotesOf | None = None
    common_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StoryContext:
    """What a story-level check may use besides the story's units.

    ``group_of`` maps a unit id to its aligned statement (only for statements of two or more
    units), so a check can drop what one aligned statement already shows.
    """

    weights: Weights
    story_order: Mapping[str, int]
    mentions: Mapping[str, Sequence[Mention]]
    group_of: Mapping[str, int]
    articles: Mapping[str, Article]


StatementCheck = Callable[[Sequence[Unit], StatementContext], list[Finding]]
StoryCheck = Callable[[Sequence[Unit], StoryContext], list[Finding]]


@dataclass(frozen=True)
class DiscrepancyCheck:
    """One kind of discrepancy, as the registry runs it: how it is found among aligned
    statements, and across the whole story. A kind may have only one of the two."""

    kind: str
    in_statement: StatementCheck | None = None
    across_story: StoryCheck | None = None
    last_resort: bool = False
    """Run among aligned statements only when no other kind found a difference."""
