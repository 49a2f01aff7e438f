"""Boilerplate is recognised by general rules and kept out of the comparison."""

from __future__ import annotations

from tui.core.load.boilerplate import find_boilerplate
from tui.core.load.corpus import split_paragraphs


def reasons(text: str) -> dict[str, str]:
    paragraphs = split_paragraphs(text)
    found = find_boilerplate(text, paragraphs)
    return {text[b.start : b.end]: b.reason for b in found}


def test_cross_links_appeals_footers_and_labels_are_boilerplate() -> None:
    text = "\n".join(
        [
            "Rivers rose by two metres overnight in the valley.",
            "RELATED: Ten things to know about floods",
            "Read more: the mayor's full statement",
            "HomeWorld",
            "Please make a donation to the Valley Times to support independent journalism.",
            "Follow us on Mastodon for updates.",
            "Log in to comment",
            "The mayor said the dam held.",
        ]
    )
    found = reasons(text)
    assert found == {
        "RELATED: Ten things to know about floods": "cross-link",
        "Read more: the mayor's full statement": "cross-link",
        "HomeWorld": "section label",
        "Please make a donation to the Valley Times to support independent journalism.": "appeal or footer",
        "Follow us on Mastodon for updates.": "appeal or footer",
        "Log in to comment": "appeal or footer",
    }


def test_photo_captions_and_credits() -> None:
    text = "\n".join(
        [
            "Mayor Ana Ruiz",
            "Mayor Ana Ruiz (Reuters)",
            "Volunteers fill sandbags near the bridge, May 3. (Jo Lee/Valley Times)",
            "Photo: a flooded street",
            "The river (locally the Oda) rose fast.",
            "Officials from the Flood Agency (FA)",
        ]
    )
    found = reasons(text)
    assert found["Mayor Ana Ruiz"] == "photo caption or credit"
    assert found["Mayor Ana Ruiz (Reuters)"] == "photo caption or credit"
    assert found["Volunteers fill sandbags near the bridge, May 3. (Jo Lee/Valley Times)"] == (
        "photo caption or credit"
    )
    assert found["Photo: a flooded street"] == "label"
    assert "The river (locally the Oda) rose fast." not in found
    assert "Officials from the Flood Agency (FA)" not in found


def test_the_headline_is_a_statement_but_its_repeat_is_boilerplate() -> None:
    text = "Dam holds as river peaks\n\nDam holds as river peaks\n\nThe dam held, officials said."
    paragraphs = split_paragraphs(text)
    found = find_boilerplate(text, paragraphs)
    assert [(b.start, text[b.start : b.end], b.reason) for b in found] == [
        (26, "Dam holds as river peaks", "repeated line"),
    ]


def test_datelines_are_publication_metadata_not_statements() -> None:
    text = "\n\n".join(
        [
            "Flood peaks in the valley",
            "WEDNESDAY 03 JULY 2013",
            "Updated: July 2, 2013 15:01 IST",
            "The river peaked on Tuesday, July 2, 2013, officials said.",
        ]
    )
    found = reasons(text)
    assert found == {"WEDNESDAY 03 JULY 2013": "dateline", "Updated: July 2, 2013 15:01 IST": "dateline"}
