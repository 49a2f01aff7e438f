"""Verbatim text reuse between sources: shared phrases and wire copy (passim-style).

Every run of ``SHINGLE`` words (lower-cased, punctuation dropped, boilerplate skipped) is put in
an index; a shingle found in two or more articles is a seed, and seeds that follow each other in
both articles are chained into a maximal run. Each seed is linked only to the first article that
has it (a star, not a clique), so the work stays linear in the number of words even when a wire
story was run by hundreds of outlets. Two articles that share most of their words verbatim are
wire copy: they are one origin, not independent confirmations.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import sub

from tui.core.model import Article, PhraseOccurrence, SharedPhrase, WireCopy

SHINGLE = 6
WIRE_RATIO = 0.5
WIRE_MIN_WORDS = 25
MAX_WIRE_PARTNERS = 3

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_DROP_JOINERS = str.maketrans("", "", "-'’.")


@dataclass(frozen=True)
class _Words:
    """An article's words outside boilerplate: each as an integer id (one id per key, the
    word lower-cased without its joiners) and where it starts and ends."""

    article: str
    keys: tuple[int, ...]
    starts: array[int]
    ends: array[int]


_Links = tuple["array[int]", "array[int]"]
"""The positions, in two articles, of the shingles they share (left article's, right's)."""
_POSITION = (1 << 32) - 1
"""An occurrence is ``rank << 32 | position``: one integer, not a tuple, per shingle seen."""


def _words(article: Article, ids: dict[str, int], written: dict[str, int]) -> _Words:
    """The article's words; ``ids`` gives each key its id, ``written`` each spelling its key's
    id (so a spelling is keyed once per story)."""
    keys: list[int] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    skip = sorted((b.start, b.end) for b in article.boilerplate)
    at = 0
    for match in _WORD.finditer(article.text):
        start, end = match.span()
        while at < len(skip) and skip[at][1] < end:
            at += 1
        if at < len(skip) and skip[at][0] <= start:
            continue
        raw = match.group()
        key = written.get(raw)
        if key is None:
            key = written[raw] = ids.setdefault(raw.casefold().translate(_DROP_JOINERS), len(ids))
        keys.append(key)
        starts.append(start)
        ends.append(end)
    return _Words(article.id, tuple(keys), starts, ends)


def find_reuse(
    articles: Sequence[Article], *, min_words: int = SHINGLE
) -> tuple[tuple[SharedPhrase, ...], tuple[WireCopy, ...]]:
    """Shared verbatim phrases of at least ``min_words`` words, and the wire-copy pairs.

    Words are integer ids, and a shingle (a run of ``min_words`` ids) is one integer, the ids
    as digits in base "number of ids", rolled along each article in one pass: exact (two
    shingles have one code only if they are the same words), and far smaller than tuples of
    words when hundreds of sources share most of their text. The words two articles share as
    wire copy are counted from the starts of their shared shingles (a union of fixed-length
    runs), not by filling sets word by word: a shingle links each of its later occurrences to
    its first ``MAX_WIRE_PARTNERS``, the first of which are the phrase seeds themselves.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    texts = {a.id: a.text for a in ordered}
    ids: dict[str, int] = {}
    written: dict[str, int] = {}
    words = [_words(a, ids, written) for a in ordered]
    base = max(len(ids), 1)
    top = base ** (min_words - 1)
    index: dict[int, list[int]] = defaultdict(list)
    for rank, doc in enumerate(words):
        code = 0
        for key in doc.keys[: min_words - 1]:
            code = code * base + key
        first: dict[int, int] = {}
        for pos, key in enumerate(doc.keys[min_words - 1 :]):
            code = code % top * base + key
            first.setdefault(code, pos)
        at = rank << 32
        for code, pos in first.items():
            index[code].append(at | pos)

    seeds: dict[tuple[int, int], _Links] = {}
    partners: dict[tuple[int, int], _Links] = {}
    for occurrences in index.values():
        if len(occurrences) < 2:
            continue
        places = [(o >> 32, o & _POSITION) for o in occurrences]
        center_rank, center_pos = places[0]
        for rank, pos in places[1:]:
            _link(seeds, (center_rank, rank), center_pos, pos)
        for k in range(1, min(len(places) - 1, MAX_WIRE_PARTNERS)):
            partner_rank, partner_pos = places[k]
            for rank, pos in places[k + 1 :]:
                _link(partners, (partner_rank, rank), partner_pos, pos)

    phrases = _phrases(words, texts, seeds, min_words)
    empty: _Links = (array("q"), array("q"))
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for pair in seeds.keys() | partners.keys():
        (seed_left, seed_right), (more_left, more_right) = seeds.get(pair, empty), partners.get(pair, empty)
        covered[pair] = (
            _covered([*seed_left, *more_left], min_words),
            _covered([*seed_right, *more_right], min_words),
        )
    wire = _wire(words, covered)
    return phrases, wire


