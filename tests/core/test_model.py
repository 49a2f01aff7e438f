"""The shared data types: the lookups every part of storydiff relies on."""

from __future__ import annotations

import random

from tui.core.model import Article


def _paragraph_by_scan(paragraphs: list[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(paragraphs):
        if offset < end or (offset == end and start == end):
            return index
    return max(len(paragraphs) - 1, 0)


def test_paragraph_at_finds_the_paragraph_of_every_offset_including_empty_ones() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        position, paragraphs = 0, []
        for _ in range(rng.randint(0, 6)):
            position += rng.randint(0, 3)
            start = position
            position += rng.choice([0, 0, 1, 2, 5])
            paragraphs.append((start, position))
        article = Article(
            id="a", path="a.txt", title="t", text="x" * (position + 5), paragraphs=tuple(paragraphs)
        )
        for offset in range(position + 4):
            assert article.paragraph_at(offset) == _paragraph_by_scan(paragraphs, offset)


def test_paragraph_at_on_a_plain_article() -> None:
    article = Article(id="a", path="a.txt", title="t", text="One.\n\nTwo.", paragraphs=((0, 4), (6, 10)))
    assert [article.paragraph_at(o) for o in (0, 3, 4, 5, 6, 9, 10, 99)] == [0, 0, 1, 1, 1, 1, 1, 1]
