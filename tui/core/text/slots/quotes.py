"""Quotations in an article and who said them: quotes run over sentences, and a pronoun
speaker ("he said") takes the speaker named before it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.core.model import Mention, Quote
from tui.core.text.normalize import STOPWORDS, fold

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
    for at in range(len(quotes) - 2, -1, -1):
        block_index, closed = runs_on[at]
        following = quotes[at + 1]
        if (
            quotes[at].speaker is None
            and not closed
            and following.speaker
            and runs_on[at + 1][0] == block_index + 1
        ):
            quotes[at] = replace(
                quotes[at], speaker=following.speaker, speaker_entity=following.speaker_entity
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
