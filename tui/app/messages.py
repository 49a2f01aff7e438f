"""Messages the analysis worker posts to the reader screen.

The worker runs in a thread; ``post_message`` is the one thread-safe way back into the UI.
Progress messages coalesce (``can_replace``) so a fast pipeline cannot flood the queue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.model import Annotations, Comparison, Mark
    from tui.core.story import Story


@dataclass
class StoryLoaded(Message):
    """The articles are loaded: the panes can show their text before the comparison ends."""

    story: Story


@dataclass
class AnnotationsLoaded(Message):
    """The annotation file is parsed (possibly with errors the banner must show)."""

    annotations: Annotations


@dataclass
class CompareProgress(Message):
    """How far the comparison has got, as a fraction in [0, 1] and a short phrase."""

    fraction: float
    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CompareProgress)


@dataclass
class CompareFinished(Message):
    """The comparison and every article's highlights, computed off the UI thread."""

    comparison: Comparison
    marks: Mapping[str, tuple[Mark, ...]]


@dataclass
class CompareFailed(Message):
    """Loading or comparing failed; ``text`` is what the user should read."""

    text: str
    fatal: bool
