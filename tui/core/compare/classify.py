"""Decide what aligned statements say to a fact-checker: shared, a discrepancy, or unique.

Every check compares each member with one reference member (never all pairs), so a statement
carried by hundreds of sources costs linear time. A discrepancy is reported with the differing
value of every member as written and where it sits in the article, and with a word-level diff.
Sources dated months apart that differ on a number or a name are flagged as a change over time
rather than a conflict: a new minister in October is not an error in a March report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

from tui.core.model import (
    Article,
    Cluster,
    DateMention,
    DiffPiece,
    DiscrepancyType,
    Member,
    Quantity,
    Quote,
    Unit,
)
from tui.core.text.normalize import STOPWORDS, Token, content_tokens, fold, stem, tokens_with_spans
from tui.core.text.slots.quantities import quantity_predicate

CHANGE_DAYS = 60
STATEMENT_RATIO = 20.0
UNIT_SPREAD = 0.03
SNIPPET = 72
VALUE_SNIPPET = 48
LABEL_IDS = 5
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

_TITLES: dict[str, str] = {
    "number": "Number differs",
    "date": "Date differs",
    "name": "Name differs",
    "quote-wording": "Quote worded differently",
    "contradiction": "Contradiction",
    "other": "Differs",
}
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|neither|nor|none|nobody|nothing|den(?:y|ies|ied)|"
    r"declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing))\b|n['’]t\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?()]")
_PIECE = re.compile(r"\s+|\S+")
_NON_WORD = re.compile(r"[^\w]+")
_PRONOUNS = frozenset("he she they it we i you his her their officials official".split())
_COMPLEMENTISERS = frozenset("that which who whom whose whether if because than".split())
_NOT_A_DENIAL = re.compile(r"\s*(?:more|less|fewer|longer|sooner|later|other|one|doubt)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Value:
    """A differing value as written, with its article offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """What differs among a set of units: the type, each article's value, and the value groups.

    ``groups`` lists the articles that agree with each other, one tuple per distinct value; it is
    what the change-over-time rule compares.
    """

    type: DiscrepancyType
    values: Mapping[str, Value]
    groups: tuple[tuple[str, ...], ...]
    subject: str | None = None
    units: tuple[Unit, ...] = ()


# ---------------------------------------------------------------------------------------------
# Time


def date_range(value: str | None) -> tuple[date, date] | None:
    """The days an article date may mean: ``2025-03`` is all of March, ``2025`` the whole year."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            first = date(year, month, 1)
            following = date(year + (month == 12), month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def change_over_time(groups: Sequence[Sequence[str]], articles: Mapping[str, Article]) -> bool:
    """True when every two groups of sources giving different values are dated months apart.

    An undated source counts with the dated sources that give its value; a group with no dated
    source at all leaves the question open, so the difference stays a conflict.
    """
    if len(groups) < 2:
        return False
    known: list[list[tuple[date, date]]] = []
    for group in groups:
        spans = sorted({r for r in (date_range(articles[a].date) for a in group) if r is not None})
        if not spans:
            return False
        known.append(spans)
    for i in range(len(known)):
        for j in range(i + 1, len(known)):
            if any(_gap(a, b) < CHANGE_DAYS for a in known[i] for b in known[j]):
                return False
    return True


# ---------------------------------------------------------------------------------------------
# Word diffs and labels


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return _NON_WORD.sub("", fold(word))


class WordDiffer:
    """Word-level diffs of many texts against one basis (difflib indexes the basis once)."""

    def __init__(self, basis: str) -> None:
        self.matcher = SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2([_word_key(w) for w in basis.split()])

    def diff(self, text: str) -> tuple[DiffPiece, ...]:
        """``text`` cut into runs that concatenate back to it exactly; a run is ``changed``
        when its words are not matched in the basis (punctuation and case ignored)."""
        if not text:
            return ()
        pieces = _PIECE.findall(text)
        word_at = [i for i, piece in enumerate(pieces) if not piece.isspace()]
        self.matcher.set_seq1([_word_key(pieces[i]) for i in word_at])
        changed = [not piece.isspace() for piece in pieces]
        for block in self.matcher.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
                changed[word_at[k]] = False
        for i, piece in enumerate(pieces):
            if piece.isspace() and 0 < i < len(pieces) - 1 and changed[i - 1] and changed[i + 1]:
                changed[i] = True
        out: list[DiffPiece] = []
        for piece, flag in zip(pieces, changed):
            if out and out[-1].changed == flag:
                out[-1] = DiffPiece(out[-1].text + piece, flag)
            else:
                out.append(DiffPiece(piece, flag))
        return tuple(out)


def word_diff(text: str, other: str | None) -> tuple[DiffPiece, ...]:
    """``text`` as diff pieces against ``other`` (one unchanged piece when there is no other)."""
    if not text:
        return ()
    if other is None:
        return (DiffPiece(text, False),)
    return WordDiffer(other).diff(text)


def short_ids(article_ids: Sequence[str]) -> dict[str, str]:
    """Short names for labels: the id's leading part before the first dash when that is unique."""
    heads = {a: a.split("-", 1)[0] for a in article_ids}
    if len(set(heads.values())) == len(heads) and all(heads.values()):
        return heads
    return {a: a for a in article_ids}


