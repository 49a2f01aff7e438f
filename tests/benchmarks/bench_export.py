"""How long each export format takes on a large synthetic story (prints numbers, asserts nothing).

Run: /work/venv/bin/python tests/benchmarks/bench_export.py [articles] [sentences-per-article]
The story is deterministic: sentence i of every article shares most words with sentence i
of the others, so every sentence lands in a cluster and many quotes repeat, which is the
expensive case for the TextQuoteSelector search.
"""

from __future__ import annotations

import sys
import time

from tests.export.stories import make_article
from tui.core.model import Annotations, Cluster, Comparison, Member, Story
from tui.core.views.excerpts import WIDTHS, quote_selector
from tui.core.views.quote_context import QuoteContexts
from tui.export import FORMATS, ExportRequest, render

WORDS = "officials said the bridge was closed after the storm and crews worked through the night".split()


def synthetic(articles: int, sentences: int) -> Comparison:
    texts: list[list[str]] = []
    for a in range(articles):
        texts.append(
            [f"{' '.join(WORDS[(i + a) % 5 :])} with {i * 7 + a % 3} workers." for i in range(sentences)]
        )
    made = [
        make_article(
            f"a{a}", "\n\n".join(lines), title=f"Report {a}", outlet=f"Outlet {a}", date="2024-01-01"
        )
        for a, lines in enumerate(texts)
    ]
    clusters = []
    for i in range(sentences):
        members = []
        for article, lines in zip(made, texts, strict=False):
            start = sum(len(line) + 2 for line in lines[:i])
            value = str(i * 7 + int(article.id[1:]) % 3)
            value_start = start + lines[i].rindex(value)
            members.append(
                Member(
                    article.id,
                    start,
                    start + len(lines[i]),
                    lines[i],
                    value=value,
                    value_start=value_start,
                    value_end=value_start + len(value),
                )
            )
        clusters.append(Cluster(f"c{i}", "discrepancy", f"workers at step {i}", tuple(members), "number"))
    return Comparison(Story("synthetic", "synthetic", tuple(made)), {}, tuple(clusters), Annotations(None))


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    sentences = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    comparison = synthetic(articles, sentences)
    chars = sum(len(a.text) for a in comparison.articles)
    print(f"{articles} articles, {sentences} clusters, {chars} characters")
    for fmt in FORMATS:
        began = time.perf_counter()
        out = render(comparison, ExportRequest(fmt))
        print(f"{fmt:5} {time.perf_counter() - began:7.3f} s  {len(out):>10} chars")
    # Worst case for the selector: one line repeated, so context must grow to the widest.
    line = "Follow us for more updates.\n\n"
    for lines in (3000, 30000):
        text = line * lines
        spans = [(index * len(line), index * len(line) + len(line) - 2) for index in range(lines)]
        began = time.perf_counter()
        contexts = QuoteContexts(text, spans, WIDTHS)
        for start, end in spans:
            quote_selector(text, start, end, contexts)
        print(f"selectors for {lines} identical lines: {time.perf_counter() - began:.3f} s")


if __name__ == "__main__":
    main()
