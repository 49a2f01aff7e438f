"""How long segmentation takes on many synthetic news articles (prints numbers, asserts nothing).

Run: /work/venv/bin/python tests/benchmarks/bench_segment.py [articles] [kilobytes-per-article]
The articles mix every construct the segmenter and fact finders look at (abbreviations,
quotes over several sentences, hedged numbers, dates, weekdays, semicolon lists), so the
timing covers the slow paths, not just plain prose. Then a few hostile single articles of
100-800 KB (one endless paragraph, thousands of quotes in one sentence...) show that no
step grows quadratically.
"""

from __future__ import annotations

import random
import sys
import time

from tui.core.model import Article, Mention
from tui.core.text.segment import segment_article

SENTENCES = [
    "U.S. Air Force Lt. Gen. Stephen Jost met Gen Nakatani in Tokyo on Oct. 29, 2025.",
    "“We must be prepared. We look forward to working closely together,” Hegseth said.",
    "About 60,000 Air Force, Army, Marine Corps, Navy and Space Force personnel are stationed there.",
    "The threats include bullying of the island; illegitimate claims over the eastern islands; "
    "and the missile programs of the north.",
    "He spoke to around 6,000 troops aboard the carrier Tuesday, ahead of the summit.",
    "Officials said between 40 and 50 missiles, worth $1.5 billion, would be produced by 2027.",
    "No. 2 official J. R. R. Smith said growth was 3.5 percent… We will see.",
    "Preparing for Regional Security Challenges\n",
    "“America and Japan… We seek peace,” he concluded, according to Mr. Smith.",
]


def make_articles(count: int, kilobytes: int) -> list[tuple[Article, list[Mention]]]:
    rng = random.Random(4)
    out = []
    for index in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < kilobytes * 1024:
            parts.append(rng.choice(SENTENCES))
        text = " ".join(parts)
        article = Article(id=f"a{index}", path=f"a{index}.txt", title="t", text=text, date="2025-10-29")
        mentions = []
        start = text.find("Hegseth")
        while start != -1:
            mentions.append(Mention("hegseth", article.id, start, start + 7, "Hegseth"))
            start = text.find("Hegseth", start + 1)
        out.append((article, mentions))
    return out


HOSTILE = {
    "one paragraph of short quoted sentences": "“He said. " * 20000,
    "semicolon chain": ("word " * 8 + "; ") * 20000,
    "thousands of quotes in one sentence": 'a "b. " ' * 20000,
    "a quotation that never closes": "“" + "Long sentence with many words here. " * 5000,
    "numbers and dates everywhere": "about 5, 6 and 7 troops on Tuesday 2024 " * 5000,
    "one endless name": "Joint Operations Command Said " * 10000,
    "bare full stops": ". " * 50000,
}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    kilobytes = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    articles = make_articles(count, kilobytes)
    started = time.perf_counter()
    units = sum(len(segment_article(article, mentions)) for article, mentions in articles)
    elapsed = time.perf_counter() - started
    print(
        f"{count} articles x {kilobytes} KB: {units} units in {elapsed:.2f} s "
        f"({elapsed / count * 1000:.2f} ms per article)"
    )
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        units = len(segment_article(Article(id="h", path="h", title="t", text=text, date="2025-10-29")))
        print(f"{name}: {len(text) // 1024} KB, {units} units in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
