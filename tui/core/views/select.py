"""Which clusters an export (or a filtered view) covers: ``--only shared|discrepancy|unique|entity:ID``.

The CLI prints the ``ValueError`` message as it is, so every message says what was wrong
and what would have been accepted.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from tui.core.model import CLUSTER_KINDS, Cluster, Comparison, Mention

ENTITY_PREFIX = "entity:"
ONLY_CHOICES = (*CLUSTER_KINDS, f"{ENTITY_PREFIX}ID")


@dataclass(frozen=True)
class Selection:
    """The clusters chosen by an ``--only`` value, and the entity it named, if any."""

    clusters: tuple[Cluster, ...]
    entity: str | None = None


def select(comparison: Comparison, only: str | None) -> Selection:
    """Resolve ``only`` (None or "" means everything) against ``comparison``."""
    if only is None or not only.strip():
        return Selection(comparison.clusters)
    value = only.strip()
    kind = next((k for k in CLUSTER_KINDS if k == value.lower()), None)
    if kind is not None:
        return Selection(comparison.clusters_of(kind))
    if value.lower().startswith(ENTITY_PREFIX):
        entity = value[len(ENTITY_PREFIX) :].strip()
        _check_entity(comparison, entity)
        return Selection(clusters_mentioning(comparison, entity), entity)
    guess = difflib.get_close_matches(value, [*CLUSTER_KINDS, "entity"], n=1)
    hint = f" (did you mean {guess[0]!r}?)" if guess else ""
    raise ValueError(
        f"unknown --only value {value!r}{hint}; use one of "
        f"{', '.join(CLUSTER_KINDS)} or {ENTITY_PREFIX}ID with an entity id from the annotation file"
    )


def select_clusters(comparison: Comparison, only: str | None) -> tuple[Cluster, ...]:
    """The clusters an ``--only`` value selects, in story order."""
    return select(comparison, only).clusters


def clusters_mentioning(comparison: Comparison, entity_id: str) -> tuple[Cluster, ...]:
    """Clusters that name the entity: tagged with it, or a member overlapping one of its mentions."""
    spans: dict[str, list[Mention]] = defaultdict(list)
    for mention in comparison.mentions_of(entity_id):
        spans[mention.article].append(mention)
    return tuple(
        cluster
        for cluster in comparison.clusters
        if entity_id in cluster.entities
        or any(
            mention.start < member.end and member.start < mention.end
            for member in cluster.members
            for mention in spans.get(member.article, ())
        )
    )


def _check_entity(comparison: Comparison, entity: str) -> None:
    known = [e.id for e in comparison.entities]
    if entity in known:
        return
    if not entity:
        example = known[0] if known else "ID"
        raise ValueError(f"--only {ENTITY_PREFIX} needs an entity id, e.g. {ENTITY_PREFIX}{example}")
    if not known:
        raise ValueError(
            f"unknown entity id {entity!r}: this story has no annotated entities "
            "(add them to its annotations.yaml)"
        )
    guess = difflib.get_close_matches(entity, known, n=1)
    hint = f"did you mean {guess[0]!r}? " if guess else ""
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    raise ValueError(f"unknown entity id {entity!r}; {hint}known ids: {shown}")
