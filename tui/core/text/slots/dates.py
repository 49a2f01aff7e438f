"""Dates in an article: written-out dates, months, weekdays and relative phrases ("last
week"), each resolved against the article's own date where it can be."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.model import DateMention
from tui.core.text.slots.scan import matches_at_words

# English names written out: the calendar module follows the process locale.
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS: dict[str, int] = {name.lower(): n for n, name in enumerate(_MONTH_NAMES, 1)}
MONTHS.update({name[:3].lower(): n for n, name in enumerate(_MONTH_NAMES, 1)})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): index for index, name in enumerate(_WEEKDAY_NAMES)}
# Title case or all capitals ("WEDNESDAY 03 JULY 2013"), never lower case ("you may go").
_FULL_MONTH = "|".join(_MONTH_NAMES + [n.upper() for n in _MONTH_NAMES])
_MONTH = (
    rf"(?:{_FULL_MONTH}"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = "|".join(_WEEKDAY_NAMES + [n.upper() for n in _WEEKDAY_NAMES])
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_YEAR_LEAD = r"(?:in|since|by|until|till|from|before|after|during|of|early|late|mid|mid-|around)"

# Names of months and weekdays must be capitalised ("we march on", "you may go" are not
# dates); lead words and relative phrases may be either case. One leading \b lets the
# engine skip mid-word positions at once, which keeps this fast on long articles.
_DATE_RE = re.compile(
    rf"\b(?:(?P<mdy>{_MONTH}\s+{_DAY},?\s+{_YEAR}\b)"
    rf"|(?P<dmy>{_DAY}\s+{_MONTH}\s*,?\s+{_YEAR}\b)"
    rf"|(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)"
    rf"|(?P<md>{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d))"
    rf"|(?P<dm>{_DAY}\s+{_MONTH}(?!\s*,?\s*\d))"
    rf"|(?P<my>{_MONTH}\s*,?\s+{_YEAR}\b)"
    rf"|(?i:{_YEAR_LEAD})\s+(?P<month>(?:{_FULL_MONTH})\b)(?!\s*\d)"
    r"|(?P<relative>(?i:today|tonight|yesterday|tomorrow|(?:last|next|this|past)\s+"
    r"(?:week|weekend|month|year)|a\s+(?:day|week|month|year)\s+(?:earlier|later|ago)"
    r"|(?:earlier|later)\s+this\s+(?:week|month|year))\b)"
    rf"|(?P<weekday>(?:{_WEEKDAY})\b)"
    rf"|(?<![$€£¥\d.,])(?P<year>{_YEAR}\b(?![-–]\d|,\d|\.\d)))"
)
DATE_STARTERS = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """
today tonight yesterday tomorrow last next this past a earlier later
in since by until till from before after during of early late mid around
""".split()
    )
)


@dataclass(frozen=True)
class ArticleDate:
    """The article's own date at the precision its metadata gives (year, month or day)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> ArticleDate:
        """``2025-10-29`` / ``2025-03`` / ``2025``; anything else ("unknown", None) is unknown.

        Years outside 1000-9000 count as unknown too, so date arithmetic can never overflow.
        """
        match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*", value or "")
        if not match:
            return cls()
        year, month, day = (int(g) if g else None for g in match.groups())
        if year is None or not 1000 <= year <= 9000:
            return cls()
        if month is not None and not 1 <= month <= 12:
            return cls(year)
        if month is not None and day is not None:  # the pattern gives no day without a month
            try:
                date(year, month, day)
            except ValueError:
                return cls(year, month)
        return cls(year, month, day)

    @property
    def full(self) -> date | None:
        """The date itself when day precision is known, else None."""
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None


def find_dates(
    text: str,
    article_date: str | None = None,
    candidates: Sequence[tuple[int, str]] | None = None,
) -> tuple[DateMention, ...]:
    """Every date mention in ``text``, resolved against ``article_date`` where the text allows.

    A weekday resolves to the latest such day on or before a full article date (news reports
    the past); a day or a month without a year takes the article's year, or the one before
    when that would put it months after the article. Otherwise ``iso`` is ``None``.
    ``candidates`` (from :func:`candidate_words`) saves a rescan when the caller has them.
    """
    anchor = ArticleDate.parse(article_date)
    out: list[DateMention] = []
    for match in matches_at_words(_DATE_RE, text, DATE_STARTERS, candidates):
        kind = match.lastgroup or ""
        raw = match.group(kind)
        start, end = match.span(kind)
        if kind == "year" and not is_year(text, start, end):
            continue
        mention = _resolve(kind, raw, start, end, anchor)
        if mention is not None:
            out.append(mention)
    return tuple(out)


