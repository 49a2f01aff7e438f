"""Turn a comparison into the highlights to paint on one article.

The reader and the exporters paint the same things (shared, discrepant and unique
statements, the differing values, entity mentions, verbatim shared phrases, boilerplate),
so this one function decides what they are; each consumer only decides how they look.
"""

from __future__ import annotations

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
    article = comparison.story.article(article_id)
    marks: list[Mark] = [Mark(b.start, b.end, "boilerplate") for b in article.boilerplate]
    for cluster in comparison.clusters:
        support = cluster.support
        for member in cluster.members:
            if member.article != article_id:
                continue
            marks.append(Mark(member.start, member.end, cluster.kind, cluster.id, support=support))
            if member.value_start is not None and member.value_end is not None:
                marks.append(Mark(member.value_start, member.value_end, "value", cluster.id, support=support))
    for mention in comparison.mentions:
        if mention.article == article_id:
            marks.append(Mark(mention.start, mention.end, "mention", entity=mention.entity))
    for phrase in comparison.phrases:
        count = len({o.article for o in phrase.occurrences})
        for occurrence in phrase.occurrences:
            if occurrence.article == article_id:
                marks.append(Mark(occurrence.start, occurrence.end, "phrase", support=count))
    layer = {kind: index for index, kind in enumerate(LAYER_ORDER)}
    marks.sort(key=lambda m: (m.start, -m.end, layer[m.kind], m.cluster or "", m.entity or ""))
    return tuple(marks)
