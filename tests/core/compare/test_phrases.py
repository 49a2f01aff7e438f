"""Verbatim reuse: shared phrases with exact offsets, and wire copy counted as one origin."""

from __future__ import annotations

from tui.core.compare.phrases import find_reuse, origins
from tui.core.model import Article, Boilerplate, WireCopy

WIRE = (
    "The ministry said on Friday that the new rail line between the two northern cities "
    "would open to passengers in the spring, two years later than first planned, because "
    "tunnel works under the river had run into flooded ground and needed extra pumps."
)


def article(article_id: str, text: str, boilerplate: tuple[Boilerplate, ...] = ()) -> Article:
    return Article(
        id=article_id, path=f"{article_id}.txt", title=article_id, text=text, boilerplate=boilerplate
    )


def test_a_shared_run_of_words_is_found_in_full_with_exact_offsets() -> None:
    a = article("a", "Officials said the bridge will reopen to traffic next month after repairs.")
    b = article("b", "After a long wait, the bridge will reopen to traffic next month, officials said.")
    phrases, _wire = find_reuse([a, b])
    assert len(phrases) == 1
    phrase = phrases[0]
    assert phrase.words == 8
    assert phrase.text == "the bridge will reopen to traffic next month"
    for occurrence in phrase.occurrences:
        text = {"a": a.text, "b": b.text}[occurrence.article]
        assert text[occurrence.start : occurrence.end].lower().startswith("the bridge will reopen")
        assert text[occurrence.start : occurrence.end].endswith("next month")


def test_runs_shorter_than_six_words_and_boilerplate_are_not_phrases() -> None:
    footer = "Follow us on social media for breaking news and daily updates."
    a = article("a", "The bridge will reopen soon. " + footer, (Boilerplate(29, 29 + len(footer), "footer"),))
    b = article(
        "b",
        "Officials hope the bridge will reopen soon. " + footer,
        (Boilerplate(44, 44 + len(footer), "footer"),),
    )
    phrases, _wire = find_reuse([a, b])
    assert phrases == ()


def test_punctuation_and_case_do_not_break_a_phrase() -> None:
    a = article("a", "He called it “a ready, robust and credible force” in Tokyo.")
    b = article("b", "He called it a Ready Robust and Credible force, officials said.")
    phrases, _wire = find_reuse([a, b])
    assert [p.words for p in phrases] == [9]


def test_articles_sharing_most_of_their_text_are_wire_copy_and_one_origin() -> None:
    a = article("a", WIRE + " Local traders welcomed the news.")
    b = article("b", "RAIL DELAY. " + WIRE)
    c = article("c", "The mayor of the southern port said the harbour will be dredged next year.")
    _phrases, wire = find_reuse([c, b, a])
    assert len(wire) == 1
    copy = wire[0]
    assert copy.articles == ("a", "b")
    assert copy.shared_words >= 40 and copy.ratio > 0.9
    assert origins(["a", "b", "c"], wire) == {"a": "a", "b": "a", "c": "c"}


def test_origins_join_chains_of_copies() -> None:
    wire = (WireCopy(("a", "b"), 50, 0.9), WireCopy(("b", "d"), 50, 0.8))
    assert origins(["a", "b", "c", "d"], wire) == {"a": "a", "b": "a", "c": "c", "d": "a"}