def snippet(text: str, limit: int = SNIPPET) -> str:
    """One line of at most ``limit`` characters, cut at a word."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _id_list(ids: Sequence[str]) -> str:
    if len(ids) <= LABEL_IDS:
        return ", ".join(ids)
    return ", ".join(ids[: LABEL_IDS - 1]) + f" +{len(ids) - LABEL_IDS + 1} more"


def label_for(
    kind: str,
    finding: Finding | None,
    members: Sequence[Member],
    total: int,
    short: Mapping[str, str],
    over_time: bool,
) -> str:
    """The one-line summary a reader sees in lists and exports."""
    first = members[0]
    if kind == "unique":
        return f"Only in {short.get(first.article, first.article)}: {snippet(first.text)}"
    if kind == "shared" or finding is None:
        count = len({m.article for m in members})
        return f"Shared by {count} of {total}: {snippet(first.text)}"
    title = _TITLES[finding.type]
    if over_time:
        title += " (change over time)"
    parts = []
    for group in finding.groups:
        shown = [a for a in group if a in finding.values]
        if not shown:
            continue
        ids = _id_list([short.get(a, a) for a in shown])
        parts.append(f"{snippet(finding.values[shown[0]].text, VALUE_SNIPPET)} ({ids})")
    text = f"{title}: {' / '.join(parts)}"
    if finding.subject:
        text += f" {finding.subject}" if finding.type == "number" else f" [{finding.subject}]"
    return text


# ---------------------------------------------------------------------------------------------
# Numbers


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


def comparable_interval(q: Quantity) -> tuple[float, float]:
    """The values a wording allows when sources are compared.

    The hedge's interval comes from the quantity itself (see ``quantities.APPROXIMATION``); a
    measured value gets a little slack for conversion: "10 miles" is "16 km" rounded.
    """
    low, high = q.low, q.high
    if q.unit is not None:
        low, high = low - abs(low) * UNIT_SPREAD, high + abs(high) * UNIT_SPREAD
    return low, high


def intervals_overlap(a: Quantity, b: Quantity) -> bool:
    """The two wordings allow a common value ("about 60,000" and "60,000" do)."""
    a_low, a_high = comparable_interval(a)
    b_low, b_high = comparable_interval(b)
    return a_low <= b_high and b_low <= a_high


def magnitude_ratio(a: Quantity, b: Quantity) -> float:
    """How many times larger the bigger value is (1.0 for equal values)."""
    x, y = abs(a.value), abs(b.value)
    if x == y:
        return 1.0
    if min(x, y) == 0:
        return math.inf
    return max(x, y) / min(x, y)


def _counted_match(a: Quantity, b: Quantity) -> int:
    """2: the counted things share a word; 1: one is unknown; 0: both known and unrelated."""
    if not a.counted or not b.counted:
        return 1
    return 2 if _token_set(a.counted) & _token_set(b.counted) else 0


def predicate(unit: Unit, q: Quantity) -> str | None:
    """What happened to what ``q`` (a quantity of ``unit``) counts: killed, injured, ... or None."""
    return quantity_predicate(unit.text, q.start - unit.start, q.end - unit.start, q.counted)


def same_fate(a: Unit, qa: Quantity, b: Unit, qb: Quantity) -> bool:
    """False when both numbers say what happened to what they count and say different things:
    "12 people were killed" and "injured more than 200 people" count different people."""
    fate_a = predicate(a, qa)
    if fate_a is None:
        return True
    fate_b = predicate(b, qb)
    return fate_b is None or fate_a == fate_b


def number_groups(units_values: Sequence[tuple[str, Quantity]]) -> tuple[tuple[str, ...], ...]:
    """Articles grouped by compatible values (each joins the first group whose value it allows)."""
    groups: list[tuple[Quantity, list[str]]] = []
    for article, q in units_values:
        for rep, members in groups:
            if intervals_overlap(rep, q):
                members.append(article)
                break
        else:
            groups.append((q, [article]))
    return tuple(tuple(members) for _rep, members in groups)


def common_counted(quantities: Iterable[Quantity]) -> str | None:
    """What most of the quantities count (the first such wording on a tie), for labels."""
    counts = Counter(q.counted for q in quantities if q.counted)
    if not counts:
        return None
    top = max(counts.values())
    return next(c for c in counts if counts[c] == top)


def number_finding(units: Sequence[Unit]) -> Finding | None:
    """A counted quantity that the reference member gives and another member contradicts.

    A member's number that agrees with another of the reference's numbers is spoken for: "34
    miles west" matching "55 km from the town" is not also a rival to "six miles deep".
    """
    per_unit = [(u, usable_quantities(u)) for u in units]
    reference = next(((u, qs) for u, qs in per_unit if qs), None)
    if reference is None:
        return None
    ref_unit, ref_quantities = reference
    for ref_q in ref_quantities:
        matched: list[tuple[Unit, Quantity]] = [(ref_unit, ref_q)]
        conflict = False
        for unit, quantities in per_unit:
            if unit is ref_unit:
                continue
            taken = {
                id(q)
                for q in quantities
                for r in ref_quantities
                if r is not ref_q
                and r.unit == q.unit
                and intervals_overlap(q, r)
                and same_fate(unit, q, ref_unit, r)
            }
            options = [
                q
                for q in quantities
                if q.unit == ref_q.unit
                and id(q) not in taken
                and magnitude_ratio(q, ref_q) <= STATEMENT_RATIO
                and _counted_match(q, ref_q)
                and same_fate(unit, q, ref_unit, ref_q)
            ]
            if not options:
                continue
            best = min(
                options,
                key=lambda q: (
                    not intervals_overlap(q, ref_q),
                    -_counted_match(q, ref_q),
                    predicate(unit, q) is None,
                    magnitude_ratio(q, ref_q),
                    q.start,
                ),
            )
            matched.append((unit, best))
            conflict = conflict or not intervals_overlap(best, ref_q)
        if conflict:
            values = {u.article: Value(q.text, q.start, q.end) for u, q in matched}
            groups = number_groups([(u.article, q) for u, q in matched])
            subject = common_counted(q for _u, q in matched)
            return Finding("number", values, groups, subject, tuple(u for u, _q in matched))
    return None


# ---------------------------------------------------------------------------------------------
# Dates


def _dates_agree(a: DateMention, b: DateMention) -> bool:
    assert a.iso is not None and b.iso is not None
    n = min(len(a.iso), len(b.iso))
    return a.iso[:n] == b.iso[:n]


def _isos_agree(a: str, b: str) -> bool:
    """One date string is the other or a coarser part of it ("2013-07" and "2013-07-02")."""
    return a.startswith(b) or b.startswith(a)


def _dated_beside(
    ref_d: DateMention, per_unit: Sequence[tuple[Unit, Sequence[DateMention]]]
) -> frozenset[str]:
    """Every date a member gives in the same statement as a date agreeing with ``ref_d``."""
    assert ref_d.iso is not None
    return frozenset(
        x.iso
        for _unit, dates in per_unit
        if any(_dates_agree(y, ref_d) for y in dates)
        for x in dates
        if x.iso
    )


def _rival(d: DateMention, ref_dates: Sequence[DateMention], beside: frozenset[str]) -> bool:
    """``d`` gives a different date for what the reference dates, not a date of something else.

    A date the reference member also gives is agreement, not a rival ("the tsunami of 2004" in
    both); and two dates one member gives side by side ("quake on Tuesday ... tsunami of 2004")
    date different things, so a member naming only one of them omits the other rather than
    contradicting it.
    """
    assert d.iso is not None
    return not any(_dates_agree(d, r) for r in ref_dates) and not any(_isos_agree(d.iso, x) for x in beside)


def date_finding(units: Sequence[Unit]) -> Finding | None:
    """A resolved date in the reference member that another member gives differently.

    Only rival dates conflict (see ``_rival``): a member that leaves a date out agrees.
    """
    per_unit = [(u, [d for d in u.dates if d.iso]) for u in units]
    reference = next(((u, ds) for u, ds in per_unit if ds), None)
    if reference is None:
        return None
    ref_unit, ref_dates = reference
    for ref_d in ref_dates:
        matched: list[tuple[Unit, DateMention]] = [(ref_unit, ref_d)]
        conflict = False
        beside = _dated_beside(ref_d, per_unit)
        for unit, dates in per_unit:
            if unit is ref_unit or not dates:
                continue
            same = [d for d in dates if _dates_agree(d, ref_d)]
            if same:
                matched.append((unit, same[0]))
                continue
            rivals = [d for d in dates if _rival(d, ref_dates, beside)]
            if not rivals:
                continue
            closest = [d for d in rivals if d.kind == ref_d.kind] or rivals
            matched.append((unit, closest[0]))
            conflict = True
        if conflict:
            values = {u.article: Value(d.text, d.start, d.end) for u, d in matched}
            groups: dict[str, list[str]] = {}
            for unit, d in matched:
                key = next((k for k in groups if _dates_agree(DateMention(0, 0, "", k), d)), d.iso or "")
                groups.setdefault(key, []).append(unit.article)
            return Finding(
                "date", values, tuple(tuple(g) for g in groups.values()), None, tuple(u for u, _d in matched)
            )
    return None


# ---------------------------------------------------------------------------------------------
# Quotes


def speaker_key(quote: Quote) -> str | None:
    """Who said it, as a comparable key: the entity id, else the speaker's last name."""
    if quote.speaker_entity:
        return "@" + quote.speaker_entity
    if not quote.speaker:
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", fold(quote.speaker))]
    if not words or words[-1] in _PRONOUNS:
        return None
    return words[-1]


