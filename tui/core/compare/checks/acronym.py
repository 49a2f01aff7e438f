"""Acronyms: one name written as two acronyms ("AMRAAM" against "Advanced Medium-Range Air
to Air Missiles (MRAAM)"): a letter added, dropped or changed, or an acronym matching the
initials of another source's spelled-out name. A story-level check only: aligned statements
never report these, so variants inside one aligned statement are reported here too."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StoryContext
from tui.core.compare.checks.pairs import MIN_SHARED, Components
from tui.core.compare.finding import Finding, Value
from tui.core.compare.profile import Weights
from tui.core.model import Unit
from tui.core.text.normalize import STOPWORDS

_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,9}(?![\w])")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
_CONNECTORS = frozenset("of to and for the on in".split())


@dataclass(frozen=True)
class AcronymUse:
    """An acronym in a unit, with its spelled-out form when the text gives one."""

    unit: Unit
    acronym: str
    start: int
    end: int
    initials: str | None = None
    expansion_start: int | None = None


def _initials(words: Sequence[str]) -> str:
    letters = []
    for word in words:
        if re.fullmatch(r"(?:[A-Z]\.)+", word):
            letters.append(word.replace(".", ""))
            continue
        for part in re.split(r"[-‐]", word):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def acronym_uses(unit: Unit) -> list[AcronymUse]:
    """Acronyms written in the unit; shouted runs of capitals (headlines) are not acronyms."""
    text = unit.text
    expansions: dict[int, tuple[str, int]] = {}
    for match in _PAREN_ACRONYM.finditer(text):
        before = list(re.finditer(r"\S+", text[: match.start()]))
        taken: list[re.Match[str]] = []
        for token in reversed(before):
            w = token.group()
            if len(taken) > len(match.group(1)) + 3:
                break
            if w[:1].isupper() or w in _CONNECTORS:
                taken.append(token)
            else:
                break
        while taken and taken[-1].group() in _CONNECTORS:
            taken.pop()
        taken.reverse()
        while (
            taken
            and taken[0].group().lower() in STOPWORDS
            and _initials([w.group() for w in taken]) != match.group(1)
        ):
            taken.pop(0)
        if taken:
            expansions[match.start(1)] = (_initials([w.group() for w in taken]), taken[0].start())
    out: list[AcronymUse] = []
    for match in _ACRONYM.finditer(text):
        word = match.group()
        if not any(c.isalpha() for c in word[1:]):
            continue
        left = text[max(0, match.start() - 12) : match.start()]
        right = text[match.end() : match.end() + 12]
        if re.search(r"[A-Z]{3,}\s*$", left) or re.match(r"\s*[A-Z]{3,}", right):
            continue
        initials, begin = expansions.get(match.start(), (None, None))
        out.append(
            AcronymUse(
                unit,
                word,
                unit.start + match.start(),
                unit.start + match.end(),
                initials,
                None if begin is None else unit.start + begin,
            )
        )
    return out


def one_edit_apart(a: str, b: str) -> bool:
    """True when one letter inserted, deleted or replaced turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def acronyms_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """One name written as two acronyms: a letter added, dropped or changed, or an acronym that
    matches the initials of the other source's spelled-out name. Aligned statements never
    report these, so variants inside one aligned statement are reported here too."""
    weights, story_order = context.weights, context.story_order
    uses: dict[str, list[AcronymUse]] = defaultdict(list)
    for unit in units:
        for use in acronym_uses(unit):
            uses[use.acronym].append(use)
    articles = {a: {u.unit.article for u in us} for a, us in uses.items()}
    names = sorted(uses)
    index = {name: i for i, name in enumerate(names)}
    parts = Components(len(names))
    linked: set[int] = set()
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for use in uses[name]:
            if use.initials and use.initials != name:
                by_initials[use.initials].add(name)
    pairs: set[tuple[str, str]] = set()
    for initials, owners in by_initials.items():
        if initials in uses:
            pairs.update((min(initials, o), max(initials, o)) for o in owners)
    by_length: dict[int, list[str]] = defaultdict(list)
    for name in names:
        by_length[len(name)].append(name)
    for name in names:
        if len(name) < 4:
            continue
        for other in by_length[len(name)] + by_length[len(name) + 1]:
            if (other > name or len(other) > len(name)) and (
                len(other) >= 4
                and one_edit_apart(name, other)
                and _contexts_meet(uses[name], uses[other], weights)
            ):
                pairs.add((min(name, other), max(name, other)))
    for a, b in sorted(pairs):
        if articles[a] & articles[b] or a == b:
            continue
        parts.join(index[a], index[b])
        linked.update((index[a], index[b]))
    findings = []
    for component in parts.groups(linked):
        all_uses = [use for k in component for use in uses[names[k]]]
        first: dict[str, AcronymUse] = {}
        for use in sorted(all_uses, key=lambda u: (story_order[u.unit.article], u.start)):
            first.setdefault(use.unit.article, use)
        values = {a: _acronym_value(u) for a, u in first.items()}
        groups: dict[str, list[str]] = defaultdict(list)
        for article, use in first.items():
            groups[use.acronym].append(article)
        findings.append(
            Finding(
                "name",
                values,
                tuple(tuple(g) for g in groups.values()),
                None,
                tuple(u.unit for u in first.values()),
            )
        )
    return findings


def _contexts_meet(left: Sequence[AcronymUse], right: Sequence[AcronymUse], weights: Weights) -> bool:
    a = frozenset(t for use in left[:3] for t in use.unit.tokens)
    b = frozenset(t for use in right[:3] for t in use.unit.tokens)
    shared = {t for t in a & b if t not in weights.common}
    return len(shared) >= MIN_SHARED


def _acronym_value(use: AcronymUse) -> Value:
    text = use.unit.text
    if use.expansion_start is None:
        return Value(use.acronym, use.start, use.end)
    end = use.end + (1 if text[use.end - use.unit.start : use.end - use.unit.start + 1] == ")" else 0)
    return Value(text[use.expansion_start - use.unit.start : end - use.unit.start], use.expansion_start, end)


CHECK = DiscrepancyCheck("acronym", across_story=acronyms_across_story)
