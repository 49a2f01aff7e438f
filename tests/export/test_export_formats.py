"""Every format, every filter: dispatch, what each excerpt must carry, and import cost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.export.checks import (
    assert_every_excerpt_cited,
    assert_plain_text,
    assert_safe_html,
    assert_safe_markdown,
    flatten,
)
from tests.export.schema import check_storydiff1
from tests.export.stories import flood_comparison, hostile_comparison
from tui.core.views.excerpts import excerpts_for
from tui.core.views.select import select_clusters
from tui.export import FORMATS, ExportRequest, export_format, render
from tui.export.html import to_html
from tui.export.json_export import to_json
from tui.export.markdown import escape_markdown, to_markdown
from tui.export.report import build_report
from tui.export.text import to_text

ONLY = (
    None,
    "shared",
    "discrepancy",
    "unique",
    "entity:ruiz",
    "entity:millbrook",
    "entity:governor",
    "entity:nobody",
)


def test_formats_and_dispatch() -> None:
    comparison = flood_comparison()
    assert FORMATS == ("json", "md", "html", "txt")
    for fmt, function in zip(FORMATS, (to_json, to_markdown, to_html, to_text), strict=True):
        assert export_format(fmt).load() is function
        for only in (None, "unique"):
            request = ExportRequest(fmt, only)
            assert render(comparison, request) == function(build_report(comparison, request))


def test_unknown_format_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown export format 'pdf'; use one of json, md, html, txt"):
        render(flood_comparison(), ExportRequest("pdf"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_filter_is_reported_by_every_format(fmt: str) -> None:
    with pytest.raises(ValueError, match="unknown --only value 'everything'"):
        render(flood_comparison(), ExportRequest(fmt, "everything"))


@pytest.mark.parametrize("only", ONLY)
@pytest.mark.parametrize("fmt", ("md", "html", "txt"))
def test_every_excerpt_is_cited_in_full(fmt: str, only: str | None) -> None:
    """Outlet, title, date, file and paragraph, offsets, the quote, kind/type/value and the verdict."""
    comparison = flood_comparison()
    out = render(comparison, ExportRequest(fmt, only))
    assert_every_excerpt_cited(comparison, out, fmt, only)
    flat = flatten(out, fmt)
    left_out = {c.label for c in comparison.clusters} - {c.label for c in select_clusters(comparison, only)}
    assert not any(label in flat for label in left_out)


@pytest.mark.parametrize("only", ONLY)
def test_json_members_carry_the_same_citation(only: str | None) -> None:
    comparison = flood_comparison()
    doc = json.loads(render(comparison, ExportRequest("json", only)))
    members = [(c["id"], m) for c in doc["clusters"] for m in c["members"]]
    excerpts = excerpts_for(comparison, select_clusters(comparison, only))
    assert len(members) == len(excerpts)
    for (cluster_id, member), excerpt in zip(members, excerpts, strict=False):
        assert cluster_id == excerpt.cluster
        assert (member["article"], member["start"], member["end"], member["paragraph"]) == (
            excerpt.article,
            excerpt.start,
            excerpt.end,
            excerpt.paragraph,
        )
        assert member["quote"] == {"exact": excerpt.exact, "prefix": excerpt.prefix, "suffix": excerpt.suffix}


@pytest.mark.parametrize("only", [None, "entity:evil-co", "unique"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_story_renders_safely_in_every_format(fmt: str, only: str | None) -> None:
    comparison = hostile_comparison()
    out = render(comparison, ExportRequest(fmt, only))
    checks = {
        "json": lambda text: check_storydiff1(json.loads(text)),
        "md": assert_safe_markdown,
        "html": assert_safe_html,
        "txt": assert_plain_text,
    }
    checks[fmt](out)
    if fmt == "json":
        assert "\\u001b" in out  # kept (escaped) in the data, as the article holds it
    else:
        assert "\x1b" not in out
        assert_every_excerpt_cited(comparison, out, fmt, only)
    if fmt == "md":
        assert escape_markdown("<script>") in out and "<script>" not in out
    if only == "entity:evil-co" and fmt != "json":
        # The hostile entity name appears, but only as text.
        assert "Evil" in out and "<i>Corp</i>" not in (out if fmt == "html" else "")


def test_importing_the_package_is_light_and_exports_never_load_textual_or_rich() -> None:
    code = (
        "import sys, tui.export as e\n"
        "light = [m for m in ('tui.export.json_export', 'tui.export.markdown', 'tui.export.html', 'tui.export.text',"
        " 'rich', 'textual') if m in sys.modules]\n"
        "from tests.export.stories import flood_comparison\n"
        "c = flood_comparison()\n"
        "for fmt in e.FORMATS: e.render(c, e.ExportRequest(fmt))\n"
        "heavy = [m for m in ('rich', 'textual') if m in sys.modules]\n"
        "print(light, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[] []"
