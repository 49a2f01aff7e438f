"""No single unclosed or stray tag can swallow the page: HTML5's implied end tags, within bounds."""

from __future__ import annotations

from tests.core.load.reading import STORY, STORY_LINES, load, page, story
from tui.core.load.html.tree import MAX_DEPTH, MAX_ELEMENTS, Node, build_tree


def _depth(root: Node) -> int:
    deepest, stack = 0, [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, Node))
    return deepest


def test_a_form_wrapping_the_whole_page_keeps_the_story() -> None:
    html = page(
        f"<form action='/search'><nav><a href='/'>Home</a></nav><article>{STORY}</article>"
        "<input name='q'></form>"
    )
    assert story(load(html)) == STORY_LINES


def test_an_omitted_head_end_tag_does_not_hide_the_body() -> None:
    html = (
        "<!doctype html><html><head><title>Dam holds</title><meta name='author' content='Jo Lee'>"
        f"<body><article>{STORY}</article></body></html>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert article.author == "Jo Lee"


def test_a_page_without_head_or_body_tags_is_read() -> None:
    html = f"<title>Dam holds</title><meta property='og:site_name' content='Valley Times'>{STORY}"
    article = load(html)
    assert story(article) == STORY_LINES and article.outlet == "Valley Times"


def test_an_unclosed_form_inside_nav_ends_with_the_nav() -> None:
    html = page(
        f"<nav><ul><li><a href='/'>Home</a></li></ul><form><input name='q'></nav><main>{STORY}</main>"
    )
    assert story(load(html)) == STORY_LINES


def test_an_unclosed_button_inside_header_ends_with_the_header() -> None:
    html = page(
        f"<header><a href='/'>Valley Times</a><button class='menu'>Menu</header><article>{STORY}</article>"
    )
    assert story(load(html)) == STORY_LINES


def test_paragraphs_and_list_items_without_end_tags_are_separate() -> None:
    html = page(
        "<article><p>The river rose by two metres overnight, flooding the lower town."
        "<p>Officials said the dam held, although engineers will inspect it."
        "<ul><li>Schools are closed on Monday and Tuesday this week.<li>Buses run on the "
        "hill routes only, the council said.</ul></article>"
    )
    assert story(load(html)) == [
        "The river rose by two metres overnight, flooding the lower town.",
        "Officials said the dam held, although engineers will inspect it.",
        "Schools are closed on Monday and Tuesday this week.",
        "Buses run on the hill routes only, the council said.",
    ]


def test_an_inline_end_tag_never_closes_a_block_and_a_stray_end_tag_is_ignored() -> None:
    root = build_tree("<div><p>one <b>two</p> three</b></div></span></div><p>four</p>")
    [div, after] = [child for child in root.children if isinstance(child, Node)]
    assert " ".join(div.text().split()) == "one two three"
    assert after.tag == "p" and after.text() == "four"


def test_an_end_tag_does_not_reach_out_of_a_table_cell() -> None:
    root = build_tree("<div><table><tr><td>cell</div>still in the cell</td></tr></table>after</div>")
    [div] = [child for child in root.children if isinstance(child, Node)]
    assert div.text() == "cellstill in the cellafter"


def test_deep_nesting_is_flattened_past_the_bound_and_keeps_its_text() -> None:
    depth = 20_000
    html = page("<div>" * depth + "The dam held after a night of rain and wind." + "</div>" * depth)
    root = build_tree(html)
    assert _depth(root) <= MAX_DEPTH + 1
    assert story(load(html)) == ["The dam held after a night of rain and wind."]


def test_a_huge_page_stops_building_elements_at_the_bound_but_keeps_reading_text() -> None:
    html = page("<span>x</span>" * (MAX_ELEMENTS + 1000) + "<p>The dam held after the storm.</p>")
    root = build_tree(html)
    assert sum(1 for _ in root.iter()) <= MAX_ELEMENTS + 1
    assert root.text().endswith("The dam held after the storm.")


def test_constructs_the_tokeniser_cannot_finish_become_text_or_vanish() -> None:
    for tail in ("<!-- never closed", "<![if word]> stray", "<a href='x", "<!doctype", "</", "<?php"):
        root = build_tree(f"<p>The dam held.</p>{tail}" * 3)
        assert root.text().startswith("The dam held.")


def test_a_script_left_open_hides_only_what_follows_it() -> None:
    article = load("<p>The river rose by two metres overnight. <b>Officials said <script>x = '</p>'")
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "The river rose by two metres overnight. Officials said"
    ]
    assert not article.boilerplate
