"""A cluster from aligned units and what the checks found in them: members in story order,
the differing values, word diffs against the first member, and a label."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from tui.core.compare.finding import Finding
from tui.core.compare.labels import label_for
from tui.core.compare.timing import change_over_time
from tui.core.compare.wording import WordDiffer, word_diff
from tui.core.model import Article, Cluster, ClusterKind, DiffPiece, Member, Unit
from tui.core.text.memo import story_dict

_DIFFS: dict[tuple[str, str], tuple[DiffPiece, ...]] = story_dict()
"""Each member's word diff against the first member, computed once: a statement whose sources
differ in several slots is several clusters with the same members."""


def build_cluster(
    units: Sequence[Unit],
    finding: Finding | None,
    *,
    articles: Mapping[str, Article],
    story_order: Mapping[str, int],
    short: Mapping[str, str],
    scope: Literal["statement", "story"] = "statement",
) -> Cluster:
    """A cluster (id left blank) with members in story order, values, diffs and a label."""
    ordered = sorted(units, key=lambda u: (story_order[u.article], u.start))
    first_text = ordered[0].text
    differ: WordDiffer | None = None
    members: list[Member] = []
    for position, unit in enumerate(ordered):
        value = finding.values.get(unit.article) if finding else None
        start, end, text = unit.start, unit.end, unit.text
        if value is not None and (value.start < start or value.end > end):
            start, end = min(start, value.start), max(end, value.end)
            text = articles[unit.article].text[start:end]
        if position:
            diff = _DIFFS.get((text, first_text))
            if diff is None:
                differ = differ or WordDiffer(first_text)
                diff = _DIFFS[(text, first_text)] = differ.diff(text)
        else:
            diff = word_diff(text, ordered[1].text if len(ordered) > 1 else None)
        members.append(
            Member(
                article=unit.article,
                start=start,
                end=end,
                text=text,
                unit=unit.id,
                value=value.text if value else None,
                value_start=value.start if value else None,
                value_end=value.end if value else None,
                diff=diff,
            )
        )
    kind: ClusterKind = "discrepancy" if finding else ("shared" if len(ordered) > 1 else "unique")
    over_time = bool(
        finding
        and finding.type in ("number", "name", "quote-wording")
        and change_over_time(finding.groups, articles)
    )
    label = label_for(kind, finding, members, len(articles), short, over_time)
    entities = tuple(dict.fromkeys(e for u in ordered for e in u.entities))
    return Cluster(
        id="",
        kind=kind,
        label=label,
        members=tuple(members),
        discrepancy_type=finding.type if finding else None,
        values={a: v.text for a, v in finding.values.items()} if finding else {},
        scope=scope,
        change_over_time=over_time,
        entities=entities,
    )
