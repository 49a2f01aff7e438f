"""Word-level diffs: which words of one statement its counterpart does not have, ignoring
case and punctuation, so a reader sees at once what a source changed."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from tui.core.model import DiffPiece
from tui.core.text.normalize import fold

_PIECE = re.compile(r"\s+|\S+")

MATCH_BUDGET = 250_000
"""Word pairs (words of one text times words of the other) that difflib may weigh: two
sentences of 500 words. Ordinary statements are far below it and are diffed exactly."""
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return _NON_WORD.sub("", fold(word))


class WordDiffer:
    """Word-level diffs of many texts against one basis (difflib indexes the basis once)."""

    def __init__(self, basis: str) -> None:
        self.basis = basis
        self.keys = [word_key(w) for w in basis.split()]
        self.matcher = SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2(self.keys)

    def diff(self, text: str) -> tuple[DiffPiece, ...]:
        """``text`` cut into runs that concatenate back to it exactly; a run is ``changed``
        when its words are not matched in the basis (punctuation and case ignored). A copy of
        the basis matches it word for word: one unchanged run, without matching anything."""
        if not text:
            return ()
        if text == self.basis:
            return (DiffPiece(text, False),)
        pieces = _PIECE.findall(text)
        word_at = [i for i, piece in enumerate(pieces) if not piece.isspace()]
        keys = [word_key(pieces[i]) for i in word_at]
        changed = [not piece.isspace() for piece in pieces]
        for start, end in self._matched(keys):
            for k in range(start, end):
                changed[word_at[k]] = False
        for i, piece in enumerate(pieces):
            if piece.isspace() and 0 < i < len(pieces) - 1 and changed[i - 1] and changed[i + 1]:
                changed[i] = True
        out: list[DiffPiece] = []
        for piece, flag in zip(pieces, changed, strict=False):
            if out and out[-1].changed == flag:
                out[-1] = DiffPiece(out[-1].text + piece, flag)
            else:
                out.append(DiffPiece(piece, flag))
        return tuple(out)

    def _matched(self, keys: list[str]) -> list[tuple[int, int]]:
        """The runs of ``keys`` (start, end) matched in the basis.

        difflib's matching costs the product of the two lengths per block it finds, so two
        long statements that repeat their words (a sentence of hundreds of figures) took
        minutes. Past ``MATCH_BUDGET`` word pairs, only the common beginning and end are
        matched in linear time, and the middle is matched by difflib if it fits the budget,
        else shown changed as a whole: in so long a statement, a word-by-word diff is not
        something a reader could use anyway."""
        basis = self.keys
        if len(keys) * len(basis) <= MATCH_BUDGET:
            self.matcher.set_seq1(keys)
            return [(b.a, b.a + b.size) for b in self.matcher.get_matching_blocks() if b.size]
        head = 0
        limit = min(len(keys), len(basis))
        while head < limit and keys[head] == basis[head]:
            head += 1
        tail = 0
        while tail < limit - head and keys[-1 - tail] == basis[-1 - tail]:
            tail += 1
        runs = [(0, head)] if head else []
        middle, basis_middle = keys[head : len(keys) - tail], basis[head : len(basis) - tail]
        if middle and basis_middle and len(middle) * len(basis_middle) <= MATCH_BUDGET:
            inner = SequenceMatcher(None, middle, basis_middle, autojunk=False)
            runs += [(head + b.a, head + b.a + b.size) for b in inner.get_matching_blocks() if b.size]
        if tail:
            runs.append((len(keys) - tail, len(keys)))
        return runs


def word_diff(text: str, other: str | None) -> tuple[DiffPiece, ...]:
    """``text`` as diff pieces against ``other`` (one unchanged piece when there is no other)."""
    if not text:
        return ()
    if other is None:
        return (DiffPiece(text, False),)
    return WordDiffer(other).diff(text)
