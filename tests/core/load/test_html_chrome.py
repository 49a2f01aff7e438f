"""What no reader sees, and the page's chrome, never reach the story; asides stay as boilerplate."""

from __future__ import annotations

from tests.core.load.reading import STORY, STORY_LINES, boilerplate, load, page, story

COMMENT = (
    "<p>I have lived by this river for forty years, and I have never seen the water rise so "
    "fast; the council should have built the new wall when it was first proposed.</p>"
)


def test_text_hidden_by_attribute_aria_or_style_is_not_read() -> None:
    html = page(
        f"<article>{STORY}<p hidden>Hidden by the attribute, never shown to anyone.</p>"
        "<div aria-hidden='true'>Hidden from screen readers and the eye alike.</div>"
        "<p style='color: red; display : none'>Hidden by the display style, folded.</p>"
        "<p style='visibility:hidden'>Hidden by visibility, taking space but unseen.</p>"
        "<span class='sr-only'>Skip to the next story</span></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Hidden" not in article.text


def test_html_comments_are_not_text() -> None:
    html = page(
        f"<article><!-- Reporter: check the figure with the council -->{STORY}"
        "<!--[if lt IE 9]><p>Please upgrade your browser.</p><![endif]--></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Reporter" not in article.text and "upgrade" not in article.text


def test_a_cookie_banner_is_dropped_wherever_it_sits() -> None:
    banner = (
        "<div id='cookie-consent' class='banner'><p>We use cookies to improve your "
        "experience, personalise content and analyse our traffic, as our policy explains.</p>"
        "<button>Accept all</button></div>"
    )
    html = page(f"{banner}<article>{STORY}</article><div class='gdpr'>Manage your choices</div>")
    article = load(html)
    assert story(article) == STORY_LINES
    assert "cookies" not in article.text and "choices" not in article.text


def test_reader_comments_are_dropped_even_when_they_outweigh_the_story() -> None:
    comments = "".join(f"<li class='comment'><cite>Reader {n}</cite>{COMMENT}</li>" for n in range(12))
    html = page(
        f"<article>{STORY}</article><section id='comments'><h2>12 comments</h2>"
        f"<ol class='comment-list'>{comments}</ol></section>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "forty years" not in article.text


def test_navigation_share_buttons_and_sign_up_boxes_are_dropped() -> None:
    html = page(
        "<div class='site-nav'><a href='/'>Home</a> <a href='/world'>World</a></div>"
        f"<article><div class='share-bar'><a href='https://x'>Share on X</a></div>{STORY}"
        "<div class='newsletterSignup'><p>Get the morning briefing in your inbox every "
        "day, free, and never miss a story that matters to you.</p></div></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Share" not in article.text and "briefing" not in article.text


def test_a_page_whose_body_sits_in_a_sidebar_named_wrapper_keeps_its_text() -> None:
    html = page(
        f"<div class='sidebar-layout'><div class='sidebar'><a href='/a'>Most read</a></div>"
        f"<div class='main-column'>{STORY}</div></div>"
    )
    assert story(load(html)) == STORY_LINES


def test_a_page_whose_body_is_aria_hidden_behind_an_open_dialog_keeps_its_text() -> None:
    html = page(
        f"<div id='page' aria-hidden='true'><article>{STORY}</article></div>"
        "<div role='dialog'><p>Subscribe for full access to every story and the archive.</p></div>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Subscribe" not in article.text


def test_a_hidden_copy_of_the_article_for_search_engines_is_not_read_twice() -> None:
    html = page(
        f"<div style='display:none' itemscope><div itemprop='articleBody'>{STORY}</div></div>"
        f"<article>{STORY}</article>"
    )
    assert story(load(html)) == STORY_LINES


def test_captions_related_links_and_bylines_inside_the_article_are_kept_as_boilerplate() -> None:
    html = page(
        "<article><h1>Dam holds as river peaks</h1><div class='byline'>By Jo Lee</div>"
        "<figure><img src='dam.jpg'><figcaption>The dam at dawn on Sunday.</figcaption></figure>"
        f"{STORY}<div class='related-stories'><h3>Related</h3><ul>"
        "<li><a href='/a'>Flood defences approved in spring</a></li>"
        "<li><a href='/b'>How the dam was built in 1962</a></li></ul></div></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert boilerplate(article) == {
        "By Jo Lee": "byline or date",
        "The dam at dawn on Sunday.": "photo caption or credit",
        "Related": "related links",
        "Flood defences approved in spring": "related links",
        "How the dam was built in 1962": "related links",
    }


def test_a_list_of_links_inside_the_article_is_boilerplate_not_story() -> None:
    html = page(
        f"<article>{STORY}<ul><li><a href='/a'>Flood defences approved in spring</a></li>"
        "<li><a href='/b'>How the dam was built in 1962</a></li>"
        "<li><a href='/c'>Rainfall records for the valley</a></li></ul></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert set(boilerplate(article).values()) == {"link list"}


def test_teaser_cards_after_the_story_are_boilerplate() -> None:
    cards = "".join(
        f"<div class='card'><h3><a href='/story-{n}'>Another valley story, number {n}</a></h3>"
        f"<p>A short excerpt from the story about the valley, the river and its people, part {n}.</p></div>"
        for n in range(4)
    )
    html = page(f"<main><article>{STORY}</article><div class='grid'>{cards}</div></main>")
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Another valley story, number 2" not in story(article)


def test_microdata_dates_authors_and_rel_tag_lists_are_boilerplate() -> None:
    html = page(
        "<article><h1>Dam holds as river peaks</h1>"
        "<span itemprop='datePublished'>Monday, 3 May 2024, 10:00</span>"
        "<span itemprop='author'>Jo Lee</span>"
        f"{STORY}<p>Tags: <a rel='tag' href='/t/floods'>floods</a>, "
        "<a rel='tag' href='/t/valley'>valley</a></p></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert boilerplate(article) == {
        "Monday, 3 May 2024, 10:00": "byline or date",
        "Jo Lee": "byline or date",
        "Tags: floods, valley": "tags",
    }


def test_classes_that_hide_at_every_screen_size_hide_and_responsive_ones_do_not() -> None:
    html = page(
        f"<article>{STORY}<p class='hidden'>Shown to nobody at any size of screen.</p>"
        "<p class='d-none d-md-block'>The gauge at Lowford read 4.2 metres at noon on Sunday.</p>"
        "<p class='hidden-xs'>The council will meet again on Friday to review the repairs.</p></article>"
    )
    lines = story(load(html))
    assert "Shown to nobody at any size of screen." not in lines
    assert lines[-2:] == [
        "The gauge at Lowford read 4.2 metres at noon on Sunday.",
        "The council will meet again on Friday to review the repairs.",
    ]


def test_an_embedded_post_is_quoted_content_not_a_share_bar() -> None:
    tweet = (
        "<div class='social-embed'><blockquote class='twitter-tweet'><p>The east bank path is closed "
        "until further notice while engineers check the wall, please use the bridge.</p>"
        "&mdash; Valley Council (@valley) <a href='https://x.example/s/1'>May 3, 2024</a></blockquote></div>"
    )
    html = page(
        f"<article><div class='social-share'><a href='/fb'>Facebook</a> <a href='/x'>X</a></div>"
        f"{STORY}{tweet}</article>"
    )
    lines = story(load(html))
    assert lines[:3] == STORY_LINES
    assert lines[3].startswith("The east bank path is closed")
    assert "Facebook" not in " ".join(lines)


def test_paragraphs_that_are_only_a_link_and_the_label_above_them_are_boilerplate() -> None:
    html = page(
        f"<article>{STORY}<p>You may also like...</p>"
        "<p><a href='/a'>Flood defences approved in spring</a></p>"
        "<p><a href='/b'>How the dam was built in 1962</a></p></article>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert boilerplate(article) == {
        "You may also like...": "cross-link",
        "Flood defences approved in spring": "cross-link",
        "How the dam was built in 1962": "cross-link",
    }
