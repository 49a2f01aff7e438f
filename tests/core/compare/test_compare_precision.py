"""A discrepancy needs rival values: omissions and counts of different things are not conflicts.

Each story is invented and goes through the whole pipeline, as a reader would see it.
"""

from __future__ import annotations

import pytest

from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.model import Annotations, Article, Cluster, Comparison, Story
from tui.core.pipeline import build_comparison
from tui.core.text.slots.quantities import quantity_predicate


def compare(*articles: Article) -> Comparison:
    return build_comparison(Story("quake", "/tmp/quake", tuple(articles)), Annotations(None))


def discrepancies(result: Comparison, kind: str) -> list[Cluster]:
    return [c for c in result.clusters if c.kind == "discrepancy" and c.discrepancy_type == kind]


def values(cluster: Cluster) -> set[str]:
    return set(cluster.values.values())


# ---------------------------------------------------------------------------------------------
# Dates

QUAKE_A = Article(
    "a",
    "a.txt",
    "A",
    (
        "An earthquake flattened buildings Tuesday in a coastal region devastated by the tsunami of 2004. "
        "Rescue crews searched the ruins of the old market."
    ),
    date="2019-03-06",
)
QUAKE_B = Article(
    "b",
    "b.txt",
    "B",
    (
        "The quake rocked a coastal region devastated by the tsunami of 2004. "
        "Rescue crews searched the ruins of the old market."
    ),
    date="2019-03-06",
)
QUAKE_C = Article(
    "c",
    "c.txt",
    "C",
    ("A quake struck the coastal region on Tuesday. Rescue crews searched the ruins of the old market."),
    date="2019-03-06",
)


def test_leaving_out_a_date_that_another_source_gives_is_not_a_date_discrepancy() -> None:
    result = compare(QUAKE_A, QUAKE_B, QUAKE_C)
    assert discrepancies(result, "date") == []
    assert not any(c.kind == "discrepancy" for c in result.clusters)


def test_a_weekday_and_a_year_given_side_by_side_are_not_rivals_whatever_the_file_order() -> None:
    ordered = compare(QUAKE_B, QUAKE_C, QUAKE_A)
    assert [c.label for c in ordered.clusters] == [
        c.label for c in compare(QUAKE_A, QUAKE_B, QUAKE_C).clusters
    ]
    assert discrepancies(ordered, "date") == []


def test_tuesday_against_wednesday_for_the_same_event_is_still_a_date_discrepancy() -> None:
    wednesday = Article(
        "b",
        "b.txt",
        "B",
        (
            "An earthquake flattened buildings Wednesday in a coastal region devastated by the tsunami of 2004. "
            "Rescue crews searched the ruins of the old market."
        ),
        date="2019-03-06",
    )
    found = discrepancies(compare(QUAKE_A, wednesday, QUAKE_C), "date")
    assert len(found) == 1
    assert dict(found[0].values) == {"a": "Tuesday", "b": "Wednesday", "c": "Tuesday"}


def test_july_second_against_july_third_is_still_a_date_discrepancy() -> None:
    second = Article(
        "a",
        "a.txt",
        "A",
        "The ferry sank in the northern strait on July 2, the coast guard said.",
        date="2021-07-04",
    )
    third = Article(
        "b",
        "b.txt",
        "B",
        "The ferry sank in the northern strait on July 3, the coast guard said.",
        date="2021-07-04",
    )
    found = discrepancies(compare(second, third), "date")
    assert len(found) == 1 and values(found[0]) == {"July 2", "July 3"}


def test_relative_dates_that_resolve_to_different_days_still_differ() -> None:
    monday = Article(
        "a",
        "a.txt",
        "A",
        "The ferry sank in the northern strait yesterday, the coast guard said.",
        date="2021-07-05",
    )
    sunday = Article(
        "b",
        "b.txt",
        "B",
        "The ferry sank in the northern strait yesterday, the coast guard said.",
        date="2021-07-07",
    )
    found = discrepancies(compare(monday, sunday), "date")
    assert len(found) == 1 and set(found[0].values) == {"a", "b"}


# ---------------------------------------------------------------------------------------------
# Numbers

