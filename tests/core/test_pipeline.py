"""The whole comparison on invented stories with known agreements and differences, and on the
bundled story."""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.model import Annotations, Article, Cluster, Comparison, Story
from tui.core.pipeline import ComparisonCancelled, build_comparison

FLOOD_A = Article(
    "a",
    "a.txt",
    "A",
    (
        "Flooding in the river valley killed 12 people on Monday, officials said. "
        "Regional Governor Maria Lopez ordered the evacuation of 3,000 residents from the lowland villages. "
        "\u201cWe will rebuild every bridge and every home,\u201d Lopez said. "
        "The dam operator will increase water releases over the weekend. "
        "Rescue teams from three neighbouring provinces joined the search."
    ),
    date="2024-05-06",
)
FLOOD_B = Article(
    "b",
    "b.txt",
    "B",
    (
        "Officials said 19 people were killed on Monday by flooding in the river valley. "
        "Regional Governor Maria Lopez ordered about 3,000 residents of the lowland villages to evacuate. "
        "\u201cWe will rebuild every home and every bridge,\u201d Lopez said. "
        "The dam operator is not expected to increase water releases over the weekend. "
        "A local school was turned into a shelter for displaced families."
    ),
    date="2024-05-07",
)
FLOOD_C = Article(
    "c",
    "c.txt",
    "C",
    (
        "The flood in the river valley killed 12 people on Monday, officials said. "
        "Regional Governor Maria Lopez ordered the evacuation of 3,000 residents from the lowland villages. "
        "Insurance claims are expected to reach record levels."
    ),
    date="2024-05-08",
)


def compare(*articles: Article) -> Comparison:
    return build_comparison(Story("flood", "/tmp/flood", tuple(articles)), Annotations(None))


def cluster_with(comparison: Comparison, article: str, words: str) -> Cluster:
    text = comparison.story.article(article).text
    at = text.index(words)
    return next(
        c
        for c in comparison.clusters
        if any(m.article == article and m.start <= at < m.end for m in c.members)
    )


def json_like(comparison: Comparison) -> list[dict]:
    return [{**asdict(c), "values": dict(c.values)} for c in comparison.clusters]


def test_each_kind_of_difference_in_one_invented_story() -> None:
    result = compare(FLOOD_A, FLOOD_B, FLOOD_C)
    toll = cluster_with(result, "a", "killed 12")
    assert (toll.kind, toll.discrepancy_type) == ("discrepancy", "number")
    assert dict(toll.values) == {"a": "12", "b": "19", "c": "12"}
    assert toll.label.startswith("Number differs: 12 (a, c) / 19 (b)")
    evacuation = cluster_with(result, "c", "evacuation")
    assert evacuation.kind == "shared" and evacuation.support == 3
    assert evacuation.label.startswith("Shared by 3 of 3:")
    quote = cluster_with(result, "b", "every home and every bridge")
    assert quote.discrepancy_type == "quote-wording"
    releases = cluster_with(result, "b", "not expected")
    assert releases.discrepancy_type == "contradiction"
    unique = cluster_with(result, "b", "local school")
    assert unique.kind == "unique" and unique.label.startswith("Only in b:")
    assert [c.id for c in result.clusters] == [f"c{n:03d}" for n in range(1, len(result.clusters) + 1)]


def test_values_diffs_and_offsets_point_into_the_articles() -> None:
    result = compare(FLOOD_A, FLOOD_B, FLOOD_C)
    for cluster in result.clusters:
        for member in cluster.members:
            text = result.story.article(member.article).text
            assert text[member.start : member.end] == member.text
            assert "".join(p.text for p in member.diff) == member.text
            if member.value is not None:
                assert text[member.value_start : member.value_end] == member.value
    toll = cluster_with(result, "b", "19 people")
    changed = [p.text for m in toll.members if m.article == "b" for p in m.diff if p.changed]
    assert "19" in " ".join(changed)


def test_months_apart_a_different_name_is_change_over_time() -> None:
    later = replace(FLOOD_C, date="2024-09-20", text=FLOOD_C.text.replace("Maria Lopez", "Carlos Diaz"))
    governor = cluster_with(compare(FLOOD_A, FLOOD_B, later), "c", "Carlos Diaz")
    assert governor.discrepancy_type == "name" and governor.change_over_time
    assert "change over time" in governor.label
    same_week = replace(later, date="2024-05-09")
    governor = cluster_with(compare(FLOOD_A, FLOOD_B, same_week), "c", "Carlos Diaz")
    assert governor.discrepancy_type == "name" and not governor.change_over_time


