"""Facts: quantities with hedges and counted nouns, resolved dates, quotes with speakers."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from tui.core.model import Article, Mention
from tui.core.text.segment import segment_article, sentence_spans
from tui.core.text.slots.dates import find_dates
from tui.core.text.slots.quantities import find_quantities
from tui.core.text.slots.quotes import find_quotes

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "usfj-joint-force-hq"
INF = math.inf


def _quantities(text: str) -> list[tuple[str, float, float, float, str, str | None, str | None]]:
    dates = find_dates(text, "2025-10-29")
    return [
        (q.text, q.value, q.low, q.high, q.hedge, q.unit, q.counted)
        for q in find_quantities(text, [(d.start, d.end) for d in dates])
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("about 60,000 troops", ("about 60,000", 60000, 57000, 63000, "about", None, "troops")),
        ("around 6,000 troops", ("around 6,000", 6000, 5700, 6300, "about", None, "troops")),
        ("some 300 soldiers", ("some 300", 300, 285, 315, "about", None, "soldiers")),
        ("nearly 100 planes", ("nearly 100", 100, 95, 100, "nearly", None, "planes")),
        ("at least 40 people", ("at least 40", 40, 40, INF, "at least", None, "people")),
        ("more than 40 ships", ("more than 40", 40, 40, INF, "more than", None, "ships")),
        ("over 1,000 troops", ("over 1,000", 1000, 1000, INF, "more than", None, "troops")),
        ("up to 50 drones", ("up to 50", 50, 0, 50, "up to", None, "drones")),
        ("fewer than 10 boats", ("fewer than 10", 10, 0, 10, "less than", None, "boats")),
        ("40 to 50 missiles", ("40 to 50", 45, 40, 50, "range", None, "missiles")),
        ("40-50 missiles", ("40-50", 45, 40, 50, "range", None, "missiles")),
        ("between 40 and 50 missiles", ("between 40 and 50", 45, 40, 50, "range", None, "missiles")),
        ("40 to 50 million people", ("40 to 50 million", 45e6, 40e6, 50e6, "range", None, "people")),
        ("from 50 to billion", ("50", 50, 50, 50, "exact", None, None)),
        ("dozens of protesters", ("dozens", 24, 24, 144, "dozens", None, "protesters")),
        ("Dozens were hurt.", ("Dozens", 24, 24, 144, "dozens", None, None)),
        ("the storm injured dozens in the town", ("dozens", 24, 24, 144, "dozens", None, None)),
        (
            "killed tens of thousands of people",
            ("tens of thousands", 20000, 20000, 99999, "tens of thousands", None, "people"),
        ),
        ("35% of voters", ("35%", 35, 35, 35, "exact", "%", None)),
        ("3.5 percent growth", ("3.5 percent", 3.5, 3.5, 3.5, "exact", "%", None)),
        ("$1.5 billion in aid", ("$1.5 billion", 1.5e9, 1.5e9, 1.5e9, "exact", "USD", None)),
        ("twelve ships", ("twelve", 12, 12, 12, "exact", None, "ships")),
        ("six thousand troops", ("six thousand", 6000, 6000, 6000, "exact", None, "troops")),
        ("1.5 million people", ("1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact", None, "people")),
        ("10 km away", ("10 km", 10, 10, 10, "exact", "km", None)),
        ("5kg of rice", ("5kg", 5, 5, 5, "exact", "kg", None)),
        ("2000 troops arrived", ("2000", 2000, 2000, 2000, "exact", None, "troops")),
        ("The 55,000 U.S. troops in Japan", ("55,000", 55000, 55000, 55000, "exact", None, "troops")),
        (
            "covering about 60,000 Air Force, Army, Marine Corps, Navy and Space Force personnel",
            ("about 60,000", 60000, 57000, 63000, "about", None, "personnel"),
        ),
        (
            "no more U.S. troops beyond the current 50,000 stationed in Japan",
            ("50,000", 50000, 50000, 50000, "exact", None, "troops"),
        ),
    ],
)
def test_quantities(text: str, expected: tuple[object, ...]) -> None:
    assert _quantities(text) == [expected]


def test_unit_conversion_to_base_units() -> None:
    miles = find_quantities("10 miles away")[0]
    assert miles.unit == "km" and miles.value == pytest.approx(16.09344)
    assert miles.text == "10 miles"
    pounds = find_quantities("a 200 lb bomb")[0]
    assert pounds.unit == "kg" and pounds.value == pytest.approx(90.718474)


@pytest.mark.parametrize(
    "text",
    [
        "the 80th anniversary",
        "the U.S. 7th Fleet",
        "SM-6 missiles",
        "F-35 jets",
        "COVID-19 cases",
        "phase one personnel",
        "ready for phase two",
        "the No. 2 official",
        "established in 1957",
        "in July 2024",
        "the 1960 Treaty",
        "at 10:30 a.m.",
        "one of the most volatile regions",
        "to one with more duties",
        "a 40-year alliance",
        "on Oct. 29, 2025",
        "code 007 was used",
        "WEDNESDAY 03 JULY 2013",
        "then some one came up",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []


@pytest.mark.parametrize(
    "text, article_date, expected",
    [
        ("on March 24, 2025", None, ("March 24, 2025", "2025-03-24", "absolute")),
        ("on Oct. 29, 2025", None, ("Oct. 29, 2025", "2025-10-29", "absolute")),
        ("on Sept. 11, 2001", None, ("Sept. 11, 2001", "2001-09-11", "absolute")),
        ("on 24 March 2025", None, ("24 March 2025", "2025-03-24", "absolute")),
        ("by 2025-03-01", None, ("2025-03-01", "2025-03-01", "absolute")),
        ("in July 2024", None, ("July 2024", "2024-07", "month")),
        ("established in 1957", None, ("1957", "1957", "year")),
        ("on Oct. 28", "2025-10-29", ("Oct. 28", "2025-10-28", "absolute")),
        ("on Oct. 28", "unknown", ("Oct. 28", None, "absolute")),
        ("in March", "2025-10-29", ("March", "2025-03", "month")),
        ("in December", "2025-10-29", ("December", "2025-12", "month")),
        ("in June", "2025-10-29", ("June", "2025-06", "month")),
        ("on Dec. 28", "2025-01-05", ("Dec. 28", "2024-12-28", "absolute")),
        ("in March", "2025", ("March", "2025-03", "month")),
        ("yesterday", "2025-10-29", ("yesterday", "2025-10-28", "relative")),
        ("today", "2025-10-29", ("today", "2025-10-29", "relative")),
        ("today", "2025-10", ("today", None, "relative")),
        ("a day earlier", "2025-10-29", ("a day earlier", "2025-10-28", "relative")),
        ("last month", "2025-01", ("last month", "2024-12", "relative")),
        ("last year", "2025-03", ("last year", "2024", "relative")),
        ("here Wednesday", "2025-10-29", ("Wednesday", "2025-10-29", "weekday")),
        ("on Tuesday", "2025-10-29", ("Tuesday", "2025-10-28", "weekday")),
        ("on Thursday", "2025-10-29", ("Thursday", "2025-10-23", "weekday")),
        ("on Tuesday", "2025-03", ("Tuesday", None, "weekday")),
        ("on Tuesday", None, ("Tuesday", None, "weekday")),
        ("03 JULY 2013", None, ("03 JULY 2013", "2013-07-03", "absolute")),
    ],
)
def test_dates(text: str, article_date: str | None, expected: tuple[object, ...]) -> None:
    assert [(d.text, d.iso, d.kind) for d in find_dates(text, article_date)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "we march on",
        "you may go",
        "2000 troops arrived",
        "60,000 troops",
        "a $2025 fee",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, "2025-10-29") == ()


def _quotes(text: str, mentions: tuple[Mention, ...] = ()) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, q.speaker, q.speaker_entity) for q in find_quotes(text, sentence_spans(text), (), mentions)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will win,” Smith said.", [("We will win", "Smith", None)]),
        ("“We will win,” said Jane Smith, the minister.", [("We will win", "Jane Smith", None)]),
        ("Smith said: “We will win.”", [("We will win", "Smith", None)]),
        ("Defense Secretary Pete Hegseth said, “We stand firm.”", [("We stand firm", "Pete Hegseth", None)]),
        ('"Japan is our partner," Hegseth declared.', [("Japan is our partner", "Hegseth", None)]),
        ("According to Smith, the plan is “bold and necessary.”", [("bold and necessary", "Smith", None)]),
        (
            "Lt. Gen. Jost expressed confidence, stating, “The team is strong.”",
            [("The team is strong", "Jost", None)],
        ),
        (
            "Jost, commander of USFJ, explained: “We will pool resources.”",
            [("We will pool resources", "Jost", None)],
        ),
        ("Jones noted the costs. “It is expensive,” she said.", [("It is expensive", "Jones", None)]),
        ("The “war-fighting headquarters” plan was announced.", [("war-fighting headquarters", None, None)]),
        ("“This is it,” he said.", [("This is it", None, None)]),
        (
            "“Five died,” Fauzi, an official from the local agency, told reporters.",
            [("Five died", "Fauzi", None)],
        ),
        (
            "“We are searching,” said national agency spokesman Ann Lee.",
            [("We are searching", "Ann Lee", None)],
        ),
        ("“We are searching,” added the doctor.", [("We are searching", None, None)]),
        (
            "‘We will win,’ Ann Lee said. The ministers’ plan, ‘bold and new’, won.",
            [("We will win", "Ann Lee", None), ("bold and new", None, None)],
        ),
        ("It isn’t the ’90s any more, said the ‘expert", []),
        (
            "When Caesar answered, he cried: “Why, this is violence!”",
            [("Why, this is violence!", "Caesar", None)],
        ),
    ],
)
def test_quotes_and_speakers(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _quotes(text) == expected


def test_pronoun_takes_the_last_named_speaker() -> None:
    text = "“We will win,” Smith said. Brown noted the risk. “We will not stop,” she added."
    assert _quotes(text) == [("We will win", "Smith", None), ("We will not stop", "Brown", None)]


def test_a_quotation_left_open_runs_to_the_paragraph_end_and_keeps_its_speaker() -> None:
    text = (
        "Allies “stand together every day,” Smith said. “Our forces train together. We are "
        "ready for anything\n“We will be on the front lines,” he said."
    )
    assert _quotes(text) == [
        ("stand together every day", "Smith", None),
        ("Our forces train together. We are ready for anything", "Smith", None),
        ("We will be on the front lines", "Smith", None),
    ]


def test_a_quotation_opening_the_next_paragraph_continues_the_last_speaker() -> None:
    text = (
        "“We have received many patients,” Ann Lee said.\n"
        "“Some of them are badly hurt.”\n"
        "“This is mine,” a resident told the agency."
    )
    assert [q[1] for q in _quotes(text)] == ["Ann Lee", "Ann Lee", None]


def test_an_open_quotation_takes_the_speaker_of_its_continuation() -> None:
    text = "“First part of the remarks, at length\n“And the second part,” Smith said."
    assert [q[1] for q in _quotes(text)] == ["Smith", "Smith"]


def test_speaker_entity_comes_from_a_mention_over_the_name() -> None:
    text = "“We will win,” Hegseth said. “Again,” he said."
    at = text.index("Hegseth")
    mentions = (Mention("pete-hegseth", "a", at, at + 7, "Hegseth"),)
    assert _quotes(text, mentions) == [
        ("We will win", "Hegseth", "pete-hegseth"),
        ("Again", "Hegseth", "pete-hegseth"),
    ]


def test_random_texts_give_facts_that_slice_the_text() -> None:
    rng = random.Random(1957)
    pieces = [
        "about",
        "60,000",
        "at least",
        "between",
        "and",
        "to",
        "-",
        "$",
        "1.5",
        "billion",
        "sixty",
        "thousand",
        "km",
        "miles",
        "%",
        "Oct.",
        "29,",
        "2025",
        "Tuesday",
        "in",
        "March",
        "“",
        "”",
        '"',
        "said",
        "Smith",
        "he",
        ".",
        ",",
        "\n",
        "dozens",
        "of",
        "troops",
        "SM-6",
        "80th",
        "phase",
        "one",
        "yesterday",
        "last",
        "week",
        "No.",
    ]
    for _ in range(400):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        date = rng.choice([None, "2025-10-29", "2025-03", "bogus"])
        for fact in (
            *find_dates(text, date),
            *find_quantities(text),
            *find_quotes(text, sentence_spans(text)),
        ):
            assert text[fact.start : fact.end] == fact.text
        for quantity in find_quantities(text):
            assert quantity.low <= quantity.value <= quantity.high


def _bundled(prefix: str) -> Article:
    path = next(CORPUS.glob(f"{prefix}-*.txt"))
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    date = next(
        line.split(":", 1)[1].strip().strip("'") for line in front.splitlines() if line.startswith("date:")
    )
    return Article(id=prefix, path=str(path), title="", text=body, date=date)


def _all_quantities(prefix: str) -> list[tuple[float, str, str | None, str]]:
    units = segment_article(_bundled(prefix))
    return [(q.value, q.hedge, q.counted, q.text) for u in units for q in u.quantities]


def test_bundled_001_counts_about_60000_personnel() -> None:
    assert (60000, "about", "personnel", "about 60,000") in _all_quantities("001")
    assert not any(value in (1957, 1960) for value, *_ in _all_quantities("001"))


def test_bundled_004_counts_50000_troops() -> None:
    assert (50000, "exact", "troops", "50,000") in _all_quantities("004")


def test_bundled_003_counts_55000_and_around_6000_troops() -> None:
    found = _all_quantities("003")
    assert (55000, "exact", "troops", "55,000") in found
    assert (6000, "about", "troops", "around 6,000") in found
    assert not any("phase" in text for *_, text in found)


def test_bundled_003_weekdays_resolve_against_the_article_date() -> None:
    dates = [(d.text, d.iso) for u in segment_article(_bundled("003")) for d in u.dates]
    assert ("Wednesday", "2025-10-29") in dates
    assert ("Tuesday", "2025-10-28") in dates
    assert ("Oct. 29, 2025", "2025-10-29") in dates


def test_bundled_000_ellipsis_quote_is_one_quote_by_hegseth() -> None:
    units = segment_article(_bundled("000"))
    quotes = [q for u in units for q in u.quotes]
    peace = [q for q in quotes if "We seek peace" in q.text]
    assert len(peace) == 1
    assert peace[0].text == "America and Japan… We seek peace"
    assert peace[0].speaker == "Hegseth"
    holder = next(u for u in units if peace[0] in u.quotes)
    assert holder.text.startswith("“America and Japan… We seek peace,” Hegseth concluded")


@pytest.mark.parametrize(
    "article_date",
    ["9999-12-31", "0001-01-01", "0000-01-01", "2025-02-30", "2025-13", "20251029", "", "unknown"],
)
def test_odd_article_dates_never_break_resolution(article_date: str) -> None:
    text = "tomorrow, Tuesday, last week, next month, next year, in March, Oct. 5"
    dates = find_dates(text, article_date)
    assert [d.text for d in dates] == [
        "tomorrow",
        "Tuesday",
        "last week",
        "next month",
        "next year",
        "March",
        "Oct. 5",
    ]
    assert all(d.iso is None or d.iso[:4].isdigit() for d in dates)
