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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


_POSITION = (1 << 32) - 1
"""An occurrence is ``rank << 32 | position``, a link between two articles ``left position <<
32 | right position``: one integer, not a tuple, per shingle seen or shared."""
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end
_LEFT, _RIGHT = (32).__rrshift__, _POSITION.__and__
"""The two positions of a link, for ``map`` (no Python code per link)."""


def _words(article: Article, ids: dict[str, int], written: dict[str, int]) -> _Words:
    """The article's words; ``ids`` gives each key its id, ``written`` each spelling its key's
    id (so a spelling is keyed once per story). The work per word is done by ``map`` over
    the matches; Python code runs only for new spellings and boilerplate."""
    matches = list(_WORD.finditer(article.text))
    if article.boilerplate:
        matches = _outside_boilerplate(matches, sorted((b.start, b.end) for b in article.boilerplate))
    raws = list(map(_GROUP, matches))
    for raw in sorted(set(raws).difference(written)):
        written[raw] = ids.setdefault(raw.casefold().translate(_DROP_JOINERS), len(ids))
    return _Words(
        article.id,
        tuple(map(written.__getitem__, raws)),
        array("q", map(_START, matches)),
        array("q", map(_END, matches)),
    )


def _outside_boilerplate(matches: list[re.Match[str]], skip: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The words not inside a boilerplate span (``skip``, sorted)."""
    kept = []
    at = 0
    for match in matches:
        start, end = match.span()
        while at < len(skip) and skip[at][1] < end:
            at += 1
        if at < len(skip) and skip[at][0] <= start:
            continue
        kept.append(match)
    return kept


def find_reuse(
    articles: Sequence[Article], *, min_words: int = SHINGLE
) -> tuple[tuple[SharedPhrase, ...], tuple[WireCopy, ...]]:
    """Shared verbatim phrases of at least ``min_words`` words, and the wire-copy pairs.

    Words are integer ids; an article's shingles (runs of ``min_words`` ids) are made, and the
    first place of each found, in one pass of C code (``zip`` and ``dict``); an occurrence
    is one integer. The words two articles share as wire copy are counted from the starts
    of their shared shingles (a union of fixed-length runs), not by filling sets word by
    word: a shingle links each of its later occurrences to its first ``MAX_WIRE_PARTNERS``,
    the first of which are the phrase seeds themselves; a link is one integer in an array.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    texts = {a.id: a.text for a in ordered}
    ids: dict[str, int] = {}
    written: dict[str, int] = {}
    words = [_words(a, ids, written) for a in ordered]
    index: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for rank, doc in enumerate(words):
        shingles = list(zip(*(doc.keys[k:] for k in range(min_words)), strict=False))
        first = dict(zip(reversed(shingles), range(len(shingles) - 1, -1, -1), strict=True))
        at = rank << 32
        for shingle, pos in first.items():
            index[shingle].append(at | pos)

    seeds: defaultdict[tuple[int, int], array[int]] = defaultdict(_links)
    partners: defaultdict[tuple[int, int], array[int]] = defaultdict(_links)
    for occurrences in index.values():
        if len(occurrences) < 2:
            continue
        places = [(o >> 32, o & _POSITION) for o in occurrences]
        for k in range(min(len(places) - 1, MAX_WIRE_PARTNERS)):
            partner_rank, partner_pos = places[k]
            partner = partner_pos << 32
            filed = seeds if k == 0 else partners
            for rank, pos in places[k + 1 :]:
                filed[(partner_rank, rank)].append(partner | pos)

    phrases = _phrases(words, texts, seeds, min_words)
    empty = _links()
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for pair in seeds.keys() | partners.keys():
        links = [*seeds.get(pair, empty), *partners.get(pair, empty)]
        if not _may_be_wire(len(links) * min_words, len(words[pair[0]].keys), len(words[pair[1]].keys)):
            continue
        covered[pair] = (
            _covered(list(map(_LEFT, links)), min_words),
            _covered(list(map(_RIGHT, links)), min_words),
        )
    wire = _wire(words, covered)
    return phrases, wire


def _may_be_wire(most: int, left_size: int, right_size: int) -> bool:
    """Whether two articles whose shared shingles cover at most ``most`` words of each can
    pass :func:`_wire`'s test: the exact count is needed only then."""
    left, right = min(most, left_size), min(most, right_size)
    return (
        min(left, right) >= WIRE_MIN_WORDS
        and max(left / max(left_size, 1), right / max(right_size, 1)) >= WIRE_RATIO
    )


def _links() -> array[int]:
    return array("q")


def _covered(starts: list[int], width: int) -> int:
    """How many words the runs of ``width`` words starting at ``starts`` (distinct) cover: each
    gap between two starts counts, up to ``width`` (sorted, so both sums run in C)."""
    ordered = sorted(starts)
    gaps: list[int] = sorted(map(sub, ordered[1:], ordered))
    short = bisect_left(gaps, width)
    return sum(gaps[:short]) + width * (len(gaps) - short + 1)


def _phrases(
    words: Sequence[_Words],
    texts: Mapping[str, str],
    seeds: Mapping[tuple[int, int], array[int]],
    min_words: int,
) -> tuple[SharedPhrase, ...]:
    found: dict[tuple[int, ...], set[tuple[str, int, int]]] = defaultdict(set)
    for (left_rank, right_rank), links in seeds.items():
        left, right = words[left_rank], words[right_rank]
        pairs = sorted(
            zip(map(_LEFT, links), map(_RIGHT, links), strict=True), key=lambda p: (p[0] - p[1], p[0])
        )
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
