"""The Porter2 stemmer against the reference implementation and the published special cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import snowballstemmer

from tui.core.text import stem as porter2
from tui.core.text.stem import stem

ORACLE = snowballstemmer.stemmer("english")
WORD_LISTS = [
    Path("/usr/share/dict") / name
    for name in (
        "american-english",
        "british-english",
        "american-english-large",
        "british-english-large",
    )
]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("ties", "tie"),
        ("cats", "cat"),
        ("gas", "gas"),
        ("gaps", "gap"),
        ("kiwis", "kiwi"),
        ("agreed", "agre"),
        ("feed", "feed"),
        ("plastered", "plaster"),
        ("hoping", "hope"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("added", "add"),
        ("luxuriated", "luxuri"),
        ("cry", "cri"),
        ("by", "by"),
        ("say", "say"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("valency", "valenc"),
        ("digitizer", "digit"),
        ("conformabli", "conform"),
        ("radically", "radic"),
        ("differently", "differ"),
        ("vilely", "vile"),
        ("analogously", "analog"),
        ("vietnamization", "vietnam"),
        ("predication", "predic"),
        ("operator", "oper"),
        ("feudalism", "feudal"),
        ("decisiveness", "decis"),
        ("hopefulness", "hope"),
        ("callousness", "callous"),
        ("formality", "formal"),
        ("sensitivity", "sensit"),
        ("sensibility", "sensibl"),
        ("geology", "geolog"),
        ("archaeologist", "archaeolog"),
        ("triplicate", "triplic"),
        ("formative", "format"),
        ("formalize", "formal"),
        ("electrical", "electr"),
        ("goodness", "good"),
        ("revival", "reviv"),
        ("allowance", "allow"),
        ("inference", "infer"),
        ("adjustable", "adjust"),
        ("defensible", "defens"),
        ("irritant", "irrit"),
        ("replacement", "replac"),
        ("adjustment", "adjust"),
        ("dependent", "depend"),
        ("adoption", "adopt"),
        ("communism", "communism"),
        ("activate", "activ"),
        ("homologous", "homolog"),
        ("effective", "effect"),
        ("bowdlerize", "bowdler"),
        ("controll", "control"),
        ("roll", "roll"),
        ("rate", "rate"),
        ("cease", "ceas"),
    ],
)
def test_the_published_rules_of_each_step(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("skis", "ski"),
        ("skies", "sky"),
        ("dying", "die"),
        ("lying", "lie"),
        ("tying", "tie"),
        ("idly", "idl"),
        ("gently", "gentl"),
        ("ugly", "ugli"),
        ("early", "earli"),
        ("only", "onli"),
        ("singly", "singl"),
        ("news", "news"),
        ("howe", "howe"),
        ("atlas", "atlas"),
        ("cosmos", "cosmos"),
        ("bias", "bias"),
        ("andes", "andes"),
        ("inning", "inning"),
        ("outing", "outing"),
        ("canning", "canning"),
        ("herring", "herring"),
        ("earring", "earring"),
        ("proceed", "proceed"),
        ("exceed", "exceed"),
        ("succeed", "succeed"),
        ("generate", "generat"),
        ("generous", "generous"),
        ("communication", "communic"),
        ("arsenal", "arsenal"),
    ],
)
def test_special_words_and_region_prefixes(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_initial_and_post_vowel_y_count_as_consonants() -> None:
    assert (stem("youth"), stem("sayings"), stem("boyish")) == ("youth", "say", "boyish")


def test_possessive_apostrophes_are_removed() -> None:
    assert stem("nation's") == stem("nations'") == stem("nation") == "nation"


def test_words_of_fewer_than_three_letters_are_left_alone() -> None:
    assert [stem(w) for w in ("as", "is", "us", "ed")] == ["as", "is", "us", "ed"]


def _invented_words(count: int) -> list[str]:
    """Random word shapes built from the algorithm's own suffixes and prefixes, so every
    branch is reached without borrowing anybody's vocabulary."""
    rng = random.Random(20240713)
    letters = "aeiouysldtgnprbcmkzxw"
    suffixes = [
        *porter2._STEP2,
        *porter2._STEP3,
        *porter2._STEP4,
        *porter2._STEP1B_SUFFIXES,
        "s",
        "es",
        "ies",
        "ied",
        "sses",
        "'s",
        "'s'",
        "'",
        "e",
        "l",
        "ll",
        "y",
        "ly",
        "",
    ]
    prefixes = [*porter2._REGION_PREFIXES, *porter2._ING_KEEP, *porter2._EED_KEEP, "", "y", "ay"]
    words = []
    for _ in range(count):
        middle = "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
        words.append(rng.choice(prefixes) + middle + rng.choice(suffixes) + rng.choice(suffixes))
    return words


def test_agrees_with_the_reference_on_invented_words() -> None:
    differ = [w for w in _invented_words(30_000) if stem(w) != ORACLE.stemWord(w)]
    assert differ == []


def test_agrees_with_the_reference_on_the_system_word_lists() -> None:
    found = next((p for p in WORD_LISTS if p.is_file()), None)
    if found is None:
        pytest.skip("no Debian word list installed (apt-get install wamerican)")
    words = {
        line.strip().lower() for line in found.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    differ = [w for w in sorted(words) if w and stem(w) != ORACLE.stemWord(w)]
    assert differ == []
