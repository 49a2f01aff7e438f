"""Cutting an article into Units: the sentences (or long clauses) that get aligned across sources.

A Unit is one statement a fact-checker would compare: one sentence, or one clause of a long
sentence. News copy is full of periods that do not end sentences ("U.S.", "Lt. Gen.",
"Oct. 29", "No. 2", "J. R. R.", "3.5", "Japan… We") and of quotations that run over several
sentences, so the splitter decides at each candidate boundary from the word before it and
the word after it rather than splitting at every period.

Every Unit's offsets slice the article text exactly (``article.text[u.start:u.end] ==
u.text``), trimmed of surrounding whitespace, in order and without overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from tui.core.model import Article, Mention, Unit
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS, TOKEN_RE, content_tokens, fold, join_compound_words
from tui.core.text.slots.extract import article_slots

# Abbreviations that precede a name or a number and so never end a sentence.
TITLES = frozenset(
    """
mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt rev hon pres supt
det insp brig gens lts cols reps sens messrs mme mlle msgr fr sr st mt ft
""".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
NUMBER_ABBREVIATIONS = frozenset("no nos vol vols fig figs art sec p pp ch para ref".split())
# Abbreviations that usually sit mid-sentence but may also end one.
SOFT_ABBREVIATIONS = frozenset("inc ltd co corp jr etc vs approx ca cf incl est dept univ".split())

_CANDIDATE_RE = re.compile(r"(?:\.{3}|…|[.!?]+)[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE_RE = re.compile(r"[^\W\d_](?:[\w.'’-]*[^\W_])?")
_NEXT_WORD_RE = re.compile(r"\s+[\"'“‘«(\[]*([^\s\"'“”‘’«»()\[\]]+)")
_CLAUSE_RE = re.compile(r";|\s[—–]\s|—|\s--\s")
_LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z-]*(?![\w’'])")
_QUOTE_CLOSE_RE = re.compile(r"[”\"]")
_LINE_END_CONTINUES = re.compile(r"[^\s.!?:;…\"'”’)\]]$")

T = TypeVar("T")

MIN_CLAUSE_WORDS = 7
"""A clause is cut at a semicolon only when both sides have at least this many words."""
MIN_DASH_CLAUSE_WORDS = 10
"""A dash more often introduces an apposition than a clause, so it needs longer sides."""


def segment_article(article: Article, mentions: Sequence[Mention] = ()) -> tuple[Unit, ...]:
    """The article's Units, in text order, with tokens, slots (quantities, dates, quotes), names and entity ids filled in.

    ``mentions`` are the annotation mentions (any article; only this article's are used).
    Their spans become ``@<entity id>`` tokens, so aliases count as the same word.
    """
    text = article.text
    own = sorted((m for m in mentions if m.article == article.id), key=lambda m: (m.start, m.end))
    spans = [
        clause
        for sentence in sentence_spans(text, article.paragraphs)
        for clause in clause_spans(text, *sentence)
    ]
    slots = article_slots(article, spans, own)
    ordinary = _ordinary_words(text)
    quantities = _per_span(slots.quantities, spans, lambda q: q.start)
    dates = _per_span(slots.dates, spans, lambda d: d.start)
    quotes = _per_span(slots.quotes, spans, lambda q: q.start)
    times = _per_span(slots.times, spans, lambda t: t.start)
    first_mention = 0
    units: list[Unit] = []
    for index, (start, end) in enumerate(spans):
        while first_mention < len(own) and own[first_mention].end <= start:
            first_mention += 1
        unit_mentions: list[Mention] = []
        following = first_mention
        while following < len(own) and own[following].start < end:
            if own[following].end > start:
                unit_mentions.append(own[following])
            following += 1
        units.append(
            Unit(
                id=f"{article.id}:{index}",
                article=article.id,
                index=index,
                start=start,
                end=end,
                text=text[start:end],
                paragraph=article.paragraph_at(start),
                tokens=content_tokens(text[start:end], unit_mentions, start),
                quantities=quantities[index],
                dates=dates[index],
                times=times[index],
                quotes=quotes[index],
                names=find_names(text, start, end, ordinary),
                entities=tuple(dict.fromkeys(m.entity for m in unit_mentions)),
                is_boilerplate=_in_boilerplate(article, start, end),
                headline=article.headline is not None and article.headline[0] <= start < article.headline[1],
            )
        )
    return tuple(units)


_TITLE_ALTERNATIVES = "|".join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True))
_NAME_WORD = (
    rf"(?:(?:{_TITLE_ALTERNATIVES})\.(?=\s+[A-Z])"
    r"|[A-Z](?:\.[A-Z])+\.?(?:-[A-Z][\w-]*\w)?"
    r"|[A-Z][\w’'-]*\w|[A-Z]\.?)"
)
_NAME_LINKS = r"(?:of|and|de|del|da|van|von|bin|al|la|le)"
_NAME_RE = re.compile(
    rf"\b(?=[A-Z]){_NAME_WORD}"
    rf"(?:(?<![’']s)(?:\s+{_NAME_LINKS}(?=\s+[A-Z]))?\s+{_NAME_WORD})+"
)
_POSSESSIVE = re.compile(r"['’]s$")
_LONG_WORD_RE = re.compile(r"\b[^\W\d_][\w’'-]{2,}")
_SENTENCE_OPENING = re.compile(r"[\s\"'“‘(\[]*$")


def find_names(text: str, start: int, end: int, ordinary: frozenset[str]) -> tuple[str, ...]:
    """Capitalised multi-word names in ``text[start:end]`` ("Joint Operations Command").

    Used when there is no annotation file. A name stops after a possessive ("Japan’s
    Ministry" is not one name). A leading function word ("The") is dropped; so is a
    sentence-initial word the article also writes in lower case, or that reads as a verb or
    adverb ("Regarding", "Improving"), since only its position capitalises it. What is left
    must still have two words. A title-case line ("Hegseth Announces U.S.-Japan Military
    Command Upgrade") capitalises every word, so it says nothing about names: none.
    """
    names: list[str] = []
    for initial, lists in _name_runs(text[start - 1 : start] if start else "", text[start:end]):
        for listed in lists:
            words = list(listed)
            while words and (words[0].lower() in STOPWORDS or initial and _ordinary(words[0], ordinary)):
                words.pop(0)
                initial = False
            initial = False
            if len(words) >= 2:
                words[-1] = _POSSESSIVE.sub("", words[-1])
                names.append(" ".join(words))
    return tuple(dict.fromkeys(names))


@story_cache
def _name_runs(before: str, sentence: str) -> tuple[tuple[bool, tuple[tuple[str, ...], ...]], ...]:
    """The capitalised runs of a sentence (``before`` is the character just before it, which
    decides a word boundary at its start), each with whether it opens the sentence and its
    words split into listed names: what :func:`find_names` reads, once per distinct sentence."""
    text, start, end = before + sentence, len(before), len(before) + len(sentence)
    if _title_case(text, start, end):
        return ()
    return tuple(
        (
            bool(_SENTENCE_OPENING.fullmatch(text, start, match.start())),
            tuple(tuple(words) for words in _split_lists(match.group().split())),
        )
        for match in _NAME_RE.finditer(text, start, end)
    )


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether every content word of ``text[start:end]`` is capitalised (a headline), four or more."""
    words = [w for w in _LONG_WORD_RE.findall(text, start, end) if w.lower() not in STOPWORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _split_lists(words: list[str]) -> list[list[str]]:
    """ "Trump and Takaichi" is two names; "Treaty of Cooperation and Security" is one (an "of" came first)."""
    groups: list[list[str]] = [[]]
    for word in words:
        if word == "and" and "of" not in groups[-1]:
            groups.append([])
        else:
            groups[-1].append(word)
    return groups


def _ordinary(word: str, ordinary: frozenset[str]) -> bool:
    low = word.lower()
    return low in ordinary or (low.isalpha() and low.endswith(("ing", "ed", "ly")))


def join_story_compounds(units: Mapping[str, tuple[Unit, ...]]) -> dict[str, tuple[Unit, ...]]:
    """Make spaced spellings agree with solid ones across a whole story.

    One source writes "warfighting" or "war-fighting" (token ``warfight``), another "war
    fighting" (``war``, ``fight``). Whether two words form a compound cannot be known from
    one article, but a story that also spells it solid says so; every adjacent pair whose
    concatenation is a token somewhere in the story is joined. Call it on all the units of a
    story, after :func:`segment_article`.
    """
    vocabulary = {token for article_units in units.values() for u in article_units for token in u.tokens}
    joined: dict[str, tuple[Unit, ...]] = {}
    for article_id, article_units in units.items():
        joined[article_id] = tuple(
            u
            if len(tokens := join_compound_words(u.tokens, vocabulary)) == len(u.tokens)
            else replace(u, tokens=tokens)
            for u in article_units
        )
    return joined


def _per_span(
    items: Sequence[T], spans: Sequence[tuple[int, int]], key: Callable[[T], int]
) -> list[tuple[T, ...]]:
    """Give each span the items whose key offset falls inside it (one sorted pass, no rescans)."""
    ends = [end for _, end in spans]
    buckets: list[list[T]] = [[] for _ in spans]
    for item in items:
        offset = key(item)
        index = bisect_right(ends, offset)
        if index < len(spans) and spans[index][0] <= offset:
            buckets[index].append(item)
    return [tuple(bucket) for bucket in buckets]


def _in_boilerplate(article: Article, start: int, end: int) -> bool:
    """Inside one boilerplate span, or mostly covered by boilerplate (a credit line cut mid-way)."""
    if article.is_boilerplate(start, end):
        return True
    covered = sum(max(0, min(end, b.end) - max(start, b.start)) for b in article.boilerplate)
    return covered * 2 > end - start


def _ordinary_words(text: str) -> frozenset[str]:
    """Words the article also writes in lower case: capitalised only because a sentence starts.

    Match by match rather than ``findall``: on a 10 MB article one ``findall`` holds the
    interpreter lock for a third of a second, a visible freeze of the reader it runs behind.
    """
    return frozenset(match.group() for match in _LOWER_WORD_RE.finditer(text)) | STOPWORDS


def sentence_spans(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The trimmed (start, end) of every sentence, heading and short line of ``text``.

    Paragraph ends always end a sentence. A line break ends one too, unless the line reads
    as hard-wrapped prose (it ends mid-phrase and the next line starts in lower case), so
    a heading like "Preparing for Regional Security Challenges" is a unit of its own.
    """
    blocks = list(paragraphs) or [(0, len(text))]
    out: list[tuple[int, int]] = []
    for block_start, block_end in blocks:
        for line_start, line_end in _lines(text, block_start, block_end):
            cut = line_start
            quotes = _QuoteTracker(text, line_start)
            for match in _CANDIDATE_RE.finditer(text, line_start, line_end):
                if _is_boundary(text, match, line_end) and not _short_inside_quote(
                    text, quotes, cut, match.end(), line_end
                ):
                    _append_trimmed(text, cut, match.end(), out)
                    cut = match.end()
            _append_trimmed(text, cut, line_end, out)
    return out


MIN_QUOTED_SENTENCE_WORDS = 5
"""Inside a quotation, a sentence shorter than this stays with its neighbour."""


def _short_inside_quote(text: str, quotes: _QuoteTracker, cut: int, position: int, line_end: int) -> bool:
    """Whether ``position`` falls inside a quotation with a short sentence on either side.

    A quotation of several long sentences is cut like any prose (each sentence may be quoted
    alone by another source, and the Quote keeps the speaker for all of it), but "“Yes. No,”
    she said" or "“We must prepare. We will win,” he said" read as one statement.
    """
    if not quotes.inside(position):
        return False
    rest_end = quotes.next_close(position, line_end)
    return not (
        _has_words(text, cut, position, MIN_QUOTED_SENTENCE_WORDS)
        and _has_words(text, position, rest_end, MIN_QUOTED_SENTENCE_WORDS)
    )


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at line breaks that end a statement (see :func:`sentence_spans`)."""
    lines: list[tuple[int, int]] = []
    cut = start
    position = text.find("\n", start, end)
    while position != -1:
        before = text[cut:position].rstrip()
        after = text[position + 1 : end].lstrip(" \t")
        wrapped = (
            bool(before)
            and bool(_LINE_END_CONTINUES.search(before))
            and after[:1].islower()
            and not after.startswith("\n")
        )
        if not wrapped:
            lines.append((cut, position))
            cut = position + 1
        position = text.find("\n", position + 1, end)
    lines.append((cut, end))
    return lines


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def _is_boundary(text: str, match: re.Match[str], limit: int) -> bool:
    """Whether the punctuation in ``match`` ends a sentence, judged by the words around it."""
    mark = match.group()
    core = mark.rstrip("\"'”’»)]")
    closed = len(core) < len(mark)
    following = _NEXT_WORD_RE.match(text, match.end(), limit)
    if following is None:
        return True
    next_word = following.group(1)
    opener = text[following.start(1) - 1] if following.start(1) > match.end() else ""
    if next_word[:1].islower():
        return False
    if core in ("…", "...") or core.endswith("..."):
        return closed
    if core != ".":
        return True
    if closed:
        return True
    word = _word_before(text, match.start())
    if not word:
        return True
    key = word.lower()
    starts_number = next_word[:1].isdigit()
    if word[:1].isupper() and key in TITLES:
        return False
    if key in MONTH_ABBREVIATIONS and starts_number:
        return False
    if key in NUMBER_ABBREVIATIONS and starts_number:
        return False
    if len(word) == 1 and word.isupper():
        return False
    if "." in word or key in SOFT_ABBREVIATIONS:
        return opener in '"“‘«' and opener != "" or fold(next_word) in STOPWORDS
    return True


def _word_before(text: str, period: int) -> str:
    """The word a full stop at ``period`` ends ("Gen", "U.S", "J"), or "" if it ends no word."""
    start = period
    while (
        start > 0
        and period - start < 40
        and not text[start - 1].isspace()
        and text[start - 1] not in "([“‘\"'"
    ):
        start -= 1
    return text[start:period] if _WORD_BEFORE_RE.fullmatch(text, start, period) else ""


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one long sentence at ``;`` or an em dash where both sides are long.

    A semicolon or a lone dash often joins statements that other sources report as separate
    sentences ("...bullying of Taiwan; Beijing's claims over the Senkakus; and ..."), and
    alignment compares units, so those statements must stand alone to find their partners.
    Short sides are datelines ("TOKYO — ..."), appositions or tags ("— most notably from
    China") that mean nothing alone, so they stay with their sentence; a pair of dashes is
    a parenthesis and is never cut; nothing inside a quotation is cut.
    """
    cuts: list[tuple[int, int]] = []
    dashes = 0
    quotes = _QuoteTracker(text, start)
    for match in _CLAUSE_RE.finditer(text, start, end):
        if match.group() != ";":
            dashes += 1
        if not quotes.inside(match.start()):
            cuts.append(match.span())
    if dashes > 1:
        cuts = [c for c in cuts if text[c[0] : c[1]] == ";"]
    pieces: list[tuple[int, int, int]] = []
    cursor = start
    minimum = 0
    for cut_start, cut_end in cuts:
        semicolon = text[cut_start:cut_end] == ";"
        pieces.append((cursor, cut_end if semicolon else cut_start, minimum))
        cursor = cut_end
        minimum = MIN_CLAUSE_WORDS if semicolon else MIN_DASH_CLAUSE_WORDS
    pieces.append((cursor, end, minimum))
    merged: list[tuple[int, int]] = []
    for piece_start, piece_end, needed in pieces:
        if merged and (
            not _has_words(text, *merged[-1], needed) or not _has_words(text, piece_start, end, needed)
        ):
            merged[-1] = (merged[-1][0], piece_end)
        else:
            merged.append((piece_start, piece_end))
    out: list[tuple[int, int]] = []
    for piece in merged:
        _append_trimmed(text, piece[0], piece[1], out)
    return out


def _has_words(text: str, start: int, end: int, count: int) -> bool:
    """Whether ``text[start:end]`` holds at least ``count`` words (stops counting there)."""
    if count <= 0:
        return True
    return any(seen >= count for seen, _ in enumerate(TOKEN_RE.finditer(text, start, end), 1))


class _QuoteTracker:
    """Whether positions, visited left to right, sit inside a quotation opened since ``start``.

    Counting marks incrementally keeps a long paragraph with many candidate cuts linear.
    """

    def __init__(self, text: str, start: int) -> None:
        self._text = text
        self._position = start
        self._depth = 0
        self._straight = 0
        self._close = -1

    def next_close(self, position: int, end: int) -> int:
        """Where the next closing mark at or after ``position`` is (``end`` if none); cached."""
        if self._close < position:
            found = _QUOTE_CLOSE_RE.search(self._text, position, end)
            self._close = found.start() if found else end
        return self._close

    def inside(self, position: int) -> bool:
        """Whether a quotation is open at ``position`` (never before the last one asked)."""
        segment = self._text[self._position : position]
        self._depth += segment.count("“") - segment.count("”")
        self._straight += segment.count('"')
        self._position = max(self._position, position)
        return self._depth > 0 or self._straight % 2 == 1
