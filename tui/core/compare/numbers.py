"""Number slots: each quantity of a statement with what it is about, and how two compare.

A quantity is about something: what it counts ("shells", "people"), what happened to it
("killed", "injured"), what it measures when it has a unit (a quake's depth is not its
distance from a town, though both are kilometres), the scale it is on ("magnitude 6.1"), and
what it leaves out ("5,000 men, besides women and children"). Two quantities of aligned
statements are the same slot when nothing of that says otherwise, preferably when the words
around them match. Their values agree or differ as a fact-checker reads them: the same stated
number agrees whatever the wording, a rounded figure agrees with what it rounds, a converted
measure agrees within the rounding of the figures as written, and two different stated numbers
differ even when one is a bound ("at least five" against "24" is two tolls, not one).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.core.model import Quantity, Unit
from tui.core.text.match import match_key
from tui.core.text.memo import story_cache
from tui.core.text.normalize import NUMBER_WORDS, STOPWORDS, fold, words_value
from tui.core.text.slots.forms import DISCRETE_UNITS
from tui.core.text.slots.quantities import quantity_predicate

MEASURES: dict[str, tuple[str, ...]] = {
    "depth": ("depth", "deep", "beneath", "below", "underground", "under the", "underneath"),
    "distance": (
        "from", "away", "off", "west", "east", "north", "south", "distance", "near", "radius",
        "of the town", "of the city", "outside",
    ),
    "height": ("high", "tall", "height", "altitude", "above", "elevation"),
    "length": ("long", "length", "stretch", "wide", "width"),
    "speed": ("per hour", "an hour", "mph", "km/h", "speed", "winds", "gust"),
}  # fmt: skip
"""What a measure in a unit of length or speed can be of, by the words of its clause."""
GENERIC_COUNTED = frozenset(match_key(w) for w in "people persons person others individuals".split())
"""Nouns that count people without saying which: two tolls of "people" and "others" count alike."""
PART_WORDS = frozenset("other another more additional further also including among".split())
"""Words before a figure that make it a part of a larger count ("four other people died")."""
MAX_RATIO = 20.0
"""Two figures this many times apart are not one count reported differently."""

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_CUT = re.compile(r"[,;:()\[\]—–]|\band\b|\bwhile\b|\bwhich\b", re.IGNORECASE)
_SCALE_BEFORE = re.compile(r"(?i)\b(magnitude|category|level|grade|richter)[\s-]*(?:of\s+)?$")
_SCALE_AFTER = re.compile(r"(?i)[\s-]*(magnitude|richter)\b")
_FATE_WORD = re.compile(r"(?i)dead|killed|injured|wounded|missing|hurt|died")
_EXCLUDING = re.compile(
    r"(?i)\b(?:in addition to|besides|not counting|not including|excluding|apart from|on top of|"
    r"aside from|let alone)\b[^,;.]*"
)
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class NumberSlot:
    """A quantity of one statement with what it is about."""

    unit: Unit
    quantity: Quantity
    fate: str | None
    measure: str | None
    counted: str | None
    before: tuple[str, ...]
    after: tuple[str, ...]
    part: bool
    dimension: str | None
    excludes: str | None

    @property
    def article(self) -> str:
        return self.unit.article


def usable_quantities(unit: Unit) -> list[Quantity]:
    """The unit's quantities that are facts to compare: not dates, not bare years."""
    out = []
    for q in unit.quantities:
        if any(d.start < q.end and q.start < d.end for d in unit.dates):
            continue
        bare = q.text.strip().replace(",", "")
        if q.unit is None and re.fullmatch(r"\d{4}", bare) and 1500 <= q.value <= 2100:
            continue
        out.append(q)
    return out


@lru_cache(maxsize=65536)
def _keys(text: str) -> tuple[str, ...]:
    return tuple(match_key(w) for w in _WORD.findall(text) if fold(w) not in STOPWORDS)


def _measure(text: str, start: int, end: int) -> str | None:
    """What a measure of length or speed is of, from the words of its clause around it."""
    left = text[max(0, start - 60) : start]
    cuts = list(_CLAUSE_CUT.finditer(left))
    left = left[cuts[-1].end() :] if cuts else left
    right = text[end : end + 60]
    stop = _CLAUSE_CUT.search(right)
    right = right[: stop.start()] if stop else right
    window = f" {fold(left)} | {fold(right)} "
    found = [
        name for name, cues in MEASURES.items() if any(re.search(rf"\b{re.escape(c)}", window) for c in cues)
    ]
    return found[0] if len(found) == 1 else None


