"""Curated claims: anchored by quotation, orphaned rather than guessed, merged into the clusters."""

from __future__ import annotations

from pathlib import Path

from tui.core.annotate.claims import anchor, apply_claims
from tui.core.annotate.schema import load_annotations
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.model import Article, Claim, Cluster, Member, TextQuote, Verdict

A_TEXT = "The port closed on Monday. About 40 ships waited. The mayor said the port's future was safe."
B_TEXT = "The port closed on Tuesday. At least 45 ships waited outside. The mayor said the port closed."
A = Article(id="a", path="a.txt", title="A", text=A_TEXT)
B = Article(id="b", path="b.txt", title="B", text=B_TEXT)
ARTICLES = (A, B)


def member(article: Article, text: str) -> Member:
    start = article.text.index(text)
    return Member(article.id, start, start + len(text), text)


SHARED = Cluster(
    "c1",
    "shared",
    "The port closed",
    (member(A, "The port closed on Monday."), member(B, "The port closed on Tuesday.")),
)
SHIPS = Cluster(
    "c2",
    "discrepancy",
    "Ships differ",
    (member(A, "About 40 ships waited."), member(B, "At least 45 ships waited outside.")),
    discrepancy_type="number",
)
MAYOR = Cluster("c3", "unique", "The mayor", (member(A, "The mayor said the port's future was safe."),))
CLUSTERS = (SHARED, SHIPS, MAYOR)


def test_a_quote_that_matches_once_is_anchored() -> None:
    span, orphan = anchor("k", TextQuote("40 ships"), ARTICLES)
    assert orphan is None and span == ("a", A_TEXT.index("40 ships"), A_TEXT.index("40 ships") + 8)


def test_a_quote_found_nowhere_is_an_orphan() -> None:
    span, orphan = anchor("k", TextQuote("50 ships"), ARTICLES)
    assert span is None and orphan is not None and orphan.matches == 0
    assert orphan.message == (
        "claim 'k': quote \"50 ships\" is not found in any article; "
        "copy the text exactly from the article as storydiff shows it"
    )


def test_an_ambiguous_quote_is_an_orphan_that_says_how_to_fix_it() -> None:
    span, orphan = anchor("k", TextQuote("The port closed"), ARTICLES)
    assert span is None and orphan is not None and orphan.matches == 2
    assert orphan.message == (
        "claim 'k': quote \"The port closed\" matches 2 times (in a, b); add 'article:' or "
        "add a prefix or suffix (the text right before or after it) so that it matches exactly once"
    )
    _, orphan = anchor("k", TextQuote("the port closed", article="b"), ARTICLES)
    assert orphan is None


def test_prefix_suffix_and_article_pick_one_occurrence() -> None:
    span, orphan = anchor("k", TextQuote("The port closed", suffix=" on Tuesday"), ARTICLES)
    assert orphan is None and span == ("b", 0, 15)
    span, orphan = anchor("k", TextQuote("port", prefix="said the ", article="b"), ARTICLES)
    assert orphan is None and span == (
        "b",
        B_TEXT.index("port closed.", 30),
        B_TEXT.index("port closed.", 30) + 4,
    )


def test_an_unknown_article_is_named() -> None:
    _, orphan = anchor("k", TextQuote("ships", article="zz"), ARTICLES)
    assert orphan is not None
    assert (
        orphan.message
        == "claim 'k': quote \"ships\" names article 'zz', which is not in this story; use one of: a, b"
    )


def test_a_near_miss_with_other_apostrophes_is_pointed_out() -> None:
    _, orphan = anchor("k", TextQuote("the port’s future"), ARTICLES)
    assert orphan is not None and orphan.matches == 0
    assert "article 'a' has \"the port's future\", which differs only in quote marks" in orphan.message


def test_a_verdict_goes_to_the_discrepancy_it_overlaps() -> None:
    claim = Claim("ships", "verdict", (TextQuote("45 ships"),), verdict="rounding", note="both round")
    clusters, orphans = apply_claims(CLUSTERS, [claim], ARTICLES)
    assert orphans == ()
    assert [c.verdict for c in clusters] == [None, Verdict("rounding", "both round", "ships"), None]


