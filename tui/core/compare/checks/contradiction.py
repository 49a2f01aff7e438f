"""Contradictions: one source denies what another states about the same thing.

In a statement, a negation governs a word ("not expected to increase") that another member
states un-negated ("will increase"); across the story, one source states a change ("troop
levels will increase") that another denies ("not expected to require additional troops")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import PRONOUNS, DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import candidate_pairs, in_order, not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.compare.labels import snippet
from tui.core.model import Mention, Unit
from tui.core.text.memo import story_cache
from tui.core.text.normalize import (
    STOPWORDS,
    Token,
    fold,
    mention_spans,
    relative_tokens,
    stem,
    tokens_with_spans,
)

MAX_AFFIRMING = 8
MAX_AUXILIARIES = 3
MIN_CONTRADICTION_SHARED = 2
CONTRADICTION_OVERLAP = 0.4
AUXILIARIES = frozenset(
    """
will would shall should can could may might must is are was were be been being has have had do does
did to also still
""".split()
)
HEDGES = frozenset(
    stem(w)
    for w in """
expected likely going planned set due able intended scheduled appear seem yet
""".split()
)
"""Verbs that only hedge the verb after them: "not expected to increase" denies "increase"."""
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|neither|nor|den(?:y|ies|ied)|"
    r"declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing))\b|n['’]t\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?()]")
_COMPLEMENTISERS = frozenset("that which who whom whose whether if because than".split())
_NOT_A_DENIAL = re.compile(r"\s*(?:more|less|fewer|longer|sooner|later|other|one|doubt)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
UP_WORDS = frozenset(
    "increase increased increases increasing additional more expand expanded expanding "
    "boost boosted raise raised add added grow growing larger".split()
)
DOWN_WORDS = frozenset(
    "decrease decreased decreases decreasing reduce reduced reducing cut cuts fewer "
    "less shrink withdraw withdrawn smaller".split()
)
_PLAIN_NEGATION = frozenset("not no never without".split())
NEGATION_REACH = 15
OBJECT_WORDS = 3
CHANGE_SHARE = 0.4
QUALIFIERS = frozenset("additional more fewer less larger smaller extra".split())
"""Change words that qualify the noun after them ("additional troops"): only that noun is what
they are about; a verb ("troop levels will increase") is about the words on both sides."""


@dataclass(frozen=True)
class _Denial:
    """A negation in a unit and the first content word it negates ("not expected to |increase|")."""

    cue_start: int
    target: Token


def _word_start(text: str, position: int) -> int:
    """Where the word holding ``position`` begins ("didn't" for the cue "n't")."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _denial(unit: Unit) -> _Denial | None:
    """Where the unit negates a statement, and the word it negates.

    The negated word is the first content word after the cue in its clause, past verbs that only
    hedge ("not expected to increase"). A cue followed by a complement ("would not be ignorant
    that they took") or a comparison ("no more than five") negates something else, and a
    number is the number check's business, so those are not denials.
    """
    for cue in _NEGATION.finditer(unit.text):
        clause = _CLAUSE_END.split(unit.text[cue.end() :], maxsplit=1)[0]
        if _NOT_A_DENIAL.match(clause):
            continue
        for word in _WORD.finditer(clause):
            low = fold(word.group())
            if low in _COMPLEMENTISERS:
                break
            if low in STOPWORDS or stem(low) in HEDGES:
                continue
            token = next(
                iter(tokens_with_spans(word.group(), (), unit.start + cue.end() + word.start())), None
            )
            if token is None or not token.norm.isalpha() or len(token.norm) < 3 or low in PRONOUNS:
                break
            return _Denial(unit.start + _word_start(unit.text, cue.start()), token)
    return None


def verb_phrase(unit: Unit, start: int, end: int) -> Value:
    """The words ``start:end`` of ``unit`` with the auxiliaries just before them ("will increase",
    "has started"): the affirmative counterpart a reader compares with a negated phrase."""
    begin = _phrase_start(unit.text, start - unit.start)
    return Value(unit.text[begin : end - unit.start], unit.start + begin, end)


def _phrase_start(text: str, begin: int) -> int:
    """Where the phrase at ``begin`` of ``text`` starts with the auxiliaries just before it."""
    for _ in range(MAX_AUXILIARIES):
        before = re.search(r"(\S+)\s+$", text[:begin])
        if before is None or fold(before.group(1)) not in AUXILIARIES:
            break
        begin = before.start(1)
    return begin


