"""Build tui/core/text/data/derivations.txt from WordNet 3.0 (a dev-time script).

Run: python docs/build_lexicon.py [WORDNET_DIR] [--stats]
WORDNET_DIR defaults to /usr/share/wordnet (Debian's ``wordnet-base``). The package never
reads WordNet: it ships the small table this writes, with WordNet's licence beside it
(tui/core/text/data/WORDNET-LICENSE).

What it keeps: WordNet's "derivationally related form" pointers (``+``) link a word sense
to a sense of a word made from it (``invade``/``invasion``, ``die``/``death``,
``destroy``/``destruction``). Each word becomes its comparison key (American spelling,
Porter2 stem), and the keys that WordNet links are grouped into families; every member of a
family maps to one root key, the shortest. Links the stemmer already makes
(``announce``/``announcement`` are both ``announc``) cost nothing and are dropped.

Why families are kept small: the links join senses, not words, and keys join words, so
chaining them joins unrelated words through a shared spelling (``unit`` is the stem of
``unit`` and of ``unite``, which WordNet links to ``unify``). So:

- a key that two unrelated words in use share (WordNet links neither to the other, directly
  or through a third word, and neither is an inflection of the other) joins no family;
- a link needs at least one of its words to occur in WordNet's sense-tagged corpus (its
  tag counts), which drops the rare words whose keys collide with common ones;
- links are taken strongest first (more sense pairs agreeing, then a longer shared
  beginning), a family grows one key at a time, never by merging two families, and never
  beyond ``MAX_FAMILY`` keys.

Only lower-case single words are used (no names, no phrases).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.text.spelling import americanize  # noqa: E402
from tui.core.text.stem import stem  # noqa: E402

OUT = ROOT / "tui" / "core" / "text" / "data" / "derivations.txt"
MAX_FAMILY = 4
"""Most keys one family may hold: a derivational family is a handful of words."""
MIN_KEY = 3
"""Keys shorter than this (``be``, ``go``) are too ambiguous to join anything."""
LEMMA = re.compile(r"[a-z]+")
KINSHIP = ("+", "<", "\\", "=")
"""Pointers that say two words are one family: derivation (``+``, the only one that builds
families), participle (``<``: ``injured`` from ``injure``), pertainym (``\\``: ``decidedly``
from ``decided``) and attribute (``=``). All four tell related words of one key apart from
unrelated ones."""
HEADER = """\
# Derivational families from WordNet 3.0 (Princeton University), built by docs/build_lexicon.py.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE.
# One family per line: the root key, then the keys that map to it (American spelling, Porter2 stems).
"""


def read_synsets(
    folder: Path,
) -> tuple[dict[tuple[str, int], list[str]], list[tuple[str, str, int, int, str, int, int]]]:
    """Every synset's words, and every word-to-word pointer of :data:`KINSHIP` as (symbol,
    pos, offset, source word, target pos, target offset, target word), words counted from 1."""
    words: dict[tuple[str, int], list[str]] = {}
    links: list[tuple[str, str, int, int, str, int, int]] = []
    for name, pos in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ", 1)[0].split()
            offset = int(fields[0])
            count = int(fields[3], 16)
            lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
            words[(pos, offset)] = lemmas
            at = 4 + 2 * count
            for i in range(int(fields[at])):
                symbol, target, target_pos, source_target = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol in KINSHIP:
                    links.append(
                        (
                            symbol,
                            pos,
                            offset,
                            int(source_target[:2], 16),
                            "a" if target_pos == "s" else target_pos,
                            int(target),
                            int(source_target[2:], 16),
                        )
                    )
    return words, links


def tagged_counts(folder: Path) -> Counter[str]:
    """How often each lemma's senses were tagged in WordNet's sense-tagged corpus (0 for
    the rare words nobody met there)."""
    counts: Counter[str] = Counter()
    for name in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            counts[fields[0]] += int(fields[5 + pointers])
    return counts


def key_of(lemma: str) -> str | None:
    if not LEMMA.fullmatch(lemma):
        return None
    key = stem(americanize(lemma))
    return key if len(key) >= MIN_KEY else None


def shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.setdefault(x, x) != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def ambiguous_keys(lemma_pairs: list[tuple[str, str]], tagged: Counter[str]) -> set[str]:
    """Keys that two unrelated words in use share (``unit`` is the stem of ``unit`` and of
    ``unite``): joining such a key to a family would join the other word's meaning too. Two
    words of one key are related when WordNet links them, or links both to a third word
    (``destruction`` and ``destructive`` both come from ``destroy``)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for lemma in tagged:
        key = key_of(lemma) if tagged[lemma] else None
        if key:
            by_key[key].add(lemma)
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in lemma_pairs:
        near[a].update((a, b))
        near[b].update((a, b))
    related = UnionFind()
    for lemmas in by_key.values():
        ordered = sorted(lemmas)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if near[a] & near[b] or inflected(a, b) or inflected(b, a):
                    related.union(a, b)
    return {
        key
        for key, lemmas in by_key.items()
        if len({related.find(lemma) for lemma in lemmas if lemma in near}) > 1
    }


