"""One name spelled two ways by different sources ("Bireun" / "Bireuen", "Kowalski" / "Kowalsky").

A careful reader notices when sources spell a name differently: one of them is wrong, or
they are not talking about the same person. Two capitalised words are one name spelled two
ways when a single letter is added, dropped or changed (two for long names), they start with
the same letter, no source writes both (a source using both names means two people), and
they stand in the same company: the same word next to them somewhere ("town of", "Cimber"),
so that "Smith" and "Smyth" in unrelated sentences are not taken for one person. A trailing
"s" alone is a plural or possessive, not a spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.compare.checks.base import DiscrepancyCheck, StoryContext
from tui.core.compare.finding import Finding, Value
from tui.core.model import Unit
from tui.core.text.memo import story_cache
from tui.core.text.normalize import STOPWORDS

_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?:[-'][A-Z]?[a-z]+)?(?![\w-])")
_NEIGHBOUR = re.compile(r"[^\W\d_]+")
MIN_LENGTH = 4
LONG_NAME = 9


def edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _variants(a: str, b: str) -> bool:
    if a == b or a[0] != b[0]:
        return False
    if a + "s" == b or b + "s" == a:
        return False
    limit = 2 if min(len(a), len(b)) >= LONG_NAME else 1
    return edit_distance_at_most(a.lower(), b.lower(), limit)


@dataclass(frozen=True)
class _Use:
    """One capitalised word as written, and the words next to it."""

    unit: Unit
    start: int
    end: int
    word: str
    company: frozenset[str]


@story_cache
def _capitalised(text: str) -> tuple[tuple[str, int, int, frozenset[str]], ...]:
    """The capitalised words of a text that may be names (not opening a sentence or a quote),
    with the words next to them; offsets relative to the text, once per distinct text."""
    out = []
    for match in _NAME.finditer(text):
        word = match.group()
        if word.lower() in STOPWORDS:
            continue
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "\u201c", '"')):
            continue
        left = _NEIGHBOUR.findall(text[max(0, match.start() - 25) : match.start()])[-2:]
        right = _NEIGHBOUR.findall(text[match.end() : match.end() + 25])[:2]
        company = frozenset(w.lower() for w in left + right if w.lower() not in STOPWORDS or len(w) > 3)
        out.append((word, match.start(), match.end(), company))
    return tuple(out)


def spellings_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """Names spelled two ways across sources, one finding per name."""
    story_order = context.story_order
    uses: dict[str, list[_Use]] = defaultdict(list)
    for unit in units:
        for word, start, end, company in _capitalised(unit.text):
            uses[word].append(_Use(unit, unit.start + start, unit.start + end, word, company))
    articles = {w: {u.unit.article for u in us} for w, us in uses.items()}
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in sorted(uses):
        by_initial[word[0]].append(word)
    pairs: list[tuple[str, str]] = []
    for words in by_initial.values():
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if not _variants(a, b) or articles[a] & articles[b]:
                    continue
                company_a = frozenset().union(*(u.company for u in uses[a]))
                company_b = frozenset().union(*(u.company for u in uses[b]))
                if company_a & company_b:
                    pairs.append((a, b))
    out = []
    for a, b in pairs:
        first: dict[str, _Use] = {}
        for use in sorted(uses[a] + uses[b], key=lambda u: (story_order[u.unit.article], u.start)):
            first.setdefault(use.unit.article, use)
        values = {art: Value(u.word, u.start, u.end) for art, u in first.items()}
        groups = tuple(tuple(art for art, u in first.items() if u.word == w) for w in (a, b))
        out.append(Finding("spelling", values, groups, None, tuple(u.unit for u in first.values())))
    return out


CHECK = DiscrepancyCheck("spelling", across_story=spellings_across_story)
