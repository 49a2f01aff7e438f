"""Seeded fuzzing of loading, comparing and exporting (a few seconds; see tests/fuzzing.py)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from tests.fuzzing import check_comparison, check_export, fuzz, run_folder_case
from tui.core.load.corpus import parse_article
from tui.core.model import Annotations, Comparison, Story
from tui.core.pipeline import build_comparison


@pytest.mark.parametrize("seed", [11, 23, 2026])
def test_random_stories_keep_every_invariant(seed: int) -> None:
    tally = fuzz(seed, cases=25)
    assert tally.failures == []
    assert tally.articles > tally.cases and tally.discrepancies > 0, "the fuzzer stopped reaching the engine"
    assert tally.folders > 0 and tally.refused > 0, "the fuzzer stopped building hostile folders"


def test_the_folder_checks_catch_a_read_outside_the_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """If links out of the folder were followed, the secret would reach an article: the case says so."""
    import tui.core.load.corpus as corpus

    monkeypatch.setattr(corpus, "outside_link", lambda path, folder: False)
    failures = []
    rng = random.Random(5)
    for number in range(60):
        failures += run_folder_case(rng, f"case {number}").failures
    assert any("outside the folder was read" in failure for failure in failures)


def _small_comparison() -> Comparison:
    articles = []
    for index, count in enumerate((40, 45)):
        article, _ = parse_article(
            f"Officials said {count} people were hurt in the blast on Monday.\n",
            f"s/{index}.txt",
            f"a{index}",
        )
        assert article is not None
        articles.append(article)
    story = Story(title="blast", path="s", articles=tuple(articles))
    return build_comparison(story, Annotations(path=None))


def test_the_checks_catch_a_member_that_does_not_slice_to_its_text() -> None:
    comparison = _small_comparison()
    assert check_comparison(comparison) == []
    cluster = comparison.clusters[0]
    shifted = dataclasses.replace(cluster.members[0], start=cluster.members[0].start + 1)
    broken = dataclasses.replace(
        comparison,
        clusters=(
            dataclasses.replace(cluster, members=(shifted, *cluster.members[1:])),
            *comparison.clusters[1:],
        ),
    )
    assert any("slices to" in problem for problem in check_comparison(broken))


def test_the_checks_catch_escapes_bad_json_and_scripts_in_exports() -> None:
    comparison = _small_comparison()
    assert check_export(comparison, "txt", "plain\ntext\n") == []
    assert check_export(comparison, "txt", "red \x1b[31m") != []
    assert check_export(comparison, "md", "a\ttab") != []
    assert check_export(comparison, "md", "spoof \u202e") != []
    assert check_export(comparison, "json", "{not json") != []
    assert check_export(comparison, "html", "<p><SCRIPT>alert(1)</script></p>") != []
