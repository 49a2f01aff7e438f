"""Roles: a different person named in the same role ("Defense Minister X" against "Defense
Minister Y"), within one aligned statement or anywhere in the story."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.compare.wording import word_key
from tui.core.model import Unit
from tui.core.text.memo import story_cache

ROLE_WORDS = frozenset(
    """
minister secretary president premier chancellor governor mayor senator ambassador spokesman
spokeswoman spokesperson director chief commander general admiral chairman chairwoman chair
king queen prince princess emperor ceo head leader judge prosecutor attorney envoy deputy
undersecretary sheriff superintendent commissioner coach captain
""".split()
)
ROLE_ABBREVIATIONS = frozenset("gen lt col maj capt sgt adm cmdr sen rep gov brig".split())
_ROLE_FILLERS = frozenset({"of", "for", "the", "and"})
_CAP_WORD = r"[A-Z][\w’'.-]*"
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|for|the)\s+)?{_CAP_WORD})*")


@dataclass(frozen=True)
class RoleMention:
    """A person named with their role: "Japanese Defense Minister | Gen Nakatani"."""

    unit: Unit
    role: str
    key: frozenset[str]
    person: str
    start: int
    end: int

    @property
    def surname(self) -> str:
        """The person's last name, folded: how two mentions are judged the same person."""
        return word_key(self.person.split()[-1])


def _is_role(word: str) -> bool:
    low = word.lower()
    if low.endswith(".") and low[:-1] in ROLE_ABBREVIATIONS:
        return True
    return word_key(low) in ROLE_WORDS


def role_mentions(unit: Unit) -> list[RoleMention]:
    """Every "role + person name" run in the unit (roles need a role word; abbreviated ranks
    count only with their period, so the given name "Gen" is not taken for a rank)."""
    return [
        RoleMention(unit, role, key, person, unit.start + start, unit.start + end)
        for role, key, person, start, end in _text_roles(unit.text)
    ]


@story_cache
def _text_roles(text: str) -> tuple[tuple[str, frozenset[str], str, int, int], ...]:
    """:func:`role_mentions` of one text (offsets relative to it), once per distinct text."""
    out: list[tuple[str, frozenset[str], str, int, int]] = []
    for run in _CAP_RUN.finditer(text):
        words = [
            (m.group(), run.start() + m.start(), run.start() + m.end())
            for m in re.finditer(r"\S+", run.group())
        ]
        role_at = max((i for i, (w, _s, _e) in enumerate(words) if _is_role(w)), default=None)
        if role_at is None or role_at == len(words) - 1:
            continue
        person: list[tuple[str, int, int]] = []
        for word, start, _end in words[role_at + 1 :]:
            clean = re.sub(r"(?:['’]s)?[.,;:!?]*$", "", word)
            if not clean or not clean[0].isupper() or word.lower() in _ROLE_FILLERS or _is_role(word):
                break
            person.append((clean, start, start + len(clean)))
            if clean != word:
                break
        if not person or len(person) > 4 or not all(re.fullmatch(r"[^\W\d_][\w’'-]*", p[0]) for p in person):
            continue
        role_words = [w for w, _s, _e in words[: role_at + 1]]
        key = frozenset(word_key(w) for w in role_words if w.lower() not in _ROLE_FILLERS)
        out.append((" ".join(role_words), key, " ".join(p[0] for p in person), person[0][1], person[-1][2]))
    return tuple(out)


def role_families(mentions: Sequence[RoleMention]) -> dict[frozenset[str], list[RoleMention]]:
    """Mentions grouped by role: a role written more fully ("Japanese Defense Minister") takes in
    the shorter forms it contains ("Defense Minister"); a form that fits two roles is dropped,
    and so is any one-word role ("Minister" alone could be anyone's)."""
    keys = {m.key for m in mentions if len(m.key) >= 2}
    maximal = [k for k in keys if not any(k < other for other in keys)]
    families: dict[frozenset[str], list[RoleMention]] = {}
    for mention in mentions:
        if len(mention.key) < 2:
            continue
        homes = [k for k in maximal if mention.key <= k]
        if len(homes) == 1:
            families.setdefault(homes[0], []).append(mention)
    return families


def name_finding_from(mentions: Sequence[RoleMention], story_order: Mapping[str, int]) -> Finding | None:
    """Different people named in one role by different sources (first mention per source)."""
    first: dict[str, RoleMention] = {}
    for mention in sorted(mentions, key=lambda m: (story_order[m.unit.article], m.start)):
        first.setdefault(mention.unit.article, mention)
    if len({m.surname for m in first.values()}) < 2:
        return None
    groups: dict[str, list[str]] = {}
    for article, mention in first.items():
        groups.setdefault(mention.surname, []).append(article)
    values = {a: Value(m.person, m.start, m.end) for a, m in first.items()}
    role = max((m.role for m in first.values()), key=lambda r: (len(r.split()), r))
    return Finding(
        "name", values, tuple(tuple(g) for g in groups.values()), role, tuple(m.unit for m in first.values())
    )


def names_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Different people in the same role among aligned units, one finding per role."""
    mentions = [m for u in units for m in role_mentions(u)]
    out = []
    for family in sorted(role_families(mentions).values(), key=lambda f: (f[0].unit.index, f[0].start)):
        found = name_finding_from(family, context.story_order)
        if found is not None:
            out.append(found)
    return out


def names_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """Different people named in the same role by different sources."""
    mentions = [m for u in units for m in role_mentions(u)]
    families = role_families(mentions)
    findings = []
    for key in sorted(families, key=lambda k: sorted(k)):
        found = name_finding_from(families[key], context.story_order)
        if found is not None:
            findings.append(found)
    return not_within_one_group(findings, context.group_of)


CHECK = DiscrepancyCheck("role", names_in_statement, names_across_story)