@story_cache
def number_slots(unit: Unit) -> tuple[NumberSlot, ...]:
    """The comparable quantities of one statement, with their fate, measure, noun and context
    (cached for the comparison: alignment, the statement checks and the story checks all ask)."""
    out = []
    text = unit.text
    for q in usable_quantities(unit):
        s, e = q.start - unit.start, q.end - unit.start
        if s < 0 or e > len(text):
            continue
        raw_before = [fold(w) for w in _WORD.findall(text[max(0, s - 25) : s])][-2:]
        part = any(w in PART_WORDS for w in raw_before) or bool(
            re.match(r"\s*(?:more|other|others)\b", text[e : e + 12])
        )
        counted = match_key(q.counted) if q.counted and not _FATE_WORD.fullmatch(q.counted) else None
        scale = _SCALE_BEFORE.search(text[max(0, s - 14) : s]) or _SCALE_AFTER.match(text, e)
        discrete = q.unit in DISCRETE_UNITS
        dimension = scale.group(1).lower() if scale else q.unit
        fate = None if scale or discrete else quantity_predicate(text, s, e, q.counted)
        if scale:
            counted = None
        tail = text[e : e + 80]
        stop = re.search(r"[;.:!?]", tail)
        excluded = _EXCLUDING.search(tail[: stop.start()] if stop else tail)
        out.append(
            NumberSlot(
                unit,
                q,
                fate,
                _measure(text, s, e) if q.unit and not discrete else None,
                counted,
                _keys(text[max(0, s - 50) : s])[-3:],
                _keys(text[e : e + 50])[:3],
                part,
                dimension,
                excluded.group(0) if excluded else None,
            )
        )
    return tuple(out)


def magnitude_ratio(a: Quantity, b: Quantity) -> float:
    """How many times larger the bigger value is (1.0 for equal values)."""
    x, y = abs(a.value), abs(b.value)
    if x == y:
        return 1.0
    if min(x, y) == 0:
        return math.inf
    return max(x, y) / min(x, y)


def about_the_same(a: NumberSlot, b: NumberSlot) -> float:
    """How well two slots of aligned statements match (0: they cannot be one slot).

    They must be of one kind (unit, scale), measure one thing, count one noun and tell one
    fate; a figure that says what happened to what it counts is never the same slot as one that
    does not, unless both name the same noun. Matching words around them make the match better.
    """
    if a.quantity.unit != b.quantity.unit or a.dimension != b.dimension:
        return 0.0
    if a.measure and b.measure and a.measure != b.measure:
        return 0.0
    if a.fate and b.fate and a.fate != b.fate:
        return 0.0
    same_noun = bool(a.counted) and a.counted == b.counted
    if bool(a.fate) != bool(b.fate) and not same_noun:
        return 0.0
    if (
        a.counted
        and b.counted
        and not same_noun
        and not (a.counted in GENERIC_COUNTED and b.counted in GENERIC_COUNTED)
    ):
        return 0.0
    if magnitude_ratio(a.quantity, b.quantity) > MAX_RATIO:
        return 0.0
    score = 1.0 + 1.5 * len(set(a.before) & set(b.before)) + 1.5 * len(set(a.after) & set(b.after))
    score += 1.0 if same_noun else 0.0
    score += 1.0 if a.fate and a.fate == b.fate else 0.0
    score += 0.5 if a.measure and a.measure == b.measure else 0.0
    return score


def slots_agree(a: NumberSlot, b: NumberSlot) -> bool:
    """Two slots agree when their values do and they count the same set: "5,000 men, besides
    women and children" is a different count from "5,000 men" even with the same figure."""
    return values_agree(a.quantity, b.quantity) and bool(a.excludes) == bool(b.excludes)


_LOOSE = frozenset({"about", "nearly", "range"})
_BOUNDS = frozenset({"at least", "more than", "up to", "less than"})
_KNOWN_HEDGES = _LOOSE | _BOUNDS | {"exact"}


