"""Markdown export: reads as a briefing, and a hostile article cannot inject markup into it.

The injection tests parse the export with markdown-it (installed with Rich) in its GFM-like
mode with raw HTML enabled, the most permissive way a reader is likely to render it.
"""

from __future__ import annotations

from tests.export.checks import assert_safe_markdown, markdown_plain, markdown_tokens
from tests.export.stories import HOSTILE_TEXT, flood_comparison, hostile_comparison
from tui.export import ExportRequest, render
from tui.export.markdown import escape_markdown


def test_briefing_layout() -> None:
    out = render(flood_comparison(), ExportRequest("md"))
    assert out.startswith("# Millbrook flood\n")
    assert "| Daily Ledger | Millbrook evacuates as river rises | 2024-05-02 | ledger.txt |" in out
    assert "| Valley Times | Levee holds in Millbrook | undated | times.txt |" in out
    assert "### Discrepancy (number): How many residents left Millbrook" in out
    assert "> Floodwaters forced **1,200** residents from their homes in Millbrook on Tuesday." in out
    assert "> About **1,500** residents left Millbrook on Tuesday as the river rose." in out
    assert (
        "> \u2014 Valley Times, \u201cLevee holds in Millbrook\u201d, undated, times.txt \u00b62, chars 68\u2013113"
        in out
    )
    assert "**Verdict:** true-conflict: The Ledger counts households" in out
    assert (
        "> Context: \u2026homes in Millbrook on Tuesday. \\[quote\\] Volunteers handed out sandbags\u2026"
        in out
    )
    assert "> Ruiz said **that** the levee held overnight." in out
    assert "the dam broke" in out  # the orphaned curated claim is reported, not dropped


def test_sections_follow_the_filter() -> None:
    out = render(flood_comparison(), ExportRequest("md", "entity:governor"))
    assert "Only clusters that mention the governor (governor)." in out
    assert "The governor will visit" in out
    assert "How many residents" not in out and "Volunteers" not in out


def test_hostile_story_cannot_inject_anything() -> None:
    out = render(hostile_comparison(), ExportRequest("md"))
    assert_safe_markdown(out)
    assert "em_open" not in {token.type for token in markdown_tokens(out)}
    for token in markdown_tokens(out):
        if token.type == "link_open":  # only a visible URL autolinked by GFM, never a hidden target
            assert token.attrs["href"] in ("http://x", "http://x/i.png")
    headings = [t for t in markdown_tokens(out) if t.type == "heading_open"]
    # story, sources, the overview and its four views, two sections, two clusters
    assert len(headings) == 1 + 1 + (1 + 4) + 2 + 2
    bold = [t for t in markdown_tokens(out) if t.type == "strong_open"]
    assert len(bold) == 1 + 2 * 2  # the verdict label, and each value in its quote and its citation


def test_hostile_text_survives_as_literal_text() -> None:
    plain = markdown_plain(render(hostile_comparison(), ExportRequest("md")))
    for piece in (
        "[bold]Breaking[/]",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "**loud**",
        "`code`",
        "# Not a heading",
        "- not a list",
        "<img src=x onerror=alert(1)>",
        "& < > \" '",
    ):
        assert piece in plain, piece
    assert "\x1b" not in render(hostile_comparison(), ExportRequest("md"))
    assert HOSTILE_TEXT  # the fixture really is hostile


def test_escape_markdown_line_starts() -> None:
    assert markdown_plain(escape_markdown("1. first")) == "1. first"
    assert markdown_plain(escape_markdown("- item")) == "- item"
    assert markdown_plain(escape_markdown("+ item")) == "+ item"
    assert markdown_plain(escape_markdown("=== x")) == "=== x"
    assert escape_markdown("a\n\nb\tc") == "a b c"