TOLL_A = Article(
    "a",
    "a.txt",
    "A",
    (
        "Twelve people were killed and 70 others were injured by a landslide in the hill district, "
        "the disaster agency said."
    ),
    date="2019-03-06",
)
TOLL_B = Article(
    "b",
    "b.txt",
    "B",
    (
        "The quake injured more than 200 people and damaged more than 300 houses in the hill district, "
        "the disaster agency said."
    ),
    date="2019-03-06",
)
TOLL_C = Article(
    "c",
    "c.txt",
    "C",
    ("The landslide killed 19 people in the hill district, the disaster agency said."),
    date="2019-03-06",
)


def test_a_death_toll_is_not_compared_with_a_count_of_the_injured() -> None:
    for cluster in compare(TOLL_A, TOLL_B).clusters:
        assert not {"Twelve", "more than 200"} <= values(cluster), cluster.label


def test_the_injured_are_compared_with_the_injured() -> None:
    found = discrepancies(compare(TOLL_A, TOLL_B), "number")
    assert len(found) == 1
    assert dict(found[0].values) == {"a": "70", "b": "more than 200"}


def test_the_dead_are_compared_with_the_dead() -> None:
    found = discrepancies(compare(TOLL_A, TOLL_C), "number")
    assert len(found) == 1
    assert dict(found[0].values) == {"a": "Twelve", "c": "19"}


def test_a_count_with_no_fate_word_is_still_compared() -> None:
    plain = Article(
        "b",
        "b.txt",
        "B",
        ("Nineteen people were in the hill district when the landslide came, the disaster agency said."),
        date="2019-03-06",
    )
    killed = Article(
        "a",
        "a.txt",
        "A",
        ("Twelve people were in the hill district when the landslide came, the disaster agency said."),
        date="2019-03-06",
    )
    found = discrepancies(compare(killed, plain), "number")
    assert len(found) == 1 and values(found[0]) == {"Twelve", "Nineteen"}


def test_story_wide_counts_of_different_things_are_not_a_discrepancy() -> None:
    a = Article(
        "a",
        "a.txt",
        "A",
        (
            "The storm flattened farms across the delta, injuring dozens in a region still rebuilding from the floods. "
            "Ferries stopped running."
        ),
        date="2019-03-06",
    )
    b = Article(
        "b",
        "b.txt",
        "B",
        ("Ferries stopped running. Earlier floods in the delta region hit farms in 14 countries downstream."),
        date="2019-03-06",
    )
    assert discrepancies(compare(a, b), "number") == []


@pytest.mark.parametrize(
    ("text", "number", "counted", "fate"),
    [
        ("Twelve people were killed and 70 others were injured.", "Twelve", "people", "killed"),
        ("Twelve people were killed and 70 others were injured.", "70", None, "injured"),
        (
            "The quake injured more than 200 people and damaged more than 300 houses.",
            "more than 200",
            "people",
            "injured",
        ),
        (
            "The quake injured more than 200 people and damaged more than 300 houses.",
            "more than 300",
            "houses",
            "damaged",
        ),
        ("The storm killed 230,000 people in 14 countries.", "14", "countries", None),
        (
            "Doctors received around 50 people with injuries from the collapse.",
            "around 50",
            "people",
            "injured",
        ),
        ("The death toll rose to 19.", "19", None, "killed"),
        ("About 3,000 residents were evacuated from the valley.", "About 3,000", "residents", "displaced"),
        ("The 55,000 troops in the country stand ready.", "55,000", "troops", None),
        (
            "No more troops beyond the current 50,000 stationed in the country.",
            "50,000",
            "troops",
            "stationed",
        ),
        ("Six children were killed and 14 others trapped when a school collapsed.", "14", None, "trapped"),
    ],
)
def test_what_happened_to_what_a_number_counts(
    text: str, number: str, counted: str | None, fate: str | None
) -> None:
    start = text.index(number)
    assert quantity_predicate(text, start, start + len(number), counted) == fate


def test_the_bundled_story_keeps_its_six_discrepancies() -> None:
    result = build_comparison(load_story([bundled_story()]))
    found = sorted(
        (c.discrepancy_type or "", sorted(set(c.values.values())))
        for c in result.clusters
        if c.kind == "discrepancy"
    )
    assert [kind for kind, _values in found] == [
        "contradiction",
        "name",
        "name",
        "name",
        "number",
        "quote-wording",
    ]
    assert ("number", ["50,000", "55,000", "about 60,000"]) in found
    assert not any(kind == "date" for kind, _values in found)
