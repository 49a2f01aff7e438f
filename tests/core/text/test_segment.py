"""Segmentation: every trap of news copy yields the sentences a reader would see."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.core.load.resources import bundled_story
from tui.core.model import Article, Boilerplate, Mention, Unit
from tui.core.text.segment import join_story_compounds, segment_article

CORPUS = bundled_story()


def _article(text: str, **kwargs: object) -> Article:
    return Article(id="a", path="a.txt", title="t", text=text, **kwargs)  # type: ignore[arg-type]


def _texts(text: str) -> list[str]:
    return [u.text for u in segment_article(_article(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. Army sent troops. The U.S.-Japan pact holds.",
            ["The U.S. Army sent troops.", "The U.S.-Japan pact holds."],
        ),
        (
            "Lt. Gen. Stephen Jost spoke. Gen Nakatani agreed.",
            ["Lt. Gen. Stephen Jost spoke.", "Gen Nakatani agreed."],
        ),
        ("It happened on Oct. 29. No. 2 was next.", ["It happened on Oct. 29.", "No. 2 was next."]),
        (
            "Mr. Smith met J. R. R. Tolkien. Growth was 3.5 percent.",
            ["Mr. Smith met J. R. R. Tolkien.", "Growth was 3.5 percent."],
        ),
        (
            "“America and Japan… We seek peace,” Hegseth concluded. Next sentence here.",
            ["“America and Japan… We seek peace,” Hegseth concluded.", "Next sentence here."],
        ),
        (
            "“We must prepare. We will win,” he said. Then he left.",
            ["“We must prepare. We will win,” he said.", "Then he left."],
        ),
        ("He said: “We must prepare.” Then he left.", ["He said: “We must prepare.”", "Then he left."]),
        (
            "They sent aid to the U.S. The next day they left.",
            ["They sent aid to the U.S.", "The next day they left."],
        ),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("“Why?” he asked.", ["“Why?” he asked."]),
        ("He met the team at 10 a.m. Friday and left.", ["He met the team at 10 a.m. Friday and left."]),
        (
            "The report (published in Jan. 2024) was long. It said so.",
            ["The report (published in Jan. 2024) was long.", "It said so."],
        ),
        ('"Yes. No," she said. Fine.', ['"Yes. No," she said.', "Fine."]),
        (
            "Preparing for Regional Security Challenges\nThe plan was set.",
            ["Preparing for Regional Security Challenges", "The plan was set."],
        ),
        (
            "This was written by hand\nand wrapped over lines. Next one.",
            ["This was written by hand\nand wrapped over lines.", "Next one."],
        ),
    ],
)
def test_sentence_traps(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_a_long_quotation_is_cut_into_its_sentences_and_keeps_its_speaker() -> None:
    text = (
        "“Those who long for peace must prepare for war. We must be prepared, and we look "
        "forward to working closely together,” Hegseth stated."
    )
    units = segment_article(_article(text))
    assert [u.text for u in units] == [
        "“Those who long for peace must prepare for war.",
        "We must be prepared, and we look forward to working closely together,” Hegseth stated.",
    ]
    assert [q.speaker for q in units[0].quotes] == ["Hegseth"]
    assert units[0].quotes[0].text.endswith("working closely together")
    assert units[1].quotes == ()


def test_semicolons_split_long_clauses_only() -> None:
    text = (
        "The threats include the bullying of the island by the ruling party; illegitimate "
        "claims over the islands in the eastern sea; and the missile programs of the north."
    )
    assert _texts(text) == [
        "The threats include the bullying of the island by the ruling party;",
        "illegitimate claims over the islands in the eastern sea;",
        "and the missile programs of the north.",
    ]
    assert len(_texts("Trade rose; prices fell sharply over the year in most regions.")) == 1


def test_dashes_split_only_long_sides_and_never_a_parenthesis() -> None:
    long_dash = (
        "The ministers met in Tokyo to agree the plan for the new joint command structure "
        "— the talks lasted far longer than anyone on either side had expected."
    )
    assert _texts(long_dash) == [
        "The ministers met in Tokyo to agree the plan for the new joint command structure",
        "the talks lasted far longer than anyone on either side had expected.",
    ]
    dateline = "CAMP ICHIGAYA, Tokyo — U.S. Forces Japan has all the personnel it needs to grow."
    assert _texts(dateline) == [dateline]
    pair = (
        "The visit to the capital city of the country — which included several long meetings "
        "with the defence minister there — ended with a joint statement on future cooperation."
    )
    assert _texts(pair) == [pair]


def test_nothing_inside_a_quotation_is_cut_at_a_semicolon() -> None:
    text = (
        "“We will train together in every domain of warfare; we will fight together if we "
        "ever must do so in the region,” he said."
    )
    assert _texts(text) == [text]


def test_units_carry_ids_paragraphs_and_boilerplate() -> None:
    text = "First line here.\nSecond line. Third one.\nDonate to us now."
    donate = text.index("Donate")
    article = _article(
        text,
        paragraphs=((0, 16), (17, 40), (41, len(text))),
        boilerplate=(Boilerplate(donate, len(text), "donation"),),
    )
    units = segment_article(article)
    assert [u.id for u in units] == ["a:0", "a:1", "a:2", "a:3"]
    assert [u.paragraph for u in units] == [0, 1, 1, 2]
    assert [u.is_boilerplate for u in units] == [False, False, False, True]
    assert [u.index for u in units] == [0, 1, 2, 3]


def test_entities_and_entity_tokens_come_from_mentions() -> None:
    text = "Officials from the Republic of Korea met. South Korea agreed."
    first = text.index("Republic")
    second = text.index("South")
    mentions = [
        Mention("south-korea", "a", first, first + 17, "Republic of Korea"),
        Mention("south-korea", "a", second, second + 11, "South Korea"),
        Mention("south-korea", "other", 0, 5, "Offic"),
    ]
    units = segment_article(_article(text), mentions)
    assert units[0].entities == ("south-korea",)
    assert "@south-korea" in units[0].tokens and "@south-korea" in units[1].tokens
    assert "republic" not in units[0].tokens


def test_names_are_capitalised_runs_without_sentence_openers() -> None:
    text = (
        "The transformation aligns with Japan’s Joint Operations Command. "
        "Regarding Shinjiro Koizumi, the joint staff said little. Trump and Takaichi met."
    )
    units = segment_article(_article(text))
    assert units[0].names == ("Joint Operations Command",)
    assert units[1].names == ("Shinjiro Koizumi",)
    assert units[2].names == ()


def test_facts_attach_to_the_unit_that_holds_them() -> None:
    text = "About 60,000 troops are there. They arrived on Oct. 29, 2025."
    units = segment_article(_article(text, date="2025-11-01"))
    assert [q.value for q in units[0].quantities] == [60000]
    assert units[0].dates == ()
    assert [d.iso for d in units[1].dates] == ["2025-10-29"]
    assert units[1].quantities == ()


def _invariants(article: Article, units: tuple[Unit, ...]) -> None:
    previous_end = 0
    for index, unit in enumerate(units):
        assert article.text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip() and unit.text
        assert unit.start >= previous_end
        assert unit.index == index and unit.id == f"{article.id}:{index}"
        for fact in (*unit.quantities, *unit.dates):
            assert article.text[fact.start : fact.end] == fact.text
        for quote in unit.quotes:
            assert article.text[quote.start : quote.end] == quote.text
        previous_end = unit.end


def test_random_texts_keep_the_invariants() -> None:
    rng = random.Random(20251029)
    pieces = [
        "U.S.",
        "Lt.",
        "Gen.",
        "Oct.",
        "29,",
        "2025",
        "No.",
        "3.5",
        "J.",
        "“",
        "”",
        '"',
        "…",
        "...",
        "—",
        ";",
        ":",
        "said",
        "he",
        "Hegseth",
        "about",
        "60,000",
        "troops",
        "sixty",
        "thousand",
        "Tuesday",
        "yesterday",
        ".",
        "?",
        "!",
        "\n",
        "\n\n",
        "(",
        ")",
        "between",
        "40",
        "and",
        "50",
        "$1.5",
        "billion",
        "%",
        "km",
        "the",
        "The",
        "—Japan",
    ]
    for _ in range(400):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 60))]
        text = "".join(w + rng.choice([" ", "", "  "]) for w in words)
        article = _article(text, date=rng.choice([None, "2025-03", "2025-10-29", "unknown"]))
        _invariants(article, segment_article(article))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_bundled_story_keeps_the_invariants(path: Path) -> None:
    article = _bundled(path)
    units = segment_article(article)
    _invariants(article, units)
    assert len(units) > 5


def _bundled(path: Path) -> Article:
    """A minimal front-matter reader, so these tests do not depend on the loader's module."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    date = next(
        line.split(":", 1)[1].strip().strip("'") for line in front.splitlines() if line.startswith("date:")
    )
    return Article(id=path.stem[:3], path=str(path), title="", text=body, date=date)


