"""The overview's four views on a story with known agreements (``glance_story``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.views.glance_story import build_comparison
from tui.core.compare.phrases import origins
from tui.core.model import Comparison
from tui.core.views.overview import Overview, build_overview
from tui.core.views.timeline import timeline
from tui.core.views.who_says import ABSENT, SILENT


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return build_comparison()


@pytest.fixture(scope="module")
def overview(comparison: Comparison) -> Overview:
    return build_overview(comparison, origins([a.id for a in comparison.articles], comparison.wire))


def labels(overview: Overview) -> list[str]:
    return [source.label for source in overview.sources]


def test_copying_sources_stand_together_then_the_closest_ones(overview: Overview) -> None:
    # The Herald copies the Wire (fifth in the story, second here); the Gazette then agrees
    # most with them, the Times most with the Gazette.
    assert labels(overview) == ["Wire Service", "Herald", "Gazette", "Times", "Post"]
    assert overview.agreement.groups == ((0, 2),)
    assert overview.independent == 4


def test_a_row_groups_the_sources_that_give_one_value(overview: Overview) -> None:
    toll = overview.row("c002")
    assert [(g.text, g.support, g.independent) for g in toll.groups] == [("40", 3, 2), ("45", 1, 1)]
    assert toll.majority == 0
    assert [g.articles for g in toll.groups][0] == ("a-wire", "e-herald", "b-gazette")


def test_silent_and_absent_sources_are_told_apart(overview: Overview) -> None:
    toll = overview.row("c002")
    post = overview.index("d-post")
    assert toll.cells[post] == SILENT  # "many people": in the statement, no figure
    size = overview.row("c004")
    assert size.cells[overview.index("a-wire")] == ABSENT
    assert (toll.silent, toll.absent, size.absent) == (1, 0, 3)


def test_a_tie_has_no_majority(overview: Overview) -> None:
    assert overview.row("c004").majority is None


def test_wire_copy_counts_once_for_the_majority(comparison: Comparison) -> None:
    # Three more copies of the Wire's "Ana Ruiz" would outnumber nothing: the Gazette's
    # "Anna Ruis" plus two independent sources that repeat it win on independent support.
    gazette = comparison.story.article("b-gazette")
    extra = [replace(gazette, id=f"g{i}", outlet=f"Daily {i}") for i in range(2)]
    mayor = comparison.cluster("c003")
    members = [
        *mayor.members,
        *(replace(m, article=a.id) for a in extra for m in mayor.members if m.article == "b-gazette"),
    ]
    values = {**mayor.values, **{a.id: "Anna Ruis" for a in extra}}
    bigger = replace(
        comparison,
        story=replace(comparison.story, articles=(*comparison.articles, *extra)),
        clusters=tuple(
            replace(mayor, members=tuple(members), values=values) if c.id == "c003" else c
            for c in comparison.clusters
        ),
        wire=(*comparison.wire,),
    )
    overview = build_overview(bigger, origins([a.id for a in bigger.articles], bigger.wire))
    row = overview.row("c003")
    assert [(g.text, g.support, g.independent) for g in row.groups] == [
        ("Anna Ruis", 3, 3),
        ("Ana Ruiz", 3, 2),
    ]
    assert row.majority == 0


def test_the_frame_says_what_the_row_is_about(overview: Overview) -> None:
    assert overview.row("c002").frame == "The quake killed [?] people in the port"
    assert overview.row("c003").frame == "Mayor [?] asked residents to stay"


def test_pairs_count_agreement_disagreement_and_wire_copy(overview: Overview) -> None:
    grid = overview.agreement
    wire, herald = overview.index("a-wire"), overview.index("e-herald")
    gazette, times, post = overview.index("b-gazette"), overview.index("c-times"), overview.index("d-post")
    pair = grid.pair(wire, herald)
    assert (pair.agreed, pair.differ, pair.same_origin) == (3, 0, True)
    assert pair.wire is not None and pair.wire.ratio == 1.0
    pair = grid.pair(gazette, times)
    assert (pair.agreed, pair.differ, pair.wire, pair.same_origin) == (3, 3, None, False)
    assert grid.pair(gazette, post).differ == 0  # the Post gives no toll: silence is no dispute
    assert grid.pair(times, wire).differ == 1
    assert grid.agreed == tuple(zip(*grid.agreed, strict=True))  # symmetric


def test_heat_levels_scale_to_the_closest_pair(overview: Overview) -> None:
    grid = overview.agreement
    wire, herald, post = overview.index("a-wire"), overview.index("e-herald"), overview.index("d-post")
    assert grid.most_agreed == 3
    assert grid.level(wire, herald) == 4
    assert grid.level(wire, post) == 1  # one statement in common


def test_per_source_shares_add_up_and_name_the_kinds(overview: Overview, comparison: Comparison) -> None:
    shares = {s.article: s for s in overview.shares}
    for share in shares.values():
        assert sum(share.counts) == share.total == len(comparison.story.article(share.article).text)
    gazette = shares["b-gazette"]
    bridge = len("Our reporters saw two bridges fall into the river.")
    assert gazette.counts[2] == bridge  # unique
    post = shares["d-post"]
    assert post.counts[3] == len("Subscribe to our newsletter for more stories.")
    assert shares["a-wire"].share("unique") == 0


def test_a_later_report_is_flagged(overview: Overview) -> None:
    shares = {s.article: s for s in overview.shares}
    assert "later than most" in shares["c-times"].flags
    assert not any("later" in flag for flag in shares["a-wire"].flags)
    assert shares["d-post"].date is None


def test_a_rising_toll_reads_as_a_change(overview: Overview) -> None:
    rows = {row.cluster: row for row in overview.timeline}
    toll = rows["c002"]
    assert toll.reading == "change"
    assert [(step.date, [(g, len(s)) for g, s in step.values]) for step in toll.steps] == [
        ("2026-03-02", [(0, 3)]),
        ("2026-03-03", [(1, 1)]),
    ]


def test_one_date_split_while_the_same_value_leads_reads_as_steady(overview: Overview) -> None:
    rows = {row.cluster: row for row in overview.timeline}
    assert rows["c003"].reading == "steady"  # March 2: Ana Ruiz twice, Anna Ruis once; March 3: Ana Ruiz
    assert rows["c004"].reading == "change"


def readings(cells: list[int], dates: list[str | None]) -> str | None:
    order = [f"s{i}" for i in range(len(cells))]
    line = timeline("c", cells, order, dates)
    return None if line is None else line.reading


def test_a_value_that_comes_back_reads_as_a_conflict() -> None:
    assert readings([0, 1, 0], ["2026-03-01", "2026-03-02", "2026-03-03"]) == "conflict"


def test_a_leading_value_that_moves_on_reads_as_a_change_despite_stragglers() -> None:
    dates = ["2026-03-01", "2026-03-01", "2026-03-01", "2026-03-02", "2026-03-02"]
    assert readings([0, 0, 1, 1, 1], dates) == "leading-change"
    assert readings([0, 0, 0, 1, 1], dates) == "change"


def test_one_date_or_no_value_gives_no_timeline() -> None:
    assert readings([0, 1], ["2026-03-01", "2026-03-01"]) is None
    assert readings([0, 1, -1], ["2026-03-01", None, "2026-03-02"]) is None  # the dated one is silent
