"""Alignment groups what sources say alike, one unit per source, whatever the file order."""

from __future__ import annotations

import random

from tui.core.compare.align import align_units, token_weights
from tui.core.compare.profile import is_heading, profile_of, statement, weights_for
from tui.core.compare.similarity import score
from tui.core.model import Mention, Unit
from tui.core.text.normalize import content_tokens


def unit(article: str, index: int, text: str) -> Unit:
    return Unit(
        id=f"{article}:{index}",
        article=article,
        index=index,
        start=index * 1000,
        end=index * 1000 + len(text),
        text=text,
        paragraph=index,
        tokens=content_tokens(text),
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
    return [[u.id.split("@")[0] for u in group] for group in groups]


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
    units = [
        unit(a, i, f"Storm report number {a}{i} mentions detail{a}{i}") for a in "abcdef" for i in range(3)
    ]
    weights = token_weights(units)
    assert "storm" in weights.common
    assert weights.of("detaila0") > weights.of("storm")


def test_alias_tokens_make_different_wordings_align() -> None:
    left = unit("a", 0, "Governor Lopez ordered the evacuation of the village.")
    right = unit("b", 0, "Maria T. Lopez ordered the evacuation of the hamlet.")
    other = unit("c", 0, "The ferry will run within a week to the hamlet.")
    mentions = {
        "a": [Mention("lopez", "a", 0, 15, "Governor Lopez")],
        "b": [Mention("lopez", "b", 0, 14, "Maria T. Lopez")],
    }
    items = [statement(u, mentions.get(u.article, [])) for u in (left, right, other)]
    weights = weights_for([frozenset(t.norm for t in item.tokens) for item in items])
    a, b, c = (profile_of(item, weights) for item in items)
    assert "@lopez" in a.keys & b.keys
    assert score(a, b, weights) > score(b, c, weights)
    assert texts(align_units([left, right, other], mentions)) == [["a:0", "b:0"], ["c:0"]]


REBUILD = [
    unit(
        "a",
        0,
        "Governor Lee Ward announced in Portwell that the state has started phase one of "
        "rebuilding the harbour bridge, a project that will take three years and most of the reserve fund.",
    ),
    unit(
        "a",
        1,
        "The state will add engineers to both the Portwell and Eastfield depots to speed up the repairs "
        "before the tourist season returns in June.",
    ),
    unit("a", 2, "Fishermen said the catch had been poor all season."),
    unit(
        "b",
        0,
        "The visit, which included talks with Mayor Ines Park, culminated in the announcement of "
        "phase one of rebuilding the harbour bridge, a major step for the coast.",
    ),
    unit(
        "b",
        1,
        "Ward said additional engineers will be assigned to the Portwell depot, which the state will "
        "turn into a repair hub for the whole coast after two winters of storm damage.",
    ),
    unit("b", 2, "Schools across the county stay closed until Friday."),
    unit(
        "c",
        0,
        "Ward announced plans to rebuild the harbour bridge in Portwell as a new storm-proof "
        "crossing, marking a major shift in how the coast guards its towns against the sea.",
    ),
    unit(
        "c",
        1,
        "The repairs are set to expand over the coming months, with added engineers and cranes in Portwell.",
    ),
    unit("c", 2, "Insurance claims are expected to reach record levels."),
]


def test_one_fact_in_different_words_joins_one_group_across_three_sources() -> None:
    groups = texts(align_units(REBUILD))
    assert ["a:0", "b:0", "c:0"] in groups, "announced/announcement, rebuilding/rebuild"
    assert ["a:1", "b:1", "c:1"] in groups, "add/additional/added engineers, in a longer sentence"
    for lonely in ("a:2", "b:2", "c:2"):
        assert [lonely] in groups


def test_statements_that_share_only_their_cast_stay_apart() -> None:
    cast = [
        unit(
            "a",
            0,
            "Mayor Ines Park told Governor Lee Ward in Portwell that the schools will reopen on Monday.",
        ),
        unit("b", 0, "Governor Lee Ward met Mayor Ines Park in Portwell to discuss the ferry timetable."),
        unit("c", 0, "Storm damage closed the coastal road for a week."),
    ]
    assert texts(align_units(cast)) == [["a:0"], ["b:0"], ["c:0"]]


def test_a_heading_never_links_to_a_sentence_and_one_shared_word_is_not_a_link() -> None:
    story = [
        unit("a", 0, "Implementation and Multilateral Cooperation"),
        unit("a", 1, "The ferry will run within a week, the mayor promised."),
        unit("b", 0, "The ministers agreed on the implementation of multilateral cooperation with partners."),
        unit("b", 1, "Multilateral Cooperation: Implementation"),
        unit("c", 0, "The council discussed the implementation of the budget."),
    ]
    groups = texts(align_units(story))
    assert ["a:0", "b:1"] in groups, "headings still link to headings"
    assert ["b:0"] in groups and ["c:0"] in groups
    alone = texts(align_units([story[0], story[2]]))
    assert alone == [["a:0"], ["b:0"]], "a topic heading is not the sentence that uses its words"


def test_heading_detection() -> None:
    assert is_heading("Preparing for Regional Security Challenges")
    assert not is_heading("The ferry will run within a week.")
    assert not is_heading("Regional Governor Maria Lopez ordered the evacuation of the lowland villages")
    assert not is_heading("Why did the bridge fall?")


COUNCIL = [
    unit("a", 0, "The council met on Monday to vote on the new budget for the harbour."),
    unit("a", 2, "Police later closed the square and sent the protesters home."),
    unit("b", 0, "Protesters gathered outside the town hall as the budget vote began."),
    unit("b", 2, "The budget passed by seven votes to four after a long debate."),
    unit("c", 0, "Councillors passed the harbour budget by seven votes to four."),
    unit("c", 1, "Several shops near the square stayed shut for the rest of the day."),
]
COVERED = unit(
    "a",
    1,
    "At this, the mayor dropped the papers he had been holding, covered his face with his scarf, and walked"
    " out into the rain.",
)
BURIED = unit(
    "b",
    1,
    "Seeing the crowd close in on every side, the mayor buried his face in his scarf and, at the same time,"
    " pulled his coat tight with his left hand.",
)


def test_one_moment_told_in_other_words_aligns_on_a_shared_phrase() -> None:
    groups = texts(align_units([*COUNCIL, COVERED, BURIED]))
    assert ["a:1", "b:1"] in groups, "'covered his face with his scarf' / 'buried his face in his scarf'"


def test_the_same_words_scattered_are_no_phrase() -> None:
    scattered = unit(
        "b",
        1,
        "Seeing the crowd close in on every side, the mayor buried his scarf in his coat and, at the same"
        " time, pulled it over his face with his left hand.",
    )
    groups = texts(align_units([*COUNCIL, COVERED, scattered]))
    assert ["a:1"] in groups and ["b:1"] in groups


def test_a_phrase_a_source_keeps_saying_is_no_evidence() -> None:
    again = unit(
        "b", 3, "Earlier that week the mayor had wrapped his face in his scarf against the cold wind."
    )
    groups = texts(align_units([*COUNCIL, COVERED, BURIED, again]))
    assert ["a:1"] in groups, "b says 'face ... scarf' twice: the phrase is its subject, not one moment"
