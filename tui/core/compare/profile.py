"""What alignment knows of one statement (or a window of one): its content words as match
keys with their spans, how rare each key is, and the facts that tie statements together.

Every statement is tokenised once here; windows are slices of that. A key is *plain* when it
is written in lower case or as digits (the words for what happened), rather than as a name
(who and where): two statements that share only their cast report different things. A
headline capitalises every word, so all its words count as plain.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from tui.core.compare.numbers import number_slots
from tui.core.model import Mention, Unit
from tui.core.text.match import match_key
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS, Token, mention_spans, relative_tokens

MAX_DF_FRACTION = 0.5
MIN_COMMON_DF = 10
"""A key is too common to index once it is in more than half the statements, and in at least
this many: tiny stories index every key."""
HEADING_WORDS = 9
REPORTING = frozenset(
    match_key(w) for w in "say said says told tell tells according report reported reports".split()
)
"""Attribution, not content: "police said" is shared by statements that say different things."""
CALENDAR = frozenset(
    match_key(w)
    for w in "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
"""Months and weekdays are capitalised, but they say when, not who: plain words."""
_TERMINAL = tuple(".!?…:;\"'”’)]")


@dataclass(frozen=True)
class Weights:
    """Inverse document frequencies over statements, plus the keys too common to index."""

    idf: Mapping[str, float]
    common: frozenset[str]
    default: float

    def of(self, key: str) -> float:
        """The weight of one key (an unseen key counts as the rarest)."""
        return self.idf.get(key, self.default)

    def mass(self, keys: frozenset[str]) -> float:
        """The summed weight of a set of keys, exactly rounded (``fsum``), so the sum does not
        depend on the order a set gives its keys in."""
        return math.fsum(map(self.idf.get, keys, repeat(self.default)))


@dataclass(frozen=True)
class Profile:
    """One statement, or a window of it, as alignment sees it (its tokens' offsets are relative
    to the statement's text)."""

    unit: Unit
    start: int
    end: int
    tokens: tuple[Token, ...]
    plain_flags: tuple[bool, ...]
    keys: frozenset[str]
    plain: frozenset[str]
    mass: float
    heading: bool
    fates: frozenset[str]
    years: frozenset[str]

    @property
    def article(self) -> str:
        return self.unit.article

    @property
    def whole(self) -> bool:
        """Whether this is the whole statement, not a window of it."""
        return self.start == self.unit.start and self.end == self.unit.end


@lru_cache(maxsize=200_000)
def _key(raw: str) -> str:
    return match_key(raw)


@story_cache
def _keyed_tokens(
    text: str, headline: bool, spans: tuple[tuple[int, int, str], ...]
) -> tuple[tuple[Token, ...], tuple[bool, ...]]:
    """A statement's content tokens keyed for matching (offsets relative to its text), and which
    of them are plain, once per distinct text, headline flag and mentions.

    Annotated entities stay one ``@id`` token and number runs one canonical number; every other
    word gets its match key (stem, American spelling, derivation root).
    """
    raw_tokens = relative_tokens(text, spans)
    shouting = headline or title_case(text)
    tokens: list[Token] = []
    flags: list[bool] = []
    for n, token in enumerate(raw_tokens):
        if token.norm.startswith("@") or token.norm[:1].isdigit():
            keyed = token
        else:
            keyed = Token(token.start, token.end, _key(text[token.start : token.end]))
        tokens.append(keyed)
        if keyed.norm.startswith("@") or keyed.norm in REPORTING:
            flags.append(False)
        else:
            first = text[token.start]
            flags.append(first.islower() or first.isdigit() or n == 0 or shouting or keyed.norm in CALENDAR)
    return tuple(tokens), tuple(flags)


def title_case(text: str) -> bool:
    """Whether every content word is capitalised (a headline), three or more."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in STOPWORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def is_heading(text: str) -> bool:
    """A short line without terminal punctuation ("Implementation and Multilateral Cooperation").

    A section heading names a topic rather than stating a fact, so it is only compared with
    headings. A headline is not a heading: it states the story's main claim.
    """
    stripped = text.rstrip()
    return bool(stripped) and not stripped.endswith(_TERMINAL) and len(stripped.split()) <= HEADING_WORDS


def weights_for(key_sets: Sequence[frozenset[str]]) -> Weights:
    """IDF of every key over the statements (each counts a key once)."""
    df: dict[str, int] = defaultdict(int)
    for keys in key_sets:
        for key in keys:
            df[key] += 1
    total = max(len(key_sets), 1)
    idf = {k: math.log((total + 1) / (c + 0.5)) for k, c in df.items()}
    limit = max(MIN_COMMON_DF, MAX_DF_FRACTION * total)
    common = frozenset(k for k, c in df.items() if c > limit)
    return Weights(idf, common, math.log((total + 1) / 0.5))


@dataclass(frozen=True)
class Statement:
    """A statement's tokens and the positions of what ties statements together, computed once;
    its profile and the profiles of its windows are made from this."""

    unit: Unit
    tokens: tuple[Token, ...]
    """Offsets relative to the statement's text: copies of one text share one tuple."""
    flags: tuple[bool, ...]
    fates: tuple[tuple[int, str], ...]
    years: tuple[tuple[int, str], ...]
    keys: frozenset[str]
    """The keys of the whole statement (shared by copies of its text)."""
    plain: frozenset[str]
    phrases: frozenset[Phrase]
    """Its two-word phrases (see :func:`_phrases`), shared by copies of its text."""


Phrase = tuple[str, str]


def statement(unit: Unit, mentions: Sequence[Mention]) -> Statement:
    """Tokenise one statement and find its fates (killed, injured...) and the years it names."""
    spans = mention_spans(mentions, unit.start, len(unit.text))
    tokens, flags = _keyed_tokens(unit.text, unit.headline, spans)
    keys, plain, phrases = _whole_keys(unit.text, unit.headline, spans)
    fates = tuple((s.quantity.start, s.fate) for s in number_slots(unit) if s.fate)
    years = tuple(
        (d.start, d.iso[:4]) for d in unit.dates if d.iso and d.kind in ("year", "absolute", "month")
    )
    return Statement(unit, tokens, flags, fates, years, keys, plain, phrases)


@story_cache
def _whole_keys(
    text: str, headline: bool, spans: tuple[tuple[int, int, str], ...]
) -> tuple[frozenset[str], frozenset[str], frozenset[Phrase]]:
    tokens, flags = _keyed_tokens(text, headline, spans)
    return key_set(tokens), _plain_keys(tokens, flags), _phrases(tokens, flags)


def _plain_keys(tokens: Sequence[Token], flags: Sequence[bool]) -> frozenset[str]:
    return frozenset(t.norm for t, plain in zip(tokens, flags, strict=True) if plain)


def _phrases(tokens: Sequence[Token], flags: Sequence[bool]) -> frozenset[Phrase]:
    """Each two neighbouring content words, in order, both plain (words for what happened, not
    names) and neither a month or weekday ("late Tuesday" says when, not what)."""
    keys = [t.norm for t in tokens]
    return frozenset(
        (first, second)
        for n, (first, second) in enumerate(zip(keys, keys[1:], strict=False))
        if first != second and flags[n] and flags[n + 1] and first not in CALENDAR and second not in CALENDAR
    )


NUMBER_KEY = "#n"
"""Every statement that gives a figure also has this key: two tellings of one fact with
different figures ("won 3-1" / "won 3-2") still have their figure in common, which is what the
comparison must then look at. It is never a plain key, so it never makes a link alone."""


def key_set(tokens: Sequence[Token]) -> frozenset[str]:
    """The keys of some tokens, with :data:`NUMBER_KEY` when one of them is a figure."""
    keys = {t.norm for t in tokens}
    if any(t.norm[:1].isdigit() for t in tokens):
        keys.add(NUMBER_KEY)
    return frozenset(keys)


def profile_of(item: Statement, weights: Weights, lo: int = 0, hi: int | None = None) -> Profile:
    """The profile of a statement, or of its tokens ``lo:hi`` (a window)."""
    unit = item.unit
    tokens = item.tokens[lo:hi]
    flags = item.flags[lo:hi]
    whole = lo == 0 and (hi is None or hi >= len(item.tokens))
    start = unit.start if whole or not tokens else unit.start + tokens[0].start
    end = unit.end if whole or not tokens else unit.start + tokens[-1].end
    keys = item.keys if whole else key_set(tokens)
    return Profile(
        unit,
        start,
        end,
        tokens,
        flags,
        keys,
        item.plain if whole else _plain_keys(tokens, flags),
        weights.mass(keys),
        whole and not unit.headline and is_heading(unit.text),
        frozenset(fate for at, fate in item.fates if start <= at < end),
        frozenset(year for at, year in item.years if start <= at < end),
    )
