"""The checkable facts inside an article: quantities, dates and quotations, with their offsets.

These are what a discrepancy is made of: "about 60,000 personnel" against "50,000 troops",
"Tuesday" against "Oct. 28", one wording of a quotation against another. Each finder works
on the whole article text (quotes run over sentences, a pronoun speaker needs the speakers
named before it, a weekday needs the article date) and returns article offsets, so
``text[f.start:f.end] == f.text`` holds for every fact.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tui.core.model import Article, DateMention, Mention, Quantity, Quote
from tui.core.text.normalize import (
    NUMBER_WORDS,
    SCALE_WORDS,
    STOPWORDS,
    fold,
    parse_digits,
    words_value,
)

INF = float("inf")

# ---------------------------------------------------------------- scanning


_WORD_RE = re.compile(r"[^\W_]+")


def candidate_words(text: str) -> tuple[tuple[int, str], ...]:
    """Where a date or quantity may begin: (offset, lower-case word), ``""`` for a number.

    A number's offset moves back onto a currency sign before it ("$1.5", "US$2"). Finding
    these once per article and trying the big date and quantity patterns only there,
    instead of at every character, is what keeps segmentation fast on long stories.
    """
    starters = _DATE_STARTERS | _QUANTITY_STARTERS
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


def _matches_at_words(
    pattern: re.Pattern[str],
    text: str,
    starters: frozenset[str],
    candidates: Sequence[tuple[int, str]] | None,
) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, tried only at numbers and at words in ``starters``."""
    last_end = 0
    for start, word in candidate_words(text) if candidates is None else candidates:
        if start < last_end or (word and word not in starters):
            continue
        match = pattern.match(text, start)
        if match is not None:
            last_end = match.end()
            yield match


# ---------------------------------------------------------------- dates

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
_DATE_STARTERS = (
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
    def parse(cls, value: str | None) -> "ArticleDate":
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
        if day is not None:
            try:
                date(year, month, day)  # type: ignore[arg-type]
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
    for match in _matches_at_words(_DATE_RE, text, _DATE_STARTERS, candidates):
        kind = match.lastgroup or ""
        raw = match.group(kind)
        start, end = match.span(kind)
        if kind == "year" and not _is_year(text, start, end):
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
        year = _nearest_year(anchor, month)
        iso = _iso(year, month, numbers[0]) if year else None
        return DateMention(start, end, raw, iso, "absolute")
    if kind == "my":
        return DateMention(start, end, raw, f"{numbers[-1]:04d}-{month:02d}", "month")
    if kind == "month":
        year = _nearest_year(anchor, month)
        return DateMention(start, end, raw, f"{year:04d}-{month:02d}" if year else None, "month")
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
    try:
        return date(year, month, day).isoformat()  # type: ignore[arg-type]
    except (TypeError, ValueError):
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


def _is_year(text: str, start: int, end: int) -> bool:
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


# ---------------------------------------------------------------- quantities

_HEDGES: tuple[tuple[str, str], ...] = (
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("at least", "at least"),
    ("more than", "more than"),
    ("over", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("no more than", "up to"),
    ("at most", "up to"),
    ("less than", "less than"),
    ("fewer than", "less than"),
    ("under", "less than"),
    ("below", "less than"),
)
_HEDGE_KIND = {phrase: kind for phrase, kind in _HEDGES}
_HEDGE_ALT = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in _HEDGES)

_NUMWORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SPELLED = rf"(?:\b(?:{_NUMWORD})(?:(?:\s+and\s+|\s+|-)(?:{_NUMWORD}))*)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion)\b|\s?(?:bn|mn)\b|(?:m|k)\b)"
_CURRENCY = r"(?:US\$|\$|€|£|¥)"
_NUMBER = rf"(?:{_CURRENCY}\s?)?(?:(?:{_DIGITS}){_SCALE}?|{_SPELLED})"

_UNITS: dict[str, tuple[str, float]] = {
    "km": ("km", 1.0),
    "kilometers": ("km", 1.0),
    "kilometres": ("km", 1.0),
    "kilometer": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "miles": ("km", 1.609344),
    "mile": ("km", 1.609344),
    "mi": ("km", 1.609344),
    "nautical miles": ("km", 1.852),
    "nautical mile": ("km", 1.852),
    "meters": ("km", 0.001),
    "metres": ("km", 0.001),
    "meter": ("km", 0.001),
    "metre": ("km", 0.001),
    "kg": ("kg", 1.0),
    "kilograms": ("kg", 1.0),
    "kilogram": ("kg", 1.0),
    "pounds": ("kg", 0.45359237),
    "pound": ("kg", 0.45359237),
    "lb": ("kg", 0.45359237),
    "lbs": ("kg", 0.45359237),
    "tonnes": ("kg", 1000.0),
    "tonne": ("kg", 1000.0),
    "metric tons": ("kg", 1000.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "%": ("%", 1.0),
    "dollars": ("USD", 1.0),
    "dollar": ("USD", 1.0),
    "euros": ("EUR", 1.0),
    "yen": ("JPY", 1.0),
    "pounds sterling": ("GBP", 1.0),
}
_UNIT_ALT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(_UNITS, key=len, reverse=True))
_CURRENCY_UNIT = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_SCALE_VALUE = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, **SCALE_WORDS}

