"""British spellings get the American key; words spelled alike in both are never changed."""

from __future__ import annotations

import pytest

from tui.core.text.spelling import americanize


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organise", "organize"),
        ("organised", "organized"),
        ("organisations", "organizations"),
        ("criticising", "criticizing"),
        ("minimise", "minimize"),
        ("recognisable", "recognizable"),
        ("paralysed", "paralyzed"),
        ("analyse", "analyze"),
    ],
)
def test_ise_and_yse_verbs_become_ize_and_yze(british: str, american: str) -> None:
    assert americanize(british) == american


@pytest.mark.parametrize(
    "word",
    [
        "advertise",
        "advised",
        "revise",
        "supervisor",
        "enterprise",
        "surprised",
        "compromise",
        "exercise",
        "precise",
        "concise",
        "raised",
        "praise",
        "noise",
        "cruise",
        "expertise",
        "franchise",
        "merchandise",
        "paradise",
        "otherwise",
        "promised",
        "premises",
        "rise",
        "arising",
        "wise",
        "televised",
        "chastise",
        "despise",
        "disguise",
    ],
)
def test_words_whose_ise_is_not_ize_stay(word: str) -> None:
    assert americanize(word) == word


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("colour", "color"),
        ("honourable", "honorable"),
        ("neighbourhood", "neighborhood"),
        ("behaviour", "behavior"),
        ("favourite", "favorite"),
        ("labourers", "laborers"),
    ],
)
def test_our_becomes_or(british: str, american: str) -> None:
    assert americanize(british) == american


@pytest.mark.parametrize(
    "word",
    [
        "four",
        "hour",
        "your",
        "our",
        "flour",
        "tour",
        "pour",
        "devour",
        "detour",
        "contour",
        "glamour",
        "journal",
    ],
)
def test_words_whose_our_is_not_or_stay(word: str) -> None:
    assert americanize(word) == word


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("centre", "center"),
        ("epicentres", "epicenters"),
        ("centred", "centered"),
        ("kilometres", "kilometers"),
        ("theatre", "theater"),
        ("fibre", "fiber"),
    ],
)
def test_the_tre_and_bre_family_becomes_ter_and_ber(british: str, american: str) -> None:
    assert americanize(british) == american


@pytest.mark.parametrize(
    "word", ["acre", "genre", "ogre", "massacre", "mediocre", "timbre", "macabre", "hatred", "string"]
)
def test_re_words_spelled_alike_stay(word: str) -> None:
    assert americanize(word) == word


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("travelled", "traveled"),
        ("cancelling", "canceling"),
        ("labelled", "labeled"),
        ("counsellor", "counselor"),
        ("fuelled", "fueled"),
        ("signalling", "signaling"),
        ("enrolment", "enrollment"),
        ("fulfil", "fulfill"),
        ("skilful", "skillful"),
    ],
)
def test_unstressed_final_l_is_not_doubled(british: str, american: str) -> None:
    assert americanize(british) == american


@pytest.mark.parametrize(
    "word",
    [
        "compelled",
        "controlled",
        "patrolling",
        "rebelled",
        "installed",
        "excelled",
        "spelling",
        "retelling",
        "cancellation",
        "dwelling",
    ],
)
def test_doubled_l_of_stressed_or_plain_words_stays(word: str) -> None:
    assert americanize(word) == word


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("catalogue", "catalog"),
        ("dialogues", "dialogs"),
        ("catalogued", "cataloged"),
        ("defence", "defense"),
        ("offences", "offenses"),
        ("licence", "license"),
        ("paediatric", "pediatric"),
        ("anaesthetist", "anesthetist"),
        ("oestrogen", "estrogen"),
        ("diarrhoea", "diarrhea"),
        ("manoeuvres", "maneuvers"),
        ("manoeuvring", "maneuvering"),
        ("aluminium", "aluminum"),
        ("grey", "gray"),
        ("programme", "program"),
        ("tyres", "tires"),
        ("kerb", "curb"),
        ("judgement", "judgment"),
        ("sulphur", "sulfur"),
        ("likeable", "likable"),
    ],
)
def test_ogue_ence_greek_digraphs_and_single_words(british: str, american: str) -> None:
    assert americanize(british) == american


@pytest.mark.parametrize(
    "word",
    [
        "rogue",
        "vogue",
        "league",
        "fence",
        "hence",
        "sentence",
        "aerial",
        "michael",
        "poet",
        "shoe",
        "noticeable",
        "changeable",
        "agreeable",
        "greyhound",
        "cheque",
    ],
)
def test_look_alikes_of_those_rules_stay(word: str) -> None:
    assert americanize(word) == word


def test_american_spellings_are_already_keys() -> None:
    words = "color organize center traveled catalog defense pediatric gray program".split()
    assert [americanize(w) for w in words] == words