def _about_the_same(a: Unit, b: Unit) -> bool:
    """Two statements are about the same thing when they share at least two content tokens
    (the negated word counts: it is what both speak of) covering a good part of the shorter."""
    ta, tb = set(a.tokens), set(b.tokens)
    shared = ta & tb
    smaller = min(len(ta), len(tb))
    return (
        len(shared) >= MIN_CONTRADICTION_SHARED
        and smaller > 0
        and len(shared) / smaller >= CONTRADICTION_OVERLAP
    )


_UNASSERTING = re.compile(
    r"(?i)\b(?:may|might|could|would|should|can|must|let|try|tries|tried|trying|struggl\w*|attempt\w*|"
    r"fail\w*|seek\w*|sought|hope\w*|want\w*|plan\w*|aim\w*|expect\w*|intend\w*|unable|able|whether|if)\b"
)


def unasserted(unit: Unit, position: int) -> bool:
    """Whether the word at ``position`` is only wished, tried, planned or possible, not stated as
    fact ("struggling to hold the line", "that these may eat"): denying it is no conflict."""
    before = unit.text[max(0, position - unit.start - 40) : position - unit.start]
    clause = re.split(r"[,;:.!?]", before)[-1]
    return bool(_UNASSERTING.search(" ".join(clause.split()[-4:])))


def contradiction_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """A member denies what another member states about the same thing: the word its negation
    governs ("not expected to increase water releases") is stated, un-negated, in the other
    ("will increase water releases"). The values are the negated phrase and its affirmative
    counterpart; without both there is no contradiction to show."""
    denials = {u.article: _denial(u) for u in units}
    affirming = [u for u in units if denials[u.article] is None][:MAX_AFFIRMING]
    for unit in units:
        denial = denials[unit.article]
        if denial is None:
            continue
        for other in affirming:
            stated = next(
                (t for t in tokens_with_spans(other.text, (), other.start) if t.norm == denial.target.norm),
                None,
            )
            if stated is None or not _about_the_same(unit, other) or unasserted(other, stated.start):
                continue
            negated_value = Value(
                unit.text[denial.cue_start - unit.start : denial.target.end - unit.start],
                denial.cue_start,
                denial.target.end,
            )
            values = {
                unit.article: negated_value,
                other.article: verb_phrase(other, stated.start, stated.end),
            }
            negated = tuple(u.article for u in units if denials[u.article] is not None)
            affirmed = tuple(u.article for u in units if denials[u.article] is None)
            return [
                Finding("contradiction", values, (affirmed, negated), snippet(other.text, 48), tuple(units))
            ]
    return []


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
    spans = mention_spans(mentions, unit.start, len(unit.text))
    return [
        _Change(unit, direction, negated, Value(text, unit.start + start, unit.start + end), about)
        for direction, negated, text, start, end, about in _text_changes(unit.text, spans)
    ]


@story_cache
def _text_changes(
    text: str, spans: tuple[tuple[int, int, str], ...]
) -> tuple[tuple[str, bool, str, int, int, frozenset[str]], ...]:
    """:func:`_changes` for one text (offsets relative to it), once per distinct text."""
    words = list(_WORD.finditer(text))
    if not any(w.group().lower() in UP_WORDS or w.group().lower() in DOWN_WORDS for w in words):
        return ()
    tokens = relative_tokens(text, spans)
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
        begin = _phrase_start(text, word.start()) if negation is None else negation.start()
        cue_start, cue_end = word.start(), word.end()
        after = [t.norm for t in tokens if t.start >= cue_end][:OBJECT_WORDS]
        about = frozenset(after)
        if low not in QUALIFIERS:
            about |= frozenset([t.norm for t in tokens if t.end <= cue_start][-OBJECT_WORDS:])
        out.append((direction, negation is not None, text[begin : word.end()], begin, word.end(), about))
    return tuple(out)


def contradictions_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """One source states a change ("troop levels will increase") that another denies ("not
    expected to require additional troops"), about the same thing, anywhere in the story."""
    weights, story_order, mentions = context.weights, context.story_order, context.mentions
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
    return not_within_one_group(findings, context.group_of)


CHECK = DiscrepancyCheck(
    "contradiction", contradiction_in_statement, contradictions_across_story, last_resort=True
)
