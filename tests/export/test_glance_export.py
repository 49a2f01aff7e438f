"""The story at a glance in the Markdown and HTML exports (the quake story of ``glance_story``)."""

from __future__ import annotations

from dataclasses import replace

from tests.core.views.glance_story import build_comparison
from tests.export.checks import assert_safe_html, assert_safe_markdown, parse_html
from tui.core.model import Comparison, Member, WireCopy
from tui.export import ExportRequest, render
from tui.export.glance import clip
from tui.export.palette import overview_palette, parse_palette


def with_copies(count: int) -> Comparison:
    """The quake story with ``count`` more outlets running the Herald's wire copy."""
    comparison = build_comparison()
    herald = comparison.story.article("e-herald")
    copies = [replace(herald, id=f"f-copy{n:02}", outlet=f"Copy {n}") for n in range(count)]

    def copied(cluster_members: tuple[Member, ...]) -> tuple[Member, ...]:
        extra = [replace(m, article=c.id) for c in copies for m in cluster_members if m.article == "e-herald"]
        return (*cluster_members, *extra)

    clusters = tuple(
        replace(
            c,
            members=copied(c.members),
            values={
                **c.values,
                **({x.id: c.values["e-herald"] for x in copies} if "e-herald" in c.values else {}),
            },
        )
        for c in comparison.clusters
    )
    units = {**comparison.units, **{c.id: comparison.units["e-herald"] for c in copies}}
    wire = (*comparison.wire, *(WireCopy(("e-herald", c.id), 30, 1.0) for c in copies))
    story = replace(comparison.story, articles=(*comparison.articles, *copies))
    return replace(comparison, story=story, clusters=clusters, units=units, wire=wire)


def test_markdown_has_a_column_per_source_with_the_majority_starred() -> None:
    out = render(build_comparison(), ExportRequest("md"))
    assert_safe_markdown(out)
    assert "## The story at a glance" in out
    assert "| Discrepancy | Values | Wire Service | Herald | Gazette | Times | Post |" in out
    toll = next(line for line in out.splitlines() if line.startswith("| number: The quake killed"))
    cells = [cell.strip() for cell in toll.strip("|").split("|")]
    assert cells[2:] == ["★ 40", "★ 40", "★ 40", "45", "–"]
    assert "★ 40 × 3 sources (2 independent); 45 × 1 source; – no figure: 1 source" in cells[1]


def test_markdown_grid_counts_agreement_disagreement_and_wire_copy() -> None:
    out = render(build_comparison(), ExportRequest("md"))
    wire_row = next(line for line in out.splitlines() if line.startswith("| 1\\. Wire Service"))
    assert wire_row.split(" | ")[2] == "3 / 0 w"  # with the Herald: 3 facts alike, wire copy
    gazette_row = next(line for line in out.splitlines() if line.startswith("| 3\\. Gazette"))
    assert gazette_row.split(" | ")[4] == "3 / 3"  # with the Times


def test_markdown_reads_the_rising_toll_as_a_change() -> None:
    out = render(build_comparison(), ExportRequest("md"))
    assert (
        "2026-03-02: 40 × 3 sources → 2026-03-03: 45 × 1 source; a change over time: one value per date"
        in out
    )
    assert "| Times | 2026-03-03 |" in out and "later than most |" in out


def test_many_sources_are_counted_not_listed() -> None:
    out = render(with_copies(10), ExportRequest("md"))
    assert "| Discrepancy | Values |\n" in out  # no column per source
    assert "★ 40 × 13 sources (2 independent)" in out
    assert "- Copying group (12 sources, one origin): Wire Service, Herald, Copy 0" in out
    assert "Closest 10 pairs:" in out


def test_chosen_facts_and_entity_exports_have_no_overview() -> None:
    comparison = build_comparison()
    assert "at a glance" not in render(comparison, ExportRequest("md", clusters=("c002",)))
    assert "at-a-glance" not in render(comparison, ExportRequest("html", clusters=("c002",)))


def test_html_grid_uses_the_terminal_colours_and_says_each_cell() -> None:
    page = render(build_comparison(), ExportRequest("html"))
    assert_safe_html(page)
    palette = overview_palette()
    assert (
        f".v1 {{ background: {palette['value--1'].background}; color: {palette['value--1'].color}; }}" in page
    )
    parsed = parse_html(page)
    post = [
        attrs["class"]
        for tag, attrs in parsed.tags
        if tag == "td"
        and (attrs.get("title") or "").startswith("Post: ")
        and not attrs["class"].startswith("h-")
    ]
    assert post == ["silent", "absent", "absent"]  # the toll without a figure; no mayor, no magnitude
    titles = {attrs.get("title") for tag, attrs in parsed.tags if tag == "td"}
    assert "Times: 45 × 1 source" in titles
    assert "Wire Service: ★ 40 × 3 sources (2 independent)" in titles
    assert "Wire Service and Herald: 3 facts agreed, none differ; wire copy (30 words, 100%)" in titles


def test_html_heat_map_marks_wire_copy_and_disagreement_without_colour() -> None:
    page = render(build_comparison(), ExportRequest("html"))
    parsed = parse_html(page)
    heat = [
        attrs for tag, attrs in parsed.tags if tag == "td" and (attrs.get("class") or "").startswith("h-")
    ]
    kinds = {attrs["title"]: attrs["class"] for attrs in heat}
    assert (
        kinds["Wire Service and Herald: 3 facts agreed, none differ; wire copy (30 words, 100%)"] == "h-wire"
    )
    assert kinds["Gazette and Times: 3 facts agreed, 3 differ"] == "h-differ"
    assert (
        '<td class="h-wire" title="Wire Service and Herald: 3 facts agreed, none differ; wire copy (30 words, 100%)">\u2588w</td>'
        in page
    )
    assert (
        '<td class="h-differ" title="Gazette and Times: 3 facts agreed, 3 differ">\u2588\u2260</td>' in page
    )


def test_many_sources_get_one_bar_per_row_in_html() -> None:
    page = render(with_copies(40), ExportRequest("html"))
    assert_safe_html(page)
    assert 'class="valuebar"' in page
    assert "★40 ×43" in page


def test_the_palette_reads_hex_colours_only() -> None:
    palette = parse_palette(
        "A > .value--1 { background: #112233; color: #FFFFFF; }\n"
        "A > .cell--absent { color: $text-disabled; }\n"
        "A > .heat--agree  { color: #0072B2; text-style: bold; }"
    )
    assert palette["value--1"] == ("#112233", "#FFFFFF")
    assert "cell--absent" not in palette
    assert palette["heat--agree"] == (None, "#0072B2")


def test_a_long_value_is_cut_at_a_word_in_the_tables() -> None:
    assert clip("ready, robust and credible deterrence", 20) == "ready, robust and…"
    assert clip("short  value", 20) == "short value"
    assert clip("Unbreakablewordwithoutspaces", 10) == "Unbreakabl…"
    assert clip("any length at all", None) == "any length at all"
