"""Story-level checks: differences that sentence alignment cannot see.

Sources often give the same fact in sentences that otherwise share nothing ("about 60,000 ...
personnel stationed in Japan" vs "The 55,000 U.S. troops in Japan"), quote one speaker in two
different places, or spell one name two ways. These checks look across the whole story, using
capped inverted indexes so they stay near-linear, and return findings whose members are the
units carrying each value.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable, Iterable, Iterator, Mapping, Sequence

from tui.core.compare.align import Weights
from tui.core.compare.classify import (
    AcronymUse,
    Finding,
    Value,
    acronym_uses,
    common_counted,
    intervals_overlap,
    magnitude_ratio,
    name_finding_from,
    number_groups,
    one_edit_apart,
    plain_words,
    predicate,
    quote_relation,
    quote_result,
    role_families,
    role_mentions,
    same_fate,
    speaker_key,
    usable_quantities,
    verb_phrase,
)
from tui.core.model import Mention, Quantity, Quote, Unit
from tui.core.text.normalize import content_tokens, tokens_with_spans

CONTEXT_WORDS = 12
STORY_RATIO = 2.0
MIN_SHARED = 2
MIN_SHARED_SHARE = 0.5
POSTING_CAP = 32
TOP_TOKENS = 8


def candidate_pairs(
    items: Sequence[frozenset[str]],
    weights: Weights,
    groups: Sequence[Hashable] | None = None,
) -> dict[tuple[int, int], tuple[int, float]]:
    """Pairs of items sharing rare tokens, with the shared count and IDF weight.

    Each item looks up only its rarest tokens, and for each only ``POSTING_CAP`` other items:
    enough to connect copies of a fact to one another without all pairs. Items of one group
    (one article) are never paired and never use up that allowance, so a huge article full of
    numbers neither floods the pairs nor crowds out the other sources.
    """
    group_of: Sequence[Hashable] = groups if groups is not None else range(len(items))
    index: dict[str, dict[Hashable, list[int]]] = defaultdict(dict)
    for i, tokens in enumerate(items):
        for token in tokens:
            if token not in weights.common:
                posting = index[token].setdefault(group_of[i], [])
                if len(posting) < POSTING_CAP:
                    posting.append(i)
    pairs: dict[tuple[int, int], tuple[int, float]] = {}
    for i, tokens in enumerate(items):
        rare = sorted((t for t in tokens if t not in weights.common), key=lambda t: (-weights.of(t), t))
        seen: set[int] = set()
        for token in rare[:TOP_TOKENS]:
            taken = 0
            for group, posting in index[token].items():
                if group == group_of[i]:
                    continue
                for j in posting[: POSTING_CAP - taken]:
                    taken += 1
                    if j in seen:
                        continue
                    seen.add(j)
                    key = (min(i, j), max(i, j))
                    if key not in pairs:
                        shared = items[i] & items[j]
                        pairs[key] = (len(shared), sum(weights.of(t) for t in sorted(shared)))
                if taken >= POSTING_CAP:
                    break
    return pairs


def in_order(
    pairs: Mapping[tuple[int, int], tuple[int, float]],
) -> Iterator[tuple[tuple[int, int], tuple[int, float]]]:
    """``sorted(pairs.items())`` made of many small sorts.

    One sort of millions of pairs (a 10 MB article full of numbers) holds the interpreter
    lock for seconds, freezing the reader whose worker runs it; small sorts let it breathe.
    """
    by_first: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        by_first[i].append(j)
    for i in sorted(by_first):
        for j in sorted(by_first[i]):
            yield (i, j), pairs[i, j]


class _Components:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self, members: Iterable[int]) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in sorted(members):
            out[self.find(i)].append(i)
        return [g for _root, g in sorted(out.items())]


@dataclass(frozen=True)
class _Numbered:
    unit: Unit
    quantity: Quantity
    context: frozenset[str]


def _context(unit: Unit, quantity: Quantity, mentions: Sequence[Mention]) -> frozenset[str]:
    tokens = tokens_with_spans(unit.text, mentions, unit.start)
    starts = [t.start for t in tokens]
    inside = [i for i, t in enumerate(tokens) if t.start < quantity.end and quantity.start < t.end]
    lo = inside[0] if inside else bisect.bisect_left(starts, quantity.start)
    hi = inside[-1] if inside else lo - 1
    window = tokens[max(0, lo - CONTEXT_WORDS) : lo] + tokens[hi + 1 : hi + 1 + CONTEXT_WORDS]
    return frozenset(t.norm for t in window if not t.norm.replace(".", "").isdigit())


def _same_thing(a: _Numbered, b: _Numbered) -> bool:
    """Numbers in unlike sentences conflict only when the text says they count the same thing:
    the same fate on both sides ("killed", "injured"), or the noun one counts named in the
    other's counted words or context ("about 60,000 contract workers" / "the current 50,000
    workers at the plant"). Shared story words alone do not: "injuring dozens in a region" and
    "killed 230,000 people in 14 countries" share the story, not a count."""
    fate = predicate(a.unit, a.quantity)
    if fate is not None and fate == predicate(b.unit, b.quantity):
        return True
    return any(
        frozenset(content_tokens(x.quantity.counted)) & (y.context | _counted_tokens(y))
        for x, y in ((a, b), (b, a))
        if x.quantity.counted
    )


def _counted_tokens(item: _Numbered) -> frozenset[str]:
    return frozenset(content_tokens(item.quantity.counted)) if item.quantity.counted else frozenset()


def number_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    mentions: Mapping[str, Sequence[Mention]],
    group_of: Mapping[str, int],
) -> list[Finding]:
    """One counted thing given as incompatible numbers by different sources anywhere in the story."""
    items = [
        _Numbered(u, q, _context(u, q, mentions.get(u.article, ())))
        for u in units
        for q in usable_quantities(u)
    ]
    pairs = candidate_pairs([i.context for i in items], weights, [i.unit.article for i in items])
    agreeing: set[tuple[int, str]] = set()
    conflicts: list[tuple[int, int]] = []
    related: list[tuple[int, int]] = []
    for (i, j), (count, weight) in in_order(pairs):
        a, b = items[i], items[j]
        if a.unit.article == b.unit.article or a.quantity.unit != b.quantity.unit:
            continue
        if count < MIN_SHARED or weight < MIN_SHARED_SHARE * weights.default:
            continue
        if magnitude_ratio(a.quantity, b.quantity) > STORY_RATIO:
            continue
        if not same_fate(a.unit, a.quantity, b.unit, b.quantity):
            continue
        if intervals_overlap(a.quantity, b.quantity):
            agreeing.update({(i, b.unit.article), (j, a.unit.article)})
            related.append((i, j))
        elif _same_thing(a, b):
            conflicts.append((i, j))
    valid = [
        (i, j)
        for i, j in conflicts
        if (i, items[j].unit.article) not in agreeing and (j, items[i].unit.article) not in agreeing
    ]
    parts = _Components(len(items))
    for i, j in valid + related:
        parts.join(i, j)
    conflicted = {parts.find(i) for i, _j in valid}
    findings = []
    for component in parts.groups({k for pair in valid + related for k in pair}):
        if parts.find(component[0]) not in conflicted:
            continue
        chosen = _first_per_article(
            [(items[k].unit, items[k].quantity.start, k) for k in component], story_order
        )
        picked = [items[k] for k in chosen]
        values = {p.unit.article: Value(p.quantity.text, p.quantity.start, p.quantity.end) for p in picked}
        groups = number_groups([(p.unit.article, p.quantity) for p in picked])
        if len(groups) < 2:
            continue
        subject = common_counted(p.quantity for p in picked)
        findings.append(Finding("number", values, groups, subject, tuple(p.unit for p in picked)))
    return _not_within_one_group(findings, group_of)


def _first_per_article(entries: Sequence[tuple[Unit, int, int]], story_order: Mapping[str, int]) -> list[int]:
    chosen: dict[str, int] = {}
    for unit, start, key in sorted(entries, key=lambda e: (story_order[e[0].article], e[1], e[2])):
        chosen.setdefault(unit.article, key)
    return list(chosen.values())


def quote_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    group_of: Mapping[str, int],
) -> list[Finding]:
    """One speaker's quote worded differently by different sources anywhere in the story."""
    classes: dict[tuple[str, str], list[tuple[Unit, Quote]]] = {}
    for unit in units:
        for quote in unit.quotes:
            speaker = speaker_key(quote)
            if speaker is not None:
                classes.setdefault((speaker, plain_words(quote.text)), []).append((unit, quote))
    keys = sorted(classes)
    tokens = [frozenset(content_tokens(classes[k][0][1].text)) for k in keys]
    parts = _Components(len(keys))
    linked: set[int] = set()
    for (i, j), (count, _weight) in in_order(candidate_pairs(tokens, weights)):
        if keys[i][0] != keys[j][0] or count < 3:
            continue
        if quote_relation(classes[keys[i]][0][1].text, classes[keys[j]][0][1].text) is None:
            continue
        parts.join(i, j)
        linked.update((i, j))
    findings = []
    for component in parts.groups(linked):
        occurrences = [(u, q) for k in component for u, q in classes[keys[k]]]
        ordered = sorted(occurrences, key=lambda uq: (story_order[uq[0].article], uq[1].start))
        first: dict[str, tuple[Unit, Quote]] = {}
        for unit, quote in ordered:
            first.setdefault(unit.article, (unit, quote))
        matched = [(u, q, "same") for u, q in first.values()]
        found = quote_result(matched, matched[0][1].speaker)
        if len(found.groups) >= 2:
            findings.append(found)
    return _not_within_one_group(findings, group_of)


