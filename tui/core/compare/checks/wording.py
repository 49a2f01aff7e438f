"""One word in place of another in the same frame: "looking up to heaven" / "looking up to the
sky", "runs on coal" / "runs on gas".

Two sources telling one statement word for word, but for one word, differ in that word: either
a paraphrase or a different claim, which only a reader can tell, so it is reported as a
difference of wording (type ``other``), never a conflict. The frame must be solid: the same
four words right before (one of them a content word) and the same word right after, a single
content word on each side, and the two words neither the same word nor variants of it (stem,
spelling, derivation) nor a name (names have their own checks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext
from tui.core.compare.finding import Finding, Value
from tui.core.model import Unit
from tui.core.text.match import match_key
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS, fold

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
FRAME_BEFORE = 4
REFERENCES = 4
MIN_SHARE = 0.6
"""The two statements must be this much alike, word for word, for one word to be a swap."""


@story_cache
def _words(text: str) -> tuple[tuple[str, int, int, str], ...]:
    return tuple((fold(m.group()), m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


def _swap(a: Unit, b: Unit) -> tuple[Value, Value] | None:
    found = _text_swap(a.text, b.text)
    if found is None:
        return None
    (x, x_start, x_end), (y, y_start, y_end) = found
    return Value(x, a.start + x_start, a.start + x_end), Value(y, b.start + y_start, b.start + y_end)


@story_cache
def _text_swap(a: str, b: str) -> tuple[tuple[str, int, int], tuple[str, int, int]] | None:
    """The one-word swap between two texts (offsets relative to each), once per pair of texts."""
    wa, wb = _words(a), _words(b)
    ka, kb = [w[0] for w in wa], [w[0] for w in wb]
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    if matcher.ratio() < MIN_SHARE:
        return None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        left = [w for w in ka[i1:i2] if w not in STOPWORDS]
        right = [w for w in kb[j1:j2] if w not in STOPWORDS]
        if len(left) != 1 or len(right) != 1 or i1 < FRAME_BEFORE or j1 < FRAME_BEFORE:
            continue
        if i2 >= len(ka) or j2 >= len(kb) or ka[i2] != kb[j2]:
            continue
        before = ka[max(0, i1 - FRAME_BEFORE) : i1]
        if before != kb[max(0, j1 - FRAME_BEFORE) : j1] or all(w in STOPWORDS for w in before):
            continue
        x = next(w for w in wa[i1:i2] if w[0] not in STOPWORDS)
        y = next(w for w in wb[j1:j2] if w[0] not in STOPWORDS)
        if x[3][:1].isupper() or y[3][:1].isupper() or match_key(x[3]) == match_key(y[3]):
            continue
        return (x[3], x[1], x[2]), (y[3], y[1], y[2])
    return None


def swapped_words(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """The first one-word swap between two of the first few members (a swap that many sources
    make shows among the first ones; every source that writes either word is added after)."""
    firsts = units[:REFERENCES]
    for n, first in enumerate(firsts):
        for other in units[n + 1 : REFERENCES * 2]:
            if other.article == first.article:
                continue
            found = _swap(first, other)
            if found is not None:
                return [_with_all_sources(units, (first, found[0]), (other, found[1]))]
    return []


def _with_all_sources(units: Sequence[Unit], *sides: tuple[Unit, Value]) -> Finding:
    """The swap with every other source that writes one of the two words, on that word's side."""
    values: dict[str, Value] = {}
    groups: list[list[str]] = [[], []]
    used = {side[0].article for side in sides}
    for n, (unit, value) in enumerate(sides):
        values[unit.article] = value
        groups[n].append(unit.article)
    for unit in units:
        if unit.article in used:
            continue
        for n, (_unit, value) in enumerate(sides):
            word = re.search(rf"\b{re.escape(value.text)}\b", unit.text)
            if word is not None:
                values[unit.article] = Value(word.group(), unit.start + word.start(), unit.start + word.end())
                groups[n].append(unit.article)
                used.add(unit.article)
                break
    members = tuple(u for u in units if u.article in values)
    return Finding(
        "other", values, tuple(tuple(g) for g in groups), "wording", members, "possibly a paraphrase"
    )


CHECK = DiscrepancyCheck("wording", in_statement=swapped_words, last_resort=True)
