"""The Snowball English ("Porter2") stemmer, written out from the published algorithm.

Why a real stemmer: alignment needs every inflection and most derivations of one word to
share a key (``troops``/``troop``, ``created``/``creating``, ``generously``/``generous``),
and an ad-hoc suffix stripper misses whole families or merges unrelated words. Porter2 is
the standard a linguist would recognise, its behaviour is fully specified, and it can be
checked word for word against the reference implementation (the tests use the
``snowballstemmer`` package as an oracle; the package itself never needs it).

This follows the current Snowball definition (``english.sbl`` as of Snowball 3): the
special words, the region prefixes (``gener``, ``commun``, ``arsen``, ``emerg``, ``inter``,
``later``, ``organ``, ``past``, ``univers``), and steps 0 to 5 with their R1/R2 conditions.
Input is one lower-case word; a stem is a key, not necessarily a word (``generous`` ->
``generous``, ``happiness`` -> ``happi``).

>>> [stem(w) for w in ("consignment", "running", "hopeful", "generously", "skies")]
['consign', 'run', 'hope', 'generous', 'sky']
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["stem"]

_V = frozenset("aeiouy")
"""Vowels for region marking and the "contains a vowel" tests (``Y`` is a consonant)."""
_V_WXY = frozenset("aeiouywxY")
"""Letters that cannot end a short syllable."""
_DOUBLES = frozenset(("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"))
_LI_ENDING = frozenset("cdeghkmnrt")

_SPECIAL: dict[str, str] = {
    "skis": "ski",
    "skies": "sky",
    "idly": "idl",
    "gently": "gentl",
    "ugly": "ugli",
    "early": "earli",
    "only": "onli",
    "singly": "singl",
    "sky": "sky",
    "news": "news",
    "howe": "howe",
    "atlas": "atlas",
    "cosmos": "cosmos",
    "bias": "bias",
    "andes": "andes",
}
"""Whole words the algorithm leaves alone or maps by hand (the published exception list)."""

_REGION_PREFIXES = ("univers", "commun", "arsen", "emerg", "gener", "inter", "later", "organ", "past")
"""Words starting with one of these get R1 right after it (``generous`` keeps ``gener``)."""

_STEP1B_SUFFIXES = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_ING_KEEP = frozenset(("even", "cann", "inn", "earr", "herr", "out"))
"""``evening``, ``canning``, ``inning``... are not ``even`` + ``ing``."""
_EED_KEEP = frozenset(("succ", "proc", "exc"))

_STEP2: dict[str, str] = {
    "ization": "ize",
    "ational": "ate",
    "fulness": "ful",
    "ousness": "ous",
    "iveness": "ive",
    "tional": "tion",
    "biliti": "ble",
    "lessli": "less",
    "entli": "ent",
    "ation": "ate",
    "alism": "al",
    "aliti": "al",
    "ousli": "ous",
    "iviti": "ive",
    "fulli": "ful",
    "ogist": "og",
    "enci": "ence",
    "anci": "ance",
    "abli": "able",
    "izer": "ize",
    "ator": "ate",
    "alli": "al",
    "bli": "ble",
    "ogi": "og",
    "li": "",
}
_STEP3: dict[str, str] = {
    "ational": "ate",
    "tional": "tion",
    "alize": "al",
    "icate": "ic",
    "iciti": "ic",
    "ative": "",
    "ical": "ic",
    "ness": "",
    "ful": "",
}
_STEP4 = (
    "ement",
    "ance",
    "ence",
    "able",
    "ible",
    "ment",
    "ant",
    "ent",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
    "ion",
    "al",
    "er",
    "ic",
)


def _by_length(suffixes: tuple[str, ...] | dict[str, str]) -> tuple[str, ...]:
    """Longest first: every step acts on the longest suffix that matches, and only on it."""
    return tuple(sorted(suffixes, key=len, reverse=True))


_STEP2_ORDER = _by_length(_STEP2)
_STEP3_ORDER = _by_length(_STEP3)
_STEP4_ORDER = _by_length(_STEP4)


def _longest(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix):
            return suffix
    return ""


def _region_after(word: str, start: int) -> int:
    """Where the region begins: after the first non-vowel that follows a vowel, from ``start``."""
    n = len(word)
    i = start
    while i < n and word[i] not in _V:
        i += 1
    while i < n and word[i] in _V:
        i += 1
    return i + 1 if i < n else n


def _short_syllable_end(word: str) -> bool:
    """Does ``word`` end in a short syllable (``hop``, ``at``; and ``past`` by decree)?"""
    n = len(word)
    if n >= 3 and word[-1] not in _V_WXY and word[-2] in _V and word[-3] not in _V:
        return True
    if n == 2 and word[0] in _V and word[1] not in _V:
        return True
    return word.endswith("past")


def _mark_y(word: str) -> str:
    """Step 0's prelude: an initial ``y`` and a ``y`` after a vowel are consonants (``Y``)."""
    chars = list(word)
    if chars[0] == "y":
        chars[0] = "Y"
    for i in range(1, len(chars)):
        if chars[i] == "y" and chars[i - 1] in _V:
            chars[i] = "Y"
    return "".join(chars)


