"""Names in the same place of aligned statements: who said it, where it happened, who is credited.

Two sources telling one statement sometimes put a different name in the same place: "stopped
on Route 9 in Dover" / "stopped near Smyrna", "'not before spring,' Smith said" / "... Okafor
said". A name is in the same place when the words around it match (the words before and after
it); it is the same name when one is the other with a title, an initial or a first name more
or less ("Maria Lopez" / "Maria T. Lopez" / "Dr. Lopez"), or an acronym of it. A name one
source gives where the other gives none is an omission, not a conflict.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from tui.core.compare.checks.base import DiscrepancyCheck, QuotesOf, StatementContext, token_set
from tui.core.compare.checks.quote import quote_relation
from tui.core.compare.checks.spelling import edit_distance_at_most
from tui.core.compare.finding import Finding, Value
from tui.core.compare.slots import agreement_classes, group_slots
from tui.core.model import Quote, Unit
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS, fold

_RUN = re.compile(
    r"(?:[A-Z][\w’'-]*\.?|(?:[A-Z]\.){1,3})(?:\s+(?:of\s+|de\s+|van\s+|von\s+|al-)?(?:[A-Z][\w’'-]*\.?|(?:[A-Z]\.){1,3}))*"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_TITLES = frozenset(
    """
mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt rev hon pres supt det insp brig
president minister secretary governor mayor senator general admiral colonel captain chief officer
judge justice sheriff director spokesman spokeswoman spokesperson
""".split()
)
MIN_CONTEXT = 2
CONTEXT = 3
"""Words either side of a name that say where it stands in its sentence."""
LOCATIVES = frozenset("in at near from outside off inside across into to".split())
"""A name after one of these is a place: "in Dover" / "near Smyrna"."""


@dataclass(frozen=True)
class NameSlot:
    unit: Unit
    start: int
    end: int
    text: str
    words: frozenset[str]
    before: tuple[str, ...]
    after: tuple[str, ...]


def _key_words(text: str) -> frozenset[str]:
    words = [re.sub(r"'s$", "", fold(w).strip(".")) for w in _WORD.findall(text)]
    return frozenset(w for w in words if w and w not in _TITLES and len(w) > 1 and w not in STOPWORDS)


_Run = tuple[int, str, frozenset[str], tuple[str, ...], tuple[str, ...]]


@story_cache
def _name_runs(text: str) -> tuple[_Run, ...]:
    """The name runs of a statement's text: (offset in the text, name, key words, words before,
    words after), once per distinct text."""
    out = []
    for match in _RUN.finditer(text):
        start, end = match.span()
        head = text[:start].rstrip()
        if not head or head.endswith((".", "!", "?", "“", '"', ":")):
            continue
        name = match.group().rstrip(".")
        words = _key_words(name)
        if not words:
            continue
        before = tuple(fold(w) for w in _WORD.findall(text[max(0, start - 40) : start]))[-CONTEXT:]
        after = tuple(fold(w) for w in _WORD.findall(text[end : end + 40]))[:CONTEXT]
        out.append((start, name, words, before, after))
    return tuple(out)


def name_slots(unit: Unit) -> tuple[NameSlot, ...]:
    base = unit.start
    return tuple(
        NameSlot(unit, base + start, base + start + len(name), name, words, before, after)
        for start, name, words, before, after in _name_runs(unit.text)
    )


def same_name(a: NameSlot, b: NameSlot) -> bool:
    """One name is the other with more or fewer words (a title, an initial, a first name), an
    acronym of it, or a word made from it ("China" / "Chinese")."""
    return _same_name(a.text, b.text)


@story_cache
def _same_name(a: str, b: str) -> bool:
    wa, wb = _key_words(a), _key_words(b)
    if wa <= wb or wb <= wa or _acronym(a, b) or _acronym(b, a):
        return True
    if len(wa) != 1 or len(wb) != 1:
        return False
    (x,), (y,) = wa, wb
    return min(len(x), len(y)) >= 4 and (x.startswith(y[:-1]) or y.startswith(x[:-1]))


def _spelled_alike(a: NameSlot, b: NameSlot) -> bool:
    """Every word of one name is the other's word or a spelling of it (one letter apart)."""
    wa, wb = sorted(a.words), sorted(b.words)
    return len(wa) == len(wb) and all(
        x == y or edit_distance_at_most(x, y, 1) for x, y in zip(wa, wb, strict=True)
    )


