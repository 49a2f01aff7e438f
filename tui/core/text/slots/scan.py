"""Where a date or a quantity may begin: the words worth trying the big patterns at.

Finding these once per article and trying the date and quantity patterns only there,
instead of at every character, is what keeps segmentation fast on long stories.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

_WORD_RE = re.compile(r"[^\W_]+")


def candidate_words(text: str, starters: frozenset[str]) -> tuple[tuple[int, str], ...]:
    """Where a date or quantity may begin: (offset, lower-case word), ``""`` for a number.

    A number's offset moves back onto a currency sign before it ("$1.5", "US$2"). Finding
    these once per article and trying the big date and quantity patterns only there,
    instead of at every character, is what keeps segmentation fast on long stories. The
    ``starters`` are the lower-case words a pattern may begin with.
    """
    out: list[tuple[int, str]] = []
    for word in _WORD_RE.finditer(text):
        start = word.start()
        raw = word.group()
        if raw[0].isdigit():
            if start and text[start - 1] in "$€£¥":
                start -= 3 if text[max(0, start - 3) : start] == "US$" else 1
            out.append((start, ""))
        else:
            low = raw.lower()
            if low in starters:
                out.append((start, low))
    return tuple(out)


def matches_at_words(
    pattern: re.Pattern[str],
    text: str,
    starters: frozenset[str],
    candidates: Sequence[tuple[int, str]] | None,
) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, tried only at numbers and at words in ``starters``."""
    last_end = 0
    for start, word in candidate_words(text, starters) if candidates is None else candidates:
        if start < last_end or (word and word not in starters):
            continue
        match = pattern.match(text, start)
        if match is not None:
            last_end = match.end()
            yield match


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern that matches no empty string and can only
    begin at one of ``starts`` (any order, repeats allowed): tried only there, left to right,
    each past the end of the match before. The regular expression engine tries a pattern that
    opens with a word boundary, a look-behind or case-blind alternatives at every character;
    a few cheap literal searches find the only places worth trying."""
    last_end = 0
    for start in sorted(set(starts)):
        if start < last_end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            last_end = match.end()
            yield match
