"""Where someone was hit: "shot in the chest" against "shot in the head", "a blow in the groin"
against "smote him in the thigh".

A wound's place is a part of the body named after a preposition of place ("in the neck",
"near the shoulder", "just below the throat") in a clause that tells a blow, a shot or a wound.
Among aligned statements every such place is compared; across the story, the places one
attacker is said to have struck (the name before the verb, "Brutus smote him in the thigh")
are compared source by source, so two accounts of the same blow in unlike sentences meet.
One blow cannot land in two places: the two accounts contradict each other, as "on land" and
"at sea" do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.model import Unit
from tui.core.text.match import match_key
from tui.core.text.memo import story_cache

BODY_PARTS = frozenset(
    match_key(w)
    for w in """
head skull face forehead eye eyes cheek jaw mouth ear ears neck throat nape shoulder shoulders
chest breast heart lung lungs back spine side ribs rib stomach belly abdomen groin hip hips
arm arms elbow wrist hand hands finger fingers leg legs thigh thighs knee knees shin ankle foot
feet buttock buttocks torso temple
""".split()
)
"""The parts of the body a report names for where a blow, a shot or a wound landed."""
_PLACE = re.compile(
    r"\b(?P<prep>in|into|to|on|at|near|below|above|under|through|between|across)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|one\s+)?(?:(?:left|right|upper|lower)\s+)?"
    r"(?P<part>[a-z]+(?:-[a-z]+)?)\b",
    re.IGNORECASE,
)
_BLOW = re.compile(
    r"(?i)\b(?:stab\w*|shot|shoot\w*|wound\w*|struck|strike\w*|hit|hits|blow|blows|smote|smite\w*|"
    r"slash\w*|punch\w*|kick\w*|beat|beaten|injur\w*|dagger|knife|bullet\w*|gunshot)\b"
)
_CLAUSE = re.compile(r"[;:.!?]|,\s+(?:and|but|while|whereas)\b|\band\s+(?=[A-Z])")
_AGENT = re.compile(
    r"([A-Z][a-z]+)(?:\s+(?:also|then|first|now|too|who|himself|herself))?\s+"
    r"(?:stab\w*|shot|struck|hit|smote|gave|drove|wounded|slashed|fired)\b"
)


@dataclass(frozen=True)
class Wound:
    """Where a blow landed, in one statement, and who struck it when the clause says."""

    unit: Unit
    start: int
    end: int
    text: str
    part: str
    agent: str | None


def wounds(unit: Unit) -> list[Wound]:
    """The body parts named as where a blow landed, clause by clause."""
    return [
        Wound(unit, unit.start + start, unit.start + end, text, part, agent)
        for start, end, text, part, agent in _text_wounds(unit.text)
    ]


@story_cache
def _text_wounds(text: str) -> tuple[tuple[int, int, str, str, str | None], ...]:
    """:func:`wounds` of one text (offsets relative to it), once per distinct text."""
    out = []
    begin = 0
    for cut in [*(m.start() for m in _CLAUSE.finditer(text)), len(text)]:
        clause = text[begin:cut]
        if _BLOW.search(clause):
            for match in _PLACE.finditer(clause):
                part = match_key(match.group("part"))
                if part in BODY_PARTS:
                    agents = list(_AGENT.finditer(clause, 0, match.start()))
                    start, end = begin + match.start(), begin + match.end()
                    agent = match_key(agents[-1].group(1)) if agents else None
                    out.append((start, end, text[start:end], part, agent))
        begin = cut
    return tuple(out)


def _finding(found: Sequence[Wound], subject: str) -> Finding | None:
    groups: dict[str, list[str]] = {}
    values: dict[str, Value] = {}
    for wound in found:
        if wound.unit.article in values:
            continue
        values[wound.unit.article] = Value(wound.text, wound.start, wound.end)
        groups.setdefault(wound.part, []).append(wound.unit.article)
    if len(groups) < 2:
        return None
    units = tuple(dict.fromkeys(w.unit for w in found if w.unit.article in values))
    return Finding("contradiction", values, tuple(tuple(g) for g in groups.values()), subject, units)


def wounds_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Aligned statements that put a blow in different parts of the body (the first each names)."""
    firsts = [w[0] for w in (wounds(u) for u in units) if w]
    found = _finding(firsts, "where the blow landed") if len(firsts) >= 2 else None
    return [] if found is None else [found]


def wounds_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """The part of the body each source says one attacker struck, when sources differ."""
    by_agent: dict[str, list[Wound]] = defaultdict(list)
    for unit in sorted(units, key=lambda u: (context.story_order[u.article], u.start)):
        for wound in wounds(unit):
            if wound.agent is not None:
                by_agent[wound.agent].append(wound)
    out = []
    for agent in sorted(by_agent):
        found = _finding(by_agent[agent], f"where {agent.title()} struck")
        if found is not None:
            out.append(found)
    return not_within_one_group(out, context.group_of)


CHECK = DiscrepancyCheck("wound", wounds_in_statement, wounds_across_story)