def test_a_verdict_on_text_with_no_discrepancy_goes_to_the_clusters_there() -> None:
    claim = Claim("mayor", "verdict", (TextQuote("future was safe"),), verdict="not-a-discrepancy")
    clusters, _ = apply_claims(CLUSTERS, [claim], ARTICLES)
    assert clusters[2].verdict == Verdict("not-a-discrepancy", None, "mayor")
    assert clusters[0].verdict is None and clusters[1].verdict is None


def test_a_verdict_that_touches_no_cluster_is_reported() -> None:
    claim = Claim("lost", "verdict", (TextQuote("said the port closed"),), verdict="paraphrase")
    clusters, (orphan,) = apply_claims(CLUSTERS, [claim], ARTICLES)
    assert clusters == CLUSTERS
    assert orphan.claim == "lost" and orphan.matches == 1
    assert "no comparison cluster overlaps them" in orphan.message


def test_a_missed_discrepancy_becomes_a_curated_cluster_in_story_order() -> None:
    claim = Claim(
        "day",
        "discrepancy",
        (TextQuote("Monday"), TextQuote("Tuesday")),
        discrepancy_type="date",
        note="A says Monday. B says Tuesday.",
    )
    clusters, orphans = apply_claims((SHIPS, MAYOR), [claim], ARTICLES)
    assert orphans == ()
    assert [c.id for c in clusters] == ["k-day", "c2", "c3"]
    curated = clusters[0]
    assert (
        curated.kind == "discrepancy" and curated.origin == "curated" and curated.discrepancy_type == "date"
    )
    assert curated.label == "A says Monday." and curated.note == "A says Monday. B says Tuesday."
    assert [(m.article, m.text) for m in curated.members] == [("a", "Monday"), ("b", "Tuesday")]
    assert dict(curated.values) == {"a": "Monday", "b": "Tuesday"}
    for m in curated.members:
        assert {"a": A_TEXT, "b": B_TEXT}[m.article][m.start : m.end] == m.text


def test_a_discrepancy_the_engine_found_is_annotated_not_duplicated() -> None:
    claim = Claim(
        "ships",
        "discrepancy",
        (TextQuote("40 ships"), TextQuote("45 ships")),
        discrepancy_type="number",
        verdict="true-conflict",
        note="checked with the port",
    )
    clusters, _ = apply_claims(CLUSTERS, [claim], ARTICLES)
    assert [c.id for c in clusters] == ["c1", "c2", "c3"]
    assert clusters[1].note == "checked with the port"
    assert clusters[1].verdict == Verdict("true-conflict", "checked with the port", "ships")


def test_a_fact_is_pinned_as_shared_or_unique() -> None:
    shared = Claim("ships-waited", "fact", (TextQuote("ships waited."), TextQuote("ships waited outside")))
    unique = Claim("safe", "fact", (TextQuote("future was safe"),), note="Only A has the mayor's reassurance")
    clusters, orphans = apply_claims((), [unique, shared], ARTICLES)
    assert orphans == ()
    assert [(c.id, c.kind, c.origin, c.support) for c in clusters] == [
        ("k-ships-waited", "shared", "curated", 2),
        ("k-safe", "unique", "curated", 1),
    ]
    assert clusters[0].label == "ships waited."
    assert clusters[1].label == "Only A has the mayor's reassurance"


def test_a_claim_with_one_orphaned_quote_is_not_applied_at_all() -> None:
    claim = Claim("half", "fact", (TextQuote("40 ships"), TextQuote("99 ships")))
    clusters, orphans = apply_claims(CLUSTERS, [claim], ARTICLES)
    assert clusters == CLUSTERS
    assert [(o.claim, o.quote.exact, o.matches) for o in orphans] == [("half", "99 ships", 0)]


def test_every_bundled_claim_quote_matches_exactly_once() -> None:
    story = load_story([bundled_story()])
    assert story.annotations_path is not None
    claims = load_annotations(Path(story.annotations_path)).claims
    assert {c.kind for c in claims} == {"verdict", "fact", "discrepancy"}
    for claim in claims:
        for quote in claim.quotes:
            span, orphan = anchor(claim.id, quote, story.articles)
            assert orphan is None, orphan.message
            assert span is not None