@lru_cache(maxsize=16384)
def plain_words(text: str) -> str:
    """The words of a text, folded and space-padded, so containment means whole words."""
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


@lru_cache(maxsize=16384)
def _token_set(text: str) -> frozenset[str]:
    return frozenset(content_tokens(text))


def quote_relation(a: str, b: str) -> str | None:
    """``same`` (identical, or one quotes part of the other), ``variant`` (same words, worded
    differently) or ``None`` (different quotes)."""
    pa, pb = plain_words(a), plain_words(b)
    if not pa.strip() or not pb.strip():
        return None
    if pa in pb or pb in pa:
        return "same"
    ta, tb = _token_set(a), _token_set(b)
    if not ta or not tb:
        return None
    shared = ta & tb
    if len(shared) >= 3 and len(shared) / min(len(ta), len(tb)) >= 0.6:
        return "variant"
    return None


def _speakers_match(a: Quote, b: Quote) -> bool:
    ka, kb = speaker_key(a), speaker_key(b)
    return ka is None or kb is None or ka == kb


QuotesOf = Callable[[Unit], Sequence[Quote]]


def quote_finding(units: Sequence[Unit], quotes_of: QuotesOf | None = None) -> Finding | None:
    """The same speaker's quote worded differently by another member.

    ``quotes_of`` gives the quotes overlapping a unit (a quotation that runs over several
    sentences belongs to each of them); by default a unit's own quotes.
    """
    per_unit = [(u, list(quotes_of(u) if quotes_of else u.quotes)) for u in units]
    reference = next(((u, qs) for u, qs in per_unit if qs), None)
    if reference is None:
        return None
    ref_unit, ref_quotes = reference
    for ref_q in ref_quotes:
        matched: list[tuple[Unit, Quote, str]] = [(ref_unit, ref_q, "same")]
        for unit, quotes in per_unit:
            if unit is ref_unit:
                continue
            relations = [(quote_relation(ref_q.text, q.text), q) for q in quotes if _speakers_match(ref_q, q)]
            same = [q for rel, q in relations if rel == "same"]
            variant = [q for rel, q in relations if rel == "variant"]
            if same:
                matched.append((unit, same[0], "same"))
            elif variant:
                matched.append((unit, variant[0], "variant"))
        if any(rel == "variant" for _u, _q, rel in matched):
            return quote_result(matched, ref_q.speaker)
    return None


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


