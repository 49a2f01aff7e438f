"""Word-level diffs: which words of one statement its counterpart does not have, ignoring
case and punctuation, so a reader sees at once what a source changed."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from tui.core.model import DiffPiece
from tui.core.text.normalize import fold

_PIECE = re.compile(r"\s+|\S+")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return _NON_WORD.sub("", fold(word))


class WordDiffer:
    """Word-level diffs of many texts against one basis (difflib indexes the basis once)."""

    def __init__(self, basis: str) -> None:
        self.basis = basis
        self.matcher = SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2([word_key(w) for w in basis.split()])

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
        self.matcher.set_seq1([word_key(pieces[i]) for i in word_at])
        changed = [not piece.isspace() for piece in pieces]
        for block in self.matcher.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
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


def word_diff(text: str, other: str | None) -> tuple[DiffPiece, ...]:
    """``text`` as diff pieces against ``other`` (one unchanged piece when there is no other)."""
    if not text:
        return ()
    if other is None:
        return (DiffPiece(text, False),)
    return WordDiffer(other).diff(text)
