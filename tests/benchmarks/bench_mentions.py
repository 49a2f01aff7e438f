"""How long mention finding and entity suggestions take on a large invented story.

Run: python tests/benchmarks/bench_mentions.py   (prints seconds; asserts nothing)
"""

from __future__ import annotations

import random
import time

from tui.core.model import Article, Entity
from tui.core.text.mentions import find_mentions, suggest_entities

WORDS = "the said on in a of and to with for that was were has had will would officials port ships".split()


def story(articles: int, words: int, entities: list[Entity], seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    names = [name for entity in entities for name in entity.names]
    result = []
    for index in range(articles):
        parts = []
        for _ in range(words):
            roll = rng.random()
            if roll < 0.05:
                parts.append(rng.choice(names) + rng.choice(["", "'s", "’s", ","]))
            elif roll < 0.08:
                parts.append(f"Unknown{rng.randrange(300)} Name{rng.randrange(5)}")
            else:
                parts.append(rng.choice(WORDS))
            if rng.random() < 0.06:
                parts[-1] += ".\n" if rng.random() < 0.2 else "."
        result.append(Article(id=f"a{index}", path=f"a{index}.txt", title=str(index), text=" ".join(parts)))
    return result


def main() -> None:
    entities = [
        Entity(f"e{i}", f"Person{i} Surname{i}", "person", (f"Surname{i}", f"ORG{i}", f"Mr Surname{i}"))
        for i in range(500)
    ]
    articles = story(40, 20_000, entities)
    chars = sum(len(a.text) for a in articles)
    started = time.perf_counter()
    mentions = find_mentions(articles, entities)
    found = time.perf_counter() - started
    started = time.perf_counter()
    suggestions = suggest_entities(articles, entities, mentions)
    suggested = time.perf_counter() - started
    print(f"{len(articles)} articles, {chars / 1e6:.1f} M chars, {len(entities)} entities x 4 names")
    print(f"find_mentions:    {found:.2f} s, {len(mentions)} mentions")
    print(f"suggest_entities: {suggested:.2f} s, {len(suggestions)} suggestions")


if __name__ == "__main__":
    main()
