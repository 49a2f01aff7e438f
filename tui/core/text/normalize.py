"""Comparison-time normalisation of words: what makes two wordings count as the same token.

Nothing here changes the text a user sees. Sources write the same word many ways
(``Japan’s``/``Japan's``, ``war-fighting``/``warfighting``, ``60,000``/``sixty thousand``,
``troops``/``troop``), and alignment only works when those variants collapse to one token.
Every rule is deterministic and deliberately conservative: a wrong merge hides a real
difference, which is worse for a fact-checker than a missed paraphrase.

Names that mean the same thing without sharing letters ("U.S." vs "United States") are
*not* folded here: that knowledge lives in the annotation file, whose mentions replace a
span of words by one ``@<entity id>`` token (see :func:`content_tokens`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from tui.core.model import Mention
from tui.core.text.memo import story_cache

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)

# A word: an acronym with dots (U.S., e.g.), a plain number (60,000 3.5) or a run of letters
# and digits joined by apostrophes or hyphens (Japan's, war-fighting, SM-6, 80th).
TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,]\d+)*(?![^\W_])"
    r"|[^\W_]+(?:['\u2019][^\W_]+)*(?:[-\u2010\u2011][^\W_]+(?:['\u2019][^\W_]+)*)*"
)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(SCALE_WORDS)

STOPWORDS = frozenset(
    """
a about above across after against all almost along also although am among an and another
any anybody anyone anything are around as at be because been before being below beneath
beside besides between beyond both but by can cannot could did do does doing done down
during each either else even ever every for from further had has have having he her here
hers herself him himself his how however i if in inside into is it its itself just least
less like many may me might more most much must my myself neither no nor not now of off
on once only onto or other others ought our ours ourselves out over own per rather same
shall she should since so some such than that the their theirs them themselves then there
these they this those though through throughout thus to too toward towards under unless
until up upon us very was we were what whatever when whenever where whereas whether which
while who whom whose why will with within without would yet you your yours yourself
yourselves dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt
hasnt havent hadnt its im ive id youre theyre weve were hes shes thats theres whats
""".split()
)


def fold(text: str) -> str:
    """Typographic quotes, apostrophes and dashes made plain, compatibility forms folded, lower case."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


def number_text(value: float) -> str:
    """The canonical digits for a number: ``60000``, ``3.5`` (no separators, no trailing zeros)."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return repr(round(value, 9)).rstrip("0").rstrip(".")


def parse_digits(text: str) -> float | None:
    """The value of ``60,000`` / ``3.5`` / ``1,234.5``; ``None`` when commas are not thousands separators."""
    if "," in text:
        if not _THOUSANDS_RE.fullmatch(text):
            return None
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def words_value(words: Sequence[str]) -> float | None:
    """The value of spelled-out number words (``sixty thousand`` -> 60000); ``and`` is allowed inside."""
    total = 0
    current = 0
    seen = False
    for word in words:
        if word == "and":
            continue
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def stem(word: str) -> str:
    """A light suffix stripper: plural -s/-es/-ies, -ed, -ing, and a final silent -e, after
    folding a few verb-derived nouns onto their verb (see :func:`_underive`).

    It only has to map inflections of one word to one key (``troops``/``troop``,
    ``created``/``create``/``creating``), never to produce a real word, so the final ``e`` is
    dropped everywhere. Short words and words with digits are left alone.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _underive(word)
    if word.endswith("ies") and len(word) > 4 or word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ing") and len(word) > 5 and _has_vowel(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("eed") and len(word) > 4:
        word = word[:-1]
    elif word.endswith("ed") and len(word) > 4 and _has_vowel(word[:-2]):
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


DERIVED: dict[str, str] = {"additional": "add", "additionally": "add", "addition": "add"}
"""Derived words whose base is not reachable by stripping a suffix (``additional`` personnel is
``added`` personnel)."""
UNDERIVED = frozenset("department apartment compartment tournament".split())
"""Nouns that only look verb-derived: a department is not what departs."""
_NOUN_SUFFIXES = (("ization", "ize"), ("isation", "ize"), ("ment", ""))
MIN_BASE = 5
"""A suffix is only stripped when this much word is left: ``announcement`` -> ``announce`` but
``comment``, ``cement`` and ``moment`` stay whole."""


def _underive(word: str) -> str:
    """Fold a noun made from a verb onto the verb (``announcement`` -> ``announce``,
    ``reorganization`` -> ``reorganize``), so a paraphrase that nominalises still shares words."""
    if word in DERIVED:
        return DERIVED[word]
    core = word[:-1] if word.endswith("s") else word
    if core in UNDERIVED:
        return word
    for suffix, replacement in _NOUN_SUFFIXES:
        if core.endswith(suffix) and len(core) - len(suffix) >= MIN_BASE:
            return core[: -len(suffix)] + replacement
    return word


