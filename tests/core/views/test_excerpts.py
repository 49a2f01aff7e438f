"""Excerpts: citations, emphasis and TextQuoteSelectors that find exactly their text again."""

from __future__ import annotations

from tests.export.stories import flood_comparison, hostile_comparison, make_article
from tui.core.model import Annotations, Cluster, Comparison, Member, Story
from tui.core.views.excerpts import MAX_CONTEXT, excerpts_for, find_quote, known, quote_selector, story_file


def test_find_quote_needs_prefix_and_suffix_to_match() -> None:
    text = "the cat sat. the cat ran. the cat sat."
    assert find_quote(text, "the cat") == [0, 13, 26]
    assert find_quote(text, "the cat", suffix=" sat") == [0, 26]
    assert find_quote(text, "the cat", prefix="ran. ", suffix=" sat") == [26]
    assert find_quote(text, "the dog") == []
    assert find_quote(text, "") == []


def test_find_quote_sees_overlapping_occurrences() -> None:
    assert find_quote("aaaa", "aa") == [0, 1, 2]


def test_selector_widens_context_until_unique() -> None:
    # The same 41-character sentence five times: 32 characters of context cannot tell the middle ones apart.
    sentence = "Officials said the bridge is closed now. "
    text = "Start. " + sentence * 5 + "End."
    start = text.index(sentence) + 2 * len(sentence)
    exact, prefix, suffix = quote_selector(text, start, start + len(sentence) - 1)
    assert find_quote(text, exact, prefix, suffix) == [start]
    assert len(prefix) > 32 or len(suffix) > 32


def test_known_treats_unknown_as_missing() -> None:
    assert (
        known("unknown") is None and known(" Unknown ") is None and known("") is None and known(None) is None
    )
    assert known("Daily Ledger") == "Daily Ledger"


def test_every_excerpt_cites_and_refinds_its_text() -> None:
    comparison = flood_comparison()
    excerpts = excerpts_for(comparison)
    assert len(excerpts) == sum(len(c.members) for c in comparison.clusters)
    for excerpt in excerpts:
        text = comparison.story.article(excerpt.article).text
        assert text[excerpt.start : excerpt.end] == excerpt.exact
        assert find_quote(text, excerpt.exact, excerpt.prefix, excerpt.suffix) == [excerpt.start]
        assert len(excerpt.prefix) <= 32 and len(excerpt.suffix) <= 32


def test_excerpt_metadata_paragraph_value_and_verdict() -> None:
    by_key = {(e.cluster, e.article): e for e in excerpts_for(flood_comparison())}
    times = by_key["d1", "times"]
    assert (times.outlet, times.title, times.date, times.path) == (
        "Valley Times",
        "Levee holds in Millbrook",
        None,
        "story/times.txt",
    )
    assert times.kind == "discrepancy" and times.discrepancy_type == "number" and times.support == 2
    assert times.value == "1,500"
    assert times.exact[slice(*times.emphasis[0])] == "1,500"
    assert times.verdict is not None and times.verdict.kind == "true-conflict"
    assert times.prefix == "" and not times.prefix_cut and times.suffix_cut
    assert by_key["s1", "ledger"].paragraph == 2
    assert by_key["u1", "ledger"].paragraph == 3
    wire = by_key["s1", "wire"]
    assert wire.outlet is None
    assert [wire.exact[a:b] for a, b in wire.emphasis] == ["that "]
    assert not wire.suffix_cut and wire.suffix == ""


def test_value_without_offsets_is_found_in_the_quote() -> None:
    article = make_article("a", "Prices rose 4 percent in May.", title="Prices")
    cluster = Cluster(
        "d", "discrepancy", "inflation", (Member("a", 0, 29, article.text, value="4 percent"),), "number"
    )
    comparison = Comparison(Story("s", "s", (article,)), {}, (cluster,), Annotations(None))
    (excerpt,) = excerpts_for(comparison)
    assert excerpt.exact[slice(*excerpt.emphasis[0])] == "4 percent"


def test_hostile_excerpts_keep_text_verbatim() -> None:
    comparison = hostile_comparison()
    for excerpt in excerpts_for(comparison):
        text = comparison.story.article(excerpt.article).text
        assert text[excerpt.start : excerpt.end] == excerpt.exact
        assert find_quote(text, excerpt.exact, excerpt.prefix, excerpt.suffix) == [excerpt.start]


def test_only_the_given_clusters() -> None:
    comparison = flood_comparison()
    excerpts = excerpts_for(comparison, comparison.clusters_of("unique"))
    assert [(e.cluster, e.article) for e in excerpts] == [("u1", "ledger"), ("u2", "times")]


def test_citations_name_files_relative_to_the_story_folder() -> None:
    assert story_file("/home/ana/story/a.txt", "/home/ana/story") == "a.txt"
    assert story_file("story/sub/a.txt", "story") == "sub/a.txt"
    assert story_file("/elsewhere/a.txt", "/home/ana/story") == "/elsewhere/a.txt"
    assert story_file("a.txt", None) == "a.txt"
    by_key = {(e.cluster, e.article): e for e in excerpts_for(flood_comparison())}
    assert (by_key["d1", "times"].path, by_key["d1", "times"].file) == ("story/times.txt", "times.txt")


def _repeated_story(lines: int) -> Comparison:
    """One article of the same short line pasted ``lines`` times, each line a fact of its own."""
    line = "Follow us for more updates.\n\n"
    article = make_article("a", line * lines, title="Updates")
    clusters = tuple(
        Cluster(
            f"u{i}", "unique", "x", (Member("a", i * len(line), i * len(line) + len(line) - 2, line[:-2]),)
        )
        for i in range(lines)
    )
    return Comparison(Story("s", "s", (article,)), {}, clusters, Annotations(None))


def test_text_repeated_beyond_the_widest_context_gives_bounded_quotes_and_a_linear_export() -> None:
    """16 KB of one repeated line made 160 MB of JSON: each quote's context grew until unique."""
    sizes = []
    for lines in (300, 600):
        excerpts = excerpts_for(_repeated_story(lines))
        assert max(len(e.prefix) + len(e.suffix) for e in excerpts) <= 2 * MAX_CONTEXT
        sizes.append(sum(len(e.prefix) + len(e.exact) + len(e.suffix) for e in excerpts))
    assert sizes[1] < 2.2 * sizes[0], f"twice the text, {sizes[1] / sizes[0]:.1f} times the quotes"


def test_a_quote_repeated_only_nearby_is_still_made_unique_by_its_context() -> None:
    repeated = "The bridge is closed. " * 3
    text = "Start of a long report on the storm. " * 2 + repeated + "Crews worked through the night."
    start = text.index(repeated) + len("The bridge is closed. ")
    exact, prefix, suffix = quote_selector(text, start, start + len("The bridge is closed."))
    assert find_quote(text, exact, prefix, suffix) == [start]
    assert len(prefix) <= MAX_CONTEXT and len(suffix) <= MAX_CONTEXT
