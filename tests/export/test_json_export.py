"""JSON export: the storydiff/1 contract, its additive extras, and --only filtering."""

from __future__ import annotations

import json

import pytest

from tests.export.schema import check_storydiff1
from tests.export.stories import flood_comparison, hostile_comparison, make_article
from tui.core.model import Annotations, Cluster, Comparison, Member, Story
from tui.export import ExportRequest, render, render_pieces
from tui.export.json_export import _ENCODE, _encode_visible, _visible


def test_full_export_honours_the_contract() -> None:
    doc = json.loads(render(flood_comparison(), ExportRequest("json")))
    check_storydiff1(doc)
    assert [a["id"] for a in doc["articles"]] == ["ledger", "times", "wire"]
    assert [c["id"] for c in doc["clusters"]] == ["d1", "s1", "u1", "u2"]
    assert [e["id"] for e in doc["entities"]] == ["ruiz", "millbrook", "governor", "nobody"]
    assert doc["story"] == {
        "title": "Millbrook flood",
        "path": "story",
        "annotations": "story/annotations.yaml",
    }


def test_unknown_metadata_is_null() -> None:
    articles = {a["id"]: a for a in json.loads(render(flood_comparison(), ExportRequest("json")))["articles"]}
    assert articles["times"]["date"] is None
    assert articles["wire"]["outlet"] is None
    assert articles["ledger"]["outlet"] == "Daily Ledger" and articles["ledger"]["date"] == "2024-05-02"


def test_discrepancy_carries_values_verdict_and_selectors() -> None:
    d1 = json.loads(render(flood_comparison(), ExportRequest("json")))["clusters"][0]
    assert d1["kind"] == "discrepancy" and d1["discrepancy_type"] == "number"
    assert d1["values"] == {"ledger": "1,200", "times": "about 1,500"}
    assert d1["verdict"] == {"kind": "true-conflict", "note": "The Ledger counts households", "claim": None}
    assert d1["support"] == 2 and d1["independent_support"] == 2
    ledger = d1["members"][0]
    assert ledger["paragraph"] == 1 and ledger["value"] == "1,200"
    assert ledger["quote"] == {
        "exact": "Floodwaters forced 1,200 residents from their homes in Millbrook on Tuesday.",
        "prefix": "",
        "suffix": "\n\nMayor Ana Ruiz said the levee ",
    }


def test_orphans_diagnostics_and_diff_are_exported() -> None:
    doc = json.loads(render(flood_comparison(), ExportRequest("json")))
    assert doc["orphans"] == [
        {
            "claim": "c9",
            "matches": 0,
            "message": "quote not found in wire",
            "quote": {"article": "wire", "exact": "the dam broke", "prefix": None, "suffix": None},
        }
    ]
    assert doc["diagnostics"][0]["file"] == "story/times.txt" and doc["diagnostics"][0]["line"] == 4
    wire = doc["clusters"][1]["members"][2]
    assert [p["text"] for p in wire["diff"] if p["changed"]] == ["that "]


def test_output_is_stable_indented_and_not_ascii_escaped() -> None:
    article = make_article("z", "Zürich meldet 3 Verletzte.", title="Zürich", outlet="NZZ")
    cluster = Cluster("u", "unique", "Verletzte in Zürich", (Member("z", 0, 26, article.text),))
    comparison = Comparison(Story("Zürich", "z", (article,)), {}, (cluster,), Annotations(None))
    first = render(comparison, ExportRequest("json"))
    assert first == render(comparison, ExportRequest("json"))
    assert first.startswith('{\n  "schema": "storydiff/1",')
    assert "Zürich" in first and "\\u00fc" not in first
    check_storydiff1(json.loads(first))


@pytest.mark.parametrize("fmt", ["json", "md", "html", "txt"])
def test_pieces_joined_are_the_export(fmt: str) -> None:
    request = ExportRequest(fmt)
    assert "".join(render_pieces(flood_comparison(), request)) == render(flood_comparison(), request)


