"""How strongly two statements say the same thing: weighted overlap of their match keys.

The score is the weighted Dice of the two key sets, or the scaled containment of the smaller
in the larger when that is higher (a short statement inside the long sentence that also says
it). Two rules keep it precise: the shared keys must include words for what happened, not
only the cast (two shared plain keys, one when both give a count of the same fate), and two
statements that date different years report different events ("In 2004 a tsunami killed..."
against "In 2009 a quake killed...").

Word order is evidence too: two statements that share a *phrase* (two ordinary words in a
row, function words aside: "covered his head with his robe" / "muffled his head in his robe"
share "head robe") tell one moment in other words more often than two that share the same
words scattered, as long as the phrase is not one the story keeps saying (see
:func:`rare_phrases`; the phrases themselves are read once per distinct text, in
:mod:`tui.core.compare.profile`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.core.compare.profile import Phrase, Profile, Statement, Weights

MIN_SHARED = 2
"""Any link needs two shared keys that are not too common to index."""
MIN_PLAIN = 2
"""...and two of them plain (lower case or digits): one shared topic word is no evidence."""
CONTAINMENT = 0.6
MIN_CONTAINED = 3
FATE_BONUS = 0.15
"""Two statements that both count the same fate (the dead, the injured, houses destroyed) give
the same figure of the story, whatever else they say: a fact-checker lines them up."""


def score(a: Profile, b: Profile, weights: Weights) -> float:
    """How strongly ``a`` and ``b`` state the same thing, 0 (unrelated) to about 1."""
    if a.heading != b.heading:
        return 0.0
    if a.years and b.years and not a.years & b.years:
        return 0.0
    shared = a.keys & b.keys
    informative = shared - weights.common
    if len(informative) < MIN_SHARED:
        return 0.0
    fate = bool(a.fates & b.fates)
    plain = informative & a.plain & b.plain
    if len(plain) < (1 if a.heading or fate else MIN_PLAIN):
        return 0.0
    weight = weights.mass(shared)
    total = a.mass + b.mass
    dice = 2.0 * weight / total if total else 0.0
    if fate:
        dice += FATE_BONUS
    if len(plain) < MIN_CONTAINED:
        return dice
    smaller = min(a.mass, b.mass)
    return max(dice, CONTAINMENT * weight / smaller if smaller else 0.0)


def overlap_share(a: Profile, b: Profile) -> float:
    """The share of content keys the two have in common, of the larger set: near-identical
    statements (0.7 and above) always belong together."""
    if not a.keys or not b.keys:
        return 0.0
    return len(a.keys & b.keys) / max(len(a.keys), len(b.keys))


def rare_phrases(items: Sequence[Statement], weights: Weights) -> list[frozenset[Phrase]]:
    """Each statement's phrases that are evidence: neither word too common to index, and no
    source says the phrase in two of its statements. A phrase a source repeats is the story's
    subject ("disaster agency", "rescue teams"), shared by statements that say different
    things; the phrase of one moment is said once by each source that tells it."""
    common = weights.common
    found = [frozenset(p for p in item.phrases if common.isdisjoint(p)) for item in items]
    said: Counter[tuple[str, Phrase]] = Counter()
    for item, own in zip(items, found, strict=True):
        article = item.unit.article
        said.update([(article, p) for p in own])
    return [
        frozenset(p for p in own if said[item.unit.article, p] == 1)
        for item, own in zip(items, found, strict=True)
    ]
