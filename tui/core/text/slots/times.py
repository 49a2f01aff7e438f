"""Times of day and parts of the day: "at 9 p.m.", "07:37 a.m. UTC", "early afternoon",
"late in the second half".

A time is kept as the minutes of the day it allows (a clock time one minute, "afternoon" noon
to six) and the zone it is given in ("UTC", "local", or unknown), so two sources that give a
different hour, or a clock time against a part of the day it does not fall in, disagree, while
"9 p.m." and "21:00" agree. Periods of a game ("early in the second half") are minutes of a
clock of their own, far past any day, so they only ever meet each other.
"""

from __future__ import annotations

import re

from tui.core.model import TimeMention
from tui.core.text.slots.scan import matches_at

_ZONES = (
    "UTC|GMT|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|IST|JST|KST|AEST|AEDT|WIB|HKT|SGT|ET|PT|CT|"
    "local time|local"
)
_CLOCK = re.compile(
    r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*"
    r"(?P<ampm>[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]M\b)?"
    rf"(?:\s*\(?(?P<zone>{_ZONES})\b\)?)?"
)
_PART = re.compile(
    r"\b(?P<edge>[Ee]arly|[Ll]ate|[Mm]id)?[\s-]*(?:(?:on|in)\s+)?(?:the\s+)?"
    r"(?P<part>morning|afternoon|evening|night|overnight|midnight|noon|dawn|daybreak|dusk|midday)\b"
)
_GAME = re.compile(
    r"\b(?P<edge>[Ee]arly|[Ll]ate|[Mm]idway)\s+(?:in|into|through)\s+the\s+"
    r"(?P<ordinal>first|second|third|fourth|final|last|opening)\s+"
    r"(?P<part>half|quarter|period|inning|innings|round|set|frame)\b"
)
_GAME_EDGE = re.compile(r"[Ee]arly|[Ll]ate|[Mm]idway")
_DIGITS = re.compile(r"\d+")
_PART_WORD = re.compile(
    r"(?=morning|afternoon|evening|night|overnight|midnight|noon|dawn|daybreak|dusk|midday)"
)
_PART_LEADS = frozenset("EarlyLateMidoninthe-")
"""Where the game and clock patterns can begin: tried only there (see ``matches_at``)."""
_PARTS = {
    "dawn": (240, 420),
    "daybreak": (240, 420),
    "morning": (300, 720),
    "noon": (690, 750),
    "midday": (660, 780),
    "afternoon": (720, 1080),
    "evening": (1020, 1320),
    "dusk": (1020, 1260),
    "night": (1200, 1800),
    "overnight": (1200, 1800),
    "midnight": (1410, 1470),
}
_ORDINALS = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "final": 9, "last": 9}
GAME_CLOCK = 100_000
"""Minutes of game periods start here: no day's minute ever meets them."""


def find_times(text: str) -> tuple[TimeMention, ...]:
    """Every time of day, part of the day and game period in ``text``, in text order.

    A bare number is not a time: a clock time needs minutes ("07:44") or a.m./p.m.
    """
    out: list[TimeMention] = []
    for match in matches_at(_GAME, text, _game_starts(text)):
        period = _ORDINALS[match.group("ordinal").lower()] * 100 + GAME_CLOCK
        edge = match.group("edge").lower()
        low, high = (period, period + 49) if edge == "early" else (period + 50, period + 99)
        if edge == "midway":
            low, high = period + 25, period + 75
        out.append(TimeMention(match.start(), match.end(), match.group(), low, high, None, False))
    for match in matches_at(_CLOCK, text, _clock_starts(text)):
        time = _clock(text, match)
        if time is not None and not _inside(out, time.start):
            out.append(time)
    for match in matches_at(_PART, text, _part_starts(text)):
        if _inside(out, match.start("part")):
            continue
        low, high = _PARTS[match.group("part").lower()]
        edge = (match.group("edge") or "").lower()
        if edge == "early":
            high = low + (high - low) // 2
        elif edge == "late":
            low = low + (high - low) // 2
        start = match.start("edge") if match.group("edge") else match.start("part")
        out.append(TimeMention(start, match.end(), text[start : match.end()], low, high, None, False))
    return tuple(sorted(out, key=lambda t: t.start))


def _game_starts(text: str) -> list[int]:
    """Where a game period may begin: "early", "late" or "midway"."""
    return [m.start() for m in _GAME_EDGE.finditer(text)]


def _part_starts(text: str) -> list[int]:
    """Where a part of the day may begin: anywhere in the run of spaces, hyphens and letters of
    "early", "late", "mid", "on", "in" and "the" that ends where a part-of-day word begins."""
    starts: list[int] = []
    for match in _PART_WORD.finditer(text):
        begin = match.start()
        while begin and (text[begin - 1] in _PART_LEADS or text[begin - 1].isspace()):
            begin -= 1
        starts.extend(range(begin, match.start() + 1))
    return starts


def _clock_starts(text: str) -> list[int]:
    """Where a clock time may begin: a number."""
    return [m.start() for m in _DIGITS.finditer(text)]


def _clock(text: str, match: re.Match[str]) -> TimeMention | None:
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    minute = match.group("m")
    if not ampm and minute is None:
        return None
    if not ampm and text[match.end("h")] == ".":
        return None
    hour = int(match.group("h"))
    if ampm:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    minutes = hour * 60 + int(minute or 0)
    zone = match.group("zone")
    zone = "local" if zone and zone.lower().startswith("local") else zone.upper() if zone else None
    end = match.end("zone") if match.group("zone") else match.end("ampm") if ampm else match.end("m")
    start = match.start()
    return TimeMention(start, end, text[start:end], minutes, minutes, zone, True)


def _inside(found: list[TimeMention], offset: int) -> bool:
    return any(t.start <= offset < t.end for t in found)


def times_agree(a: TimeMention, b: TimeMention) -> bool:
    """Whether the two allow a common minute (clock times in different named zones never do)."""
    if a.clock and b.clock and a.zone and b.zone and a.zone != b.zone:
        return False
    return any(a.low <= b.high + shift and b.low + shift <= a.high for shift in (0, 1440, -1440))
