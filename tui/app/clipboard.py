"""The text ``y`` copies: an excerpt with a citation a reader can check.

A fact-checker pastes this into notes or a draft, so the quote is exact (the article's own
characters, curly quotes and all) and the citation names outlet, title, date, the file and
the paragraph, leaving out whatever the source does not say rather than writing "unknown".
"""

from __future__ import annotations

from pathlib import PurePath

from tui.core.model import Comparison
from tui.core.views.excerpts import Excerpt, excerpts_for

OPENING_QUOTES = "“\"‘'«„"
"""A quote that already opens with one of these is not wrapped in a second pair."""


def citation_text(excerpt: Excerpt) -> str:
    """The quote on one line, then ``— outlet, “title”, date, file ¶N`` (and the URL if known)."""
    parts = [
        part
        for part in (excerpt.outlet, f"“{excerpt.title}”" if excerpt.title else None, excerpt.date)
        if part
    ]
    parts.append(f"{PurePath(excerpt.path).name} ¶{excerpt.paragraph}")
    quote = excerpt.exact if excerpt.exact[:1] in OPENING_QUOTES else f"“{excerpt.exact}”"
    lines = [quote, "— " + ", ".join(parts)]
    if excerpt.url:
        lines.append(excerpt.url)
    return "\n".join(lines)


def current_excerpt(comparison: Comparison, cluster_id: str | None, article_id: str | None) -> Excerpt | None:
    """The current cluster's excerpt in ``article_id``'s pane, else its first member's; None without a cluster."""
    if cluster_id is None:
        return None
    try:
        cluster = comparison.cluster(cluster_id)
    except KeyError:
        return None
    excerpts = excerpts_for(comparison, [cluster])
    return next((e for e in excerpts if e.article == article_id), excerpts[0] if excerpts else None)