_QUANTITY_RE = re.compile(
    r"(?<![\w$€£¥])(?=[\w$€£¥])(?i:"
    rf"(?:(?P<between>between\s+)|(?P<hedge>(?:{_HEDGE_ALT})\s+))?"
    rf"(?P<low>{_NUMBER})"
    rf"(?:(?P<sep>\s*(?:-|–|—|\bto\b|(?(between)\band\b|(?!)))\s*)(?P<high>{_NUMBER}))?"
    rf"(?:\s?(?P<unit>(?:{_UNIT_ALT})(?![\w])))?"
    r"|(?:(?P<multiplier>tens|hundreds)\s+of\s+)?"
    r"(?P<plural>(?:dozens|scores|hundreds|thousands|millions|billions)\b))"
)
_QUANTITY_STARTERS = (
    frozenset(phrase.split()[0] for phrase, _ in _HEDGES)
    | NUMBER_WORDS
    | {
        "between",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "tens",
    }
)
_PLURAL_SCALE = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}
_NUMBERED_NAMES = frozenset(
    """
phase stage step round part chapter article section no number level tier grade category class
type war page line item season episode volume vol act scene title rule resolution flight route
highway room gate platform terminal
""".split()
)
_GLUED_BEFORE_RE = re.compile(r"[A-Za-z]-?|#|\d[.:/]|[/:]")
_NOT_A_COUNT_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|[\w/]|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)|[-‐‑][A-Za-z]|\.\d",
    re.IGNORECASE,
)
_COUNTED_WORD = re.compile(r"[\s,]*([A-Za-z][\w.’'-]*)")
_SKIP_ADJECTIVES = frozenset(
    """
additional more new other extra active total current further former fresh existing
american japanese chinese british russian korean foreign military civilian armed
reserve regular elite full-time part-time active-duty estimated remaining extra so-called
""".split()
)


def find_quantities(
    text: str,
    skip: Sequence[tuple[int, int]] = (),
    candidates: Sequence[tuple[int, str]] | None = None,
) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, with hedge interval, unit and the noun it counts.

    ``skip`` holds spans (dates) whose digits are not quantities. Years, ordinals ("80th",
    "7th Fleet"), model names ("SM-6"), numbered names ("phase one", "No. 2") and clock
    times are left out; a bare "one" is left out too, since it is far more often a pronoun.
    ``candidates`` (from :func:`candidate_words`) saves a rescan when the caller has them.
    """
    blocked = sorted(skip)
    out: list[Quantity] = []
    for match in _matches_at_words(_QUANTITY_RE, text, _QUANTITY_STARTERS, candidates):
        quantity = _quantity(text, match, blocked)
        if quantity is not None:
            out.append(quantity)
    return tuple(out)


def _overlaps(blocked: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` meets one of the sorted, non-overlapping ``blocked`` spans."""
    index = bisect_right(blocked, (start, INF)) - 1
    return any(s < end and start < e for s, e in blocked[max(index, 0) : index + 2])


