"""How well the engine finds what sources share and where they differ, on real stories with gold.

Run: python tests/benchmarks/bench_alignment.py DEVSET_FOLDER [--story NAME]

DEVSET_FOLDER is a folder in the development set's layout (``stories/<name>/`` with the
articles, ``gold/<name>.yaml`` and ``score.py``); it is read where it is, never copied. The
bundled story is scored too when the folder has gold for it. For each story it prints, for
storydiff and for a plain word-overlap baseline (each statement paired with its best partner
in every other source when their content words have a Jaccard index of at least 0.2):

- shared-fact and discrepancy recall, discrepancy precision and bloated clusters, by the
  folder's own ``score.py`` (the baseline reports no discrepancies);
- how many clusters are unique (one source only);
- recall on near-identical statement pairs: two statements of different sources sharing at
  least 70% of their content words (of the larger set) must share a cluster.

Statements are storydiff's own (its sentences, boilerplate left out) for both, so the two are
compared on the same units. Asserts nothing; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.model import Comparison, Unit
from tui.core.pipeline import build_comparison
from tui.core.text.normalize import STOPWORDS, fold
from tui.export import ExportRequest, render

NEAR = 0.7
BASELINE_JACCARD = 0.2
_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> frozenset[str]:
    """Lower-case content words: what both the near-identical rule and the baseline count."""
    return frozenset(w for w in (fold(m.group()) for m in _WORD.finditer(text)) if w not in STOPWORDS)


def statements(result: Comparison) -> list[Unit]:
    return [u for a in result.articles for u in result.units[a.id] if not u.is_boilerplate]


def near_identical(units: list[Unit]) -> list[tuple[Unit, Unit]]:
    words = {u.id: content_words(u.text) for u in units}
    out = []
    for a, b in combinations(units, 2):
        wa, wb = words[a.id], words[b.id]
        if a.article != b.article and wa and wb and len(wa & wb) / max(len(wa), len(wb)) >= NEAR:
            out.append((a, b))
    return out


def paired(document: dict, a: Unit, b: Unit) -> bool:
    """Whether one shared or discrepancy cluster of the export holds both statements."""
    for cluster in document["clusters"]:
        if cluster["kind"] == "unique":
            continue
        hit = {
            u.id
            for m in cluster["members"]
            for u in (a, b)
            if m["article"] == u.article and m["start"] < u.end and u.start < m["end"]
        }
        if hit == {a.id, b.id}:
            return True
    return False


def baseline(result: Comparison, document: dict) -> dict:
    """The export as the word-overlap baseline would make it: pairs of best partners."""
    units = statements(result)
    words = {u.id: content_words(u.text) for u in units}
    clusters = []
    for unit in units:
        for article in result.articles:
            if article.id == unit.article:
                continue
            best, best_score = None, BASELINE_JACCARD
            for other in result.units[article.id]:
                if other.is_boilerplate:
                    continue
                union = words[unit.id] | words[other.id]
                jaccard = len(words[unit.id] & words[other.id]) / len(union) if union else 0.0
                if jaccard >= best_score:
                    best, best_score = other, jaccard
            if best is not None:
                clusters.append(
                    {
                        "id": f"b{len(clusters)}",
                        "kind": "shared",
                        "values": {},
                        "members": [
                            {"article": u.article, "start": u.start, "end": u.end, "text": u.text}
                            for u in (unit, best)
                        ],
                    }
                )
    paired_ids = {m["start"] for c in clusters for m in c["members"]}
    for unit in units:
        if unit.start not in paired_ids:
            member = {"article": unit.article, "start": unit.start, "end": unit.end, "text": unit.text}
            clusters.append({"id": f"b{len(clusters)}", "kind": "unique", "values": {}, "members": [member]})
    return {**document, "clusters": clusters}


def score(folder: Path, name: str, document: dict) -> str:
    """The last line of the folder's own scorer on an export."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as out:
        json.dump(document, out)
    done = subprocess.run(
        [sys.executable, str(folder / "score.py"), str(folder / "gold" / f"{name}.yaml"), out.name],
        capture_output=True,
        text=True,
        check=False,
    )
    Path(out.name).unlink()
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()


def figures(line: str) -> dict[str, str]:
    return dict(re.findall(r"(?<![-\w])(shared|discrepancies|disc-precision|bloated-clusters) (\S+)", line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--story", action="append", help="only these stories")
    args = parser.parse_args()
    folder: Path = args.devset
    stories = {p.name: p for p in sorted((folder / "stories").iterdir()) if p.is_dir()}
    if (folder / "gold" / f"{bundled_story().name}.yaml").exists():
        stories[bundled_story().name] = bundled_story()
    rows = []
    for name, path in stories.items():
        if args.story and name not in args.story:
            continue
        result = build_comparison(load_story([path]))
        document = json.loads(render(result, ExportRequest("json")))
        plain = baseline(result, document)
        pairs = near_identical(statements(result))
        for who, doc in (("storydiff", document), ("baseline", plain)):
            found = figures(score(folder, name, doc))
            near = sum(paired(doc, a, b) for a, b in pairs)
            uniques = sum(c["kind"] == "unique" for c in doc["clusters"])
            reports = who == "storydiff"
            rows.append(
                (name, who, found.get("shared", "?"), found.get("discrepancies", "?") if reports else "-",
                 found.get("disc-precision", "?") if reports else "-", uniques, f"{near}/{len(pairs)}",
                 found.get("bloated-clusters", "?"))
            )  # fmt: skip
    print("| story | engine | shared facts | discrepancies | disc. precision | unique clusters "
          "| near-identical pairs | bloated |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(str(x) for x in row) + " |")


if __name__ == "__main__":
    main()
