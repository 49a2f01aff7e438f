"""The whole comparison of an invented story, held to a stored export.

Speed work on the engine (issue 19) must not change what it finds. ``reference_story/`` is a
six-source story invented for this test (wire copies, changed figures, a time, a year, a
renamed speaker, a reworded quote, a contradiction, a misspelled name, curated claims, an
orphan claim, boilerplate), and ``reference_story.json`` is its ``storydiff export`` as the
engine wrote it before the speed work began. Any change to a cluster, a value, an offset, a
label, a shared phrase or a wire pair fails here. When the engine's behaviour is changed on
purpose, regenerate the file from the repository root with
``storydiff export tests/core/reference_story --pretty -o tests/core/reference_story.json --force``
and review the diff.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tui.core.load.corpus import load_story
from tui.core.pipeline import build_comparison
from tui.export import ExportRequest, render

ROOT = Path(__file__).resolve().parents[2]
STORY = Path("tests/core/reference_story")
EXPECTED = ROOT / "tests/core/reference_story.json"


def _document(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    document.pop("generator")
    return document


@pytest.fixture
def expected(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(ROOT)
    return _document(EXPECTED.read_text(encoding="utf-8"))


def test_the_stored_export_holds_every_kind_of_finding(expected: dict[str, Any]) -> None:
    """The reference is not trivially empty: it has what the story was written to show."""
    kinds = [c["discrepancy_type"] for c in expected["clusters"] if c["kind"] == "discrepancy"]
    assert {"number", "date", "name", "quote-wording", "contradiction", "spelling"} <= set(kinds)
    assert len(kinds) >= 12
    assert any(c["kind"] == "shared" for c in expected["clusters"])
    assert expected["shared_phrases"] and expected["wire"] and expected["orphans"]


def test_the_export_is_the_stored_one(expected: dict[str, Any]) -> None:
    comparison = build_comparison(load_story([STORY]))
    found = _document(render(comparison, ExportRequest("json")))
    assert [c["label"] for c in found["clusters"]] == [c["label"] for c in expected["clusters"]]
    for key in expected:
        assert found[key] == expected[key], key
    assert found == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_order_articles_come_in_changes_nothing_but_their_listing(
    expected: dict[str, Any], seed: int
) -> None:
    story = load_story([STORY])
    articles = list(story.articles)
    random.Random(seed).shuffle(articles)
    comparison = build_comparison(replace(story, articles=tuple(articles)))
    found = _document(render(comparison, ExportRequest("json")))
    assert [a["id"] for a in found["articles"]] != [a["id"] for a in expected["articles"]]
    found["articles"].sort(key=lambda a: a["id"])
    assert found == expected
