"""Alignment on real-news shapes: headlines, datelines, near-copies, and facts smaller than a
sentence, each on a small invented story."""

from __future__ import annotations

from tui.core.load.corpus import parse_article
from tui.core.model import Annotations, Article, Cluster, Comparison, Story
from tui.core.pipeline import build_comparison


def loaded(article_id: str, text: str) -> Article:
    found, _problems = parse_article(text, f"{article_id}.txt", article_id)
    assert found is not None
    return found


def compare(*articles: Article) -> Comparison:
    return build_comparison(Story("t", "/tmp/t", tuple(articles)), Annotations(None))


def holding(result: Comparison, article: str, words: str) -> list[Cluster]:
    """The shared or discrepancy clusters with a member of ``article`` that holds ``words``."""
    return [
        c
        for c in result.clusters
        if c.kind != "unique" and any(m.article == article and words in m.text for m in c.members)
    ]


def together(result: Comparison, a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether one cluster holds ``a``'s words in its article and ``b``'s in its."""
    return any(c in holding(result, *b) for c in holding(result, *a))


def test_a_headline_is_a_statement_that_shares_the_main_fact() -> None:
    result = compare(
        loaded("a", "Ferry sinks off Tarawa, 40 rescued\n\nThe ferry Lady Ann sank off Tarawa on Monday."),
        loaded(
            "b", "Rescuers pulled 40 people from the sea after the ferry Lady Ann sank off Tarawa on Monday."
        ),
    )
    article = result.story.article("a")
    assert article.headline is not None and not article.is_boilerplate(*article.headline)
    assert together(result, ("a", "Ferry sinks off Tarawa, 40 rescued"), ("b", "Rescuers pulled 40"))


def test_a_dateline_is_neither_compared_nor_lost() -> None:
    result = compare(
        loaded("a", "Ferry sinks off Tarawa\n\nTUESDAY 03 MAY 2022\n\nThe ferry Lady Ann sank off Tarawa."),
        loaded("b", "Ferry sinks off Tarawa\n\nMay 2, 2022 6:20AM\n\nThe ferry Lady Ann sank off Tarawa."),
    )
    assert result.story.article("a").date == "2022-05-03"
    assert not any(m.text.startswith(("TUESDAY", "May 2")) for c in result.clusters for m in c.members)
    assert not any(c.discrepancy_type in ("date", "number") for c in result.clusters)


def test_near_identical_statements_end_in_one_cluster_even_beside_a_better_partner() -> None:
    twin = "The council approved a harbour budget of 4 million for the new sea wall on Monday."
    result = compare(
        Article("a", "a.txt", "A", twin),
        Article(
            "b", "b.txt", "B", "The council approved the 4 million sea wall budget on Monday for the harbour."
        ),
        Article("c", "c.txt", "C", twin.replace("Monday", "Monday evening")),
    )
    assert together(result, ("a", "harbour budget"), ("c", "harbour budget"))
    assert together(result, ("a", "harbour budget"), ("b", "sea wall budget"))


def test_a_fact_told_in_one_sentence_matches_two_sentences_of_another_source() -> None:
    result = compare(
        Article(
            "a", "a.txt", "A", "The ferry, which left Tarawa on Monday with 92 passengers, sank near Nonouti."
        ),
        Article(
            "b", "b.txt", "B", "The ferry left Tarawa on Monday. It sank near Nonouti with 92 people aboard."
        ),
    )
    assert together(result, ("a", "left Tarawa on Monday"), ("b", "The ferry left Tarawa"))
    assert together(result, ("a", "sank near Nonouti"), ("b", "It sank near Nonouti"))


def test_a_clause_of_a_long_sentence_is_a_member_with_its_own_span() -> None:
    long = (
        "Governor Lee Ward, who toured the flooded district on Sunday, confirmed that the army "
        "will build a temporary bridge over the Oda river before the end of the month."
    )
    result = compare(
        Article("a", "a.txt", "A", long),
        Article("b", "b.txt", "B", "Soldiers will build a temporary bridge over the Oda river this month."),
        Article("c", "c.txt", "C", "Markets in the capital closed early because of the storm warnings."),
    )
    [cluster] = holding(result, "b", "temporary bridge")
    [member] = [m for m in cluster.members if m.article == "a"]
    assert member.start > 0 and member.end <= len(long)
    assert "temporary bridge over the Oda river" in member.text
    assert "toured the flooded district" not in member.text
    assert long[member.start : member.end] == member.text


def test_the_same_cast_in_two_events_does_not_align() -> None:
    result = compare(
        Article(
            "a",
            "a.txt",
            "A",
            "Mayor Ines Park met Governor Lee Ward in Portwell to open the new ferry terminal.",
        ),
        Article(
            "b",
            "b.txt",
            "B",
            "Governor Lee Ward met Mayor Ines Park in Portwell to discuss the school budget.",
        ),
    )
    assert not together(result, ("a", "ferry terminal"), ("b", "school budget"))
