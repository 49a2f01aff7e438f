"""Caches that live for one comparison: work done once per distinct text, then dropped.

A story repeats itself: wire copy, boilerplate, and sources that reprint a sentence word for
word. What the engine derives from a statement's text alone (its tokens, its names, its
words) is therefore computed once per distinct text and reused for every copy. Such caches
are keyed by plain strings (one, ``number_slots``, by the statement itself, because its slots
come from the article), and the pipeline empties them all when a comparison ends
(:func:`clear_story_caches`), so a reader that compares story after story keeps none of the
previous one's text alive. Work done outside a comparison (a view segmenting one article)
fills them too, up to their bound, until the next comparison ends.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])

STORY_CACHE_SIZE = 1 << 16
"""Entries per cache: far more distinct statements than a large story has (a 500-source story
has about 10,000 statements), bounded all the same for a hostile 10 MB article."""

_CLEARS: list[Callable[[], None]] = []


def story_cache(func: F) -> F:
    """Memoise ``func`` (whose arguments are strings or other small immutable values) until
    the end of the current comparison."""
    cached = lru_cache(maxsize=STORY_CACHE_SIZE)(func)
    _CLEARS.append(cached.cache_clear)
    return cast(F, cached)


def story_dict() -> dict[Any, Any]:
    """A dictionary for results a caller files itself (when the work needs more than the key),
    emptied with the story caches; the caller bounds what it files (one entry per member of
    a cluster, say)."""
    found: dict[Any, Any] = {}
    _CLEARS.append(found.clear)
    return found


def clear_story_caches() -> None:
    """Empty every story cache (the pipeline calls this when a comparison ends)."""
    for clear in _CLEARS:
        clear()
