"""What the lexical layer (tui/core/text) gains on the development set, without any aligner.

Run: python tests/benchmarks/bench_lexicon.py /work/shared/devset [--cost] [--synonyms WORDNET_DIR]
(the devset folder is read where it is, never copied; the bundled story's texts are the
project's own corpus/usfj-joint-force-hq). Prints numbers, asserts nothing.

For every gold story:
- recall proxy: for every two documents that give evidence of one gold shared fact, the
  content-word overlap (Jaccard of the key sets) of the two evidence phrases, and of the two
  sentences that hold them (what an aligner compares); how many pairs reach 0.2, the
  word-overlap baseline's threshold;
- precision proxy: every pair of sentences of two documents that share no gold fact or
  discrepancy, and how many of them reach Jaccard 0.2 (the gold can miss a real shared fact,
  so this over-counts a little, the same for every variant).

Variants: today's keys (tui.core.text.normalize.content_tokens), then the new layer one step at
a time: Porter2 only, + British/American spelling, + WordNet derivations, + compounds seen
in the story. ``--cost`` also prints the table's size, its load time and stemming speed;
``--synonyms /usr/share/wordnet`` tries first-sense WordNet synonyms on top (not shipped).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path

import yaml

import tui.core.text.match as match_module
from tui.core.resources import bundled_story
from tui.core.text import lexicon
from tui.core.text.match import compound_vocabulary, match_key, match_keys
from tui.core.text.normalize import TOKEN_RE, content_tokens
from tui.core.text.spelling import americanize
from tui.core.text.stem import stem

THRESHOLD = 0.2
_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2014": "-", "\u2013": "-"}
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n+")

Keys = Callable[[str], frozenset[str]]


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            text = text[end + 4 :]
    return text


def _flat(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class Story:
    """A gold story: its documents' texts and sentences, and the gold's phrases per document."""

    def __init__(self, gold: Path, texts: Path) -> None:
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        self.name = gold.stem
        bodies = {p.name: _body(p) for p in sorted(texts.glob("*.txt"))}
        flat = {name: _flat(body) for name, body in bodies.items()}
        self.texts: dict[str, str] = {}
        self.facts: list[dict[str, tuple[int, int]]] = []
        groups = [(f["evidence"], True) for f in data.get("shared_facts", [])]
        groups += [(d["variants"], False) for d in data.get("discrepancies", [])]
        self.related: list[dict[str, tuple[int, int]]] = []
        for phrases, is_fact in groups:
            located: dict[str, tuple[int, int]] = {}
            for doc, phrase in phrases.items():
                where = self._locate(str(phrase), bodies, flat)
                if where is not None:
                    self.texts[doc] = bodies[where[0]]
                    located[doc] = where[1:]
            if is_fact:
                self.facts.append(located)
            self.related.append(located)
        self.sentences = {doc: _sentences(text) for doc, text in self.texts.items()}

    @staticmethod
    def _locate(phrase: str, bodies: dict[str, str], flat: dict[str, str]) -> tuple[str, int, int] | None:
        needle = _flat(phrase)
        for name, body in bodies.items():
            if needle in flat[name]:
                words = needle.split()
                pattern = r"\s+".join(re.escape(w) for w in words)
                m = re.search(pattern, body.translate(_QUOTES), re.IGNORECASE)
                if m:
                    return name, m.start(), m.end()
        return None

    def sentence_of(self, doc: str, span: tuple[int, int]) -> tuple[int, int]:
        for s, e in self.sentences[doc]:
            if s <= span[0] < e:
                return s, max(e, span[1])
        return span

    def evidence_pairs(self) -> Iterator[tuple[str, str, str, str]]:
        """(phrase, phrase, sentence, sentence) for every two documents of one fact."""
        for located in self.facts:
            for a, b in combinations(sorted(located), 2):
                (pa, qa), (pb, qb) = located[a], located[b]
                sa, sb = self.sentence_of(a, located[a]), self.sentence_of(b, located[b])
                yield (
                    self.texts[a][pa:qa],
                    self.texts[b][pb:qb],
                    self.texts[a][sa[0] : sa[1]],
                    self.texts[b][sb[0] : sb[1]],
                )

    def unrelated_pairs(self) -> Iterator[tuple[str, str]]:
        """Sentences of two documents that no gold fact or discrepancy puts together."""
        tagged: dict[tuple[str, int], set[int]] = {}
        for group, located in enumerate(self.related):
            for doc, span in located.items():
                for i, (s, e) in enumerate(self.sentences[doc]):
                    if s < span[1] and span[0] < e:
                        tagged.setdefault((doc, i), set()).add(group)
        for a, b in combinations(sorted(self.sentences), 2):
            for i, (s1, e1) in enumerate(self.sentences[a]):
                for j, (s2, e2) in enumerate(self.sentences[b]):
                    if tagged.get((a, i), set()) & tagged.get((b, j), set()):
                        continue
                    yield self.texts[a][s1:e1], self.texts[b][s2:e2]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def old_keys(text: str) -> frozenset[str]:
    return frozenset(content_tokens(text))


def new_keys(compounds: frozenset[str] = frozenset()) -> Keys:
    def keys(text: str) -> frozenset[str]:
        return frozenset(k.key for k in match_keys(TOKEN_RE.findall(text), compounds))

    return keys


def _variant(spelling: bool, derive: bool) -> None:
    """Switch the layer's steps on or off for the ablation (clearing the caches)."""
    setattr(match_module, "americanize", americanize if spelling else str)  # noqa: B010
    setattr(match_module, "derivation_root", lexicon.derivation_root if derive else str)  # noqa: B010
    match_key.cache_clear()


