"""Job titles: one person given two different titles by different sources ("Jane Doe, head of
retail banking" / "Jane Doe, head of consumer lending").

A title is the apposition after a person's name, up to the next comma or full stop. Two
titles of one person (same surname) differ when each says something the other does not, past
the words they share: "spokesman of the national disaster agency" and "the agency's
spokesman" are one title said more or less fully; "head of retail banking" and "head of
consumer lending" are two.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.model import Unit
from tui.core.text.match import match_key
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS

_TITLE = re.compile(
    r"(?P<name>(?:[A-Z][a-z'’-]+\s){1,2}[A-Z][a-z'’-]+),\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<title>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,7}?)(?=,|\.|;|\s+(?:said|says|told|added)\b)"
)
TITLE_HEADS = frozenset(
    match_key(w)
    for w in """
head chief director manager president minister secretary spokesman spokeswoman spokesperson
officer official commander chairman chairwoman chair editor coach captain founder owner leader
professor lecturer analyst economist governor mayor senator judge lawyer attorney prosecutor
doctor surgeon nurse teacher principal engineer deputy executive ambassador envoy adviser advisor
""".split()
)
"""The nouns a title is built on: the apposition must hold one to be a title at all."""


@dataclass(frozen=True)
class _Title:
    unit: Unit
    surname: str
    keys: frozenset[str]
    start: int
    end: int
    text: str


def titles(unit: Unit) -> list[_Title]:
    """Every "Name, title," apposition of one statement."""
    return [
        _Title(unit, surname, keys, unit.start + start, unit.start + end, text)
        for surname, keys, start, end, text in _text_titles(unit.text)
    ]


@story_cache
def _text_titles(text: str) -> tuple[tuple[str, frozenset[str], int, int, str], ...]:
    """:func:`titles` of one text (offsets relative to it), once per distinct text."""
    out = []
    for match in _TITLE.finditer(text):
        words = re.findall(r"[\w'’-]+", match.group("title"))
        keys = frozenset(match_key(w) for w in words if w.lower() not in STOPWORDS)
        if not keys & TITLE_HEADS:
            continue
        surname = match.group("name").split()[-1].lower()
        start, end = match.span("title")
        out.append((surname, keys, start, end, match.group("title")))
    return tuple(out)


def _differ(a: _Title, b: _Title) -> bool:
    shared = a.keys & b.keys
    return bool(shared & TITLE_HEADS) and bool(a.keys - shared) and bool(b.keys - shared)


def _title_findings(units: Sequence[Unit], story_order: Mapping[str, int]) -> list[Finding]:
    """Each person given titles that differ by different sources, one finding per person."""
    by_person: dict[str, dict[str, _Title]] = defaultdict(dict)
    for unit in sorted(units, key=lambda u: (story_order[u.article], u.start)):
        for title in titles(unit):
            by_person[title.surname].setdefault(unit.article, title)
    out = []
    for surname in sorted(by_person):
        found = list(by_person[surname].values())
        if len(found) < 2 or not any(_differ(a, b) for a in found for b in found):
            continue
        groups: list[list[_Title]] = []
        for title in found:
            home = next((g for g in groups if not _differ(g[0], title)), None)
            if home is None:
                groups.append([title])
            else:
                home.append(title)
        values = {t.unit.article: Value(t.text, t.start, t.end) for t in found}
        out.append(
            Finding(
                "name",
                values,
                tuple(tuple(t.unit.article for t in g) for g in groups),
                f"title of {surname.title()}",
                tuple(t.unit for t in found),
            )
        )
    return out


def titles_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """A person titled differently in aligned statements."""
    return _title_findings(units, context.story_order)


def titles_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """A person titled differently anywhere in the story (what one statement shows is left to it)."""
    return not_within_one_group(_title_findings(units, context.story_order), context.group_of)


CHECK = DiscrepancyCheck("title", titles_in_statement, titles_across_story)
