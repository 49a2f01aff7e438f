"""Facts below the sentence: the densest shared window of two statements.

A long sentence often states what another source says in a clause ("The ferry, which left
Tarawa on Monday with 92 passengers, sank near Nonouti" against "The ferry left Tarawa on
Monday."), or two sources share one fact inside otherwise unlike sentences ("USFJ commander
Air Force Lt. Gen. Stephen Jost" / "U.S. Air Force Lt. Gen. Stephen Jost, commander of
USFJ"). For two statements that do not align as wholes, the run of each where their shared
keys are densest is found (the best-scoring run, shared keys counting for, others against);
the two windows align when they score high on their own and share words for what happened,
not only a name and the nouns that classify it ("Bener Meriah district", "agency official").
"""

from __future__ import annotations

from tui.core.compare.profile import Profile, Statement, Weights, profile_of
from tui.core.text.match import match_key

WINDOW_LINK = 0.55
"""The weighted Dice two windows need on their own."""
MIN_SHARED = 3
MIN_TOKENS = 3
MIN_PLAIN = 2
MIN_NAMED = 5
"""A window that shares a long run of names and titles with one plain word ("USFJ commander
Air Force Lt. Gen. Stephen Jost") states who someone is, which is a fact too."""
PENALTY = 0.6
"""How much an unshared word counts against a window, as a share of the shared keys' mean
weight: a gap word costs the same whether it is rare or common."""
NAME_NOUNS = frozenset(
    match_key(w)
    for w in """
district province village city town island capital region county state country area prefecture
territory municipality regency neighbourhood suburb coast border
agency ministry department office committee council commission authority service organization
official officials spokesman spokeswoman spokesperson commander minister president secretary
governor mayor chief head director chairman leader member resident residents doctor
""".split()
)
"""Nouns that classify a name rather than state anything: a window that shares only a name and
such nouns shares a mention, not a fact."""


def best_window(p: Profile, wanted: frozenset[str], weights: Weights) -> tuple[int, int] | None:
    """The token run of ``p`` where the wanted keys are densest (maximum-sum subarray)."""
    if not wanted:
        return None
    gap = PENALTY * weights.mass(wanted) / len(wanted)
    best, span = 0.0, None
    run, run_start = 0.0, 0
    for n, token in enumerate(p.tokens):
        gain = weights.of(token.norm) if token.norm in wanted else -gap
        if run <= 0:
            run, run_start = gain, n
        else:
            run += gain
        if run > best:
            best, span = run, (run_start, n + 1)
    return span


def window_pair(
    a: Statement, pa: Profile, b: Statement, pb: Profile, weights: Weights
) -> tuple[Profile, Profile, float] | None:
    """The densest shared windows of two statements and their score, when they make a fact."""
    shared = (pa.keys & pb.keys) - weights.common
    if len(shared) < MIN_SHARED or pa.heading or pb.heading:
        return None
    span_a = best_window(pa, shared, weights)
    if span_a is None:
        return None
    wa = profile_of(a, weights, *span_a)
    span_b = best_window(pb, wa.keys & shared, weights)
    if span_b is None:
        return None
    wb = profile_of(b, weights, *span_b)
    span_a = best_window(pa, wb.keys & shared, weights)
    if span_a is None:
        return None
    wa = profile_of(a, weights, *span_a)
    if (wa.whole and wb.whole) or not _states_a_fact(wa, wb, weights):
        return None
    weight = weights.mass(wa.keys & wb.keys)
    dice = 2 * weight / (wa.mass + wb.mass) if wa.mass + wb.mass else 0.0
    return (wa, wb, dice) if dice >= WINDOW_LINK else None


def _states_a_fact(wa: Profile, wb: Profile, weights: Weights) -> bool:
    if len(wa.tokens) < MIN_TOKENS or len(wb.tokens) < MIN_TOKENS:
        return False
    common = (wa.keys & wb.keys) - weights.common
    if len(common) < MIN_SHARED:
        return False
    plain = common & wa.plain & wb.plain
    return len(plain - NAME_NOUNS) >= MIN_PLAIN or (len(common) >= MIN_NAMED and bool(plain))
