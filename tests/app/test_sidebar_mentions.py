"""Stepping through one entity's mentions across sources, in reading order."""

from __future__ import annotations

from tests.app.sidebar_fixtures import tiny_comparison
from tui.app.widgets.entity_sidebar import mention_counts, ordered_mentions, step_mention


def test_counts_per_entity_and_source() -> None:
    counts = mention_counts(tiny_comparison())
    assert dict(counts["mara-voss"]) == {"ledger": 2, "courier": 1}
    assert dict(counts["slash"]) == {}


def test_step_forward_and_back_across_sources_wrapping() -> None:
    comparison = tiny_comparison()
    mentions = ordered_mentions(comparison, "mara-voss")
    assert [(m.article, m.text) for m in mentions] == [
        ("ledger", "Mara Voss"),
        ("ledger", "Voss"),
        ("courier", "Mara Voss"),
    ]
    articles = comparison.articles
    first = step_mention(mentions, articles, None, +1)
    assert first == mentions[0]
    second = step_mention(mentions, articles, (first.article, first.start), +1)
    third = step_mention(mentions, articles, (second.article, second.start), +1)
    assert (second, third) == (mentions[1], mentions[2])
    assert step_mention(mentions, articles, (third.article, third.start), +1) == mentions[0]
    assert step_mention(mentions, articles, (first.article, first.start), -1) == mentions[2]
    assert step_mention(mentions, articles, None, -1) == mentions[2]
    # From a source that never names her, forward wraps to the first mention, backward to the last.
    assert step_mention(mentions, articles, ("gazette", 0), +1) == mentions[0]
    assert step_mention(mentions, articles, ("gazette", 0), -1) == mentions[2]
    assert step_mention((), articles, None, +1) is None


def test_count_strip_is_one_cell_per_source_a_space_apart_or_a_count_for_many() -> None:
    from collections import Counter
    from dataclasses import replace

    from tui.app.widgets.entity_sidebar import MANY, STRIP_SOURCES, ZERO_MARK, count_strip

    articles = tiny_comparison().articles
    strip = count_strip(Counter({"ledger": 12, "gazette": 3}), articles)
    assert strip.plain == f"{MANY} {ZERO_MARK} 3"  # never "+—3" or "63++5": one cell each
    many = tuple(replace(articles[0], id=f"s{i}") for i in range(STRIP_SOURCES * 30))
    strip = count_strip(Counter({"s1": 63, "s7": 2}), many)
    assert strip.plain == f"  2/{len(many)}"  # sources naming it, of all