def measure(story: Story, keys: Keys) -> tuple[int, int, int, float, int, int]:
    cache: dict[str, frozenset[str]] = {}

    def k(text: str) -> frozenset[str]:
        if text not in cache:
            cache[text] = keys(text)
        return cache[text]

    pairs = list(story.evidence_pairs())
    phrase_hits = sum(jaccard(k(a), k(b)) >= THRESHOLD for a, b, _, _ in pairs)
    sentence_hits = sum(jaccard(k(a), k(b)) >= THRESHOLD for _, _, a, b in pairs)
    mean = sum(jaccard(k(a), k(b)) for a, b, _, _ in pairs) / max(len(pairs), 1)
    unrelated = list(story.unrelated_pairs())
    false_hits = sum(jaccard(k(a), k(b)) >= THRESHOLD for a, b in unrelated)
    return len(pairs), phrase_hits, sentence_hits, mean, len(unrelated), false_hits


def stories(devset: Path) -> list[Story]:
    out = []
    for gold in sorted((devset / "gold").glob("*.yaml")):
        texts = devset / "stories" / gold.stem
        if not texts.is_dir():
            texts = bundled_story()
        out.append(Story(gold, texts))
    return out


def cost() -> None:
    start = time.perf_counter()
    lexicon.families.cache_clear()
    table = lexicon.families()
    load_ms = (time.perf_counter() - start) * 1000
    print(
        f"\nderivation table: {lexicon.DATA_FILE.stat().st_size:,} bytes, {len(table):,} keys, "
        f"loaded in {load_ms:.1f} ms (on first use)"
    )
    words = [
        w.lower() for w in TOKEN_RE.findall(" ".join(_body(p) for p in sorted(bundled_story().glob("*.txt"))))
    ] * 20
    for name, fn in (("Porter2 stem (cold cache)", stem), ("match_key (cold cache)", match_key)):
        stem.cache_clear()
        match_key.cache_clear()
        americanize.cache_clear()
        unique = sorted(set(words))
        start = time.perf_counter()
        for w in unique:
            fn(w)
        cold = len(unique) / (time.perf_counter() - start)
        start = time.perf_counter()
        for w in words:
            fn(w)
        warm = len(words) / (time.perf_counter() - start)
        print(f"{name}: {cold:,.0f} distinct words/s; running text with the cache: {warm:,.0f} words/s")


def synonyms(loaded: list[Story], texts: dict[str, list[list[str]]], wordnet: Path) -> None:
    """The experiment the shipped table leaves out: first-sense WordNet synonyms as one key."""
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", Path(__file__).resolve().parents[2] / "docs" / "build_lexicon.py"
    )
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    table: dict[str, str] = builder.first_sense_synonyms(wordnet)
    print(f"\nfirst-sense synonyms (not shipped): {len(table):,} keys")
    for story in loaded:
        base = new_keys(compound_vocabulary(texts[story.name]))

        def keys(text: str, base: Keys = base) -> frozenset[str]:
            return frozenset(table.get(k, k) for k in base(text))

        n, ph, sh, mean, un, fh = measure(story, keys)
        print(
            f"| {story.name} | + synonyms | {n} | {ph} ({ph / n:.0%}) | {sh} ({sh / n:.0%}) "
            f"| {mean:.3f} | {fh} of {un:,} ({fh / un:.2%}) |"
        )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    devset = Path(args[0]) if args else Path("/work/shared/devset")
    loaded = stories(devset)
    texts = {s.name: [TOKEN_RE.findall(t) for t in s.texts.values()] for s in loaded}
    variants: list[tuple[str, Callable[[Story], Keys], bool, bool]] = [
        ("today (normalize.py)", lambda s: old_keys, True, True),
        ("Porter2 + numbers", lambda s: new_keys(), False, False),
        ("+ spelling", lambda s: new_keys(), True, False),
        ("+ derivations", lambda s: new_keys(), True, True),
        ("+ compounds", lambda s: new_keys(compound_vocabulary(texts[s.name])), True, True),
    ]
    print(
        "| story | keys | fact pairs | phrases >= 0.2 | sentences >= 0.2 | mean phrase Jaccard "
        "| unrelated sentence pairs >= 0.2 |"
    )
    print("|---|---|---|---|---|---|---|")
    totals: dict[str, list[float]] = {}
    for name, make, spelling, derive in variants:
        _variant(spelling, derive)
        for story in loaded:
            n, ph, sh, mean, un, fh = measure(story, make(story))
            t = totals.setdefault(name, [0.0] * 6)
            for i, v in enumerate((n, ph, sh, mean * n, un, fh)):
                t[i] += v
            print(
                f"| {story.name} | {name} | {n} | {ph} ({ph / n:.0%}) | {sh} ({sh / n:.0%}) "
                f"| {mean:.3f} | {fh} of {un:,} ({fh / un:.2%}) |"
            )
    for name, (pairs, phrases, sentences, mean_sum, unrelated, false_hits) in totals.items():
        print(
            f"| **all** | {name} | {pairs:.0f} | {phrases:.0f} ({phrases / pairs:.0%}) "
            f"| {sentences:.0f} ({sentences / pairs:.0%}) | {mean_sum / pairs:.3f} "
            f"| {false_hits:.0f} of {unrelated:,.0f} ({false_hits / unrelated:.2%}) |"
        )
    _variant(True, True)
    if "--synonyms" in sys.argv:
        synonyms(loaded, texts, Path(sys.argv[sys.argv.index("--synonyms") + 1]))
    if "--cost" in sys.argv:
        cost()


if __name__ == "__main__":
    main()