def _numbered_name_before(text: str, start: int) -> bool:
    """Whether the number at ``start`` names or labels something ("phase one", "No. 2", "SM-6")."""
    if (
        start
        and _GLUED_BEFORE_RE.fullmatch(text, max(0, start - 2), start)
        or start
        and _GLUED_BEFORE_RE.fullmatch(text, start - 1, start)
    ):
        return True
    if not start or not text[start - 1].isspace():
        return False
    words = text[max(0, start - 16) : start].split()
    return bool(words) and words[-1].rstrip(".").lower() in _NUMBERED_NAMES


def _plural_range(multiplier: str | None, plural: str) -> tuple[float, float]:
    """The counts a vague plural allows: "dozens" 24-144, "hundreds" 200-999,
    "tens of thousands" 20,000-99,999 (two of the unit up to just under ten of it)."""
    scale = _PLURAL_SCALE[plural.lower()]
    if multiplier:
        scale *= 10.0 if multiplier.lower() == "tens" else 100.0
    elif plural.lower() in ("dozens", "scores"):
        return 2 * scale, 12 * scale if plural.lower() == "dozens" else 10 * scale
    return 2 * scale, 10 * scale - 1


def _quantity(text: str, match: re.Match[str], blocked: Sequence[tuple[int, int]]) -> Quantity | None:
    """The Quantity a pattern match stands for, or None when it is a year, label or code."""
    if match.group("plural"):
        low, high = _plural_range(match.group("multiplier"), match.group("plural"))
        counted = _counted(text, match.end(), match.start(), look_back=False)
        hedge = re.sub(r"\s+", " ", match.group().lower())
        return Quantity(match.start(), match.end(), match.group(), low, low, high, hedge, None, counted)
    low_text = match.group("low")
    low_start = match.start("low")
    if _overlaps(blocked, low_start, match.end("low")):
        return None
    if _numbered_name_before(text, low_start):
        return None
    attached_unit = match.group("unit") and match.start("unit") == match.end("low")
    if not attached_unit and _NOT_A_COUNT_AFTER.match(text, match.end("low")):
        return None
    if low_text[:1] == "0" and low_text[1:2].isdigit():
        return None
    value, unit = _number_value(low_text)
    if value is None:
        return None
    low_stripped = fold(low_text).strip()
    hedge_word = (match.group("hedge") or "").strip().lower()
    if low_stripped in ("one", "zero") and hedge_word in ("", "some") and not match.group("unit"):
        return None
    if low_text.isdigit() and len(low_text) == 4 and _is_year(text, low_start, match.end("low")):
        return None
    end = match.end("low")
    hedge = _HEDGE_KIND.get(re.sub(r"\s+", " ", hedge_word), "exact")
    start = match.start("hedge") if match.group("hedge") else low_start
    lower, upper = value, value
    high_text = match.group("high")
    if high_text and not _overlaps(blocked, match.start("high"), match.end("high")):
        high_value, high_unit = _number_value(high_text)
        scaled = value
        if high_value is not None and value < 1000 <= high_value and not _SCALE_RE.search(low_text):
            scale = _SCALE_RE.search(high_text)
            if scale:
                scaled = value * _SCALE_VALUE[scale.group().strip().lower()]
        if (
            high_value is not None
            and high_value > scaled
            and not _NOT_A_COUNT_AFTER.match(text, match.end("high"))
        ):
            value = scaled
            lower, upper = value, high_value
            unit = unit or high_unit
            end = match.end("high")
            hedge = "range"
            start = match.start("between") if match.group("between") else start
    if match.group("unit") and (not high_text or hedge == "range"):
        unit_name, factor = _UNITS[re.sub(r"\s+", " ", match.group("unit").lower())]
        if unit is None or unit_name != "USD":
            unit = unit_name
            lower, upper, value = lower * factor, upper * factor, value * factor
        end = match.end("unit")
    if hedge == "range":
        value = (lower + upper) / 2
    else:
        lower, upper = _interval(hedge, value)
    counted = None if unit is not None else _counted(text, end, start)
    return Quantity(start, end, text[start:end], value, lower, upper, hedge, unit, counted)