STORY_A = Article(
    "s",
    "s.txt",
    "S",
    (
        "The agency, founded in 1957, oversees about 60,000 contract workers employed at the northern plant. "
        "The Northern Regional Rapid Transit Authority (NRRTA) will run the plant shuttle buses. "
        "The governor called the plan \u201ca safe, clean and affordable future for the region.\u201d"
    ),
    date="2024-03",
)
STORY_B = Article(
    "b",
    "b.txt",
    "B",
    (
        "Protesters gathered outside the gates on Saturday morning. "
        "Critics doubt whether the current 50,000 workers can run the new units at the plant in the north. "
        "The NRTA shuttle buses to the plant will be free, according to the operator. "
        "\u201cThis is a clean, safe and affordable future,\u201d the governor told the crowd."
    ),
    date="2024-03",
)


def test_story_level_checks_catch_what_sentences_do_not_align() -> None:
    result = compare(STORY_A, STORY_B)
    story = [c for c in result.clusters if c.scope == "story"]
    kinds = {c.discrepancy_type: c for c in story}
    assert dict(kinds["number"].values) == {"b": "50,000", "s": "about 60,000"}
    assert dict(kinds["name"].values) == {
        "b": "NRTA",
        "s": "Northern Regional Rapid Transit Authority (NRRTA)",
    }


def test_quote_and_denied_change_are_found_across_the_story() -> None:
    a = replace(
        STORY_A, text=STORY_A.text + " The operator will hire additional engineers for the plant next year."
    )
    b = replace(STORY_B, text=STORY_B.text + " A spokesman said there would not be more engineers hired.")
    result = compare(a, b)
    quote = [c for c in result.clusters if c.discrepancy_type == "quote-wording"]
    assert len(quote) == 1 and set(quote[0].values) == {"b", "s"}
    denied = [c for c in result.clusters if c.discrepancy_type == "contradiction"]
    assert len(denied) == 1
    assert denied[0].values["b"].startswith("not")
    assert denied[0].values["s"] in {"additional", "engineers"}, "what b denies, as s states it"


def test_distances_are_compared_across_units_of_measure() -> None:
    miles = Article(
        "m", "m.txt", "M", "The convoy travelled 10 miles to the border crossing at dawn on Sunday."
    )
    km = Article("k", "k.txt", "K", "The convoy travelled 16 km to the border crossing at dawn on Sunday.")
    far = Article("f", "f.txt", "F", "The convoy travelled 30 km to the border crossing at dawn on Sunday.")
    agreed = compare(miles, km).clusters
    assert [c.kind for c in agreed] == ["shared"]
    differ = compare(miles, km, far).clusters
    assert [(c.kind, c.discrepancy_type) for c in differ] == [("discrepancy", "number")]
    assert dict(differ[0].values) == {"f": "30 km", "k": "16 km", "m": "10 miles"}


def test_sources_linked_by_wire_copy_count_once() -> None:
    wire = replace(FLOOD_A, id="d", text=FLOOD_A.text + " The valley has flooded twice in ten years.")
    result = compare(FLOOD_A, FLOOD_B, wire)
    assert [w.articles for w in result.wire] == [("a", "d")]
    toll = cluster_with(result, "a", "killed 12")
    assert toll.support == 3 and toll.independent_support == 2 and toll.wire


def test_the_same_result_for_any_file_order() -> None:
    articles = [FLOOD_A, FLOOD_B, FLOOD_C, STORY_A, replace(STORY_B, id="e")]
    expected = json_like(compare(*articles))
    rng = random.Random(11)
    for _ in range(3):
        rng.shuffle(articles)
        assert json_like(compare(*articles)) == expected