def test_an_unknown_selection_is_refused_before_any_piece() -> None:
    with pytest.raises(ValueError, match="unknown cluster id"):
        render_pieces(flood_comparison(), ExportRequest("json", clusters=("nope",)))


def test_one_record_per_line_or_pretty_is_the_same_document() -> None:
    """The default layout keeps each article, cluster and entity on one line (quick to write
    and to grep); --pretty indents every level; both say exactly the same."""
    compact = render(flood_comparison(), ExportRequest("json"))
    pretty = render(flood_comparison(), ExportRequest("json", pretty=True))
    assert json.loads(compact) == json.loads(pretty)
    assert len(compact) < len(pretty)
    lines = compact.splitlines()
    clusters = [line for line in lines if line.startswith('    {"id": ') and '"kind": ' in line]
    assert [json.loads(line.rstrip(","))["id"] for line in clusters] == ["d1", "s1", "u1", "u2"]
    assert pretty.startswith('{\n  "schema": "storydiff/1",\n  "generator"')
    assert '\n      "id": "d1",\n' in pretty


@pytest.mark.parametrize(
    ("only", "clusters"),
    [
        ("discrepancy", ["d1"]),
        ("shared", ["s1"]),
        ("unique", ["u1", "u2"]),
    ],
)
def test_kind_filter_keeps_the_schema_and_every_article(only: str, clusters: list[str]) -> None:
    doc = json.loads(render(flood_comparison(), ExportRequest("json", only)))
    check_storydiff1(doc)
    assert [c["id"] for c in doc["clusters"]] == clusters
    assert len(doc["articles"]) == 3 and len(doc["entities"]) == 4
    assert doc["filter"] == {"only": only, "entity": None}


def test_entity_filter_keeps_only_that_entity() -> None:
    doc = json.loads(render(flood_comparison(), ExportRequest("json", "entity:ruiz")))
    check_storydiff1(doc)
    assert [c["id"] for c in doc["clusters"]] == ["s1"]
    assert [e["id"] for e in doc["entities"]] == ["ruiz"]
    assert [m["text"] for m in doc["entities"][0]["mentions"]] == ["Mayor Ana Ruiz", "Mayor Ana Ruiz", "Ruiz"]


def test_bad_filter_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown entity id"):
        render(flood_comparison(), ExportRequest("json", "entity:atlantis"))


def test_hostile_text_round_trips_verbatim() -> None:
    comparison = hostile_comparison()
    doc = json.loads(render(comparison, ExportRequest("json")))
    check_storydiff1(doc)
    assert [a["text"] for a in doc["articles"]] == [a.text for a in comparison.articles]
    assert doc["entities"][0]["name"] == "[bold]Evil[/] <i>Corp</i> [x](javascript:alert(1))"


def test_caller_chosen_clusters_are_recorded() -> None:
    comparison = flood_comparison()
    doc = json.loads(render(comparison, ExportRequest("json", clusters=("u2", "d1"))))
    check_storydiff1(doc)
    assert [c["id"] for c in doc["clusters"]] == ["u2", "d1"]
    assert doc["filter"] == {"only": None, "entity": None, "clusters": ["u2", "d1"]}


@pytest.mark.parametrize(
    "name",
    [
        "plain name.txt",
        'a "quoted" C:\\folder\\name',
        "tab\there",
        "esc\x1b]0;PWNED\x07",
        "bidi \u202e txt.exe",
        "byte \udcff",
        "line one\nline two",
    ],
)
def test_a_record_is_encoded_as_if_every_name_in_it_were_spelled_out(name: str) -> None:
    """The shortcut that skips the walk for clean records must never change a record."""
    record = {"path": name, "text": name, "nested": [{"label": name, "exact": name}], "n": 3}
    assert _encode_visible(record) == _ENCODE(_visible(record))