def _has_vowel(text: str) -> bool:
    return any(c in "aeiouy" for c in text)


def _undouble(stem_: str) -> str:
    if len(stem_) > 3 and stem_[-1] == stem_[-2] and stem_[-1] not in "aeiouylsz":
        return stem_[:-1]
    return stem_


def normalize_word(word: str) -> str:
    """The comparison key of one word as written: ``Japan’s`` -> ``japan``, ``60,000`` -> ``60000``,
    ``war-fighting`` -> ``warfight``, ``twelve`` -> ``12``, ``U.S.`` -> ``us``."""
    w = fold(word)
    if "." in w and not _NUMBER_RE.fullmatch(w):
        w = w.replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if _NUMBER_RE.fullmatch(w):
        value = parse_digits(w)
        return number_text(value) if value is not None else w.replace(",", "")
    parts = w.split("-")
    if len(parts) > 1 and all(p in NUMBER_WORDS for p in parts):
        value = words_value(parts)
        if value is not None:
            return number_text(value)
    if w in UNITS_WORDS:
        return str(UNITS_WORDS[w])
    w = w.replace("-", "").replace("'", "")
    return stem(w)


class Token(NamedTuple):
    """One normalised word with the span of text it came from (offsets relative to the text given).

    A named tuple rather than a dataclass: tens of thousands are made per story.
    """

    start: int
    end: int
    norm: str


def _is_stopword(raw: str) -> bool:
    """Function words are dropped, but an all-capital acronym (``US``) never is."""
    if len(raw) > 1 and raw.replace(".", "").isupper():
        return False
    return fold(raw).replace("'", "") in STOPWORDS


@lru_cache(maxsize=200_000)
def _classify(raw: str) -> tuple[str, str]:
    """What one word as written is for tokenising: ``number``, ``and``, ``scale``, ``stop`` or ``word``.

    Cached because news text repeats its words; the answer depends on the word alone.
    """
    low = fold(raw)
    if low == "and":
        return "and", low
    if low in SCALE_WORDS:
        return "scale", low
    if (
        low in NUMBER_WORDS
        or _NUMBER_RE.fullmatch(raw)
        or ("-" in low and all(p in NUMBER_WORDS for p in low.split("-")))
    ):
        return "number", low
    if _is_stopword(raw):
        return "stop", low
    return "word", normalize_word(raw)


def tokens_with_spans(
    text: str,
    mentions: Iterable[Mention] = (),
    base: int = 0,
    compounds: Collection[str] = (),
) -> tuple[Token, ...]:
    """The content tokens of ``text`` with their spans.

    ``base`` is where ``text`` starts in its article, so ``mentions`` (article offsets) can
    be matched: the words a mention covers become one ``@<entity id>`` token. Runs of number
    words (``sixty thousand``, ``1.5 billion``) become one canonical number token. Adjacent
    tokens whose concatenation is in ``compounds`` are joined (``war fighting`` ->
    ``warfight`` when ``warfight`` is known), so spaced, hyphenated and solid spellings agree.

    A text is tokenised once per comparison (:func:`relative_tokens`), however many sources
    repeat it and however many checks ask: here the tokens are only moved to ``base``.
    """
    tokens = shifted(relative_tokens(text, mention_spans(mentions, base, len(text))), base)
    return join_compounds(tokens, compounds) if compounds else tokens


def mention_spans(mentions: Iterable[Mention], base: int, length: int) -> tuple[tuple[int, int, str], ...]:
    """The mentions overlapping ``length`` characters from ``base``, relative to ``base`` and
    sorted: what, besides the text itself, decides its tokens."""
    return tuple(
        sorted(
            (m.start - base, m.end - base, m.entity)
            for m in mentions
            if m.end > base and m.start < base + length
        )
    )


def shifted(tokens: tuple[Token, ...], base: int) -> tuple[Token, ...]:
    """``tokens`` with their offsets moved by ``base``."""
    if not base:
        return tokens
    return tuple([Token(start + base, end + base, norm) for start, end, norm in tokens])


