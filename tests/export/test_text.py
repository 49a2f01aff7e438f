"""Plain-text export: wrapped, readable, and free of every control character."""

from __future__ import annotations

import pytest

from tests.export.checks import assert_plain_text
from tests.export.stories import flood_comparison, hostile_comparison
from tui.export import ExportRequest, render
from tui.export.text import WIDTH


@pytest.mark.parametrize("make", [flood_comparison, hostile_comparison])
def test_only_printable_characters_and_newlines(make) -> None:  # type: ignore[no-untyped-def]
    out = render(make(), ExportRequest("txt"))
    assert_plain_text(out)
    assert "\x1b" not in out and "\r" not in out and "\t" not in out


def test_wrapped_to_the_terminal_width() -> None:
    lines = render(flood_comparison(), ExportRequest("txt")).splitlines()
    assert max(len(line) for line in lines) <= WIDTH == 78


def test_values_marked_and_sources_cited() -> None:
    out = render(flood_comparison(), ExportRequest("txt"))
    assert "    | Floodwaters forced \u00bb1,200\u00ab residents from their homes in Millbrook on\n" in out
    assert "    | About \u00bb1,500\u00ab residents left Millbrook on Tuesday as the river rose.\n" in out
    assert "value: \u00bb1,500\u00ab" in out
    assert "Ruiz said \u00bbthat\u00ab the levee" in out
    assert "Valley Times, \u201cLevee holds in Millbrook\u201d, undated, times.txt \u00b62," in out
    assert "* Discrepancy (number): How many residents left Millbrook" in out
    assert "Verdict: true-conflict: The Ledger counts households" in out
    assert "context: \u2026homes in Millbrook on Tuesday. [quote] Volunteers handed out" in out
    assert "outlet unknown, \u201cEvacuations in Millbrook\u201d, 2024-05-03" in out


def test_hostile_text_is_shown_as_written() -> None:
    out = render(hostile_comparison(), ExportRequest("txt"))
    joined = " ".join(out.split())
    for piece in (
        "[bold]Breaking[/]",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "**loud**",
        "`code`",
    ):
        assert piece in joined, piece


def test_unique_filter() -> None:
    out = render(flood_comparison(), ExportRequest("txt", "unique"))
    assert "Volunteers handed out sandbags" in out and "The governor will visit" in out
    assert "Where the sources differ" not in out and "What the sources agree on" not in out
    assert "3 sources; 0 discrepancies, 0 shared facts, 2 unique statements." in out
    assert "Only unique clusters." in out


def test_entity_filter_says_who_names_the_entity_and_who_never_does() -> None:
    out = render(flood_comparison(), ExportRequest("txt", "entity:governor"))
    assert "  the governor: person\n" in out
    assert "  Named by: Valley Times (1)\n" in out
    assert "  Never named by: Daily Ledger, wire\n" in out
    ruiz = render(flood_comparison(), ExportRequest("txt", "entity:ruiz"))
    assert "  Also called: Ruiz, Mayor Ana Ruiz\n" in ruiz and "Never named by" not in ruiz
