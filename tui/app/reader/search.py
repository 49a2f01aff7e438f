"""What the search box found: the text searched for, every match across the sources, and
the one last jumped to. Plain state, no widget; the screen paints the matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.load.sanitize import clean_line

MAX_MATCHES = 2000
"""Search matches highlighted per article; more would only slow repainting."""


class SearchState:
    """Case-insensitive matches of the search text, in pane order."""

    def __init__(self) -> None:
        self.text = ""
        """The text searched for, as cleaned (the box may hold pasted control characters)."""
        self.matches: list[tuple[int, int, int]] = []
        """(pane index, start, end) of every match, pane by pane."""
        self.index = -1
        """Index into ``matches`` of the match last jumped to (-1: none yet)."""
        self.went_round = False
        """Whether the last step went past an end of the matches and round to the other."""

    def is_current(self, raw: str) -> bool:
        """Whether ``raw`` is what was last searched for."""
        return clean_line(raw).strip() == self.text

    def find(self, raw: str, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Search every text (one per pane) for ``raw``; return each text's match spans."""
        self.text = clean_line(raw).strip()
        self.matches = []
        self.index = -1
        pattern = re.compile(re.escape(self.text), re.IGNORECASE) if self.text else None
        found: list[list[tuple[int, int]]] = []
        for pane_index, text in enumerate(texts):
            spans: list[tuple[int, int]] = []
            if pattern is not None:
                for match in pattern.finditer(text):
                    spans.append(match.span())
                    if len(spans) >= MAX_MATCHES:
                        break
            found.append(spans)
            self.matches.extend((pane_index, s, e) for s, e in spans)
        return found

    def advance(self, direction: int = 1) -> tuple[int, int, int] | None:
        """Step to the next (or previous) match, wrapping around, and return it; None when
        there is none. The first step back from no match goes to the last."""
        self.went_round = False
        if not self.matches:
            return None
        if self.index < 0:
            self.index = 0 if direction > 0 else len(self.matches) - 1
        else:
            step = self.index + direction
            self.went_round = not 0 <= step < len(self.matches)
            self.index = step % len(self.matches)
        return self.matches[self.index]

    def clear(self) -> None:
        """Forget the search (n and N step through highlights again)."""
        self.text = ""
        self.matches = []
        self.index = -1

    @property
    def current(self) -> tuple[int, int, int] | None:
        """(pane index, start, end) of the match last jumped to."""
        return self.matches[self.index] if self.index >= 0 else None