# ---------------------------------------------------------------------------------------------
# Names: a different person in the same role ("Defense Minister X" vs "Defense Minister Y")

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
        return _word_key(self.person.split()[-1])


def _is_role(word: str) -> bool:
    low = word.lower()
    if low.endswith(".") and low[:-1] in ROLE_ABBREVIATIONS:
        return True
    return _word_key(low) in ROLE_WORDS


def role_mentions(unit: Unit) -> list[RoleMention]:
    """Every "role + person name" run in the unit (roles need a role word; abbreviated ranks
    count only with their period, so the given name "Gen" is not taken for a rank)."""
    out: list[RoleMention] = []
    for run in _CAP_RUN.finditer(unit.text):
        words = [
            (m.group(), run.start() + m.start(), run.start() + m.end())
            for m in re.finditer(r"\S+", run.group())
        ]
        role_at = max((i for i, (w, _s, _e) in enumerate(words) if _is_role(w)), default=None)
        if role_at is None or role_at == len(words) - 1:
            continue
        person: list[tuple[str, int, int]] = []
        for word, start, end in words[role_at + 1 :]:
            clean = re.sub(r"(?:['’]s)?[.,;:!?]*$", "", word)
            if not clean or not clean[0].isupper() or word.lower() in _ROLE_FILLERS or _is_role(word):
                break
            person.append((clean, start, start + len(clean)))
            if clean != word:
                break
        if not person or len(person) > 4 or not all(re.fullmatch(r"[^\W\d_][\w’'-]*", p[0]) for p in person):
            continue
        role_words = [w for w, _s, _e in words[: role_at + 1]]
        key = frozenset(_word_key(w) for w in role_words if w.lower() not in _ROLE_FILLERS)
        out.append(
            RoleMention(
                unit,
                " ".join(role_words),
                key,
                " ".join(p[0] for p in person),
                unit.start + person[0][1],
                unit.start + person[-1][2],
            )
        )
    return out


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


