"""--only selection: each kind, entities by mention or by tag, and messages the CLI can print."""

from __future__ import annotations

import pytest

from tests.export.stories import flood_comparison
from tui.core.views.select import clusters_mentioning, select, select_clusters


def _ids(clusters: tuple) -> list[str]:
    return [c.id for c in clusters]


@pytest.mark.parametrize("only", [None, "", "  "])
def test_no_filter_keeps_every_cluster_in_story_order(only: str | None) -> None:
    assert _ids(select_clusters(flood_comparison(), only)) == ["d1", "s1", "u1", "u2"]


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        ("discrepancy", ["d1"]),
        ("shared", ["s1"]),
        ("unique", ["u1", "u2"]),
        (" Shared ", ["s1"]),
    ],
)
def test_kind_filters(only: str, expected: list[str]) -> None:
    assert _ids(select_clusters(flood_comparison(), only)) == expected


def test_entity_by_overlapping_mention() -> None:
    # Ruiz is named inside the shared sentence in all three sources, nowhere else in a cluster.
    selection = select(flood_comparison(), "entity:ruiz")
    assert _ids(selection.clusters) == ["s1"]
    assert selection.entity == "ruiz"


def test_entity_named_in_several_clusters() -> None:
    # "Millbrook" sits inside both discrepancy members; the wire's own Millbrook sentence is in no cluster.
    assert _ids(select_clusters(flood_comparison(), "entity:millbrook")) == ["d1"]


def test_entity_by_cluster_tag_or_mention() -> None:
    assert _ids(clusters_mentioning(flood_comparison(), "governor")) == ["u2"]


def test_known_entity_with_no_cluster_selects_nothing() -> None:
    assert select_clusters(flood_comparison(), "entity:nobody") == ()


def test_unknown_kind_suggests_the_right_word() -> None:
    with pytest.raises(ValueError) as raised:
        select_clusters(flood_comparison(), "discrepancies")
    message = str(raised.value)
    assert "'discrepancies'" in message and "did you mean 'discrepancy'" in message
    assert "shared" in message and "entity:ID" in message


def test_unknown_entity_lists_known_ids() -> None:
    with pytest.raises(ValueError) as raised:
        select_clusters(flood_comparison(), "entity:ruis")
    message = str(raised.value)
    assert "'ruis'" in message and "did you mean 'ruiz'" in message and "millbrook" in message


def test_entity_without_id() -> None:
    with pytest.raises(ValueError, match="needs an entity id"):
        select_clusters(flood_comparison(), "entity:")