def name_findings(
    units: Sequence[Unit], story_order: Mapping[str, int], group_of: Mapping[str, int]
) -> list[Finding]:
    """Different people named in the same role by different sources."""
    mentions = [m for u in units for m in role_mentions(u)]
    families = role_families(mentions)
    findings = []
    for key in sorted(families, key=lambda k: sorted(k)):
        found = name_finding_from(families[key], story_order)
        if found is not None:
            findings.append(found)
    return _not_within_one_group(findings, group_of)


def acronym_findings(
    units: Sequence[Unit], weights: Weights, story_order: Mapping[str, int]
) -> list[Finding]:
    """One name written as two acronyms: a letter added, dropped or changed, or an acronym that
    matches the initials of the other source's spelled-out name. Aligned statements never
    report these, so variants inside one aligned statement are reported here too."""
    uses: dict[str, list[AcronymUse]] = defaultdict(list)
    for unit in units:
        for use in acronym_uses(unit):
            uses[use.acronym].append(use)
    articles = {a: {u.unit.article for u in us} for a, us in uses.items()}
    names = sorted(uses)
    index = {name: i for i, name in enumerate(names)}
    parts = _Components(len(names))
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
            if other > name or len(other) > len(name):
                if (
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


def _not_within_one_group(findings: list[Finding], group_of: Mapping[str, int]) -> list[Finding]:
    """Drop what one aligned statement already shows: the story level is for what it misses."""
    kept = []
    for finding in findings:
        homes = {group_of.get(u.id, -1 - i) for i, u in enumerate(finding.units)}
        if len(homes) > 1:
            kept.append(finding)
    return kept


UP_WORDS = frozenset(
    "increase increased increases increasing additional more expand expanded expanding "
    "boost boosted raise raised add added grow growing larger".split()
)
DOWN_WORDS = frozenset(
    "decrease decreased decreases decreasing reduce reduced reducing cut cuts fewer "
    "less shrink withdraw withdrawn smaller".split()
)
_PLAIN_NEGATION = frozenset("not no never without".split())
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
NEGATION_REACH = 15
OBJECT_WORDS = 3
CHANGE_SHARE = 0.4
QUALIFIERS = frozenset("additional more fewer less larger smaller extra".split())
"""Change words that qualify the noun after them ("additional troops"): only that noun is what
they are about; a verb ("troop levels will increase") is about the words on both sides."""


@dataclass(frozen=True)
class _Change:
    unit: Unit
    direction: str
    negated: bool
    value: Value
    about: frozenset[str]


def _changes(unit: Unit, mentions: Sequence[Mention]) -> list[_Change]:
    """Each "more/less of something" the unit states, what it is about (the few content words
    either side) and whether it is denied ("not ... additional troops"). Only plain negation
    counts: "declined to give figures on increases" does not deny the increase."""
    words = list(_WORDS.finditer(unit.text))
    if not any(w.group().lower() in UP_WORDS or w.group().lower() in DOWN_WORDS for w in words):
        return []
    tokens = tokens_with_spans(unit.text, mentions, unit.start)
    out = []
    for i, word in enumerate(words):
        low = word.group().lower()
        direction = "up" if low in UP_WORDS else "down" if low in DOWN_WORDS else None
        if direction is None:
            continue
        negation = next(
            (
                w
                for w in reversed(words[max(0, i - NEGATION_REACH) : i])
                if w.group().lower() in _PLAIN_NEGATION or w.group().lower().endswith("n't")
            ),
            None,
        )
        if negation is None:
            value = verb_phrase(unit, unit.start + word.start(), unit.start + word.end())
        else:
            value = Value(
                unit.text[negation.start() : word.end()],
                unit.start + negation.start(),
                unit.start + word.end(),
            )
        cue_start, cue_end = unit.start + word.start(), unit.start + word.end()
        after = [t.norm for t in tokens if t.start >= cue_end][:OBJECT_WORDS]
        about = frozenset(after)
        if low not in QUALIFIERS:
            about |= frozenset([t.norm for t in tokens if t.end <= cue_start][-OBJECT_WORDS:])
        out.append(_Change(unit, direction, negation is not None, value, about))
    return out


def contradiction_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    mentions: Mapping[str, Sequence[Mention]],
    group_of: Mapping[str, int],
) -> list[Finding]:
    """One source states a change ("troop levels will increase") that another denies ("not
    expected to require additional troops"), about the same thing, anywhere in the story."""
    items = [c for u in units for c in _changes(u, mentions.get(u.article, ()))]
    pairs = candidate_pairs([c.about for c in items], weights, [c.unit.article for c in items])
    support: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
    for (i, j), _shared in in_order(pairs):
        a, b = items[i], items[j]
        if a.unit.article == b.unit.article or a.direction != b.direction or a.negated == b.negated:
            continue
        rare = a.about & b.about - weights.common
        weight = sum(weights.of(t) for t in sorted(rare))
        if not rare or weight < CHANGE_SHARE * weights.default:
            continue
        denied, stated = (i, j) if a.negated else (j, i)
        article = items[stated].unit.article
        best = support[denied].get(article)
        if best is None or (-weight, stated) < (-best[0], best[1]):
            support[denied][article] = (weight, stated)
    findings = []
    seen_units: set[str] = set()
    for denied in sorted(support, key=lambda k: (story_order[items[k].unit.article], items[k].value.start)):
        if items[denied].unit.id in seen_units:
            continue
        seen_units.add(items[denied].unit.id)
        picked = [items[denied]] + [items[k] for _w, k in support[denied].values()]
        picked.sort(key=lambda c: story_order[c.unit.article])
        values = {p.unit.article: p.value for p in picked}
        affirmed = tuple(p.unit.article for p in picked if not p.negated)
        findings.append(
            Finding(
                "contradiction",
                values,
                (affirmed, (items[denied].unit.article,)),
                None,
                tuple(p.unit for p in picked),
            )
        )
    return _not_within_one_group(findings, group_of)


def story_findings(
    units: Sequence[Unit],
    weights: Weights,
    story_order: Mapping[str, int],
    mentions: Mapping[str, Sequence[Mention]],
    group_of: Mapping[str, int],
) -> list[Finding]:
    """Every story-level finding: numbers, quotes, names in a role, acronym variants."""
    return [
        *number_findings(units, weights, story_order, mentions, group_of),
        *quote_findings(units, weights, story_order, group_of),
        *name_findings(units, story_order, group_of),
        *acronym_findings(units, weights, story_order),
        *contradiction_findings(units, weights, story_order, mentions, group_of),
    ]