def test_bundled_heading_is_its_own_unit() -> None:
    units = segment_article(_bundled(next(CORPUS.glob("000-*.txt"))))
    assert "Preparing for Regional Security Challenges" in [u.text for u in units]
    jost = next(u for u in units if u.text.startswith("U.S. Air Force Lt. Gen. Stephen Jost"))
    assert jost.text.endswith("project power more effectively.”")


def test_story_compounds_join_spaced_spellings_only_when_the_story_spells_them_solid() -> None:
    solid = segment_article(Article(id="s", path="s", title="", text="A new warfighting headquarters."))
    spaced = segment_article(Article(id="p", path="p", title="", text="A new war fighting headquarters."))
    alone = join_story_compounds({"p": spaced})
    assert alone["p"][0].tokens == spaced[0].tokens
    joined = join_story_compounds({"s": solid, "p": spaced})
    assert joined["p"][0].tokens == solid[0].tokens
    assert joined["p"][0].text == "A new war fighting headquarters."
    assert joined["s"][0] == solid[0]


def test_title_case_headlines_yield_no_names() -> None:
    units = segment_article(
        _article(
            "Hegseth Announces Military Command Upgrade Amid Rising Tensions\n"
            "Defense Secretary Pete Hegseth met Shinjiro Koizumi."
        )
    )
    assert units[0].names == ()
    assert units[1].names == ("Defense Secretary Pete Hegseth", "Shinjiro Koizumi")
