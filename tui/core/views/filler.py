"""Filler rows that put aligned statements on the same screen row in side-by-side columns.

Meld and vimdiff keep matching lines level by drawing blank filler lines in the file that
has less before them; then one scroll position serves every column. Prose is aligned by
statement rather than by line, and statements can be reordered between sources, so:

1. the statements two or more columns share are put in one order that every column
   agrees with (a merge of the columns' own orders; where statements cross, a statement is
   left out of the columns that place it against the others' order);
2. walking that order, each shared statement gets the row of the column where it sits
   lowest, and every other column holding it gets blank rows to reach that row: before the
   statement's paragraph when the paragraph starts after the previous aligned statement,
   else right before the statement's own row, but only a few (``INLINE_FILLER``): a
   paragraph cut by a screenful of blank rows no longer reads as one, so such a statement
   stays where its paragraph puts it in that column.

Pure arithmetic on rows, free of widgets, so it can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

INLINE_FILLER = 3
"""Most blank rows put inside a paragraph (before a statement that does not start it)."""


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


def shared_order(columns: Sequence[Sequence[Anchor]]) -> list[tuple[str, frozenset[int]]]:
    """The keys held by two or more columns, in an order every column agrees with, each with
    the columns it is aligned in.

    Each column's anchors are read top to bottom. A key is taken when it is next in every
    column that holds it (the top-most of those first). When no key is (statements cross),
    the next key with the fewest columns agreeing it is next is left out of those columns: the
    other columns can still align it, as two of three sources telling two facts in the same
    order still line up while the third tells them the other way round.
    """
    holders: dict[str, set[int]] = {}
    for index, column in enumerate(columns):
        for key in dict.fromkeys(anchor.key for anchor in column):
            holders.setdefault(key, set()).add(index)
    sequences = [
        list(
            dict.fromkeys(
                a.key for a in sorted(column, key=lambda a: (a.row, a.offset)) if len(holders[a.key]) > 1
            )
        )
        for column in columns
    ]
    lowest = {
        key: max(anchor.row for column in columns for anchor in column if anchor.key == key)
        for key, held in holders.items()
        if len(held) > 1
    }
    pointers = [0] * len(columns)
    settled: set[str] = set()
    order: list[tuple[str, frozenset[int]]] = []
    while True:
        heads: dict[int, str] = {}
        for index, sequence in enumerate(sequences):
            while pointers[index] < len(sequence) and (
                sequence[pointers[index]] in settled or index not in holders[sequence[pointers[index]]]
            ):
                pointers[index] += 1
            if pointers[index] < len(sequence):
                heads[index] = sequence[pointers[index]]
        if not heads:
            return order
        candidates = set(heads.values())
        ready = [key for key in candidates if all(heads.get(i) == key for i in holders[key])]
        if ready:
            key = min(ready, key=lambda k: (lowest[k], k))
            order.append((key, frozenset(holders[key])))
            settled.add(key)
            continue
        at_head = {key: {i for i, head in heads.items() if head == key} for key in candidates}
        key = min(candidates, key=lambda k: (len(at_head[k]) / len(holders[k]), -lowest[k], k))
        holders[key] -= at_head[key]
        if len(holders[key]) < 2:
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
    for key, aligned in shared_order(columns):
        held = [(index, by_key[index][key]) for index in sorted(aligned)]
        if any(anchor.row <= last_row[index] for index, anchor in held):
            continue  # on the row of the statement aligned before it: nothing can go between
        target = max(anchor.row + shift[index] for index, anchor in held)
        level = [
            (index, anchor)
            for index, anchor in held
            if anchor.pad_row > last_row[index] or target - anchor.row - shift[index] <= INLINE_FILLER
        ]
        if len(level) < 2:
            continue
        for index, anchor in level:
            need = target - anchor.row - shift[index]
            if need > 0:
                offset = anchor.pad_offset if anchor.pad_row > last_row[index] else anchor.offset
                pads[index][offset] = pads[index].get(offset, 0) + need
                shift[index] += need
            last_row[index] = anchor.row
    return pads