def _link(links: dict[tuple[int, int], _Links], pair: tuple[int, int], left: int, right: int) -> None:
    found = links.get(pair)
    if found is None:
        found = links[pair] = (array("q"), array("q"))
    found[0].append(left)
    found[1].append(right)


def _covered(starts: list[int], width: int) -> int:
    """How many words the runs of ``width`` words starting at ``starts`` (distinct) cover."""
    ordered = sorted(starts)
    gaps: map[int] = map(sub, ordered[1:], ordered)
    return sum(map(min, repeat(width), gaps)) + width


def _phrases(
    words: Sequence[_Words],
    texts: Mapping[str, str],
    seeds: Mapping[tuple[int, int], _Links],
    min_words: int,
) -> tuple[SharedPhrase, ...]:
    found: dict[tuple[int, ...], set[tuple[str, int, int]]] = defaultdict(set)
    for (left_rank, right_rank), (lefts, rights) in seeds.items():
        left, right = words[left_rank], words[right_rank]
        pairs = sorted(zip(lefts, rights, strict=True), key=lambda p: (p[0] - p[1], p[0]))
        run_start = 0
        for k in range(1, len(pairs) + 1):
            if k < len(pairs):
                prev, cur = pairs[k - 1], pairs[k]
                if cur[0] == prev[0] + 1 and cur[1] == prev[1] + 1:
                    continue
            first, last = pairs[run_start], pairs[k - 1]
            run_start = k
            count = last[0] - first[0] + min_words
            key = left.keys[first[0] : first[0] + count]
            for doc, begin in ((left, first[0]), (right, first[1])):
                found[key].add((doc.article, doc.starts[begin], doc.ends[begin + count - 1]))
    phrases: list[SharedPhrase] = []
    for key, spots in found.items():
        occurrences = tuple(PhraseOccurrence(a, s, e) for a, s, e in sorted(spots))
        if len({o.article for o in occurrences}) < 2:
            continue
        head = occurrences[0]
        phrases.append(SharedPhrase(texts[head.article][head.start : head.end], occurrences, len(key)))
    phrases.sort(key=lambda p: (p.occurrences[0].article, p.occurrences[0].start, -p.words, p.text))
    return tuple(phrases)


def _wire(
    words: Sequence[_Words], covered: Mapping[tuple[int, int], tuple[int, int]]
) -> tuple[WireCopy, ...]:
    """Article pairs whose shared shingles cover (``covered``: words of each side) enough of them."""
    wire: list[WireCopy] = []
    for (left_rank, right_rank), (left, right) in sorted(covered.items()):
        shared = min(left, right)
        sizes = (len(words[left_rank].keys), len(words[right_rank].keys))
        ratio = max(left / max(sizes[0], 1), right / max(sizes[1], 1))
        if shared >= WIRE_MIN_WORDS and ratio >= WIRE_RATIO:
            pair = (words[left_rank].article, words[right_rank].article)
            wire.append(WireCopy(pair, shared, round(ratio, 3)))
    return tuple(wire)


def origins(article_ids: Sequence[str], wire: Sequence[WireCopy]) -> dict[str, str]:
    """Map each article to its independent origin: articles joined by wire copy share one."""
    parent = {a: a for a in article_ids}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for copy in wire:
        if not all(a in parent for a in copy.articles):
            continue
        left, right = find(copy.articles[0]), find(copy.articles[1])
        if left != right:
            parent[max(left, right)] = min(left, right)
    return {a: find(a) for a in article_ids}