def test_the_same_result_whatever_the_hash_seed(tmp_path: Path) -> None:
    for article in (FLOOD_A, FLOOD_B, FLOOD_C):
        (tmp_path / f"{article.id}.txt").write_text(
            f"---\ndate: '{article.date}'\n---\n{article.text}\n", encoding="utf-8"
        )
    script = (
        "import sys; from pathlib import Path; from tui.core.load.corpus import load_story; "
        "from tui.core.pipeline import build_comparison; "
        "c = build_comparison(load_story([Path(sys.argv[1])])); "
        "print([(x.id, x.label, [(m.article, m.start, m.end, m.diff) for m in x.members]) "
        "for x in c.clusters], c.phrases, c.wire)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_progress_is_reported_and_cancelling_stops_the_work() -> None:
    seen: list[float] = []
    story = Story("flood", "/tmp", (FLOOD_A, FLOOD_B, FLOOD_C))
    build_comparison(story, Annotations(None), progress=lambda f, _m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    calls = iter(range(1000))
    with pytest.raises(ComparisonCancelled):
        build_comparison(story, Annotations(None), should_stop=lambda: next(calls) > 3)


def test_the_garbage_collector_is_paused_while_comparing_and_restored_after() -> None:
    story = Story("flood", "/tmp", (FLOOD_A, FLOOD_B, FLOOD_C))
    during: list[bool] = []
    assert gc.isenabled()
    build_comparison(story, Annotations(None), progress=lambda _f, _m: during.append(gc.isenabled()))
    assert during and not any(during) and gc.isenabled()
    with pytest.raises(ComparisonCancelled):
        build_comparison(story, Annotations(None), should_stop=lambda: True)
    assert gc.isenabled(), "a cancelled comparison must turn the collector back on"
    gc.disable()
    try:
        build_comparison(story, Annotations(None))
        assert not gc.isenabled(), "a collector the caller turned off stays off"
    finally:
        gc.enable()


def test_random_texts_never_break_the_invariants() -> None:
    rng = random.Random(5)
    words = (
        "the minister said 12 troops about 60,000 km miles not never “quoted words here” "
        "Governor Ana Ruiz (AGTR) GTR March 3, 2021 on Monday killed people bridge storm . , ;"
    ).split()
    for round_ in range(6):
        articles = []
        for n in range(rng.randint(1, 4)):
            sentences = [
                " ".join(rng.choice(words) for _ in range(rng.randint(1, 18))).capitalize() + "."
                for _ in range(rng.randint(0, 8))
            ]
            articles.append(
                Article(
                    f"r{round_}{n}",
                    "x",
                    "x",
                    " ".join(sentences),
                    date=rng.choice([None, "2024-01", "2024-06-02", "unknown"]),
                )
            )
        result = compare(*articles)
        ids = set()
        for cluster in result.clusters:
            assert cluster.id not in ids
            ids.add(cluster.id)
            assert len(cluster.articles) == len(cluster.members)
            for member in cluster.members:
                text = result.story.article(member.article).text
                assert text[member.start : member.end] == member.text
                assert "".join(p.text for p in member.diff) == member.text
                if member.value is not None:
                    assert text[member.value_start : member.value_end] == member.value


@pytest.fixture(scope="module")
def bundled() -> Comparison:
    return build_comparison(load_story([bundled_story()]))


def test_bundled_story_three_troop_counts_are_one_number_discrepancy(bundled: Comparison) -> None:
    counts = [
        c
        for c in bundled.clusters
        if c.discrepancy_type == "number" and {"about 60,000", "50,000", "55,000"} <= set(c.values.values())
    ]
    assert len(counts) == 1
    assert counts[0].scope == "story" and not counts[0].change_over_time
    assert sorted(a[:3] for a in counts[0].values) == ["001", "003", "004"]


def test_bundled_story_amraam_and_mraam_are_a_name_discrepancy(bundled: Comparison) -> None:
    names = [
        c
        for c in bundled.clusters
        if c.discrepancy_type == "name" and any("MRAAM" in v for v in c.values.values())
    ]
    assert len(names) == 1
    values = {a[:3]: v for a, v in names[0].values.items()}
    assert values == {"002": "AMRAAM", "004": "Advanced Medium-Range Air to Air Missiles (MRAAM)"}


def test_bundled_story_new_defense_minister_is_change_over_time(bundled: Comparison) -> None:
    minister = next(
        c
        for c in bundled.clusters
        if c.discrepancy_type == "name" and "Shinjiro Koizumi" in c.values.values()
    )
    assert minister.change_over_time
    assert {a[:3] for a, v in minister.values.items() if v == "Gen Nakatani"} >= {"000", "001", "004"}


def test_bundled_story_boilerplate_is_kept_as_units_but_never_compared(bundled: Comparison) -> None:
    boiler = {u.id for units in bundled.units.values() for u in units if u.is_boilerplate}
    assert boiler
    assert not any(m.unit in boiler for c in bundled.clusters for m in c.members)
