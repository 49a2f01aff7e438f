"""Clusters turned into citeable excerpts: the one place every export format reads quotes from.

An excerpt carries both ways of finding its text again (W3C Web Annotation style): the
offsets (a TextPositionSelector) and the quote with some text before and after it (a
TextQuoteSelector). Offsets break when an article is edited; the quote survives, and
``find_quote`` tells whether it still matches exactly once. The context is widened until
the quote matches exactly once in its own article, up to ``MAX_CONTEXT`` characters a side:
only text that repeats itself further than that leaves a quote ambiguous, and then its
offsets still tell where it is (an unbounded context made exports quadratic in such text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from tui.core.load.sanitize import visible_text
from tui.core.model import Article, Cluster, ClusterKind, Comparison, DiscrepancyType, Member, Verdict
from tui.core.views.names import known

__all__ = ["Excerpt", "excerpt_for", "excerpts_for", "find_quote", "known", "quote_selector", "story_file"]
from tui.core.views.quote_context import QuoteContexts

CONTEXT = 32
"""Characters of context on each side, as Hypothesis uses; widened when that is ambiguous."""
MAX_CONTEXT = 128
"""The widest context on each side: text that repeats itself further than this (the same
line pasted a thousand times) would otherwise give every quote most of the article as
context, an export quadratic in the article; its offsets tell those occurrences apart."""
WIDTHS = (CONTEXT, 2 * CONTEXT, MAX_CONTEXT)


@lru_cache(maxsize=4096)
def story_file(path: str, folder: str | None) -> str:
    """``path`` relative to the story folder when it lies inside it: how citations name a file.

    Cached (plain strings in and out): every member of every cluster asks, and ``PurePath``
    parsing cost more than the rest of an excerpt. A file name is untrusted text: its escapes
    and undecodable bytes are spelled out."""
    if folder:
        try:
            return visible_text(PurePath(path).relative_to(PurePath(folder)).as_posix())
        except ValueError:
            pass
    return visible_text(path)


@dataclass(frozen=True)
class Excerpt:
    """One member of one cluster, with everything needed to cite it and find it again.

    ``emphasis`` holds (start, end) pairs relative to ``exact``: the differing value, or
    the changed words of a diff, which every format shows in bold or marked.
    ``prefix_cut``/``suffix_cut`` say the context stops short of the article's start/end.
    ``path`` is the article's path as loaded (escapes spelled out); ``file`` the same relative to
    the story folder.
    """

    article: str
    outlet: str | None
    title: str | None
    date: str | None
    path: str
    paragraph: int
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    cluster: str
    kind: ClusterKind
    label: str
    discrepancy_type: DiscrepancyType | None
    value: str | None
    verdict: Verdict | None
    support: int
    independent_support: int = 0
    emphasis: tuple[tuple[int, int], ...] = ()
    url: str | None = None
    prefix_cut: bool = False
    suffix_cut: bool = False
    file: str = ""


def find_quote(text: str, exact: str, prefix: str | None = None, suffix: str | None = None) -> list[int]:
    """Every start offset where ``exact`` occurs, ``prefix`` right before it and ``suffix`` right after."""
    if not exact:
        return []
    prefix = prefix or ""
    needle = prefix + exact + (suffix or "")
    starts: list[int] = []
    position = text.find(needle)
    while position != -1:
        starts.append(position + len(prefix))
        position = text.find(needle, position + 1)
    return starts


def quote_selector(
    text: str, start: int, end: int, contexts: QuoteContexts | None = None
) -> tuple[str, str, str]:
    """(exact, prefix, suffix) for ``text[start:end]``, with context widened until it is unique.

    The context is ``CONTEXT`` characters a side, doubled while the quote could match
    elsewhere, up to ``MAX_CONTEXT``: past that the quote may match more than once (only in
    text that repeats itself that far), and the offsets decide. ``contexts``, prepared once
    for all the quotes of the article, keeps many quotes linear in the article's length.
    """
    if contexts is None:
        contexts = QuoteContexts(text, [(start, end)], WIDTHS)
    width = contexts.width(start, end)
    return text[start:end], text[max(0, start - width) : start], text[end : end + width]


def excerpt_for(
    article: Article,
    cluster: Cluster,
    member: Member,
    folder: str | None = None,
    contexts: QuoteContexts | None = None,
) -> Excerpt:
    """The excerpt for one member of ``cluster``, cut from ``article`` (the member's article).

    ``folder`` is the story folder, so that ``file`` can name the article relative to it;
    ``contexts`` the article's quote contexts, when many excerpts are cut from it.
    """
    exact, prefix, suffix = quote_selector(article.text, member.start, member.end, contexts)
    value = member.value if member.value is not None else cluster.values.get(member.article)
    return Excerpt(
        article=article.id,
        outlet=known(article.outlet),
        title=known(article.title),
        date=known(article.date),
        path=visible_text(article.path),
        paragraph=article.paragraph_at(member.start) + 1,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=member.start,
        end=member.end,
        cluster=cluster.id,
        kind=cluster.kind,
        label=cluster.label,
        discrepancy_type=cluster.discrepancy_type,
        value=value,
        verdict=cluster.verdict,
        support=cluster.support,
        independent_support=cluster.independent_support,
        emphasis=_emphasis(member, exact, value),
        url=known(article.url),
        prefix_cut=member.start - len(prefix) > 0,
        suffix_cut=member.end + len(suffix) < len(article.text),
        file=story_file(article.path, folder),
    )


def excerpts_for(comparison: Comparison, clusters: Iterable[Cluster] | None = None) -> tuple[Excerpt, ...]:
    """Every member of every cluster (all when None) as an excerpt, in cluster then member order."""
    articles = {article.id: article for article in comparison.articles}
    chosen = tuple(comparison.clusters if clusters is None else clusters)
    spans: dict[str, list[tuple[int, int]]] = {}
    for cluster in chosen:
        for member in cluster.members:
            spans.setdefault(member.article, []).append((member.start, member.end))
    contexts = {
        article_id: QuoteContexts(articles[article_id].text, found, WIDTHS)
        for article_id, found in spans.items()
        if article_id in articles
    }
    return tuple(
        excerpt_for(
            articles[member.article], cluster, member, comparison.story.path, contexts[member.article]
        )
        for cluster in chosen
        for member in cluster.members
        if member.article in articles
    )


def _emphasis(member: Member, exact: str, value: str | None) -> tuple[tuple[int, int], ...]:
    """Where the differing part sits inside ``exact``: the value span, else the changed diff words."""
    if (
        member.value_start is not None
        and member.value_end is not None
        and member.start <= member.value_start < member.value_end <= member.end
    ):
        return ((member.value_start - member.start, member.value_end - member.start),)
    if value:
        found = exact.find(value)
        if found != -1:
            return ((found, found + len(value)),)
    if member.diff and "".join(piece.text for piece in member.diff) == exact:
        spans: list[tuple[int, int]] = []
        offset = 0
        for piece in member.diff:
            if piece.changed and piece.text.strip():
                spans.append((offset, offset + len(piece.text)))
            offset += len(piece.text)
        return tuple(spans)
    return ()
