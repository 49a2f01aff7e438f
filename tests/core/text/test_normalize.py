"""Comparison-time normalisation: the variants sources write must collapse to one token."""

from __future__ import annotations

import random

import pytest

from tui.core.model import Mention
from tui.core.text.normalize import (
    content_tokens,
    fold,
    normalize_word,
    number_text,
    parse_digits,
    stem,
    tokens_with_spans,
    words_value,
)


@pytest.mark.parametrize(
    "variants",
    [
        ("Japan's", "Japan’s", "Japan", "JAPAN"),
        ("war-fighting", "warfighting", "war‑fighting", "Warfighting"),
        ("troops", "troop"),
        ("countries", "country"),
        ("allies", "ally"),
        ("created", "creates", "creating", "create"),
        ("planned", "planning", "plan", "plans"),
        ("forces", "force"),
        ("denied", "deny"),
        ("agreed", "agree", "agreeing", "agrees"),
        ("60,000", "60000"),
        ("twelve", "12"),
        ("twenty-five", "25"),
        ("U.S.", "US"),
        ("announcement", "announcements", "announced", "announce"),
        ("reorganization", "reorganisation", "reorganized", "reorganize"),
        ("additional", "added", "add"),
    ],
)
def test_variants_share_one_key(variants: tuple[str, ...]) -> None:
    keys = {normalize_word(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "a, b",
    [
        ("troops", "troupe"),
        ("Japan", "Japanese"),
        ("12", "120"),
        ("class", "clas"),
        ("department", "depart"),
        ("moment", "mom"),
    ],
)
def test_different_words_stay_different(a: str, b: str) -> None:
    assert normalize_word(a) != normalize_word(b)


def test_stemmer_leaves_short_and_digit_words_alone() -> None:
    assert stem("bus") == "bus"
    assert stem("sm6") == "sm6"
    assert stem("thing") == "thing"
    assert stem("status") == "status"
    assert stem("crisis") == "crisis"


def test_fold_makes_typography_plain() -> None:
    assert fold("“Japan’s” — war–fighting") == '"japan\'s" - war-fighting'


def test_numbers() -> None:
    assert parse_digits("60,000") == 60000
    assert parse_digits("1,234.5") == 1234.5
    assert parse_digits("1,23") is None
    assert number_text(60000.0) == "60000"
    assert number_text(3.5) == "3.5"
    assert words_value(["sixty", "thousand"]) == 60000
    assert words_value(["one", "hundred", "and", "five"]) == 105
    assert words_value(["six", "thousand", "two", "hundred"]) == 6200
    assert words_value(["troops"]) is None


def test_content_tokens_drop_function_words_and_keep_numbers() -> None:
    assert content_tokens("About 60,000 of the troops are in Japan.") == ("60000", "troop", "japan")
    assert content_tokens("Sixty thousand troops") == ("60000", "troop")
    assert content_tokens("60 thousand troops") == ("60000", "troop")
    assert content_tokens("$1.5 billion") == ("1500000000",)
    assert content_tokens("one hundred and twenty-five; two and three") == ("125", "2", "3")
    assert content_tokens("forty, fifty") == ("40", "50")


def test_acronym_us_is_not_the_pronoun_us() -> None:
    assert content_tokens("They told us.") == ("told",)
    assert content_tokens("The U.S. and the US.") == ("us", "us")


def test_hyphen_and_solid_spellings_agree_and_spaced_joins_with_known_compounds() -> None:
    solid = content_tokens("a warfighting headquarters")
    assert content_tokens("a war-fighting headquarters") == solid
    assert content_tokens("a war fighting headquarters", compounds={"warfight"}) == solid
    assert content_tokens("a war fighting headquarters") == ("war", "fight", "headquarter")


def test_mentions_replace_their_words_with_one_entity_token() -> None:
    text = "Officials from the Republic of Korea and South Korea met."
    start_a = text.index("Republic")
    start_b = text.index("South")
    mentions = [
        Mention("south-korea", "x", start_a, start_a + len("Republic of Korea"), "Republic of Korea"),
        Mention("south-korea", "x", start_b, start_b + len("South Korea"), "South Korea"),
    ]
    assert content_tokens(text, mentions) == ("official", "@south-korea", "@south-korea", "met")


def test_mentions_with_a_base_offset() -> None:
    article = "Intro. The United States agreed."
    base = article.index("The")
    span = article.index("United")
    mention = Mention("usa", "x", span, span + len("United States"), "United States")
    tokens = tokens_with_spans(article[base:], [mention], base)
    assert [t.norm for t in tokens] == ["@usa", normalize_word("agree")]
    assert article[tokens[0].start : tokens[0].end] == "United States"


def test_token_spans_point_at_their_words() -> None:
    text = "Japan’s 60,000 war-fighting troops"
    tokens = tokens_with_spans(text)
    assert [text[t.start : t.end] for t in tokens] == ["Japan’s", "60,000", "war-fighting", "troops"]


def test_random_text_never_raises_and_spans_are_ordered() -> None:
    rng = random.Random(7)
    alphabet = "abcXYZ019 ,.;:'’“”\"-—–$%\n" + "éß"
    words = ["sixty", "thousand", "and", "U.S.", "Japan’s", "war-fighting", "one", "hundred", "3.5"]
    for _ in range(300):
        parts = [
            rng.choice(words)
            if rng.random() < 0.3
            else "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(0, 20))
        ]
        text = " ".join(parts)
        tokens = tokens_with_spans(text)
        assert all(0 <= t.start < t.end <= len(text) for t in tokens)
        assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))
        assert all(t.norm for t in tokens)