@story_cache
def relative_tokens(text: str, spans: tuple[tuple[int, int, str], ...] = ()) -> tuple[Token, ...]:
    """The content tokens of ``text``, offsets relative to it, with the mentions at ``spans``
    (relative, sorted; see :func:`mention_spans`) as entity tokens. Once per distinct text."""
    out: list[Token] = []
    span_index = 0
    pending: list[tuple[int, int, str]] = []
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if spans:
            while span_index < len(spans) and spans[span_index][1] <= start:
                span_index += 1
            if span_index < len(spans) and spans[span_index][0] < end:
                if pending:
                    _emit_number_run(pending, out)
                    pending = []
                m_start, m_end, entity = spans[span_index]
                token = f"@{entity}"
                if not (out and out[-1].norm == token and out[-1].end >= m_start):
                    out.append(Token(max(m_start, 0), min(m_end, len(text)), token))
                continue
        raw = match.group()
        kind, norm = _classify(raw)
        if pending and text[pending[-1][1] : start].strip():
            _emit_number_run(pending, out)
            pending = []
        if (
            kind == "number"
            or kind == "scale"
            or (kind == "and" and pending and _classify(pending[-1][2])[0] == "scale")
        ):
            pending.append((start, end, raw))
            continue
        if pending:
            _emit_number_run(pending, out)
            pending = []
        if kind == "word" and norm:
            out.append(Token(start, end, norm))
    if pending:
        _emit_number_run(pending, out)
    return tuple(out)


@story_cache
def _relative_norms(text: str, spans: tuple[tuple[int, int, str], ...]) -> tuple[str, ...]:
    return tuple([t.norm for t in relative_tokens(text, spans)])


def _emit_number_run(words: list[tuple[int, int, str]], out: list[Token]) -> None:
    """Turn a run of digits / number words into number tokens (``60 thousand`` -> ``60000``)."""
    while words and fold(words[-1][2]) == "and":
        words = words[:-1]
    i = 0
    while i < len(words):
        start, end, raw = words[i]
        if _NUMBER_RE.fullmatch(raw):
            value = parse_digits(raw)
            j = i + 1
            scale_words: list[str] = []
            while j < len(words) and fold(words[j][2]) in SCALE_WORDS:
                scale_words.append(fold(words[j][2]))
                j += 1
            if value is None:
                out.append(Token(start, end, raw.replace(",", "")))
                i += 1
                continue
            for scale in scale_words:
                value *= SCALE_WORDS[scale]
            out.append(Token(start, words[j - 1][1], number_text(value)))
            i = j
            continue
        j = i
        parts: list[str] = []
        while j < len(words) and not _NUMBER_RE.fullmatch(words[j][2]):
            parts.extend(fold(words[j][2]).split("-"))
            j += 1
        value = words_value(parts)
        if value is None:
            i = max(j, i + 1)
            continue
        out.append(Token(start, words[j - 1][1], number_text(value)))
        i = j


def join_compounds(tokens: Sequence[Token], compounds: Collection[str]) -> tuple[Token, ...]:
    """Join adjacent tokens whose concatenation is a known compound (``war`` + ``fight``)."""
    out: list[Token] = []
    for first, second in _compound_pairs([t.norm for t in tokens], compounds):
        a = tokens[first]
        if second is None:
            out.append(a)
        else:
            out.append(Token(a.start, tokens[second].end, a.norm + tokens[second].norm))
    return tuple(out)


def join_compound_words(tokens: Sequence[str], compounds: Collection[str]) -> tuple[str, ...]:
    """:func:`join_compounds` for bare token strings (``Unit.tokens``)."""
    return tuple(
        tokens[first] if second is None else tokens[first] + tokens[second]
        for first, second in _compound_pairs(tokens, compounds)
    )


def _compound_pairs(norms: Sequence[str], compounds: Collection[str]) -> list[tuple[int, int | None]]:
    """Which tokens stay single and which pairs join, left to right (a token joins at most once)."""
    out: list[tuple[int, int | None]] = []
    i = 0
    while i < len(norms):
        if i + 1 < len(norms) and _joinable(norms[i], norms[i + 1], compounds):
            out.append((i, i + 1))
            i += 2
        else:
            out.append((i, None))
            i += 1
    return out


def _joinable(a: str, b: str, compounds: Collection[str]) -> bool:
    """Words join only when both are words (not entities or numbers) and the result is known."""
    return a[:1].isalpha() and b[:1].isalpha() and (a + b) in compounds


def content_tokens(
    text: str,
    mentions: Iterable[Mention] = (),
    base: int = 0,
    compounds: Collection[str] = (),
) -> tuple[str, ...]:
    """The normalised content words of ``text`` (function words dropped, numbers as digits).

    See :func:`tokens_with_spans` for ``mentions``, ``base`` and ``compounds``.
    """
    norms = _relative_norms(text, mention_spans(mentions, base, len(text)))
    return join_compound_words(norms, compounds) if compounds else norms
