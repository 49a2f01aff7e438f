"""Numbers in forms the quantity finder leaves out: ages, compounds, scores and ordinals.

"a 45-year-old man" / "aged 46" / "Smith, 45, of Dover"; "a 40-bed clinic", "200-seat",
"a 4,000-strong force"; "won 3-1", "an 8-3 record", "(7-3)"; "her fourth title" / "her 5th
title". Each is a quantity of its own kind (``unit`` ``age``, ``score`` or ``ordinal``; a
compound counts its noun) compared only with its kind, and exactly: a 45-year-old is not a
46-year-old, 3-1 is not 3-2, a fourth title is not a fifth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.core.model import Quantity
from tui.core.text.normalize import UNITS_WORDS
from tui.core.text.slots.scan import matches_at

DISCRETE_UNITS = frozenset({"age", "score", "ordinal"})
"""Kinds of number that agree only when equal: no rounding, no hedge makes 45 equal 46."""

_NUMBER_WORD = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_AGE = re.compile(
    rf"(?i)\b(?P<n>\d{{1,3}}|{_NUMBER_WORD})[-\s]years?[-\s]old\b"
    r"|\baged\s+(?P<n2>\d{1,3})\b"
    r"|(?<=[a-z]),\s(?P<n3>\d{1,3}),(?=\s(?:of|from|a|an|who|was|is|the|and)\b)"
)
_COMPOUND = re.compile(
    rf"(?i)(?<![\w.,-])(?P<n>\d{{1,3}}(?:,\d{{3}})*|{_NUMBER_WORD})-(?P<noun>(?!years?\b)[a-z]{{3,}})\b"
    r"(?:\s+(?P<after>[a-z]{3,}))?"
)
_SCORE = re.compile(r"(?<![\w.:/-])(?P<open>\()?(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?P<close>\))?(?![\w.:/%-])")
_SCORE_CONTEXT = re.compile(
    r"(?i)\b(?:won|win|wins|beat|beats|defeat\w*|lost|lose|loses|record|scor\w*|victory|draw|drew|"
    r"tie|tied|match|game|final|season|edged|routed|trailed|led|lead)\b"
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "twentieth": 20,
}  # fmt: skip
_ORDINAL = re.compile(
    r"(?i)\b(?:his|her|their|its|the|a|an)\s+(?P<o>\d{1,3}(?:st|nd|rd|th)|"
    + "|".join(_ORDINAL_WORDS)
    + r")\s+(?:straight\s+|consecutive\s+|successive\s+|career\s+|major\s+)?(?P<noun>[a-z]{3,})\b"
)
_LONGEST_NUMBER = max(3, *(len(w) for w in UNITS_WORDS))
"""The longest number an age or a compound may begin with: three digits or a number word."""
_YEAR = re.compile("year", re.IGNORECASE)
_AGED = re.compile("aged", re.IGNORECASE)
_COMMA_NUMBER = re.compile(r",\s\d")
_DIGITS = re.compile(r"\d+")
_HYPHEN = re.compile("-")
_OPENING = re.compile(r"\(")
_NOT_COUNTED_ORDINALS = frozenset("time half quarter period round day week month year floor place".split())
"""Ordinals that order a moment or a rank ("the second half", "first place"), not a tally."""


def _value(raw: str) -> float | None:
    low = raw.lower().replace(",", "")
    if low.isdigit():
        return float(low)
    return float(UNITS_WORDS[low]) if low in UNITS_WORDS else None


def find_forms(text: str) -> tuple[Quantity, ...]:
    """The ages, compounds, scores and ordinals of ``text``, as quantities of their own kind."""
    out: list[Quantity] = []
    numbers = _number_starts(text)
    for match in matches_at(_AGE, text, _age_starts(text)):
        group = "n" if match.group("n") else "n2" if match.group("n2") else "n3"
        value = _value(match.group(group))
        if value is not None:
            start, end = match.span() if group != "n3" else match.span(group)
            out.append(Quantity(start, end, text[start:end], value, value, value, "exact", "age"))
    for match in matches_at(_COMPOUND, text, _compound_starts(text, numbers)):
        value = _value(match.group("n"))
        if value is None:
            continue
        noun = match.group("noun").lower()
        if noun == "strong" and match.group("after"):
            noun = match.group("after").lower()
        end = match.end("noun")
        out.append(
            Quantity(match.start(), end, text[match.start() : end], value, value, value, "exact", None, noun)
        )
    for match in matches_at(_SCORE, text, _score_starts(text, numbers)):
        bracketed = bool(match.group("open") and match.group("close"))
        window = text[max(0, match.start() - 60) : match.end() + 40]
        if not bracketed and not _SCORE_CONTEXT.search(window):
            continue
        start, end = match.start("a"), match.end("b")
        value = float(int(match.group("a")) * 1000 + int(match.group("b")))
        out.append(Quantity(start, end, text[start:end], value, value, value, "exact", "score"))
    for match in _ORDINAL.finditer(text):
        noun = match.group("noun").lower()
        if noun in _NOT_COUNTED_ORDINALS:
            continue
        raw = match.group("o").lower()
        digits = re.match(r"\d+", raw)
        value = float(digits.group()) if digits else float(_ORDINAL_WORDS[raw])
        start, end = match.start("o"), match.end("noun")
        out.append(Quantity(start, end, text[start:end], value, value, value, "exact", "ordinal", noun))
    return tuple(sorted(out, key=lambda q: q.start))


def _number_starts(text: str) -> list[int]:
    return [m.start() for m in _DIGITS.finditer(text)]


def _compound_starts(text: str, numbers: list[int]) -> Iterator[int]:
    """Where a compound may begin: a number, or a number word just before a hyphen."""
    yield from numbers
    for match in _HYPHEN.finditer(text):
        yield from range(match.start() - _LONGEST_NUMBER, match.start() - 2)


def _score_starts(text: str, numbers: list[int]) -> Iterator[int]:
    """Where a score may begin: a number or an opening bracket."""
    yield from numbers
    yield from (m.start() for m in _OPENING.finditer(text))


def _age_starts(text: str) -> Iterator[int]:
    """Where an age may begin: a number just before "year" ("45-year-old"), "aged", or a comma
    before a number ("Smith, 45, of Dover")."""
    for match in _YEAR.finditer(text):
        year = match.start()
        yield from range(max(0, year - 1 - _LONGEST_NUMBER), year - 1)
    yield from (m.start() for m in _AGED.finditer(text))
    yield from (m.start() for m in _COMMA_NUMBER.finditer(text))


def merged_quantities(plain: tuple[Quantity, ...], forms: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """The finder's quantities and the forms together; where they overlap, the form wins (it
    read "3-1" as one score, not as a 3 and a 1)."""
    kept = [q for q in plain if not any(f.start < q.end and q.start < f.end for f in forms)]
    return tuple(sorted(kept + list(forms), key=lambda q: q.start))