def _resolve(kind: str, raw: str, start: int, end: int, anchor: ArticleDate) -> DateMention | None:
    words = re.findall(r"[A-Za-z]+|\d+", raw)
    numbers = [int(re.sub(r"\D", "", w)) for w in words if w[0].isdigit()]
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
    if kind in ("mdy", "dmy"):
        day, year = (numbers[0], numbers[1]) if numbers[0] <= 31 else (numbers[1], numbers[0])
        return DateMention(start, end, raw, _iso(year, month, day), "absolute")
    if kind == "iso":
        year, month, day = (int(p) for p in raw.split("-"))
        return DateMention(start, end, raw, _iso(year, month, day), "absolute")
    if kind in ("md", "dm"):
        nearest = _nearest_year(anchor, month)
        iso = _iso(nearest, month, numbers[0]) if nearest else None
        return DateMention(start, end, raw, iso, "absolute")
    if kind == "my":
        return DateMention(start, end, raw, f"{numbers[-1]:04d}-{month:02d}", "month")
    if kind == "month":
        nearest = _nearest_year(anchor, month)
        return DateMention(start, end, raw, f"{nearest:04d}-{month:02d}" if nearest else None, "month")
    if kind == "year":
        return DateMention(start, end, raw, raw, "year")
    if kind == "weekday":
        iso = None
        if anchor.full:
            back = (anchor.full.weekday() - WEEKDAYS[raw.lower()]) % 7
            iso = (anchor.full - timedelta(days=back)).isoformat()
        return DateMention(start, end, raw, iso, "weekday")
    return DateMention(start, end, raw, _relative_iso(raw.lower(), anchor), "relative")


_MONTHS_AHEAD = 3
"""How far past its own date a news report is taken to look ahead ("in December" in October)."""


def _nearest_year(anchor: ArticleDate, month: int | None) -> int | None:
    """The latest year that puts ``month`` no more than a few months after the article's
    month: news looks back more than ahead ("Dec. 28" in a January piece is last December,
    "in March" in an October piece this March, "in December" in October this December)."""
    if anchor.year is None or month is None:
        return None
    if anchor.month is None:
        return anchor.year
    here = anchor.year * 12 + anchor.month
    return max(
        year
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if year * 12 + month - here <= _MONTHS_AHEAD
    )


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative_iso(phrase: str, anchor: ArticleDate) -> str | None:
    words = phrase.split()
    full = anchor.full
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    if phrase in shift:
        return (full + timedelta(days=shift[phrase])).isoformat() if full else None
    if words[0] == "a":
        step = -1 if words[-1] in ("earlier", "ago") else 1
        if words[1] == "day" and full:
            return (full + timedelta(days=step)).isoformat()
        words = ["last" if step < 0 else "next", words[1]]
    unit = words[-1]
    step = {"last": -1, "past": -1, "next": 1}.get(words[0], 0)
    if unit == "year" and anchor.year:
        return f"{anchor.year + step:04d}"
    if unit == "month" and anchor.year and anchor.month:
        index = anchor.year * 12 + anchor.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit in ("week", "weekend") and step == 0 and full:
        return f"{full.isocalendar().year:04d}-W{full.isocalendar().week:02d}"
    if unit == "week" and full:
        other = full + timedelta(weeks=step)
        return f"{other.isocalendar().year:04d}-W{other.isocalendar().week:02d}"
    return None


_PLURAL_NOUN_RE = re.compile(r"\s+(?:[a-z-]+\s+)?([a-z]+s)\b")
_YEAR_CONTEXT_RE = re.compile(rf"(?:\b{_YEAR_LEAD}|{_MONTH}|\bthe|\bin|[(,])\s*$", re.IGNORECASE)


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the four digits at ``text[start:end]`` read as a year, not a count.

    A year is never written with a thousands comma; "2000 troops" (a plural noun right
    after, no date word before) is a count; "the 1960 Treaty", "in 1957", "July 2024" are years.
    """
    before = text[max(0, start - 12) : start]
    if before.endswith(("$", "€", "£", "¥")):
        return False
    if _YEAR_CONTEXT_RE.search(before):
        return True
    after = _PLURAL_NOUN_RE.match(text, end)
    return not (after and after.group(1) not in ("years",) and len(after.group(1)) > 3)
