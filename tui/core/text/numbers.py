"""Numbers however they are written: digits, number words, ordinals, and runs of them.

Sources write one count many ways (``seventh``/``7th``, ``twenty-first``/``21st``,
``a dozen``/``12``, ``sixty thousand``/``60,000``), and a fact-checker's first question is
whether the numbers agree, so every spelling of a number gets one canonical key: digits for
a cardinal (``60000``, ``3.5``), digits and their English suffix for an ordinal (``7th``,
``21st``). Ordinals stay apart from cardinals (``the seventh day`` is not ``seven days``)
unless the caller counts: ``cardinal=True`` makes ``seventh`` = ``7``.

``first`` and ``second`` are ordinals, but their other senses (``first reported``, ``within
a second``) are so common that they never become ``1``/``2``, even when counting.

>>> number_key("seventh"), number_key("7th"), number_key("seventh", cardinal=True)
('7th', '7th', '7')
>>> [k for _, _, k in number_runs("a dozen ships and twenty-one planes".split())]
['12', '21']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tui.core.text.normalize import SCALE_WORDS, UNITS_WORDS

__all__ = ["SCALES", "UNITS", "number_key", "number_runs", "number_text", "parse_number"]

UNITS: dict[str, int] = {**UNITS_WORDS, "dozen": 12}
"""The cardinal words (normalisation's own, one table for both), and "dozen" as a count."""
SCALES: dict[str, int] = SCALE_WORDS
_ORDINAL_UNITS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_ORDINAL_SCALES: dict[str, int] = {
    "hundredth": 100,
    "thousandth": 1_000,
    "millionth": 1_000_000,
    "billionth": 1_000_000_000,
}
_NOT_COUNTED = frozenset(("first", "second"))
"""Ordinal words whose everyday other senses must not turn them into counts."""

_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_ORDINAL_DIGITS_RE = re.compile(r"(\d+)(?:st|nd|rd|th)")
_ARTICLES = frozenset(("a", "an"))


def number_text(value: float) -> str:
    """The canonical digits of a value: ``60000``, ``3.5`` (no separators, no trailing zeros).

    >>> number_text(60000.0), number_text(3.50), number_text(1e6)
    ('60000', '3.5', '1000000')
    """
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return repr(round(value, 9)).rstrip("0").rstrip(".")


def parse_number(word: str) -> float | None:
    """The value of digits as written (``60,000``, ``3.5``); ``None`` for anything else,
    including commas that are not thousands separators (``1,2``).

    >>> parse_number("60,000"), parse_number("3.5"), parse_number("1,2")
    (60000.0, 3.5, None)
    """
    if not _DIGITS_RE.fullmatch(word):
        return None
    return float(word.replace(",", ""))


def _kind(word: str) -> tuple[str, int, bool] | None:
    """What one number word is for composing: its class, value and whether it is ordinal."""
    for table, ordinal in ((UNITS, False), (_ORDINAL_UNITS, True)):
        value = table.get(word)
        if value is not None:
            if word == "dozen":
                return "dozen", value, ordinal
            if value == 0:
                return "zero", 0, ordinal
            return ("unit" if value < 10 else "teen" if value < 20 else "tens"), value, ordinal
    for table, ordinal in ((SCALES, False), (_ORDINAL_SCALES, True)):
        value = table.get(word)
        if value is not None:
            return ("hundred" if value == 100 else "scale"), value, ordinal
    return None


_MAY_FOLLOW: dict[str, frozenset[str]] = {
    "unit": frozenset(("", "hundred", "scale", "tens", "and")),
    "teen": frozenset(("", "hundred", "scale", "and")),
    "tens": frozenset(("", "hundred", "scale", "and")),
    "hundred": frozenset(("", "unit", "teen")),
    "scale": frozenset(("", "unit", "teen", "tens", "hundred")),
    "dozen": frozenset(("", "unit")),
    "zero": frozenset(("",)),
}
"""Which class a number word may follow (``""``: the start of the number). This is what keeps
``five six`` two numbers while ``twenty one``, ``fifteen hundred``, ``two dozen`` and ``one
hundred and five`` are one."""


def _words_value(parts: Sequence[str]) -> tuple[int, bool] | None:
    """The value of number words composed as English composes them, and whether the last one
    was ordinal (``twenty``, ``first`` -> 21, True); ``None`` unless they make one number."""
    total = current = 0
    previous = ""
    last_scale = 0
    ordinal = False
    for i, word in enumerate(parts):
        if word == "and":
            if previous not in ("hundred", "scale") or i == len(parts) - 1:
                return None
            previous = "and"
            continue
        kind = _kind(word)
        if kind is None or ordinal:
            return None
        cls, value, ordinal = kind
        if previous not in _MAY_FOLLOW[cls]:
            return None
        if cls == "hundred":
            current = (current or 1) * 100
        elif cls == "scale":
            if last_scale and value >= last_scale:
                return None
            total += (current or 1) * value
            current, last_scale = 0, value
        elif cls == "dozen":
            current = (current or 1) * 12
        else:
            current += value
        previous = cls
    if not previous:
        return None
    return total + current, ordinal


_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _key(value: float, ordinal: bool, cardinal: bool) -> str:
    text = number_text(value)
    if not ordinal or cardinal:
        return text
    whole = int(value)
    return text + ("th" if whole % 100 in (11, 12, 13) else _SUFFIXES.get(whole % 10, "th"))


@lru_cache(maxsize=20_000)
def number_key(word: str, *, cardinal: bool = False) -> str | None:
    """The number key of one lower-case word, or ``None`` when it is not a number.

    Digits (``60,000`` -> ``60000``), number words (``twelve`` -> ``12``, ``dozen`` -> ``12``,
    hyphenated ``twenty-one`` -> ``21``) and ordinals (``21st``, ``twenty-first`` ->
    ``21st``; with ``cardinal=True`` -> ``21``). A scale word alone (``hundred``) is a number
    too: ``hundred`` and ``100`` are the same count.

    >>> number_key("twenty-first"), number_key("21st"), number_key("twenty-first", cardinal=True)
    ('21st', '21st', '21')
    >>> number_key("first", cardinal=True), number_key("fifty"), number_key("fifties")
    ('1st', '50', None)
    """
    value = parse_number(word)
    if value is not None:
        return number_text(value)
    match = _ORDINAL_DIGITS_RE.fullmatch(word)
    if match:
        if _key(int(match.group(1)), True, False) != word:
            return None
        return _key(int(match.group(1)), True, cardinal)
    parsed = _words_value(word.split("-"))
    if parsed is None:
        return None
    total, ordinal = parsed
    return _key(total, ordinal, cardinal and word not in _NOT_COUNTED)


def _is_number_word(word: str) -> bool:
    return all(
        p in UNITS or p in SCALES or p in _ORDINAL_UNITS or p in _ORDINAL_SCALES for p in word.split("-")
    )


def number_runs(words: Sequence[str], *, cardinal: bool = False) -> list[tuple[int, int, str]]:
    """The numbers in a run of lower-case words, as ``(first index, end index, key)``.

    A run joins what one number is written with: words (``sixty thousand``, ``one hundred
    and five``), digits with a scale (``1.5 billion``), an article before a scale or
    ``dozen`` (``a dozen`` -> 12, ``a hundred`` -> 100) and ordinals (``twenty first``).
    Two numbers side by side stay two (``2 3``, ``five six``): only words that compose do.

    >>> number_runs("about 1.5 million people".split())
    [(1, 3, '1500000')]
    >>> number_runs("one hundred and five of the first two".split())
    [(0, 4, '105'), (6, 7, '1st'), (7, 8, '2')]
    """
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        word = words[i]
        start = i
        if word in _ARTICLES and i + 1 < n and (words[i + 1] in SCALES or words[i + 1] == "dozen"):
            i += 1
            word = words[i]
        digits = parse_number(word)
        if digits is not None:
            j = i + 1
            while j < n and words[j] in SCALES:
                digits *= SCALES[words[j]]
                j += 1
            out.append((start, j, number_text(digits)))
            i = j
            continue
        if not _is_number_word(word):
            key = number_key(word, cardinal=cardinal)
            if key is not None:
                out.append((start, i + 1, key))
            i += 1
            continue
        j, best = i, None
        parts: list[str] = []
        while j < n and (_is_number_word(words[j]) or (words[j] == "and" and parts)):
            parts.extend(words[j].split("-"))
            j += 1
            parsed = _words_value(parts)
            if parsed is not None and words[j - 1] != "and":
                best = (j, parsed)
            elif parsed is None and words[j - 1] != "and":
                break
        if best is None:
            i += 1
            continue
        end, (total, ordinal) = best
        single = words[i] if end == i + 1 else ""
        counted = cardinal and single not in _NOT_COUNTED
        out.append((start, end, _key(total, ordinal, counted)))
        i = end
    return out
