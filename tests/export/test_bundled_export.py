"""Every format on the bundled story, through the real loader, annotations and comparison engine."""

from __future__ import annotations

import json

import pytest

from tests.export.checks import (
    assert_every_excerpt_cited,
    assert_plain_text,
    assert_safe_html,
    assert_safe_markdown,
)
from tests.export.schema import check_storydiff1
from tui.core.load.resources import bundled_story
from tui.core.model import Comparison
from tui.export import FORMATS, ExportRequest, render


@pytest.fixture(scope="module")
def bundled() -> Comparison:
    pipeline = pytest.importorskip("tui.core.pipeline", reason="the comparison engine is not in yet")
    annotations = pytest.importorskip(
        "tui.core.annotate.schema", reason="the annotation loader is not in yet"
    )
    from tui.core.load.corpus import load_story

    folder = bundled_story()
    story = load_story([folder])
    yaml_file = folder / "annotations.yaml"
    loaded = annotations.load_annotations(yaml_file if yaml_file.exists() else None)
    return pipeline.build_comparison(story, loaded)


def _onlies(comparison: Comparison) -> list[str | None]:
    return [None, "shared", "discrepancy", "unique", *(f"entity:{e.id}" for e in comparison.entities[:3])]


def test_the_engine_found_something_to_export(bundled: Comparison) -> None:
    assert len(bundled.articles) == 5
    assert bundled.clusters_of("shared") and bundled.clusters_of("unique")


def test_json_honours_the_contract_for_every_filter(bundled: Comparison) -> None:
    for only in _onlies(bundled):
        doc = json.loads(render(bundled, ExportRequest("json", only)))
        check_storydiff1(doc)
        assert len(doc["articles"]) == 5
        assert [a["text"] for a in doc["articles"]] == [a.text for a in bundled.articles]


@pytest.mark.parametrize("fmt", ("md", "html", "txt"))
def test_readable_formats_cite_every_excerpt(bundled: Comparison, fmt: str) -> None:
    for only in _onlies(bundled):
        assert_every_excerpt_cited(bundled, render(bundled, ExportRequest(fmt, only)), fmt, only)


def test_every_format_is_safe_on_the_bundled_story(bundled: Comparison) -> None:
    outputs = {fmt: render(bundled, ExportRequest(fmt)) for fmt in FORMATS}
    assert_safe_markdown(outputs["md"])
    assert_safe_html(outputs["html"])
    assert_plain_text(outputs["txt"])
    for line in outputs["txt"].splitlines():  # only a single unbreakable word (a long path) may overrun
        assert len(line) <= 78 or " " not in line.strip(), line