def _acronym(short: str, long: str) -> bool:
    compact = short.replace(".", "").replace(" ", "")
    return (
        len(compact) >= 2
        and compact.isupper()
        and compact == "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", long))
    )


def _match(common: frozenset[str], quotes_of: QuotesOf | None, a: NameSlot, b: NameSlot) -> float:
    """10 for one name; else how well the words around two different names match (0: not
    the same place, or one of them is the story's setting, or either name is in the other
    statement anyway, or the two are one name spelled two ways: the spelling check's, or
    two people each said something else)."""
    if a.words <= common or b.words <= common:
        return 0.0
    if same_name(a, b):
        return 10.0
    if _spelled_alike(a, b) or _said_other_things(a, b, quotes_of):
        return 0.0
    shared = (set(a.before) & set(b.before)) | (set(a.after) & set(b.after))
    context = len(shared) + (1 if a.before[-1:] == b.before[-1:] and a.before[-1:] else 0)
    if context < MIN_CONTEXT or not shared - STOPWORDS:
        return 0.0
    if a.words & _all_words(b.unit) or b.words & _all_words(a.unit):
        return 0.0
    return float(context)


def _said_other_things(a: NameSlot, b: NameSlot, quotes_of: QuotesOf | None) -> bool:
    """Both names say who is quoted, and the two quotes are not one remark: two people said two
    things ("'we are searching the rubble,' said the deputy chief" / "'14 children are still
    trapped,' said the agency head"), which is no rival attribution."""
    if quotes_of is None:
        return False
    qa, qb = _quote_by(a, quotes_of), _quote_by(b, quotes_of)
    return qa is not None and qb is not None and not _one_remark(qa.text, qb.text)


def _one_remark(a: str, b: str) -> bool:
    """One quote contains the other, or they share most of the words of each (a quote
    reworded): a loose likeness ("...trapped under the rubble" in two different remarks) is
    not enough to say two people were credited with one remark."""
    relation = quote_relation(a, b)
    if relation != "variant":
        return relation == "same"
    ta, tb = token_set(a), token_set(b)
    return 2 * len(ta & tb) >= max(len(ta), len(tb))


def _quote_by(slot: NameSlot, quotes_of: QuotesOf) -> Quote | None:
    return next((q for q in quotes_of(slot.unit) if q.speaker and slot.words & _key_words(q.speaker)), None)


def common_name_words(units: Sequence[Unit], articles: int) -> frozenset[str]:
    """The name words more than half of the sources use: the story's setting and cast."""
    by_article: dict[str, set[str]] = {}
    for unit in units:
        by_article.setdefault(unit.article, set()).update(_text_name_words(unit.text))
    sources: Counter[str] = Counter()
    for words in by_article.values():
        sources.update(words)
    return frozenset(w for w, found in sources.items() if found * 2 > articles)


@story_cache
def _text_name_words(text: str) -> frozenset[str]:
    return frozenset(word for _start, _name, words, _before, _after in _name_runs(text) for word in words)


def _all_words(unit: Unit) -> frozenset[str]:
    return _text_words(unit.text)


@story_cache
def _text_words(text: str) -> frozenset[str]:
    return frozenset(fold(w).strip(".") for w in _WORD.findall(text))


def substituted_names(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Different names in the same place of aligned statements, one finding per place."""
    slots = [name_slots(u) for u in units]
    out = []
    for entries in group_slots(
        slots,
        partial(_match, context.common_names, context.quotes_of),
        lambda i: units[i].article,
        lambda i: units[i].text,
    ):
        classes = agreement_classes(entries, same_name)
        if len(classes) < 2:
            continue
        values = {s.unit.article: Value(s.text, s.start, s.end) for _i, s in entries}
        groups = tuple(tuple(entries[n][1].unit.article for n in cls) for cls in classes)
        subject = "place" if entries[0][1].before[-1:] and entries[0][1].before[-1] in LOCATIVES else None
        out.append(Finding("name", values, groups, subject, tuple(units[i] for i, _s in entries)))
    return out


CHECK = DiscrepancyCheck("name", in_statement=substituted_names)