_SCALE_RE = re.compile(r"(?:hundred|thousand|million|billion|trillion|bn|mn|m|k)\s*$", re.IGNORECASE)


def _number_value(raw: str) -> tuple[float | None, str | None]:
    """The value of ``$1.5 billion`` / ``60,000`` / ``sixty thousand``, and its currency if any."""
    unit = None
    currency = re.match(r"US\$|\$|€|£|¥", raw)
    if currency:
        unit = _CURRENCY_UNIT[currency.group()]
        raw = raw[currency.end() :].strip()
    digits = re.match(_DIGITS, raw)
    if digits:
        value = parse_digits(digits.group())
        if value is None:
            return None, unit
        rest = raw[digits.end() :].strip().lower()
        if rest:
            value *= _SCALE_VALUE[rest]
        return value, unit
    return words_value(re.split(r"[\s-]+", fold(raw))), unit


APPROXIMATION = 0.05
"""How far "about", "around", "some"... let a number stray, as a fraction of it.

Reporters round to the nearest thousand or five thousand, so "about 60,000" allows 57,000
to 63,000 and conflicts with "55,000": a wider reading would hide real disagreements.
"""


def _interval(hedge: str, value: float) -> tuple[float, float]:
    """The values a hedged number allows: "about 60" -> ±5 %, "at least 40" -> [40, inf)."""
    if hedge == "about":
        return _round(value * (1 - APPROXIMATION)), _round(value * (1 + APPROXIMATION))
    if hedge == "nearly":
        return _round(value * (1 - APPROXIMATION)), value
    if hedge in ("at least", "more than"):
        return value, INF
    if hedge in ("up to", "less than"):
        return 0.0, value
    return value, value


def _round(value: float) -> float:
    """Drop float noise (6000 * 1.1 = 6600.000000000001) so intervals print and compare cleanly."""
    return round(value, 6)


def _counted(text: str, end: int, start: int, *, look_back: bool = True) -> str | None:
    """The noun a number counts: the first plain word after it, skipping names and adjectives.

    "about 60,000 Air Force, Army ... personnel" skips the capitalised list. When a
    participle or the end of the clause follows ("the current 50,000 stationed in Japan"),
    the noun was said before, so the nearest plural noun before the number is taken
    ("troops beyond the current 50,000"). A function word after the number ("injuring
    dozens in ...") means nothing is named, and nothing is guessed.
    """
    position = end
    for _ in range(12):
        word_match = _COUNTED_WORD.match(text, position)
        if word_match is None:
            break
        word = word_match.group(1).rstrip(".")
        low = word.lower()
        position = word_match.end()
        if low == "of" and position - end < 6:
            continue
        if word[:1].isupper() or low in _SKIP_ADJECTIVES or "-" in low or low in ("and", "or"):
            continue
        if low in NUMBER_WORDS or low[:1].isdigit() or low in STOPWORDS:
            return None
        if low.endswith(("ed", "ing")):
            break
        return low
    return _counted_before(text, start) if look_back else None


_PLURAL_BEFORE_RE = re.compile(r"\b([a-z]{3,}s)\b")


def _counted_before(text: str, start: int) -> str | None:
    window_start = max(0, start - 60)
    while 0 < window_start < start and text[window_start - 1].isalnum():
        window_start += 1
    window = text[window_start:start]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"))
    candidates = [
        w
        for w in _PLURAL_BEFORE_RE.findall(window[cut + 1 :])
        if w not in STOPWORDS and not w.endswith(("ss", "us", "is"))
    ]
    return candidates[-1] if candidates else None


