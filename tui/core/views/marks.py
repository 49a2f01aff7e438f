"""Turn a comparison into the highlights to paint on one article.

The reader and the exporters paint the same things (shared, discrepant and unique
statements, the differing values, entity mentions, verbatim shared phrases, boilerplate),
so this one function decides what they are; each consumer only decides how they look.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.model import Comparison, Mark, MarkKind

LAYER_ORDER: tuple[MarkKind, ...] = (
    "boilerplate",
    "unique",
    "shared",
    "discrepancy",
    "phrase",
    "mention",
    "value",
)
"""Painting order: later kinds are drawn over earlier ones where marks nest."""


def marks_for(comparison: Comparison, article_id: str) -> tuple[Mark, ...]:
    """Every highlight on one article, sorted by position then by painting layer.

    Marks may nest (a value inside its statement, a mention inside a phrase); consumers
    paint them in ``LAYER_ORDER`` so the most specific one shows on top.
    """
    return all_marks(comparison, (article_id,))[article_id]


def all_marks(
    comparison: Comparison, article_ids: Iterable[str] | None = None
) -> dict[str, tuple[Mark, ...]]:
    """:func:`marks_for` for several articles (all when None), in one pass over the comparison:
    asking article by article walked every cluster once per article."""
    wanted = [a.id for a in comparison.articles] if article_ids is None else list(article_ids)
    found: dict[str, list[Mark]] = {
        article_id: [
            Mark(b.start, b.end, "boilerplate") for b in comparison.story.article(article_id).boilerplate
        ]
        for article_id in wanted
    }
    for cluster in comparison.clusters:
        support = cluster.support
        for member in cluster.members:
            marks = found.get(member.article)
            if marks is None:
                continue
            marks.append(Mark(member.start, member.end, cluster.kind, cluster.id, support=support))
            if member.value_start is not None and member.value_end is not None:
                marks.append(Mark(member.value_start, member.value_end, "value", cluster.id, support=support))
    for mention in comparison.mentions:
        marks = found.get(mention.article)
        if marks is not None:
            marks.append(Mark(mention.start, mention.end, "mention", entity=mention.entity))
    for phrase in comparison.phrases:
        count = len({o.article for o in phrase.occurrences})
        for occurrence in phrase.occurrences:
            marks = found.get(occurrence.article)
            if marks is not None:
                marks.append(Mark(occurrence.start, occurrence.end, "phrase", support=count))
    layer = {kind: index for index, kind in enumerate(LAYER_ORDER)}
    return {
        article_id: tuple(
            sorted(marks, key=lambda m: (m.start, -m.end, layer[m.kind], m.cluster or "", m.entity or ""))
        )
        for article_id, marks in found.items()
    }