def values_agree(a: Quantity, b: Quantity) -> bool:
    """Whether two wordings state the same number.

    Equal stated numbers agree whatever the hedge ("about 60,000" / "60,000"); an approximate
    or vague figure agrees with any value it allows ("dozens" / "50"); measures agree within
    the rounding of the figures as written ("six miles" / "10 km"); bounds are compared by the
    number they state. Ages, scores and ordinals agree only when equal.
    """
    if a.unit in DISCRETE_UNITS or b.unit in DISCRETE_UNITS:
        return a.value == b.value
    if a.unit is not None:
        return _measures_agree(a, b)
    if math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9):
        return True
    if a.hedge in _BOUNDS or b.hedge in _BOUNDS:
        return False
    vague = a.hedge not in _KNOWN_HEDGES or b.hedge not in _KNOWN_HEDGES
    if vague or a.hedge in _LOOSE or b.hedge in _LOOSE:
        return a.low <= b.high and b.low <= a.high
    return False


def _written(q: Quantity) -> tuple[float, float]:
    """The number as written (before any conversion) and half its last significant step."""
    digits = _DIGITS.search(q.text)
    if digits is None:
        spelled = words_value([w for w in re.findall(r"[a-z]+", fold(q.text)) if w in NUMBER_WORDS])
        return (spelled, 0.5) if spelled else (q.value, 0.5)
    try:
        written = float(digits.group().replace(",", ""))
    except ValueError:
        return q.value, 0.5
    step = 0.5 * 10 ** -len(digits.group(1)) if digits.group(1) else 0.5
    return written, step


def _measures_agree(a: Quantity, b: Quantity) -> bool:
    """Measures agree when the figures as written could round to each other after conversion
    ("six miles" / "10 km"); in one unit as written ("$1.2 billion" / "$1 billion") they must be
    equal, unless hedged."""
    written = [_written(q) for q in (a, b)]
    factors = [abs(q.value / w) if w else 1.0 for q, (w, _step) in zip((a, b), written, strict=True)]
    converted = not math.isclose(factors[0], factors[1], rel_tol=1e-6)
    slack = 0.0
    for q, (value, step), factor in zip((a, b), written, factors, strict=True):
        step = step if converted else 0.0
        if q.hedge == "about":
            step = max(step, 0.05 * value)
        slack += factor * step
    if a.hedge == "range" or b.hedge == "range":
        return a.low <= b.high + slack and b.low <= a.high + slack
    if a.hedge in _BOUNDS or b.hedge in _BOUNDS:
        return math.isclose(a.value, b.value, rel_tol=0.02)
    return abs(a.value - b.value) <= slack + 1e-9


_JOIN = re.compile(r"^[\s,]*(?:[a-z]+\s+){0,3}?(?:and|plus)\s*$")


def with_totals(slots: Sequence[Sequence[NumberSlot]]) -> list[tuple[NumberSlot, ...]]:
    """Each member's slots, with a breakdown replaced by its total when another member gives
    that total: "$1 billion in cash and $200 million in stock" is "$1.2 billion", and neither
    part is a rival of the whole."""
    out = [tuple(member) for member in slots]
    for i, member in enumerate(slots):
        for first, second in zip(member, member[1:], strict=False):
            total = _total(first, second)
            if total is None:
                continue
            others = (s for j, other in enumerate(slots) if j != i for s in other)
            if any(
                o.quantity.unit == total.quantity.unit and values_agree(o.quantity, total.quantity)
                for o in others
            ):
                out[i] = tuple(s for s in out[i] if s not in (first, second)) + (total,)
    return out


def _total(first: NumberSlot, second: NumberSlot) -> NumberSlot | None:
    """Two adjacent figures of one kind joined by "and" as one total, or None."""
    a, b = first.quantity, second.quantity
    if a.unit != b.unit or first.dimension != second.dimension or first.fate != second.fate:
        return None
    gap = first.unit.text[a.end - first.unit.start : b.start - first.unit.start]
    if not _JOIN.match(gap):
        return None
    text = first.unit.text[a.start - first.unit.start : b.end - first.unit.start]
    value = a.value + b.value
    total = Quantity(a.start, b.end, text, value, a.low + b.low, a.high + b.high, "exact", a.unit, a.counted)
    return replace(first, quantity=total, after=second.after)


def common_counted(quantities: Iterable[Quantity]) -> str | None:
    """What most of the quantities count (the first such wording on a tie), for labels."""
    counts = Counter(q.counted for q in quantities if q.counted)
    if not counts:
        return None
    top = max(counts.values())
    return next(c for c in counts if counts[c] == top)
