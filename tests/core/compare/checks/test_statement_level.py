"""Classification rules, each on the smallest statements that show it."""

from __future__ import annotations

import random
from datetime import date

from tui.core.compare.checks import StatementContext, statement_findings
from tui.core.compare.checks.acronym import acronym_uses, one_edit_apart
from tui.core.compare.checks.name import role_mentions
from tui.core.compare.checks.quote import quote_relation
from tui.core.compare.cluster import build_cluster
from tui.core.compare.finding import Finding
from tui.core.compare.numbers import values_agree
from tui.core.compare.timing import change_over_time, date_range
from tui.core.compare.wording import word_diff
from tui.core.model import Article, Quantity, Quote, Unit
from tui.core.text.normalize import content_tokens
from tui.core.text.slots.quantities import APPROXIMATION

ORDER = {"a": 0, "b": 1, "c": 2}


def classify(units: list[Unit], order: dict[str, int]) -> Finding | None:
    """The first difference the checks find among aligned units (None when they agree)."""
    articles = {a: Article(a, f"{a}.txt", a.upper(), "") for a in order}
    found = statement_findings(units, StatementContext(order, articles))
    return found[0] if found else None


def unit(article: str, text: str, **facts: object) -> Unit:
    return Unit(
        id=f"{article}:0",
        article=article,
        index=0,
        start=0,
        end=len(text),
        text=text,
        paragraph=0,
        tokens=content_tokens(text),
        **facts,
    )  # type: ignore[arg-type]


def qty(
    text: str,
    sentence: str,
    value: float,
    low: float | None = None,
    high: float | None = None,
    hedge: str = "exact",
    unit_: str | None = None,
    counted: str | None = "troops",
) -> Quantity:
    start = sentence.index(text)
    return Quantity(
        start,
        start + len(text),
        text,
        value,
        value if low is None else low,
        value if high is None else high,
        hedge,
        unit_,
        counted,
    )


def troops(article: str, number: str, value: float, hedge: str = "exact") -> Unit:
    sentence = f"The base hosts {number} troops, the ministry said."
    spread = APPROXIMATION * value if hedge == "about" else 0.0
    return unit(
        article, sentence, quantities=(qty(number, sentence, value, value - spread, value + spread, hedge),)
    )


def test_about_sixty_thousand_agrees_with_sixty_thousand_but_not_with_fifty_five() -> None:
    assert (
        classify([troops("a", "about 60,000", 60000, "about"), troops("b", "60,000", 60000)], ORDER) is None
    )
    found = classify(
        [
            troops("a", "about 60,000", 60000, "about"),
            troops("b", "55,000", 55000),
            troops("c", "60,000", 60000),
        ],
        ORDER,
    )
    assert found is not None and found.type == "number"
    assert {a: v.text for a, v in found.values.items()} == {"a": "about 60,000", "b": "55,000", "c": "60,000"}
    assert found.groups == (("a", "c"), ("b",))


def test_labels_stay_one_short_line_for_many_sources() -> None:
    articles = [f"a{n:02d}" for n in range(30)]
    units = [
        troops(a, "55,000" if a == "a07" else "60,000", 55000 if a == "a07" else 60000) for a in articles
    ]
    found = classify(units, {a: i for i, a in enumerate(articles)})
    assert found is not None
    label = build_cluster(
        units,
        found,
        articles={a: Article(a, a, a, "") for a in articles},
        story_order={a: i for i, a in enumerate(articles)},
        short={a: a for a in articles},
    ).label
    assert label == "Number differs: 60,000 (a00, a01, a02, a03 +25 more) / 55,000 (a07) troops"


def test_distances_in_miles_and_km_are_compared_after_conversion() -> None:
    s1, s2 = "The road is 10 miles long.", "The road is 16 km long."
    miles = qty("10 miles", s1, 16.09344, unit_="km", counted=None)
    km = qty("16 km", s2, 16.0, unit_="km", counted=None)
    assert values_agree(miles, km)
    far = qty("16 km", s2, 30.0, unit_="km", counted=None)
    assert not values_agree(miles, far)


def test_a_date_given_differently_is_a_date_discrepancy() -> None:
    from tui.core.model import DateMention

    s1 = "The bridge opened on March 3, 2021, after four years of work."
    s2 = "The bridge opened on March 5, 2021, after four years of work."
    d1 = DateMention(s1.index("March"), s1.index("March") + 13, "March 3, 2021", "2021-03-03")
    d2 = DateMention(s2.index("March"), s2.index("March") + 13, "March 5, 2021", "2021-03-05")
    found = classify([unit("a", s1, dates=(d1,)), unit("b", s2, dates=(d2,))], ORDER)
    assert found is not None and found.type == "date"
    assert found.values["b"].text == "March 5, 2021"
    month = DateMention(0, 10, "March 2021", "2021-03", "month")
    assert classify([unit("a", s1, dates=(d1,)), unit("b", s1, dates=(month,))], ORDER) is None


def test_same_speaker_same_words_in_another_order_is_quote_wording() -> None:
    s1 = "Lopez called for “ready, robust and credible deterrence” in the region."
    s2 = "“We need robust, ready, and credible deterrence,” Lopez said in the region."
    q1 = Quote(s1.index("ready"), s1.index("” in"), "ready, robust and credible deterrence", "Lopez")
    q2 = Quote(1, s2.index(",”"), "We need robust, ready, and credible deterrence", "Maria Lopez")
    found = classify([unit("a", s1, quotes=(q1,)), unit("b", s2, quotes=(q2,))], ORDER)
    assert found is not None and found.type == "quote-wording"
    assert quote_relation("we need robust deterrence now", "We need robust deterrence") == "same"
    assert quote_relation("our roads are safe", "the budget is balanced") is None


