"""Datelines: the lines that say when (and where) a report was published, not what happened.

"Tuesday, July 2nd, 2013", "WEDNESDAY 03 JULY 2013", "July 03, 2013 6:22AM", "Updated: July 2,
2013 15:01 IST", "INDONESIA, July 2, 2013": publication metadata that pages and wire copy put
above or below the story. Compared as statements they would make every source "disagree" on
the date of the event. A line is a dateline when every word in it is a date or time word, a
publication word ("Updated", "Posted"), a time zone, or a short place name in front.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: n
    for n, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun".split()
)
_FILLERS = frozenset(
    "updated update published posted last modified first on at edited created date time local "
    "am pm a.m p.m gmt utc ist edt est pdt pst cdt cst bst cet cest jst aest aedt wib hkt sgt "
    "et pt ct of by the".split()
)
_WORD = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]+)*\.?|\d{1,4}(?:st|nd|rd|th)?(?:[:.]\d{2})*(?:am|pm|AM|PM)?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MAX_WORDS = 14


def is_dateline(line: str) -> bool:
    """Whether ``line`` holds nothing but a publication date (and time, zone or place)."""
    return parse_dateline(line) is not None


def parse_dateline(line: str) -> str | None:
    """The ISO date of a dateline (``2013-07-02``; ``2013-07`` or ``2013`` when that is all it
    says), or None when the line is not a dateline."""
    stripped = line.strip()
    if (
        not stripped
        or len(stripped) > 100
        or stripped.endswith((".", "!", "?"))
        and not re.search(r"\d\s*$", stripped[:-1])
    ):
        return None
    words = _WORD.findall(stripped)
    if not words or len(words) > MAX_WORDS:
        return None
    rest = _WORD.sub(" ", stripped)
    if re.search(r"[^\s,:;|/\-–—()•·.]", rest):
        return None
    month = year = day = None
    places = 0
    leading = True
    saw_date = False
    for word in words:
        low = word.lower().rstrip(".")
        if low in _MONTHS:
            month = _MONTHS[low]
            saw_date = True
            leading = False
        elif low in _WEEKDAYS:
            saw_date = True
            leading = False
        elif low in _FILLERS:
            leading = False
        elif word[0].isdigit():
            leading = False
            digits = re.match(r"\d+", word)
            assert digits is not None
            value = int(digits.group())
            if ":" in word or word.lower().endswith(("am", "pm")) or "." in word:
                continue
            if len(digits.group()) == 4 and 1900 <= value <= 2100:
                year = value
                saw_date = True
            elif 1 <= value <= 31 and day is None:
                day = value
            elif value > 31:
                return None
        elif leading and word[:1].isupper() and places < 3:
            places += 1
        else:
            return None
    iso = _ISO.search(stripped)
    if iso:
        return iso.group(0)
    if not saw_date or year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is not None:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}"
