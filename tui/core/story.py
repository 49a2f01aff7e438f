"""A story as loaded: its articles, their boilerplate, and the problems found reading them.

These are the first of the core's frozen dataclasses (the rest, what a comparison finds, are
in ``tui.core.model``, which re-exports these). They live apart because opening the reader
needs only them: Python builds each dataclass by compiling its methods, and creating all
twenty-five took 9 ms of a start-up measured in tens of milliseconds.

Every offset is a Python string index into the *sanitised* text of one article
(``Article.text``), end exclusive.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from tui.core.load.sanitize import visible_text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in user input, located well enough for the user to fix it.

    Loader warnings, annotation errors and CLI errors all use this one shape so that the
    CLI, the reader's banner and the exports can print them the same way.
    """

    severity: Severity
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None
    byte_offset: int | None = None

    def __str__(self) -> str:
        """The one-line form, with any escape or control character in it spelled out."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.byte_offset is not None:
            text += f" (byte {self.byte_offset})"
        if self.hint:
            text += f"; {self.hint}"
        return visible_text(text)


@dataclass(frozen=True)
class Boilerplate:
    """A span of an article that is not the story (cross-link, donation plea, credit...)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Article:
    """One source's report, with its metadata and its sanitised body text."""

    id: str
    path: str
    title: str
    text: str
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None
    note: str | None = None
    title_is_editorial: bool = False
    metadata: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    paragraphs: tuple[tuple[int, int], ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    headline: tuple[int, int] | None = None
    """The span of the outlet's headline in ``text`` when the body opens with it: a statement
    like any other (compared, shown first), not boilerplate."""

    @property
    def label(self) -> str:
        """A short human name for the source: its outlet when known, else its id."""
        return self.outlet or self.id

    def paragraph_at(self, offset: int) -> int:
        """The 0-based index of the paragraph holding ``offset`` (the last one if past the end).

        A bisection: segmentation asks this for every statement, and a 10 MB article has
        tens of thousands of each.
        """
        ends = self._paragraph_ends
        index = bisect.bisect_left(ends, offset)
        while index < len(ends) and ends[index] == offset and self.paragraphs[index][0] != offset:
            index += 1  # a paragraph ending at ``offset`` does not hold it, unless it is empty
        return index if index < len(ends) else max(len(ends) - 1, 0)

    @cached_property
    def _paragraph_ends(self) -> tuple[int, ...]:
        return tuple(end for _start, end in self.paragraphs)

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when the span lies wholly inside one boilerplate span."""
        return any(b.start <= start and end <= b.end for b in self.boilerplate)


@dataclass(frozen=True)
class Story:
    """A set of articles about one event, as loaded from a folder or a list of files."""

    title: str
    path: str
    articles: tuple[Article, ...]
    annotations_path: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    def article(self, article_id: str) -> Article:
        """The article with this id (``KeyError`` if there is none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