PREDICATES: dict[str, str] = {
    "killed": r"kill(?:s|ed|ing)?|dead|deaths?|die[ds]?|dying|fatalit(?:y|ies)|perish(?:ed|es|ing)?|"
    r"bodies",
    "injured": r"injur(?:e|es|ed|ing|y|ies)|hurt(?:s|ing)?|wound(?:s|ed|ing)?|"
    r"hospitali[sz](?:ed|ing)",
    "missing": r"missing|unaccounted",
    "trapped": r"trapped|buried|stranded",
    "displaced": r"evacuat(?:e|es|ed|ing|ion)|evacuees?|displac(?:e|es|ed|ing)|homeless|fled|flee(?:s|ing)?|"
    r"shelter(?:s|ed|ing)?|refugees?",
    "damaged": r"damag(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|flatten(?:s|ed|ing)?|collaps(?:e|es|ed|ing)|"
    r"razed",
    "stationed": r"station(?:s|ed|ing)?|deploy(?:s|ed|ing)?|garrison(?:s|ed)?",
    "rescued": r"rescu(?:e|es|ed|ing)|saved",
    "arrested": r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?",
}
"""What can happen to a counted thing, one class per fate. Sources often give several counts of
the same noun in one breath ("12 people were killed and 70 injured"); a number is only rival to
another when both count the same fate. A small English lexicon of the fates that news counts
(casualties, damage, displacement, deployment, arrests) is enough: a number with none of these
words near it stays comparable with any count of its noun."""
_PREDICATE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{alt})" for name, alt in PREDICATES.items()) + r")\b", re.IGNORECASE
)
_PREDICATE_STOP = re.compile(
    r"[,;:.!?()\[\]“”\"]|\b(?:and|or|but|while|whereas|when|after|before|because|since|until|where)\b",
    re.IGNORECASE,
)
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
PREDICATE_WORDS = 6
PREDICATE_REACH = 160


def quantity_predicate(text: str, start: int, end: int, counted: str | None) -> str | None:
    """What happened to the thing a number counts: "killed", "injured", ... or None.

    The fate is said after the counted noun ("12 people were killed", "50 people with
    injuries", "12 deaths") or by the verb just before the number ("killed 12 people",
    "injured more than 200 people and damaged more than 300 houses"). Either reach stops at a
    clause mark or a conjunction, and looking back at another number too, so "12 killed and 70
    injured" gives each number its own fate. ``start``/``end`` are the number's offsets in
    ``text``; only a few words either side are read, so long texts cost no more than short ones.
    """
    after = end
    if counted:
        found = re.search(rf"\b{re.escape(counted)}\b", text[end : end + 80], re.IGNORECASE)
        if found is not None:
            after = end + found.start()
    tail = text[after : after + PREDICATE_REACH]
    stop = _PREDICATE_STOP.search(tail)
    tail = tail[: stop.start() if stop else len(tail)]
    words = list(re.finditer(r"\S+", tail))[:PREDICATE_WORDS]
    if words:
        hit = _PREDICATE_RE.search(tail, 0, words[-1].end())
        if hit is not None:
            return hit.lastgroup
    head = text[max(0, start - PREDICATE_REACH) : start]
    cuts = [m.end() for m in _PREDICATE_STOP.finditer(head)] + [m.end() for m in _DIGIT_RUN.finditer(head)]
    head = head[max(cuts, default=0) :]
    hits = list(_PREDICATE_RE.finditer(" ".join(head.split()[-PREDICATE_WORDS:])))
    return hits[-1].lastgroup if hits else None


# ---------------------------------------------------------------- quotes

