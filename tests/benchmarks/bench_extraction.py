"""Score storydiff's HTML loader on an article-extraction benchmark (prints numbers, asserts nothing).

Run: python tests/benchmarks/bench_extraction.py BENCHMARK_DIR [--worst N] [--show KEY]
     [--save FILE]

BENCHMARK_DIR has the layout of scrapinghub's article-extraction-benchmark: ``html/<key>.html.gz``
pages, ``ground-truth.json`` ({key: {"articleBody": ...}}) and its own ``evaluate.py``, which
is imported from that folder (never copied here) so the score is the one extractors publish.
Each page is decompressed alone into a temporary ``.html`` file and read by the real loader
(``read_article``, exactly as ``storydiff`` opens a file); the prediction is the article's
text minus the spans it marks as boilerplate, i.e. the story text the reader compares.
Prints F1, precision and recall, the empty and failing pages, the slowest page and the
worst pages by F1. ``--show KEY`` prints one page's story text and boilerplate instead.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from tui.core.load.corpus import read_article
from tui.core.story import Article


def load_evaluator(folder: Path) -> ModuleType:
    """The benchmark's own ``evaluate.py``, imported by path."""
    spec = importlib.util.spec_from_file_location("benchmark_evaluate", folder / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{folder}: no evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def story_text(article: Article) -> str:
    """The article's body: its paragraphs that are not boilerplate, one per line, without the
    headline (compared as a statement, but not part of the body the benchmark marks)."""
    lines = []
    for start, end in article.paragraphs:
        if not article.is_boilerplate(start, end) and (start, end) != article.headline:
            lines.append(article.text[start:end])
    return "\n".join(lines)


def extract(page: Path, scratch: Path) -> tuple[Article | None, float]:
    """Load one page as storydiff would; return the article and the seconds it took."""
    target = scratch / (page.name.removesuffix(".gz"))
    target.write_bytes(gzip.decompress(page.read_bytes()))
    started = time.perf_counter()
    article, _problems = read_article(target, "page")
    elapsed = time.perf_counter() - started
    target.unlink()
    return article, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "folder", type=Path, help="the benchmark folder (html/, ground-truth.json, evaluate.py)"
    )
    parser.add_argument("--worst", type=int, default=10, help="how many of the worst pages to list")
    parser.add_argument("--show", help="print the story text and boilerplate of one page key")
    parser.add_argument("--save", type=Path, help="write the predictions as JSON to this file")
    args = parser.parse_args()
    folder: Path = args.folder
    truth: dict[str, dict[str, Any]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    evaluator = load_evaluator(folder)
    keys = sorted(truth) if not args.show else [args.show]
    predictions: dict[str, dict[str, str]] = {}
    timings: dict[str, float] = {}
    empty: list[str] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for key in keys:
            page = folder / "html" / f"{key}.html.gz"
            try:
                article, timings[key] = extract(page, Path(scratch))
            except Exception:  # a crash on one page is a result to report, not a stop
                failed.append(f"{key}: {traceback.format_exc(limit=-2)}")
                predictions[key] = {"articleBody": ""}
                continue
            text = story_text(article) if article is not None else ""
            if not text.strip():
                empty.append(key)
            predictions[key] = {"articleBody": text}
            if args.show:
                _show(article, text)
                return
    if args.save:
        args.save.write_text(json.dumps(predictions, ensure_ascii=False, indent=1), "utf-8")
    metrics = evaluator.evaluate(truth, predictions, 200)
    print(
        f"pages: {len(keys)}   F1 {metrics['f1']:.3f} ± {metrics['f1_std']:.3f}   "
        f"precision {metrics['precision']:.3f}   recall {metrics['recall']:.3f}   "
        f"accuracy {metrics['accuracy']:.3f}"
    )
    slowest = max(timings, key=timings.__getitem__)
    ordered = sorted(timings.values())
    print(
        f"time per page: median {1000 * ordered[len(ordered) // 2]:.1f} ms, "
        f"slowest {1000 * timings[slowest]:.1f} ms ({slowest[:12]}), total {sum(ordered):.1f} s"
    )
    print(f"empty pages: {len(empty)} {[k[:12] for k in empty]}")
    print(f"failing pages: {len(failed)}")
    for failure in failed:
        print(failure)
    scores = []
    for key, (tp, fp, fn) in zip(truth, metrics["tp_fp_fns"], strict=True):
        precision = evaluator.precision_score(tp, fp, fn)
        recall = evaluator.recall_score(tp, fp, fn)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append((f1, precision, recall, key))
    print(f"\nworst {args.worst} pages (F1, precision, recall, key, url):")
    for f1, precision, recall, key in sorted(scores)[: args.worst]:
        print(f"  {f1:.3f}  {precision:.3f}  {recall:.3f}  {key[:12]}  {truth[key].get('url', '')}")


def _show(article: Article | None, text: str) -> None:
    if article is None:
        print("(no article)")
        return
    print(
        f"title: {article.title!r}\noutlet: {article.outlet!r}  date: {article.date!r}  "
        f"author: {article.author!r}\n"
    )
    for start, end in article.paragraphs:
        marks = [b.reason for b in article.boilerplate if b.start <= start and end <= b.end]
        prefix = f"[{marks[0]}] " if marks else ""
        print(f"{prefix}{article.text[start:end]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
