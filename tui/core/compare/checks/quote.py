"""Quotes: the same speaker's words worded differently by different sources, within one
aligned statement or anywhere in the story."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tui.core.compare.checks.base import (
    PRONOUNS,
    DiscrepancyCheck,
    StatementContext,
    StoryContext,
    reference_member,
    token_set,
)
from tui.core.compare.checks.pairs import Components, candidate_pairs, in_order, not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.model import Quote, Unit
from tui.core.text.normalize import content_tokens, fold
from tui.core.text.spelling import americanize


def speaker_key(quote: Quote) -> str | None:
    """Who said it, as a comparable key: the entity id, else the speaker's last name."""
    if quote.speaker_entity:
        return "@" + quote.speaker_entity
    if not quote.speaker:
        return None
    words: list[str] = re.findall(r"[^\W\d_]+", fold(quote.speaker))
    if not words or words[-1] in PRONOUNS:
        return None
    return words[-1]


@lru_cache(maxsize=16384)
def _padded_words(text: str) -> str:
    """The words of a text, folded and space-padded, so containment means whole words."""
    return " " + " ".join(americanize(w) for w in re.findall(r"\w+", fold(text))) + " "


def quote_relation(a: str, b: str) -> str | None:
    """``same`` (identical, or one quotes part of the other), ``variant`` (same words, worded
    differently) or ``None`` (different quotes)."""
    pa, pb = _padded_words(a), _padded_words(b)
    if not pa.strip() or not pb.strip():
        return None
    if pa in pb or pb in pa:
        return "same"
    ta, tb = token_set(a), token_set(b)
    if not ta or not tb:
        return None
    shared = ta & tb
    if len(shared) >= 3 and len(shared) / min(len(ta), len(tb)) >= 0.6:
        return "variant"
    return None


def _speakers_match(a: Quote, b: Quote) -> bool:
    ka, kb = speaker_key(a), speaker_key(b)
    return ka is None or kb is None or ka == kb


def quotes_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """The same quote worded differently by another member, and the same words put in
    different mouths ("'not before spring,' Smith said" / "... Okafor said").

    ``context.quotes_of`` gives the quotes overlapping a unit (a quotation that runs over several
    sentences belongs to each of them); by default a unit's own quotes.
    """
    quotes_of = context.quotes_of
    per_unit = [(u, list(quotes_of(u) if quotes_of else u.quotes)) for u in units]
    reference = reference_member(per_unit)
    if reference is None:
        return []
    ref_unit, ref_quotes = reference
    out: list[Finding] = []
    for ref_q in ref_quotes:
        matched: list[tuple[Unit, Quote, str]] = [(ref_unit, ref_q, "same")]
        said: list[tuple[Unit, Quote]] = [(ref_unit, ref_q)]
        for unit, quotes in per_unit:
            if unit is ref_unit:
                continue
            related = [(quote_relation(ref_q.text, q.text), q) for q in quotes]
            same = [q for rel, q in related if rel == "same"]
            if same:
                said.append((unit, same[0]))
            own = [(rel, q) for rel, q in related if _speakers_match(ref_q, q)]
            if any(rel == "same" for rel, _q in own):
                matched.append((unit, next(q for rel, q in own if rel == "same"), "same"))
            elif any(rel == "variant" for rel, _q in own):
                matched.append((unit, next(q for rel, q in own if rel == "variant"), "variant"))
        if any(rel == "variant" for _u, _q, rel in matched):
            out.append(quote_result(matched, ref_q.speaker))
        speakers = _speaker_finding(said)
        if speakers is not None:
            out.append(speakers)
        if out:
            break
    return out


def _speaker_finding(said: Sequence[tuple[Unit, Quote]]) -> Finding | None:
    """The same quote attributed to different people, when every source names its speaker."""
    named = [(u, q, speaker_key(q)) for u, q in said]
    if len(named) < 2 or any(key is None for _u, _q, key in named) or len({k for _u, _q, k in named}) < 2:
        return None
    values: dict[str, Value] = {}
    groups: dict[str | None, list[str]] = {}
    for unit, quote, key in named:
        assert quote.speaker is not None
        at = unit.text.rfind(quote.speaker)
        if at < 0:
            return None
        values[unit.article] = Value(quote.speaker, unit.start + at, unit.start + at + len(quote.speaker))
        groups.setdefault(key, []).append(unit.article)
    return Finding(
        "name",
        values,
        tuple(tuple(g) for g in groups.values()),
        "who said it",
        tuple(u for u, _q, _k in named),
    )


def quote_result(matched: Sequence[tuple[Unit, Quote, str]], subject: str | None) -> Finding:
    """A quote-wording finding: each article's quote, grouped by identical (or contained) wording."""
    values = {u.article: Value(q.text, q.start, q.end) for u, q, _rel in matched}
    groups: dict[str, list[str]] = {}
    for unit, quote, _rel in matched:
        key = next((k for k in groups if quote_relation(k, quote.text) == "same"), quote.text)
        groups.setdefault(key, []).append(unit.article)
    return Finding(
        "quote-wording",
        values,
        tuple(tuple(g) for g in groups.values()),
        subject,
        tuple(u for u, _q, _r in matched),
    )


def quotes_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """One speaker's quote worded differently by different sources anywhere in the story."""
    weights, story_order = context.weights, context.story_order
    classes: dict[tuple[str, str], list[tuple[Unit, Quote]]] = {}
    for unit in units:
        for quote in unit.quotes:
            speaker = speaker_key(quote)
            if speaker is not None:
                classes.setdefault((speaker, _padded_words(quote.text)), []).append((unit, quote))
    keys = sorted(classes)
    tokens = [frozenset(content_tokens(classes[k][0][1].text)) for k in keys]
    parts = Components(len(keys))
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
    return not_within_one_group(findings, context.group_of)


CHECK = DiscrepancyCheck("quote-wording", quotes_in_statement, quotes_across_story)