SPEECH_VERBS = (
    "said|says|told|tells|stated|states|added|adds|declared|declares|concluded|concludes"
    "|noted|notes|wrote|writes|explained|explains|emphasized|emphasised|stressed|asked"
    "|continued|insisted|argued|warned|announced|remarked|replied|responded|acknowledged"
    "|admitted|claimed|described|called|cautioned|recalled|observed|urged|saying|stating"
    "|adding|noting|telling|describing|calling|answered|answering|asking|replying|cried"
    "|shouted|exclaimed|whispered|crying|shouting"
)
_PRONOUNS = frozenset(("he", "she", "they"))
_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5}"
_PRONOUN = r"\b(?:he|she|they|He|She|They)\b"
# "Fauzi, an official from the local disaster agency, told AFP": a short apposition
# between the name and the verb.
_APPOSITION = r"(?:,[^.;:“”\"\n]{1,80}?,)?"
# "said national disaster agency spokesman Nugroho": lower-case words describing the speaker.
_DESCRIPTION = (
    r"(?:(?!(?:who|whom|that|which|when|while|after|before|in|on|at|to|of|and|but|as|with"
    r"|for|from|by)\b)[a-z][\w-]*\s+){0,5}"
)
_AFTER_RE = re.compile(
    rf"^[\s,]*(?:(?P<name>{_NAME}|{_PRONOUN}){_APPOSITION}(?:\s+\w+ly)?\s+(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+{_DESCRIPTION}(?P<name2>{_NAME}))"
)
_SAID_BY_RE = re.compile(rf"(?P<name>{_NAME}|{_PRONOUN}){_APPOSITION}(?:\s+\w+ly)?\s+(?:{SPEECH_VERBS})\b")
_SAID_BEFORE_RE = re.compile(rf"(?P<name>{_NAME}|{_PRONOUN}){_APPOSITION}(?:\s+\w+ly)?\s+$")
_VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_ACCORDING_RE = re.compile(rf"\b[Aa]ccording to\s+(?P<name>{_NAME})")
_CANDIDATE_RE = re.compile(rf"{_NAME}|{_PRONOUN}")
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:of|in|at|to|from|with|for|on|by|about|over|across|regarding|the|a|an)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    """
president vice prime minister secretary defense defence foreign chief general gen gen. lt lt.
col col. sen sen. rep rep. gov gov. mr mr. mrs mrs. ms ms. dr dr. commander admiral adm adm.
ambassador spokesman spokeswoman spokesperson director deputy senator governor mayor king
queen prince chancellor the former u.s. us japanese american chinese british
""".split()
)
_MARK_RE = re.compile(r"[“”\"‘’]")
_OPENING = "“"
_CLOSING = "”"


@dataclass(frozen=True)
class _Named:
    """A place where the text names someone speaking, for resolving a later "he said"."""

    position: int
    name: str
    entity: str | None


def find_quotes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    paragraphs: Sequence[tuple[int, int]] = (),
    mentions: Sequence[Mention] = (),
) -> tuple[Quote, ...]:
    """Every quotation in ``text`` (the words inside the marks) with its speaker when the text says.

    A quotation whose closing mark is missing runs to the end of its paragraph (the usual
    convention when a quotation continues into the next paragraph). The speaker comes from
    the sentence that holds the end of the quote ("...,” Hegseth said.") or its start
    ("Jost explained: “..."), or from "according to X". "He said" takes the person last named
    as speaking before it, in a quotation or not ("Koizumi noted ..."). A quotation with no
    attribution right after an attributed one (opening the next sentence, or opening the next
    paragraph, as news copy runs one speaker's words over paragraphs) continues it and takes
    its speaker; a quotation left open at a paragraph end takes the speaker of the one that
    carries it on in the next paragraph.
    """
    blocks = list(paragraphs) or _paragraph_spans(text)
    index = _SentenceIndex(sentences)
    named = _named_speakers(text, mentions)
    positions = [n.position for n in named]
    quotes: list[Quote] = []
    previous: tuple[Quote, int, bool] | None = None
    last_quoted: _Named | None = None
    runs_on: list[tuple[int, bool]] = []
    for block_index, (block_start, block_end) in enumerate(blocks):
        for start, end, closed in _quote_spans(text, block_start, block_end):
            speaker, speaker_start, speaker_end = _speaker(text, start, end, index)
            entity = None
            if speaker and speaker.lower() in _PRONOUNS:
                earlier = bisect_left(positions, speaker_start) - 1
                candidates = [
                    n
                    for n in (named[earlier] if earlier >= 0 else None, last_quoted)
                    if n is not None and n.position < speaker_start
                ]
                latest = max(candidates, key=lambda n: n.position, default=None)
                speaker, entity = (latest.name, latest.entity) if latest else (None, None)
            elif speaker:
                entity = _entity_at(mentions, speaker_start, speaker_end)
                last_quoted = _Named(speaker_start, speaker, entity)
            if (
                speaker is None
                and previous is not None
                and previous[0].speaker
                and not _attributed_in_sentence(text, end, index)
                and (
                    (
                        previous[1] == block_index
                        and start - previous[0].end < 80
                        and _opens_sentence(index, start)
                    )
                    or (
                        previous[1] == block_index - 1
                        and (not previous[2] or not text[block_start : start - 1].strip())
                    )
                )
            ):
                speaker, entity = previous[0].speaker, previous[0].speaker_entity
            quote = Quote(start, end, text[start:end], speaker, entity)
            quotes.append(quote)
            previous = (quote, block_index, closed)
            runs_on.append((block_index, closed))
    for index in range(len(quotes) - 2, -1, -1):
        block_index, closed = runs_on[index]
        following = quotes[index + 1]
        if (
            quotes[index].speaker is None
            and not closed
            and following.speaker
            and runs_on[index + 1][0] == block_index + 1
        ):
            quotes[index] = replace(
                quotes[index], speaker=following.speaker, speaker_entity=following.speaker_entity
            )
    return tuple(quotes)