def name_finding(units: Sequence[Unit], story_order: Mapping[str, int]) -> Finding | None:
    """Different people in the same role among aligned units, or an acronym variant."""
    mentions = [m for u in units for m in role_mentions(u)]
    for family in sorted(role_families(mentions).values(), key=lambda f: (f[0].unit.index, f[0].start)):
        found = name_finding_from(family, story_order)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------------------------------------
# Acronyms: "AMRAAM" vs "Advanced Medium-Range Air to Air Missiles (MRAAM)"

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
        for word in reversed(before):
            w = word.group()
            if len(taken) > len(match.group(1)) + 3:
                break
            if w[:1].isupper() or w in _CONNECTORS:
                taken.append(word)
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
        return sum(x != y for x, y in zip(a, b)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# ---------------------------------------------------------------------------------------------
# Polarity


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
            if token is None or not token.norm.isalpha() or len(token.norm) < 3 or low in _PRONOUNS:
                break
            return _Denial(unit.start + _word_start(unit.text, cue.start()), token)
    return None


def verb_phrase(unit: Unit, start: int, end: int) -> Value:
    """The words ``start:end`` of ``unit`` with the auxiliaries just before them ("will increase",
    "has started"): the affirmative counterpart a reader compares with a negated phrase."""
    text = unit.text
    begin = start - unit.start
    for _ in range(MAX_AUXILIARIES):
        before = re.search(r"(\S+)\s+$", text[:begin])
        if before is None or fold(before.group(1)) not in AUXILIARIES:
            break
        begin = before.start(1)
    return Value(text[begin : end - unit.start], unit.start + begin, end)


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


def contradiction_finding(units: Sequence[Unit]) -> Finding | None:
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
            if stated is None or not _about_the_same(unit, other):
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
            return Finding(
                "contradiction", values, (affirmed, negated), snippet(other.text, 48), tuple(units)
            )
    return None


# ---------------------------------------------------------------------------------------------
# Classification


def classify(
    units: Sequence[Unit], story_order: Mapping[str, int], quotes_of: QuotesOf | None = None
) -> Finding | None:
    """The discrepancy among aligned units, most specific type first; ``None`` if they agree."""
    if len(units) < 2:
        return None
    for check in (number_finding, date_finding):
        found = check(units)
        if found is not None:
            return found
    found = quote_finding(units, quotes_of)
    if found is not None:
        return found
    found = name_finding(units, story_order)
    if found is not None:
        return found
    return contradiction_finding(units)


def build_cluster(
    units: Sequence[Unit],
    finding: Finding | None,
    *,
    articles: Mapping[str, Article],
    story_order: Mapping[str, int],
    short: Mapping[str, str],
    scope: str = "statement",
) -> Cluster:
    """A cluster (id left blank) with members in story order, values, diffs and a label."""
    ordered = sorted(units, key=lambda u: (story_order[u.article], u.start))
    against_first = WordDiffer(ordered[0].text)
    members: list[Member] = []
    for position, unit in enumerate(ordered):
        value = finding.values.get(unit.article) if finding else None
        start, end, text = unit.start, unit.end, unit.text
        if value is not None and (value.start < start or value.end > end):
            start, end = min(start, value.start), max(end, value.end)
            text = articles[unit.article].text[start:end]
        members.append(
            Member(
                article=unit.article,
                start=start,
                end=end,
                text=text,
                unit=unit.id,
                value=value.text if value else None,
                value_start=value.start if value else None,
                value_end=value.end if value else None,
                diff=(
                    against_first.diff(text)
                    if position
                    else word_diff(text, ordered[1].text if len(ordered) > 1 else None)
                ),
            )
        )
    kind = "discrepancy" if finding else ("shared" if len(ordered) > 1 else "unique")
    over_time = bool(
        finding
        and finding.type in ("number", "name", "quote-wording")
        and change_over_time(finding.groups, articles)
    )
    label = label_for(kind, finding, members, len(articles), short, over_time)
    entities = tuple(dict.fromkeys(e for u in ordered for e in u.entities))
    return Cluster(
        id="",
        kind=kind,
        label=label,
        members=tuple(members),
        discrepancy_type=finding.type if finding else None,
        values={a: v.text for a, v in finding.values.items()} if finding else {},
        scope=scope,
        change_over_time=over_time,
        entities=entities,
    )
