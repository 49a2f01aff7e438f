"""Match keys: the one word key the aligner compares, built from every lexical layer.

Two sources state one fact in different words: ``colour``/``color``, ``invaded``/
``invasion``, ``seventh``/``7th``, ``war-fighting``/``warfighting``/``war fighting``. A
match key is what stays when those differences are taken out, in this order:

1. fold: typographic quotes and dashes made plain, compatibility forms, lower case; a
   possessive ``'s`` and the dots of an acronym (``U.S.``) dropped;
2. numbers: digits, number words and ordinals get their canonical key (``60,000`` and
   ``sixty thousand`` -> ``60000``; ``seventh`` -> ``7th``, or ``7`` when counting);
3. hyphens: a hyphenated word is one word (``war-fighting`` -> ``warfighting``);
4. spelling: British spellings become American (:mod:`tui.core.text.spelling`);
5. stem: the Porter2 stem (:mod:`tui.core.text.stem`);
6. derivation: the root of the stem's WordNet family (``invas`` -> ``invad``), unless the
   caller asks for ``derive=False`` (:mod:`tui.core.text.lexicon`).

The derivation step comes after the stem so one table entry covers every inflection.

:func:`match_keys` does the same for a run of words, where a number or a compound can span
several: ``sixty thousand``, ``a dozen``, and ``war fighting`` when ``warfighting`` is a
known compound (see :func:`compound_vocabulary`). Everything here is pure and deterministic.

>>> [match_key(w) for w in ("Colours", "invasion", "invaded", "Seventh", "war-fighting")]
['color', 'invad', 'invad', '7th', 'warfight']
>>> [k.key for k in match_keys("The seventh war fighting unit".split(), {"warfight"})]
['7th', 'warfight', 'unit']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from tui.core.text.lexicon import derivation_root
from tui.core.text.normalize import STOPWORDS, fold
from tui.core.text.numbers import number_key, number_runs
from tui.core.text.spelling import americanize
from tui.core.text.stem import stem

__all__ = ["Keyed", "compound_vocabulary", "is_stopword", "match_key", "match_keys"]

_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}")


class Keyed(NamedTuple):
    """One match key and the words it stands for: ``words[start:end]`` of the input.

    ``parts`` holds the keys of the pieces of a hyphenated or joined compound
    (``Japan-US`` -> ``japanus`` with parts ``japan``, ``us``), so a caller can also match
    the pieces; it is empty for a plain word.
    """

    start: int
    end: int
    key: str
    parts: tuple[str, ...] = ()


def _plain(word: str) -> str:
    """Step 1: the folded word without possessive, acronym dots or outer apostrophes."""
    w = fold(word)
    if _ACRONYM.fullmatch(w):
        w = w.replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip("'.")


LONGEST_WORD = 45
"""No English word is longer; a longer run of letters (a page's glued filler, hostile input)
is kept as written rather than spelled, stemmed and derived at a cost that grows with it."""


def _word_key(w: str, derive: bool) -> str:
    """Steps 4-6 for one plain word without hyphens."""
    w = w.replace("'", "")
    if not w.isalpha() or len(w) > LONGEST_WORD:
        return w
    key = stem(americanize(w))
    return derivation_root(key) if derive else key


@lru_cache(maxsize=200_000)
def match_key(word: str, *, cardinal: bool = False, derive: bool = True) -> str:
    """The match key of one word as written.

    ``cardinal=True`` counts ordinals as their number (``seventh`` = ``7``), for callers
    that compare quantities; ``derive=False`` stops at the stem (``invasion`` stays
    ``invas``), for callers that must tell a verb from its noun.

    >>> match_key("U.S."), match_key("Japan’s"), match_key("60,000"), match_key("twenty-first")
    ('us', 'japan', '60000', '21st')
    >>> match_key("seventh", cardinal=True), match_key("invasion", derive=False)
    ('7', 'invas')
    """
    w = _plain(word)
    number = number_key(w, cardinal=cardinal)
    if number is not None:
        return number
    return _word_key(w.replace("-", ""), derive)


def _parts(word: str, derive: bool) -> tuple[str, ...]:
    pieces = [p for p in _plain(word).split("-") if p]
    return tuple(_word_key(p, derive) for p in pieces) if len(pieces) > 1 else ()


def _may_join(first: str, second: str) -> bool:
    """Two words can be one compound when both are plain words and the second is written
    in lower case: ``war fighting``, ``War fighting``, but not names (``Air Force``,
    ``U.S. Japan``), whose hyphenated forms (``US-Japan``) are pairs, not compounds."""
    return (
        first.isalpha()
        and second.isalpha()
        and second.islower()
        and first[1:].islower()
        and not is_stopword(second)
    )


def is_stopword(word: str) -> bool:
    """A function word (``the``, ``of``, ``would``); an all-capital acronym (``US``) never is."""
    if len(word) > 1 and word.replace(".", "").isupper():
        return False
    return fold(word).replace("'", "").replace("\u2019", "") in STOPWORDS


def compound_vocabulary(texts: Iterable[Sequence[str]], *, derive: bool = True) -> frozenset[str]:
    """The keys of every word of a story's texts (each text given as its words).

    Pass it to :func:`match_keys` so two adjacent words join when some source writes them
    as one (``war fighting`` joins because another source wrote ``warfighting`` or
    ``war-fighting``).

    >>> sorted(compound_vocabulary([["a", "war-fighting", "HQ"], ["warfighting"]]))
    ['hq', 'warfight']
    """
    return frozenset(
        match_key(w, derive=derive) for words in texts for w in words if sum(c.isalpha() for c in w) >= 2
    )


def match_keys(
    words: Sequence[str],
    compounds: Collection[str] = (),
    *,
    cardinal: bool = False,
    derive: bool = True,
    content_only: bool = True,
) -> list[Keyed]:
    """The match keys of a run of words (as the tokenizer split them), in order.

    A number written in several words is one key (``sixty thousand``, ``a dozen``,
    ``twenty first``). Two adjacent content words join into one key when their
    concatenation's key is in ``compounds`` (``war fighting`` -> ``warfight``) and has at
    least 6 letters, so short accidents (``a lot``/``allot``) stay apart; names never join
    (see :func:`_may_join`). Function
    words are left out unless ``content_only=False``.

    >>> [(k.start, k.end, k.key) for k in match_keys("about a dozen Marines landed".split())]
    [(1, 3, '12'), (3, 4, 'marin'), (4, 5, 'land')]
    >>> [(k.key, k.parts) for k in match_keys(["Japan-US", "talks"])]
    [('japanus', ('japan', 'us')), ('talk', ())]
    """
    plain = [_plain(w) for w in words]
    runs = {start: (end, key) for start, end, key in number_runs(plain, cardinal=cardinal)}
    out: list[Keyed] = []
    i, n = 0, len(words)
    while i < n:
        if i in runs:
            end, key = runs[i]
            out.append(Keyed(i, end, key))
            i = end
            continue
        word = words[i]
        stop = is_stopword(word)
        if compounds and not stop and i + 1 < n and i + 1 not in runs and _may_join(words[i], words[i + 1]):
            joined = _word_key(plain[i] + plain[i + 1], derive)
            if joined in compounds and len(plain[i]) + len(plain[i + 1]) >= 6:
                out.append(
                    Keyed(i, i + 2, joined, (_word_key(plain[i], derive), _word_key(plain[i + 1], derive)))
                )
                i += 2
                continue
        if not (stop and content_only) and plain[i]:
            out.append(
                Keyed(i, i + 1, match_key(word, cardinal=cardinal, derive=derive), _parts(word, derive))
            )
        i += 1
    return out
