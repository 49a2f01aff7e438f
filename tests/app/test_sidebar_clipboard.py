"""The citation `y` copies: exact quote, then outlet, title, date, file and paragraph."""

from __future__ import annotations

from dataclasses import replace

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.clipboard import citation_text, current_excerpt


def test_citation_names_source_file_and_paragraph() -> None:
    comparison = tiny_comparison()
    excerpt = current_excerpt(comparison, "c2", "courier")
    assert excerpt is not None
    assert citation_text(excerpt) == (
        "“About 350 workers built it.”\n— Courier [/], “Mayor opens bridge”, 2025-03-10, courier.txt ¶2"
    )


def test_falls_back_to_the_first_member_and_omits_unknowns() -> None:
    comparison = tiny_comparison()
    ledger = replace(comparison.articles[0], outlet="unknown", date=None, url="https://example.org/b")
    story = replace(comparison.story, articles=(ledger, *comparison.articles[1:]))
    comparison = replace(comparison, story=story)
    excerpt = current_excerpt(comparison, "c1", "no-such-pane")
    assert excerpt is not None and excerpt.article == "ledger"
    assert citation_text(excerpt).splitlines() == [
        "“Mara Voss opened the bridge on Monday.”",
        "— “Bridge opens”, ledger.txt ¶1",
        "https://example.org/b",
    ]


def test_nothing_to_cite_without_a_current_fact() -> None:
    comparison = tiny_comparison()
    assert current_excerpt(comparison, None, "ledger") is None
    assert current_excerpt(comparison, "gone", "ledger") is None


def test_a_quote_that_is_already_quoted_is_not_wrapped_twice() -> None:
    comparison = tiny_comparison()
    excerpt = current_excerpt(comparison, "c1", "ledger")
    assert excerpt is not None
    quoted = replace(excerpt, exact="“We built it,” she said.")
    assert citation_text(quoted).splitlines()[0] == "“We built it,” she said."
