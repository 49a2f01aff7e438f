"""How long the reader takes to open and scroll a very large article (prints numbers).

Run: python tests/benchmarks/bench_reader_large.py [MEGABYTES]
"""

from __future__ import annotations

import asyncio
import sys
import time

from tui.app.app import ReaderApp
from tui.core.model import Annotations, Article, Comparison, Story


def _article(article_id: str, size: int) -> Article:
    paragraph = (
        "The committee met again on Tuesday and heard evidence from 12 witnesses "
        "about the harbour project and its cost. "
    ) * 4
    count = size // (len(paragraph) + 1)
    text = "\n".join(f"{i}. {paragraph}" for i in range(count))
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=f"Big {article_id}",
        text=text,
        outlet=article_id,
        paragraphs=tuple(spans),
    )


async def main(megabytes: float) -> None:
    size = int(megabytes * 1_000_000)
    story = Story(title="big", path="big", articles=(_article("big", size), _article("small", 20_000)))
    comparison = Comparison(story=story, units={}, clusters=(), annotations=Annotations(path=None))
    started = time.perf_counter()
    app = ReaderApp(comparison=comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        opened = time.perf_counter()
        print(
            f"{megabytes} MB article: open and first layout {opened - started:.2f} s, "
            f"{len(app.screen.panes[0].blocks)} blocks"
        )
        for key in ("pagedown",) * 10 + ("G", "g"):
            step = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            print(f"  {key}: {time.perf_counter() - step:.3f} s")
        step = time.perf_counter()
        await pilot.press("slash", *"harbour", "enter")
        await pilot.pause()
        print(
            f"  search 'harbour' + jump: {time.perf_counter() - step:.2f} s, "
            f"{len(app.screen.search_state.matches)} matches highlighted"
        )


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0))
