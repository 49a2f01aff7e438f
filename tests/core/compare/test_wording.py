"""Word diffs: exact for ordinary statements, and still sensible (and quick) for statements
so long that matching every word against every other would take minutes."""

from __future__ import annotations

from tui.core.compare.wording import MATCH_BUDGET, word_diff


def _changed(text: str, other: str) -> list[str]:
    pieces = word_diff(text, other)
    assert "".join(p.text for p in pieces) == text
    return [p.text.strip() for p in pieces if p.changed]


def test_an_ordinary_statement_shows_the_word_that_changed() -> None:
    assert _changed("Crews rescued 40 people from the ferry.", "Crews rescued 42 people from the ferry.") == [
        "40"
    ]


def _long_sentence(figure: int) -> str:
    parts = [f"{n * 7 + 3} families in district {n} lost {n * 13 + 1} homes" for n in range(120)]
    parts[60] = f"{figure} families in district 60 lost 781 homes"
    return "Officials said " + ", ".join(parts) + "."


def test_a_very_long_statement_still_shows_the_one_figure_that_changed() -> None:
    ours, theirs = _long_sentence(423), _long_sentence(424)
    assert len(ours.split()) * len(theirs.split()) > MATCH_BUDGET  # the long path is taken
    assert _changed(ours, theirs) == ["423"]


def test_two_very_long_statements_that_differ_throughout_show_the_middle_changed() -> None:
    ours = "Officials said " + ", ".join(f"{n} homes in district {n}" for n in range(200)) + "."
    theirs = "Officials said " + ", ".join(f"{n + 1} homes in district {n}" for n in range(200)) + "."
    changed = _changed(ours, theirs)
    assert len(changed) == 1  # the common beginning and end matched, the rest changed as one run
    assert changed[0].startswith("0 homes in district 0,") and changed[0].endswith("district 198, 199")
