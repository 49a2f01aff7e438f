"""One report per export: the request's selection resolved once, with the excerpts cut.

Every writer reads a ``Report``: the JSON document its clusters, entity and excerpts, the
human-readable formats its sections as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model import Cluster, ClusterKind, Comparison, Entity
from tui.core.views.excerpts import Excerpt, excerpts_for
from tui.core.views.select import select
from tui.export.request import ExportRequest

SECTION_TITLES: dict[ClusterKind, str] = {
    "discrepancy": "Where the sources differ",
    "shared": "What the sources agree on",
    "unique": "What only one source says",
}
SECTION_ORDER: tuple[ClusterKind, ...] = ("discrepancy", "shared", "unique")


@dataclass(frozen=True)
class Section:
    """The clusters of one kind, with their excerpts, in story order."""

    kind: ClusterKind
    title: str
    clusters: tuple[tuple[Cluster, tuple[Excerpt, ...]], ...]


@dataclass(frozen=True)
class Report:
    """What an export holds, resolved once from a comparison and a request.

    ``clusters`` are the chosen clusters in export order, ``entity_id`` the entity filter (if
    any) and ``entity`` that entity when the annotations know it; ``excerpts`` holds one
    excerpt per member of every chosen cluster, and ``sections`` the same by kind.
    """

    comparison: Comparison
    request: ExportRequest
    clusters: tuple[Cluster, ...]
    entity_id: str | None
    entity: Entity | None
    excerpts: tuple[Excerpt, ...]
    sections: tuple[Section, ...]

    @property
    def only(self) -> str | None:
        """The ``--only`` filter as the user gave it."""
        return self.request.only

    @property
    def has_overview(self) -> bool:
        """Whether the export carries the story at a glance: it speaks of the whole story, so
        not an export of chosen facts (the reader's current or marked ones) or of one entity."""
        return self.request.clusters is None and self.entity_id is None


def build_report(comparison: Comparison, request: ExportRequest) -> Report:
    """Resolve the selection (``clusters``/``entity`` win over ``only``) and cut the excerpts.

    Raises ``ValueError`` for an ``only`` value or a cluster id that names nothing known.
    """
    selection = select(comparison, request.only)
    chosen = selection.clusters if request.clusters is None else _chosen(comparison, request.clusters)
    entity_id = request.entity if request.entity is not None else selection.entity
    excerpts = tuple(excerpts_for(comparison, chosen))
    by_cluster: dict[str, list[Excerpt]] = {}
    for excerpt in excerpts:
        by_cluster.setdefault(excerpt.cluster, []).append(excerpt)
    sections = []
    for kind in SECTION_ORDER:
        of_kind = tuple((c, tuple(by_cluster.get(c.id, ()))) for c in chosen if c.kind == kind)
        if of_kind:
            sections.append(Section(kind, SECTION_TITLES[kind], of_kind))
    entity = next((e for e in comparison.entities if e.id == entity_id), None)
    return Report(comparison, request, chosen, entity_id, entity, excerpts, tuple(sections))


def _chosen(comparison: Comparison, ids: tuple[str, ...]) -> tuple[Cluster, ...]:
    by_id = {c.id: c for c in comparison.clusters}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValueError(f"unknown cluster id {unknown[0]!r}")
    return tuple(by_id[i] for i in ids)
