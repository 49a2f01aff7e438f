"""Per source: how much of its text is corroborated, disputed, unique or boilerplate.

Each character of an article counts once, for the strongest thing said of it: a statement in
a discrepancy is *disputed* (even where it also shares words), else one carried by another
source is *corroborated*, else one only this source makes is *unique*; lines that are not the
story are *boilerplate*, and the rest (words no statement was aligned on) is *other*. Member
spans overlap and nest (windows of a sentence, one sentence in several clusters), so the
spans are swept once per article, strongest first.

Flags say what stands out against the median source: a report dated after most others (a
late update), or one with a much larger disputed or unique share (an outlier).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Literal

from tui.core.model import Comparison
from tui.core.views.timeline import story_date

ShareKind = Literal["corroborated", "disputed", "unique", "boilerplate", "other"]
SHARE_KINDS: tuple[ShareKind, ...] = ("corroborated", "disputed", "unique", "boilerplate", "other")
_RANK: dict[ShareKind, int] = {"disputed": 4, "corroborated": 3, "unique": 2, "boilerplate": 1, "other": 0}
_OUTLIERS: tuple[ShareKind, ...] = ("disputed", "unique")

OUTLIER_FACTOR = 2.0
"""A share this many times the median source's stands out..."""
OUTLIER_MARGIN = 0.10
"""...when it is also this much (a fraction of the text) above it."""


@dataclass(frozen=True)
class SourceShare:
    """One source's text by what the comparison found in it (characters per kind)."""

    article: str
    label: str
    date: str | None
    total: int
    counts: tuple[int, ...]
    """Characters per kind, in ``SHARE_KINDS`` order; they add up to ``total``."""
    flags: tuple[str, ...] = ()

    def share(self, kind: ShareKind) -> float:
        """The fraction of the text of one kind (0 for an empty article)."""
        return self.counts[SHARE_KINDS.index(kind)] / self.total if self.total else 0.0


def source_shares(comparison: Comparison, order: Sequence[str]) -> tuple[SourceShare, ...]:
    """Every source's shares, in ``order``, with what stands out flagged."""
    spans: dict[str, list[tuple[int, int, int]]] = {a: [] for a in order}
    for cluster in comparison.clusters:
        kind: ShareKind = (
            "corroborated"
            if cluster.kind == "shared"
            else ("disputed" if cluster.kind == "discrepancy" else "unique")
        )
        for member in cluster.members:
            if member.article in spans:
                spans[member.article].append((member.start, member.end, _RANK[kind]))
    by_id = {article.id: article for article in comparison.articles}
    plain: list[SourceShare] = []
    for article_id in order:
        article = by_id[article_id]
        marks = spans[article_id] + [(b.start, b.end, _RANK["boilerplate"]) for b in article.boilerplate]
        counts = _sweep(len(article.text), marks)
        plain.append(
            SourceShare(article_id, article.label, story_date(article.date), len(article.text), counts)
        )
    return _flagged(plain)


def _sweep(length: int, marks: Sequence[tuple[int, int, int]]) -> tuple[int, ...]:
    """Characters per kind when each character takes the highest rank covering it.

    The spans are painted into one byte per character, weakest first (slice assignment runs
    in C: a sweep over events cost 12 ms on 200 sources, this about 1)."""
    canvas = bytearray(length)
    for start, end, rank in sorted(marks, key=lambda mark: mark[2]):
        start, end = max(start, 0), min(end, length)
        if end > start:
            canvas[start:end] = bytes((rank,)) * (end - start)
    return tuple(canvas.count(_RANK[kind]) for kind in SHARE_KINDS)


def _flagged(shares: Sequence[SourceShare]) -> tuple[SourceShare, ...]:
    """The shares with flags for a late date and for disputed or unique outliers."""
    if len(shares) < 3:
        return tuple(shares)
    dates = sorted(s.date for s in shares if s.date)
    middle = dates[(len(dates) - 1) // 2] if dates else None
    typical = {kind: median(s.share(kind) for s in shares) for kind in _OUTLIERS}
    flagged: list[SourceShare] = []
    for share in shares:
        flags: list[str] = []
        if middle is not None and share.date and share.date > middle and not share.date.startswith(middle):
            flags.append("later than most")
        for kind in _OUTLIERS:
            mine = share.share(kind)
            if mine >= OUTLIER_FACTOR * typical[kind] and mine >= typical[kind] + OUTLIER_MARGIN:
                flags.append(f"more {kind} than most")
        flagged.append(
            SourceShare(share.article, share.label, share.date, share.total, share.counts, tuple(flags))
        )
    return tuple(flagged)
