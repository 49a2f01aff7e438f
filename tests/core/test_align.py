"""Alignment groups what sources say alike, one unit per source, whatever the file order."""

from __future__ import annotations

import random

from tui.core.align import align_units, pair_score, token_weights
from tui.core.model import Unit
from tui.core.normalize import content_tokens


def unit(article: str, index: int, text: str) -> Unit:
    return Unit(
        id=f"{article}:{index}", article=article, index=index, start=index * 1000,
        end=index * 1000 + len(text), text=text, paragraph=index, tokens=content_tokens(text),
    )


STORY = [
    unit("a", 0, "The storm destroyed the harbour bridge in Portwell on Tuesday night."),
    unit("a", 1, "Mayor Ines Park promised a temporary ferry within a week."),
    unit("a", 2, "Fishermen said the catch had been poor all season."),
    unit("b", 0, "On Tuesday night the storm destroyed Portwell's harbour bridge."),
    unit("b", 1, "A temporary ferry will run within a week, Mayor Ines Park promised."),
    unit("b", 2, "Schools across the county stay closed until Friday."),
    unit("c", 0, "Portwell lost its harbour bridge to the storm late on Tuesday."),
    unit("c", 1, "The county has asked the national government for emergency funds."),
]


def texts(groups: tuple[tuple[Unit, ...], ...]) -> list[list[str]]:
    return [[u.id for u in group] for group in groups]


def test_paraphrases_across_three_sources_form_one_group_and_the_rest_stay_alone() -> None:
    groups = texts(align_units(STORY))
    assert ["a:0", "b:0", "c:0"] in groups
    assert ["a:1", "b:1"] in groups
    for lonely in ("a:2", "b:2", "c:1"):
        assert [lonely] in groups
    assert sorted(u for g in groups for u in g) == sorted(u.id for u in STORY)


def test_a_group_never_holds_two_units_of_one_article() -> None:
    twin = unit("b", 3, "The storm destroyed the harbour bridge at Portwell late on Tuesday night.")
    groups = align_units([*STORY, twin])
    for group in groups:
        articles = [u.article for u in group]
        assert len(articles) == len(set(articles))
    bridge = next(g for g in groups if any(u.id == "a:0" for u in g))
    assert {u.id for u in bridge} & {"b:0", "b:3"}, "one of b's bridge sentences joins a's"


def test_the_result_does_not_depend_on_input_order() -> None:
    expected = texts(align_units(STORY))
    rng = random.Random(7)
    for _ in range(5):
        shuffled = STORY[:]
        rng.shuffle(shuffled)
        assert texts(align_units(shuffled)) == expected


def test_tokens_in_more_than_half_of_the_units_are_not_indexed() -> None:
    units = [unit(a, i, f"Storm report number {a}{i} mentions detail{a}{i}") for a in "abcdef" for i in range(3)]
    weights = token_weights(units)
    assert "storm" in weights.common
    assert weights.of("detaila0") > weights.of("storm")


def test_alias_tokens_make_different_wordings_align() -> None:
    left = Unit("a:0", "a", 0, 0, 10, "x", 0, ("@lopez", "order", "evacuation", "village"))
    right = Unit("b:0", "b", 0, 0, 10, "y", 0, ("@lopez", "order", "evacuation", "hamlet"))
    other = Unit("c:0", "c", 0, 0, 10, "z", 0, ("ferry", "run", "week", "hamlet"))
    weights = token_weights([left, right, other])
    assert pair_score(left, right, weights) > pair_score(right, other, weights)
    assert [["a:0", "b:0"], ["c:0"]] == texts(align_units([left, right, other]))