def _step1a(word: str) -> str:
    for suffix in ("'s'", "'s", "'"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ied", "ies")):
        return word[:-3] + ("i" if len(word) > 4 else "ie")
    if word.endswith(("us", "ss")):
        return word
    if word.endswith("s") and any(c in _V for c in word[:-2]):
        return word[:-1]
    return word


def _step1b(word: str, p1: int) -> str:
    suffix = _longest(word, _STEP1B_SUFFIXES)
    if not suffix:
        return word
    before = word[: -len(suffix)]
    if suffix in ("eed", "eedly"):
        if len(before) >= p1 and before not in _EED_KEEP:
            return before + "ee"
        return word
    if suffix == "ing":
        if len(before) == 2 and before[1] == "y" and before[0] not in _V:
            return before[0] + "ie"
        if before in _ING_KEEP:
            return word
    if not any(c in _V for c in before):
        return word
    word = before
    if word.endswith(("at", "bl", "iz")):
        return word + "e"
    if word[-2:] in _DOUBLES:
        if len(word) == 3 and word[0] in "aeo":
            return word
        return word[:-1]
    if len(word) == p1 and _short_syllable_end(word):
        return word + "e"
    return word


def _step1c(word: str) -> str:
    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _V:
        return word[:-1] + "i"
    return word


def _step2(word: str, p1: int) -> str:
    suffix = _longest(word, _STEP2_ORDER)
    if not suffix or len(word) - len(suffix) < p1:
        return word
    before = word[: -len(suffix)]
    if suffix == "ogi":
        return before + "og" if before.endswith("l") else word
    if suffix == "li":
        return before if before[-1:] in _LI_ENDING else word
    return before + _STEP2[suffix]


def _step3(word: str, p1: int, p2: int) -> str:
    suffix = _longest(word, _STEP3_ORDER)
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if start < p1 or (suffix == "ative" and start < p2):
        return word
    return word[:start] + _STEP3[suffix]


def _step4(word: str, p2: int) -> str:
    suffix = _longest(word, _STEP4_ORDER)
    if not suffix:
        return word
    start = len(word) - len(suffix)
    if start < p2:
        return word
    if suffix == "ion" and word[start - 1 : start] not in ("s", "t"):
        return word
    return word[:start]


def _step5(word: str, p1: int, p2: int) -> str:
    last = len(word) - 1
    if word.endswith("e"):
        if last >= p2 or (last >= p1 and not _short_syllable_end(word[:-1])):
            return word[:-1]
    elif word.endswith("l") and last >= p2 and word[-2:-1] == "l":
        return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Porter2 stem of one lower-case word (apostrophe ``'`` allowed, as in ``nation's``).

    Cached: news repeats its words, and the answer depends on the word alone.

    >>> stem("announcement"), stem("announced"), stem("announcing")
    ('announc', 'announc', 'announc')
    >>> stem("dying"), stem("evening"), stem("succeeded"), stem("agreed")
    ('die', 'even', 'succeed', 'agre')
    """
    special = _SPECIAL.get(word)
    if special is not None:
        return special
    if len(word) < 3:
        return word
    if word[0] == "'":
        word = word[1:]
        if not word:
            return word
    word = _mark_y(word)
    p1 = next((len(p) for p in _REGION_PREFIXES if word.startswith(p)), -1)
    if p1 < 0:
        p1 = _region_after(word, 0)
    p2 = _region_after(word, p1)
    word = _step1a(word)
    word = _step1b(word, p1)
    word = _step1c(word)
    word = _step2(word, p1)
    word = _step3(word, p1, p2)
    word = _step4(word, p2)
    word = _step5(word, p1, p2)
    return word.replace("Y", "y")