def test_negated_statement_is_a_contradiction() -> None:
    found = classify(
        [
            unit("a", "The operator will increase water releases this weekend."),
            unit("b", "The operator is not expected to increase water releases this weekend."),
        ],
        ORDER,
    )
    assert found is not None and found.type == "contradiction"
    assert found.values["b"].text == "not expected to increase"
    assert found.values["a"].text == "will increase", "the affirmative counterpart, with its auxiliary"
    assert (
        classify(
            [
                unit("a", "The operator will increase releases."),
                unit("b", "The operator will increase its releases."),
            ],
            ORDER,
        )
        is None
    )
    unrelated = classify(
        [
            unit("a", "The operator will increase water releases this weekend."),
            unit("b", "The operator, not the city, runs the dam; water releases rise this weekend."),
        ],
        ORDER,
    )
    assert unrelated is None, "the negated words (the city) are not what the other states"


def test_a_contradiction_shows_both_polarity_phrases_or_is_not_reported() -> None:
    found = classify(
        [
            unit("a", "The operator will increase water releases this weekend."),
            unit("b", "The operator didn't increase water releases this weekend."),
        ],
        ORDER,
    )
    assert found is not None and found.type == "contradiction"
    assert {a: v.text for a, v in found.values.items()} == {"a": "will increase", "b": "didn't increase"}
    for denied, stated in [
        ("They asked him to stay at the harbour, but he did not.", "They asked him to stay at the harbour."),
        (
            "The crowd would not be unaware that the guards took the keys.",
            "The guards took the keys to the gate.",
        ),
        ("The bakery has no more than three ovens in the shop.", "The bakery has three ovens in the shop."),
        ("The ferry will not run, the mayor said.", "The mayor said the ferry timetable is new."),
    ]:
        assert classify([unit("a", stated), unit("b", denied)], ORDER) is None, denied


def test_a_different_person_in_the_same_role_is_a_name_discrepancy() -> None:
    found = classify(
        [
            unit("a", "Japanese Defense Minister Gen Nakatani met the envoy on Friday."),
            unit("b", "Defense Minister Shinjiro Koizumi met the envoy on Friday."),
        ],
        ORDER,
    )
    assert found is not None and found.type == "name"
    assert {a: v.text for a, v in found.values.items()} == {"a": "Gen Nakatani", "b": "Shinjiro Koizumi"}
    same = classify(
        [
            unit("a", "Defense Secretary Pete Hegseth met the envoy."),
            unit("b", "U.S. Secretary of Defense Pete Hegseth met the envoy."),
        ],
        ORDER,
    )
    assert same is None


def test_role_mentions_read_ranks_only_with_their_period() -> None:
    mentions = role_mentions(unit("a", "Air Force Lt. Gen. Stephen Jost spoke to Prime Minister Ishiba."))
    assert [(m.person, sorted(m.key)) for m in mentions] == [
        ("Stephen Jost", ["air", "force", "gen", "lt"]),
        ("Ishiba", ["minister", "prime"]),
    ]


def test_acronyms_with_their_spelled_out_initials() -> None:
    uses = acronym_uses(
        unit("a", "They will build Advanced Medium-Range Air to Air Missiles (MRAAM) and SM-6.")
    )
    assert [(u.acronym, u.initials) for u in uses] == [("MRAAM", "AMRAAM")]
    shouted = acronym_uses(unit("b", "BREAKING NEWS TODAY: the NATO summit opens."))
    assert [u.acronym for u in shouted] == ["NATO"]
    assert one_edit_apart("AMRAAM", "MRAAM") and one_edit_apart("USFJ", "USFK")
    assert not one_edit_apart("NATO", "ASEAN")


def test_word_diff_pieces_rebuild_the_text_and_mark_only_changed_words() -> None:
    pieces = word_diff("Officials said 19 people were killed.", "Officials said 12 people were killed.")
    assert "".join(p.text for p in pieces) == "Officials said 19 people were killed."
    assert [p.text for p in pieces if p.changed] == ["19"]
    rng = random.Random(3)
    words = "the storm killed 12 people in the valley on monday said officials".split()
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) + rng.choice(["", ".", "  "])
        other = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        assert "".join(p.text for p in word_diff(text, other)) == text


def test_month_precision_dates_and_change_over_time() -> None:
    assert date_range("2025-03") == (date(2025, 3, 1), date(2025, 3, 31))
    assert date_range("2025-10-29") == (date(2025, 10, 29), date(2025, 10, 29))
    assert date_range("unknown") is None and date_range(None) is None
    articles = {
        "a": Article("a", "a", "a", "", date="2025-03"),
        "b": Article("b", "b", "b", "", date="2025-10-29"),
        "c": Article("c", "c", "c", "", date=None),
        "d": Article("d", "d", "d", "", date="2025-04-20"),
    }
    assert change_over_time([("a", "c"), ("b",)], articles), "undated c goes with a's value"
    assert not change_over_time([("a",), ("c",)], articles), "an undated value cannot be placed"
    assert not change_over_time([("a",), ("d",)], articles), "weeks apart is not months apart"


def test_a_number_that_matches_another_of_the_reference_numbers_is_not_a_rival() -> None:
    s1 = "The quake struck six miles deep, 34 miles west of the town."
    s2 = "The quake struck roughly 55 km from the town."
    deep = qty("six miles", s1, 9.656, unit_="km", counted=None)
    west = qty("34 miles", s1, 54.72, unit_="km", counted=None)
    away = qty("roughly 55 km", s2, 55.0, 49.5, 60.5, "about", unit_="km", counted=None)
    assert (
        classify([unit("a", s1, quantities=(deep, west)), unit("b", s2, quantities=(away,))], ORDER) is None
    )
