"""Story-wide checks on units that alignment keeps apart."""

from __future__ import annotations

from tui.core.compare.align import token_weights
from tui.core.compare.checks.acronym import acronyms_across_story
from tui.core.compare.checks.base import StoryContext
from tui.core.compare.checks.name import names_across_story, role_families, role_mentions
from tui.core.compare.checks.number import numbers_across_story
from tui.core.model import Article, Quantity, Unit
from tui.core.text.normalize import content_tokens

ORDER = {"a": 0, "b": 1, "c": 2, "d": 3}
ARTICLES = {a: Article(a, f"{a}.txt", a.upper(), "", date="2024-05") for a in ORDER}
FILLER = [f"Unrelated sentence number {n} about weather{n} and markets{n}." for n in range(12)]


def unit(article: str, index: int, text: str, *quantities: tuple[str, float, str | None]) -> Unit:
    found = []
    for written, value, counted in quantities:
        start = text.index(written)
        low, high = (value * 0.9, value * 1.1) if written.startswith("about") else (value, value)
        found.append(
            Quantity(
                start,
                start + len(written),
                written,
                value,
                low,
                high,
                "about" if written.startswith("about") else "exact",
                None,
                counted,
            )
        )
    return Unit(
        f"{article}:{index}",
        article,
        index,
        0,
        len(text),
        text,
        index,
        content_tokens(text),
        quantities=tuple(found),
    )


def filler(article: str) -> list[Unit]:
    return [unit(article, 100 + n, text) for n, text in enumerate(FILLER)]


def test_one_count_given_three_ways_in_unlike_sentences_is_one_finding() -> None:
    units = [
        unit(
            "a",
            0,
            "The agency oversees about 60,000 contract workers stationed at the northern plant.",
            ("about 60,000", 60000, "workers"),
        ),
        unit(
            "b",
            0,
            "Critics doubt the current 50,000 workers stationed at the northern plant can cope.",
            ("50,000", 50000, "workers"),
        ),
        unit(
            "c",
            0,
            "The 55,000 contract workers at the northern plant went on strike on Friday.",
            ("55,000", 55000, "workers"),
        ),
        unit(
            "c",
            1,
            "Around 6,000 contract workers at the northern plant were sent home.",
            ("6,000", 6000, "workers"),
        ),
        *filler("a"),
        *filler("b"),
        *filler("c"),
    ]
    found = numbers_across_story(units, StoryContext(token_weights(units), ORDER, {}, {}, ARTICLES))
    assert len(found) == 1
    assert {a: v.text for a, v in found[0].values.items()} == {
        "a": "about 60,000",
        "b": "50,000",
        "c": "55,000",
    }


def test_agreeing_counts_and_years_are_not_findings() -> None:
    units = [
        unit(
            "a",
            0,
            "Founded in 1957, the agency oversees 60,000 workers at the northern plant.",
            ("1957", 1957, None),
            ("60,000", 60000, "workers"),
        ),
        unit(
            "b",
            0,
            "The northern plant employs about 60,000 workers, and was founded in 1960.",
            ("about 60,000", 60000, "workers"),
            ("1960", 1960, None),
        ),
        *filler("a"),
        *filler("b"),
    ]
    assert numbers_across_story(units, StoryContext(token_weights(units), ORDER, {}, {}, ARTICLES)) == []


def test_a_one_word_role_is_too_vague_to_compare() -> None:
    units = [
        unit("a", 0, "Prime Minister Ana Ruiz met Defense Minister Tomas Berg."),
        unit("b", 0, "Minister Berg spoke first, then Prime Minister Ruiz."),
        unit("c", 0, "Defense Minister Clara Holt replaced him in October."),
    ]
    families = role_families([m for u in units for m in role_mentions(u)])
    people = sorted(sorted(m.person for m in family) for family in families.values())
    assert people == [["Ana Ruiz", "Ruiz"], ["Clara Holt", "Tomas Berg"]]
    found = names_across_story(units, StoryContext(token_weights(units), ORDER, {}, {}, ARTICLES))
    assert [sorted(v.text for v in f.values.values()) for f in found] == [["Clara Holt", "Tomas Berg"]]


def test_distinct_acronyms_used_together_are_not_variants() -> None:
    units = [
        unit("a", 0, "Forces of USFJ and USFK train together near the border crossing."),
        unit("b", 0, "USFK and USFJ forces train near the border crossing every spring."),
        unit("c", 0, "The Joint Maritime Operations Centre (JMOC) runs the border crossing patrols."),
        unit("d", 0, "Patrols at the border crossing are run by the JMOCS, officials said."),
    ]
    found = acronyms_across_story(units, StoryContext(token_weights(units), ORDER, {}, {}, ARTICLES))
    assert [sorted(v.text for v in f.values.values()) for f in found] == [
        ["JMOCS", "Joint Maritime Operations Centre (JMOC)"]
    ]
