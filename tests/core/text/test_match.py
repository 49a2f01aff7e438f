"""The match key: one key for the many ways sources write one word, and never for two words."""

from __future__ import annotations

from tui.core.text.match import compound_vocabulary, match_key, match_keys


def keys(text: str, compounds: frozenset[str] = frozenset(), **flags: bool) -> list[str]:
    return [k.key for k in match_keys(text.split(), compounds, **flags)]


def test_inflections_share_a_key() -> None:
    assert len({match_key(w) for w in ("landed", "landing", "lands", "land")}) == 1


def test_british_and_american_spellings_share_a_key() -> None:
    assert keys("The harbour was centred on the colourful programme") == keys(
        "The harbor was centered on the colorful program"
    )


def test_derivations_share_a_key_unless_the_caller_keeps_them_apart() -> None:
    assert match_key("invaded") == match_key("invasion")
    assert match_key("destroyed") == match_key("destruction")
    assert match_key("invaded", derive=False) != match_key("invasion", derive=False)


def test_unrelated_words_that_stem_alike_are_not_joined_to_a_family() -> None:
    assert match_key("unit") != match_key("unification")


def test_ordinals_digits_and_number_words_agree() -> None:
    assert keys("the seventh fleet") == keys("the 7th Fleet") == ["7th", "fleet"]
    assert keys("seventh", cardinal=True) == keys("7") == ["7"]
    assert keys("sixty thousand marines") == keys("60,000 Marines")


def test_a_dozen_is_twelve_and_covers_both_words() -> None:
    assert [(k.start, k.end, k.key) for k in match_keys("a dozen drones".split())] == [
        (0, 2, "12"),
        (2, 3, "drone"),
    ]


def test_hyphenated_solid_and_spaced_compounds_share_a_key() -> None:
    story = [["a", "war-fighting", "command"], ["the", "warfighting", "role"]]
    vocabulary = compound_vocabulary(story)
    assert (
        keys("war-fighting", vocabulary)
        == keys("warfighting", vocabulary)
        == keys("war fighting", vocabulary)
        == ["warfight"]
    )


def test_spaced_words_stay_apart_when_no_source_writes_them_as_one() -> None:
    assert keys("war fighting", compound_vocabulary([["peace", "talks"]])) == ["war", "fight"]


def test_a_hyphenated_word_keeps_the_keys_of_its_pieces() -> None:
    (joined,) = match_keys(["Japan-US"])
    assert (joined.key, joined.parts) == ("japanus", ("japan", "us"))


def test_function_words_are_dropped_but_acronyms_are_not() -> None:
    assert keys("US troops were in the port") == ["us", "troop", "port"]
    assert keys("the port", content_only=False) == ["the", "port"]


def test_possessives_quotes_and_acronym_dots_are_folded() -> None:
    assert match_key("Japan’s") == match_key("Japan's") == match_key("Japan") == "japan"
    assert match_key("U.S.") == match_key("US") == "us"


def test_keys_do_not_depend_on_what_was_keyed_before() -> None:
    first = keys("The invasion began at dawn")
    keys("dawn began the invasion colour seventh")
    assert keys("The invasion began at dawn") == first


def test_names_written_apart_do_not_join_into_a_compound() -> None:
    vocabulary = compound_vocabulary([["the", "US-Japan", "alliance", "Airforce"]])
    assert keys("U.S. Japan talks", vocabulary) == ["us", "japan", "talk"]
    assert keys("Air Force", vocabulary) == ["air", "forc"]


def test_a_run_of_letters_longer_than_any_word_is_kept_as_written() -> None:
    glued = "filler" * 20_000
    assert match_key(glued) == glued
    assert match_key("Colours") == "color"
