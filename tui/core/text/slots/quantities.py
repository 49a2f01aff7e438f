"""Quantities in an article: the number as written, its value and the interval its hedge
allows ("about 60,000"), its unit, what it counts, and what happened to what it counts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from tui.core.model import Quantity
from tui.core.text.normalize import NUMBER_WORDS, SCALE_WORDS, STOPWORDS, fold, parse_digits, words_value
from tui.core.text.slots.dates import is_year
from tui.core.text.slots.scan import matches_at_words

INF = float("inf")

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
_HEDGE_KIND = dict(_HEDGES)
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
QUANTITY_STARTERS = (
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
    for match in matches_at_words(_QUANTITY_RE, text, QUANTITY_STARTERS, candidates):
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
    if low_text.isdigit() and len(low_text) == 4 and is_year(text, low_start, match.end("low")):
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
    counted = None if unit is not None else _counted(text, end, start, plural=upper > 1)
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


def _counted(text: str, end: int, start: int, *, look_back: bool = True, plural: bool = True) -> str | None:
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
        return _compound_head(text, position, low) if plural else low
    return _counted_before(text, start) if look_back else None


def _compound_head(text: str, position: int, first: str) -> str:
    """The head of a counted noun compound: English puts it last ("60,000 contract workers",
    "five aid workers", "300 police officers" count workers and officers). Only a plural after
    a singular-looking word is taken, and only for a count above one, so a verb that follows
    the noun ("one man dies", "three children remain") is never taken for it."""
    if first.endswith("s"):
        return first
    following = _COUNTED_WORD.match(text, position)
    if following is None or text[position : following.start(1)].strip():
        return first
    word = following.group(1)
    if (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word not in NUMBER_WORDS
        and _plural_noun(word)
    ):
        return word
    return first


def _plural_noun(word: str) -> bool:
    """A lower-case word that looks like a plural noun: an ``-s`` that is not ``-ss``, ``-us`` or
    ``-is`` (``class``, ``status``, ``crisis``), and not a function word (``its``, ``this``)."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in STOPWORDS


_PLURAL_BEFORE_RE = re.compile(r"\b([a-z]{3,}s)\b")


def _counted_before(text: str, start: int) -> str | None:
    window_start = max(0, start - 60)
    while 0 < window_start < start and text[window_start - 1].isalnum():
        window_start += 1
    window = text[window_start:start]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"))
    candidates = [w for w in _PLURAL_BEFORE_RE.findall(window[cut + 1 :]) if _plural_noun(w)]
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
