"""Filler rows that put aligned statements on the same screen row in side-by-side columns.

Meld and vimdiff keep matching lines level by drawing blank filler lines in the file that
has less before them; then one scroll position serves every column. Prose is aligned by
statement rather than by line, and statements can be reordered between sources, so:

1. the statements two or more columns share are put in one order that every column
   agrees with (a merge of the columns' own orders; a statement that crosses others is left
   out, the one whose position disagrees most first);
2. walking that order, each shared statement gets the row of the column where it sits
   lowest, and every other column holding it gets blank rows to reach that row: before the
   statement's paragraph when the paragraph starts after the previous aligned statement,
   else right before the statement's own row.

Pure arithmetic on rows, free of widgets, so it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """Where one column shows a shared statement, in rows without filler.

    ``row``/``offset``: the row and text offset where the statement starts;
    ``pad_row``/``pad_offset``: the first row and offset of its paragraph (where filler
    reads best, keeping the paragraph whole).
    """

    key: str
    row: int
    offset: int
    pad_row: int
    pad_offset: int


def shared_order(columns: Sequence[Sequence[Anchor]]) -> list[str]:
    """The keys held by two or more columns, in an order every column agrees with.

    Each column's anchors are read top to bottom. A key is taken when it is next in every
    column that holds it (the top-most of those first); when no key is (statements cross),
    the key that is furthest from next in some column is dropped.
    """
    holders: dict[str, list[int]] = {}
    for index, column in enumerate(columns):
        for key in dict.fromkeys(anchor.key for anchor in column):
            holders.setdefault(key, []).append(index)
    sequences = [
        list(
            dict.fromkeys(
                a.key for a in sorted(column, key=lambda a: (a.row, a.offset)) if len(holders[a.key]) > 1
            )
        )
        for column in columns
    ]
    rank = [{key: i for i, key in enumerate(sequence)} for sequence in sequences]
    lowest = {
        key: max(anchor.row for column in columns for anchor in column if anchor.key == key)
        for key in holders
        if len(holders[key]) > 1
    }
    pointers = [0] * len(columns)
    settled: set[str] = set()
    order: list[str] = []
    while True:
        heads: dict[int, str] = {}
        for index, sequence in enumerate(sequences):
            while pointers[index] < len(sequence) and sequence[pointers[index]] in settled:
                pointers[index] += 1
            if pointers[index] < len(sequence):
                heads[index] = sequence[pointers[index]]
        if not heads:
            return order
        candidates = set(heads.values())
        ready = [key for key in candidates if all(heads.get(i) == key for i in holders[key])]
        if ready:
            key = min(ready, key=lambda k: (lowest[k], k))
            order.append(key)
        else:
            key = max(
                candidates,
                key=lambda k: (max(rank[i][k] - pointers[i] for i in holders[k]), k),
            )
        settled.add(key)


def filler_rows(columns: Sequence[Sequence[Anchor]]) -> list[dict[int, int]]:
    """For each column, {text offset: blank rows to insert before the row holding it}."""
    by_key = [
        {anchor.key: anchor for anchor in sorted(column, key=lambda a: (a.row, a.offset), reverse=True)}
        for column in columns
    ]
    pads: list[dict[int, int]] = [{} for _ in columns]
    shift = [0] * len(columns)
    last_row = [-1] * len(columns)
    for key in shared_order(columns):
        held = [(index, anchors[key]) for index, anchors in enumerate(by_key) if key in anchors]
        if any(anchor.row <= last_row[index] for index, anchor in held):
            continue  # on the row of the statement aligned before it: nothing can go between
        target = max(anchor.row + shift[index] for index, anchor in held)
        for index, anchor in held:
            need = target - anchor.row - shift[index]
            if need > 0:
                offset = anchor.pad_offset if anchor.pad_row > last_row[index] else anchor.offset
                pads[index][offset] = pads[index].get(offset, 0) + need
                shift[index] += need
            last_row[index] = anchor.row
    return pads
