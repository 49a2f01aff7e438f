"""Quotations and their speakers, across sentences and paragraphs."""

from __future__ import annotations

import pytest

from tests.core.text.slots.bundled import bundled_article
from tui.core.model import Mention
from tui.core.text.segment import segment_article, sentence_spans
from tui.core.text.slots.quotes import find_quotes


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


def test_bundled_000_ellipsis_quote_is_one_quote_by_hegseth() -> None:
    units = segment_article(bundled_article("000"))
    quotes = [q for u in units for q in u.quotes]
    peace = [q for q in quotes if "We seek peace" in q.text]
    assert len(peace) == 1
    assert peace[0].text == "America and Japan… We seek peace"
    assert peace[0].speaker == "Hegseth"
    holder = next(u for u in units if peace[0] in u.quotes)
    assert holder.text.startswith("“America and Japan… We seek peace,” Hegseth concluded")