def inflected(base: str, word: str) -> bool:
    """``word`` is ``base`` with an inflection or ``-ly`` (``decidedly``, ``united``)."""
    stems = (base, base[:-1]) if base.endswith("e") else (base,)
    return any(
        word == s + ending for s in stems for ending in ("s", "es", "d", "ed", "ing", "ly", "edly", "ingly")
    )


def families(folder: Path) -> tuple[list[list[str]], Counter[str]]:
    words, links = read_synsets(folder)
    tagged = tagged_counts(folder)
    kin = [
        (symbol, words[(pos, offset)][source - 1], words[(target_pos, target)][target_word - 1])
        for symbol, pos, offset, source, target_pos, target, target_word in links
        if source
    ]
    ambiguous = ambiguous_keys([(a, b) for _, a, b in kin], tagged)
    lemma_pairs = [(a, b) for symbol, a, b in kin if symbol == "+"]
    refused: Counter[str] = Counter()
    support: Counter[tuple[str, str]] = Counter()
    for lemma_a, lemma_b in lemma_pairs:
        a, b = key_of(lemma_a), key_of(lemma_b)
        if not (a and b) or a == b:
            continue
        if not (tagged[lemma_a] or tagged[lemma_b]):
            refused["rare word"] += 1
        elif a in ambiguous or b in ambiguous:
            refused["ambiguous key"] += 1
        else:
            support[(min(a, b), max(a, b))] += 1
    members: dict[str, list[str]] = defaultdict(list)
    union = UnionFind()
    find = union.find
    parent = union.parent
    order = sorted(support, key=lambda p: (-support[p], -shared_start(*p), p))
    for a, b in order:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        size_a, size_b = len(members[ra]) or 1, len(members[rb]) or 1
        if size_a + size_b > MAX_FAMILY or min(size_a, size_b) > 1:
            refused["size"] += 1
            continue
        parent[rb] = ra
        members[ra] = (members[ra] or [ra]) + (members.pop(rb, []) or [rb])
    out = [sorted(set(m), key=lambda k: (len(k), k)) for m in members.values() if len(m) > 1]
    refused["links"] = len(support)
    return sorted(out), refused


def first_sense_synonyms(folder: Path) -> dict[str, str]:
    """An experiment, not shipped: words whose most frequent sense is one synset share a key
    (``quake``/``earthquake``). Each word in use counts in its most tagged part of speech
    only; groups of more than ``MAX_FAMILY`` keys are dropped. Measured by
    ``tests/benchmarks/bench_lexicon.py --synonyms``."""
    best: dict[str, tuple[int, int]] = {}
    for name in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            tags = int(fields[5 + pointers])
            first = int(fields[6 + pointers])
            if tags and LEMMA.fullmatch(fields[0]) and tags > best.get(fields[0], (0, 0))[0]:
                best[fields[0]] = (tags, hash((name, first)))
    groups: dict[int, set[str]] = defaultdict(set)
    for lemma, (_, synset) in best.items():
        key = key_of(lemma)
        if key:
            groups[synset].add(key)
    out: dict[str, str] = {}
    for keys in groups.values():
        if 1 < len(keys) <= MAX_FAMILY:
            root = min(keys, key=lambda k: (len(k), k))
            for key in keys:
                out.setdefault(key, root)
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = Path(args[0]) if args else Path("/usr/share/wordnet")
    found, stats = families(folder)
    lines = [" ".join(family) for family in found]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="ascii")
    size = OUT.stat().st_size
    print(
        f"{stats['links']:,} linked key pairs kept; links refused: {stats['rare word']:,} (a rare "
        f"word), {stats['ambiguous key']:,} (an ambiguous key), {stats['size']:,} (family size); "
        f"{len(found):,} families, {sum(len(f) for f in found):,} keys; {size:,} bytes -> {OUT}"
    )
    if "--stats" in sys.argv:
        print(Counter(len(f) for f in found))


if __name__ == "__main__":
    main()