def _opens_sentence(sentences: _SentenceIndex, start: int) -> bool:
    """Whether the quotation whose words begin at ``start`` opens its sentence (mark first)."""
    sentence = sentences.around(max(start - 1, 0))
    return bool(sentence and sentence[0] >= start - 1)


def _attributed_in_sentence(text: str, end: int, sentences: _SentenceIndex) -> bool:
    """Whether the rest of the quote's sentence has a speech verb (a speaker we could not name)."""
    sentence = sentences.around(end - 1) if end else None
    return bool(sentence and _VERB_RE.search(text, end, min(sentence[1], end + _REACH)))


def _named_speakers(text: str, mentions: Sequence[Mention]) -> list[_Named]:
    """Every "<Name> said" in the article, in text order."""
    out: list[_Named] = []
    for verb in _VERB_RE.finditer(text):
        match = _SAID_BEFORE_RE.search(text, max(0, verb.start() - 90), verb.start())
        if match is None:
            continue
        name, start, end = _trim_name(text, *match.span("name"))
        if name and name.lower() not in _PRONOUNS and not _ordinary_opening(name):
            out.append(_Named(start, name, _entity_at(mentions, start, end)))
    return out


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cut = 0
    for match in re.finditer(r"\n", text):
        spans.append((cut, match.start()))
        cut = match.end()
    spans.append((cut, len(text)))
    return spans


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of the words inside each quotation of one paragraph, trimmed.

    A line break inside a paragraph does not end a quotation; only the paragraph end does.
    Single marks (British style, ‘We will win,’ he said) count too, but since ’ is also the
    apostrophe, one opens only before a letter and closes only where no letter follows, and
    an unclosed one is dropped rather than run to the paragraph end.
    """
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    single = False
    for mark in _MARK_RE.finditer(text, start, end):
        index = mark.start()
        char = mark.group()
        if char == "‘":
            if open_at is None and _opens(text, index, start, end) and text[index + 1 : index + 2].isalpha():
                open_at, single = index + 1, True
            continue
        if char == "’":
            if single and open_at is not None and not text[index + 1 : index + 2].isalpha():
                _add_span(text, open_at, index, True, spans)
                open_at, single = None, False
            continue
        if single:
            continue
        if char == _OPENING or (char == '"' and open_at is None and _opens(text, index, start, end)):
            if open_at is not None:
                _add_span(text, open_at, index, True, spans)
            open_at = index + 1
        elif open_at is not None:
            _add_span(text, open_at, index, True, spans)
            open_at = None
    if open_at is not None and not single:
        _add_span(text, open_at, end, False, spans)
    return spans


def _opens(text: str, index: int, start: int, end: int) -> bool:
    """A straight quote opens when it follows a space or the line start and precedes a word."""
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < end else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def _add_span(text: str, start: int, end: int, closed: bool, spans: list[tuple[int, int, bool]]) -> None:
    """Trim spaces, and the comma or full stop English puts inside the closing mark ("readiness,”).

    That punctuation belongs to the reporting sentence, not to the words quoted, so two
    sources quoting the same words compare equal whichever mark they used.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",." and not text[start:end].endswith(".."):
        end -= 1
    if start < end:
        spans.append((start, end, closed))


_REACH = 250
"""How far from a quotation (in characters) its attribution is looked for."""


class _SentenceIndex:
    """Finds the sentence around an offset by bisection (built once per article)."""

    def __init__(self, sentences: Sequence[tuple[int, int]]) -> None:
        self._sentences = list(sentences)
        self._ends = [end for _, end in self._sentences]

    def around(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the sentence holding ``offset``, if any."""
        index = bisect_right(self._ends, offset)
        if index < len(self._sentences) and self._sentences[index][0] <= offset:
            return self._sentences[index]
        return None


def _speaker(text: str, start: int, end: int, sentences: _SentenceIndex) -> tuple[str | None, int, int]:
    """The speaker named around a quotation, as written, with its span (-1 when none).

    Tried in order: right after the closing mark ("...,” Hegseth said", "said Hegseth"),
    "according to X" before it, the subject of a speech verb before it ("Jost explained:
    “..."), then any "X said" or "according to X" later in the sentence.
    """
    close = end
    while close < len(text) and text[close] in ",.!? ":
        close += 1
    tail_start = close + 1 if close < len(text) and text[close] in (_CLOSING, '"') else end
    tail_sentence = sentences.around(max(end - 1, start))
    tail_end = min(tail_sentence[1] if tail_sentence else len(text), tail_start + _REACH)
    tail = text[tail_start : max(tail_start, tail_end)]
    after = _AFTER_RE.match(tail)
    if after:
        return _name_in(text, tail_start, after, "name" if after.group("name") else "name2")
    head_sentence = sentences.around(start)
    head_start = max(head_sentence[0] if head_sentence else 0, start - _REACH)
    head = text[head_start : max(head_start, start - 1)]
    according = list(_ACCORDING_RE.finditer(head))
    if according:
        return _name_in(text, head_start, according[-1], "name")
    verbs = list(_VERB_RE.finditer(head))
    if verbs:
        before_verb = head[: verbs[-1].start()]
        names = [
            m
            for m in _CANDIDATE_RE.finditer(before_verb)
            if not _ordinary_opening(m.group())
            and not _PREPOSITION_BEFORE_RE.search(before_verb, 0, m.start())
        ]
        if names:
            return _trim_name(text, head_start + names[-1].start(), head_start + names[-1].end())
    for pattern in (_SAID_BY_RE, _ACCORDING_RE):
        later = pattern.search(tail)
        if later:
            return _name_in(text, tail_start, later, "name")
    return None, -1, -1


def _name_in(text: str, offset: int, match: re.Match[str], group: str) -> tuple[str | None, int, int]:
    """The trimmed name a match on ``text[offset:...]`` captured in ``group``, in article offsets."""
    return _trim_name(text, offset + match.start(group), offset + match.end(group))


def _ordinary_opening(name: str) -> bool:
    """A lone capitalised function word ("The", "As", "We") is not a speaker's name."""
    words = name.split()
    return len(words) == 1 and fold(words[0]) in STOPWORDS and words[0].lower() not in _PRONOUNS


def _trim_name(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """Drop titles and possessives from a speaker name ("Defense Secretary Pete Hegseth" -> "Pete Hegseth")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    words = words[-3:]
    while len(words) > 1 and (
        words[0].group().lower().rstrip(",") in _TITLE_WORDS or fold(words[0].group()) in STOPWORDS
    ):
        words.pop(0)
    if not words:
        return None, -1, -1
    name_start = start + words[0].start()
    name_end = start + words[-1].end()
    while name_end > name_start and text[name_end - 1] in ",.;:’'":
        name_end -= 1
    if re.search(r"['’]s$", text[name_start:name_end]):
        name_end -= 2
    name = text[name_start:name_end]
    return (name or None), name_start, name_end


def _entity_at(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention.entity
    return None


# ---------------------------------------------------------------- all together


@dataclass(frozen=True)
class ArticleFacts:
    """Everything :func:`article_facts` found in one article, in text order."""

    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    quotes: tuple[Quote, ...]


def article_facts(
    article: Article,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention] = (),
) -> ArticleFacts:
    """Quantities, dates and quotes of an article; dates are found first so their digits are not counts."""
    candidates = candidate_words(article.text)
    dates = find_dates(article.text, article.date, candidates)
    quantities = find_quantities(article.text, [(d.start, d.end) for d in dates], candidates)
    quotes = find_quotes(article.text, sentences, article.paragraphs, mentions)
    return ArticleFacts(quantities, dates, quotes)
