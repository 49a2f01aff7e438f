"""HTML export: one self-contained page, everything escaped, highlights labelled not just coloured."""

from __future__ import annotations

from tests.export.checks import assert_safe_html, parse_html
from tests.export.stories import flood_comparison, hostile_comparison
from tui.export import ExportRequest, render


def test_hostile_story_only_produces_our_own_tags() -> None:
    assert_safe_html(render(hostile_comparison(), ExportRequest("html")))


def test_hostile_text_is_shown_literally() -> None:
    raw = render(hostile_comparison(), ExportRequest("html"))
    assert "<script" not in raw.lower().replace("&lt;script", "")
    assert "\x1b" not in raw
    text = "".join(parse_html(raw).text)
    for piece in (
        "<script>alert(1)</script>",
        "[bold]Evil[/] <b>Outlet</b> & *Co*",
        "[x](javascript:alert(1))",
        "& < > \" '",
        "<img src=x onerror=alert(1)>",
        "[link=http://x]news[/link]",
        "[bold]note[/] <i>x</i>",
    ):
        assert piece in text, piece


def test_self_contained_with_light_and_dark_styles() -> None:
    raw = render(flood_comparison(), ExportRequest("html"))
    assert raw.startswith("<!DOCTYPE html>")
    assert "@media (prefers-color-scheme: dark)" in raw
    assert "default-src 'none'" in raw
    assert "http://" not in raw and "https://" not in raw and "@import" not in raw and "url(" not in raw
    # Each kind differs by more than colour: its own underline style.
    for rule in (
        "mark.shared { background: var(--shared); border-bottom: 2px solid",
        "mark.discrepancy { background: var(--discrepancy); border-bottom: 2px dashed",
        "mark.unique { background: var(--unique); border-bottom: 2px dotted",
        "mark.value { background: var(--value); color: var(--value-fg); font-weight: bold;",
    ):
        assert rule in raw


def test_excerpts_are_marked_labelled_and_cited() -> None:
    raw = render(flood_comparison(), ExportRequest("html"))
    page = parse_html(raw)
    # In the excerpt's quote, in its citation and in the full article text.
    assert "".join(page.mark_text["value"]).count("1,200") == 3
    assert "Mayor Ana Ruiz said the levee held overnight." in "".join(page.mark_text["shared"])
    assert "The governor will visit on Friday." in "".join(page.mark_text["unique"])
    assert_safe_html(raw)  # which also wants every mark's kind in words, not only in colour
    text = "".join(page.text)
    assert (
        "discrepancy \u00b7 number \u2014 Daily Ledger, \u201cMillbrook evacuates as river rises\u201d, 2024-05-02, ledger.txt \u00b61, chars 0\u201376"
        in text
    )
    assert "Verdict: true-conflict: The Ledger counts households" in text
    assert (
        "\u2026homes in Millbrook on Tuesday. Mayor Ana Ruiz said the levee held overnight. Volunteers handed out sandbags\u2026"
        in text
    )


def test_filter_leaves_other_clusters_out() -> None:
    text = "".join(parse_html(render(flood_comparison(), ExportRequest("html", "shared"))).text)
    assert "The mayor says the levee held" in text
    assert "How many residents" not in text and "Only shared clusters." in text


def test_full_articles_are_painted_with_labelled_highlights() -> None:
    raw = render(flood_comparison(), ExportRequest("html"))
    articles = raw.split("<h2>Articles</h2>")[1]
    assert (
        '<mark class="discrepancy" title="discrepancy d1"><mark class="value" title="differing value">1,200</mark></mark>'
        in articles
    )
    assert 'on Tuesday.</mark><sup class="ref">[D d1]</sup>' in articles
    assert (
        '<mark class="unique" title="unique u2">The governor will visit on Friday.</mark><sup class="ref">[U u2]</sup>'
        in articles
    )
    # The wire's first sentence belongs to no cluster and stays plain.
    assert '<div class="text">Officials said 1,200 people were evacuated in Millbrook.' in articles
    filtered = render(flood_comparison(), ExportRequest("html", "shared")).split("<h2>Articles</h2>")[1]
    assert 'class="discrepancy"' not in filtered.split("</p>", 1)[1] and "[S s1]" in filtered
