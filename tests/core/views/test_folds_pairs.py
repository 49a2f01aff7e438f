"""Fold mode and two-source mode on the quake story of ``glance_story``."""

from __future__ import annotations

import pytest

from tests.core.views.glance_story import SENTENCES, build_comparison
from tui.core.compare.wording import word_diff
from tui.core.model import Comparison
from tui.core.views.folds import Fold, Shown, fold_article
from tui.core.views.pairs import PairRow, change_starts, pair_rows


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return build_comparison()


def describe(entries: tuple[Fold | Shown, ...]) -> list[str]:
    return [e.label if isinstance(e, Fold) else f"{e.kind}: {e.unit.text}" for e in entries]


def test_agreed_runs_fold_and_differences_show(comparison: Comparison) -> None:
    assert describe(fold_article(comparison, "c-times")) == [
        "3 shared statements",
        f"differs: {SENTENCES['size64']}",
        f"differs: {SENTENCES['toll45']}",
        f"differs: {SENTENCES['mayor']}",
    ]


def test_unique_statements_fold_unless_asked_for(comparison: Comparison) -> None:
    assert describe(fold_article(comparison, "b-gazette"))[-1] == "2 shared, 1 unique statements"
    assert describe(fold_article(comparison, "b-gazette", unique=True))[-2:] == [
        f"unique: {SENTENCES['bridge']}",
        "2 shared statements",
    ]


def test_boilerplate_folds_as_lines_and_a_silent_member_shows(comparison: Comparison) -> None:
    entries = fold_article(comparison, "d-post")
    assert describe(entries) == [
        "1 shared statement",
        f"differs: {SENTENCES['tollmany']}",
        "1 shared, 1 boilerplate statements",
    ]
    shown = entries[1]
    assert isinstance(shown, Shown) and shown.clusters == ("c002",) and shown.values == ()


def test_a_differing_statement_knows_its_value_span(comparison: Comparison) -> None:
    shown = fold_article(comparison, "c-times")[2]
    assert isinstance(shown, Shown)
    text = comparison.story.article("c-times").text
    assert [text[s:e] for s, e in shown.values] == ["45"]


def row_text(row: PairRow) -> tuple[str, str, str]:
    left = row.left.unit.text if row.left else ""
    right = row.right.unit.text if row.right else ""
    return row.kind, left, right


def test_two_sources_align_in_order_and_mark_moved_statements(comparison: Comparison) -> None:
    rows = pair_rows(comparison, "b-gazette", "c-times", word_diff)
    s = SENTENCES
    assert [row_text(r) for r in rows] == [
        ("same", s["quake"], s["quake"]),
        ("right", "", s["rescue"]),
        ("right", "", s["power"]),
        ("differs", s["size61"], s["size64"]),
        ("differs", s["toll40"], s["toll45"]),
        ("differs", s["mayor2"], s["mayor"]),
        ("left", s["bridge"], ""),
        ("left", s["rescue"], ""),
        ("left", s["power"], ""),
    ]
    assert [r.moved for r in rows] == [False, True, True, False, False, False, False, True, True]


def test_both_sides_carry_the_word_diff_and_the_values(comparison: Comparison) -> None:
    toll = pair_rows(comparison, "b-gazette", "c-times", word_diff)[4]
    assert toll.left is not None and toll.right is not None
    assert [p.text for p in toll.left.pieces if p.changed] == ["40"]
    assert [p.text for p in toll.right.pieces if p.changed] == ["45"]
    assert "".join(p.text for p in toll.left.pieces) == toll.left.unit.text
    assert [toll.right.unit.text[s:e] for s, e in toll.right.values] == ["45"]
    assert toll.clusters == ("c002",)


def test_wire_copy_is_all_same_and_has_nothing_to_step_to(comparison: Comparison) -> None:
    rows = pair_rows(comparison, "a-wire", "e-herald", word_diff)
    assert {r.kind for r in rows} == {"same"}
    assert change_starts(rows) == ()


def test_next_difference_stops_at_each_change_and_each_one_sided_run(comparison: Comparison) -> None:
    rows = pair_rows(comparison, "b-gazette", "c-times", word_diff)
    assert change_starts(rows) == (1, 3, 4, 5, 6)
