"""How much context makes a quote unique in its article, found for all quotes in linear time.

A TextQuoteSelector's context must make the quote match once. Asking ``text.find`` for each
quote costs the whole article per quote: a 4 MB article with 40,000 statements took 45
seconds, and a 50 MB page would take hours. Instead, one pass over the article counts a few
*witnesses* per quote: windows of ``WINDOW`` characters starting at a space or a line
break, taken inside the quote and at the edges of each candidate context. A window that
occurs once in the article pins down any text that contains it, so the narrowest context
holding a window seen once is unique. That is a sufficient test, not a necessary one: in
text that repeats itself the context may be wider than strictly needed, never ambiguous when
a unique one exists within the widest context. Windows are counted by hash, so a collision
can only make a window look repeated (a wider context), never unique.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

WINDOW = 32
"""Characters in a witness window (the space or line break it starts with included)."""
_STARTS = re.compile("[ \n]")


class QuoteContexts:
    """The context width each quote of one article needs, from one pass over the article."""

    def __init__(self, text: str, spans: Iterable[tuple[int, int]], widths: Sequence[int]) -> None:
        """Prepare the quotes ``text[start:end]`` of ``spans`` for contexts of the given ``widths``
        (narrowest first; the last is the widest allowed)."""
        self.text = text
        self.widths = tuple(widths)
        self._witnesses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        wanted: set[int] = set()
        for span in dict.fromkeys(spans):
            found = self._pick(*span)
            self._witnesses[span] = found
            wanted.update(key for _, key in found)
        self._counts: Counter[int] = Counter()
        if wanted:
            counts = self._counts
            for match in _STARTS.finditer(text):
                position = match.start()
                key = hash(text[position : position + WINDOW])
                if key in wanted:
                    counts[key] += 1

    def width(self, start: int, end: int) -> int:
        """The narrowest of ``widths`` whose context makes ``text[start:end]`` unique, else the widest.

        The whole article as context is unique too, so a width reaching both ends is enough.
        """
        witnesses = self._witnesses.get((start, end))
        if witnesses is None:
            witnesses = self._witnesses[start, end] = []
        for width in self.widths:
            low, high = start - width, end + width
            if low <= 0 and high >= len(self.text) and end > start:
                return width
            if any(low <= at and at + WINDOW <= high and self._counts[key] == 1 for at, key in witnesses):
                return width
        return self.widths[-1]

    def _pick(self, start: int, end: int) -> list[tuple[int, int]]:
        """A few windows (position, hash) inside the quote and at the edges of each context."""
        text = self.text
        positions: list[int] = []
        for anchor in (start, (start + end) // 2, max(start, end - WINDOW)):
            found = _STARTS.search(text, anchor, end)
            if found is not None:
                positions.append(found.start())
        for width in self.widths:
            low, high = max(0, start - width), min(len(text), end + width)
            left = _STARTS.search(text, low, high - WINDOW + 1) if high - WINDOW >= low else None
            if left is not None:
                positions.append(left.start())
            right = max(text.rfind(" ", low, high - WINDOW + 1), text.rfind("\n", low, high - WINDOW + 1))
            if right >= low:
                positions.append(right)
        return [
            (at, hash(text[at : at + WINDOW])) for at in dict.fromkeys(positions) if at + WINDOW <= len(text)
        ]
