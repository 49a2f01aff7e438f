"""A page's metadata comes from what it declares, most structured statement first."""

from __future__ import annotations

import json

from tests.core.load.reading import STORY, load, page

ARTICLE = f"<article><h1>Dam holds as river peaks</h1>{STORY}</article>"


def _ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_json_ld_gives_headline_date_author_and_publisher() -> None:
    head = _ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Dam holds as river peaks",
            "datePublished": "2024-05-03T10:00:00Z",
            "author": [
                {"@type": "Person", "name": "Jo Lee", "url": "https://valley.example/jo"},
                {"@type": "Person", "name": "Sam Roe"},
            ],
            "publisher": {"@type": "Organization", "name": "Valley Times"},
        }
    )
    head += (
        "<meta property='og:site_name' content='Valley Times Online'>"
        "<meta property='article:published_time' content='2024-05-04'>"
    )
    article = load(page(ARTICLE, head=head))
    assert article.title == "Dam holds as river peaks"
    assert article.date == "2024-05-03"
    assert article.author == "Jo Lee, Sam Roe"
    assert article.outlet == "Valley Times"


def test_json_ld_graph_is_searched_for_the_article() -> None:
    head = _ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "Valley Times", "url": "https://valley.example"},
                {"@type": "WebPage", "name": "Dam holds as river peaks - Valley Times"},
                {
                    "@type": ["Article", "NewsArticle"],
                    "headline": "Dam holds as river peaks",
                    "datePublished": "2024-05-03",
                    "author": {"@id": "https://valley.example/#jo"},
                },
                {"@type": "Person", "@id": "https://valley.example/#jo", "name": "Jo Lee"},
            ],
        }
    )
    article = load(page(ARTICLE, head=head))
    assert (article.title, article.date, article.outlet) == (
        "Dam holds as river peaks",
        "2024-05-03",
        "Valley Times",
    )
    assert article.author == "Jo Lee"


def test_broken_json_ld_is_ignored() -> None:
    head = '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "headline": </script>'
    head += "<meta property='og:title' content='Dam holds as river peaks'>"
    assert load(page(ARTICLE, head=head)).title == "Dam holds as river peaks"


def test_og_site_name_names_the_outlet_before_application_name() -> None:
    head = (
        "<meta name='application-name' content='Dam holds as river peaks'>"
        "<meta property='og:site_name' content='Valley Times'>"
    )
    assert load(page(ARTICLE, head=head)).outlet == "Valley Times"


def test_an_author_is_never_a_profile_address() -> None:
    head = (
        "<meta property='article:author' content='https://www.facebook.com/valleytimes'>"
        "<meta name='author' content='Jo Lee'>"
    )
    assert load(page(ARTICLE, head=head)).author == "Jo Lee"
    only_url = "<meta property='article:author' content='https://valley.example/staff/jo-lee'>"
    assert load(page(ARTICLE, head=only_url)).author is None


def test_the_title_loses_the_site_name_suffix() -> None:
    head = "<title>Dam holds as river peaks | Valley Times</title>"
    article = load(page(f"<div>{STORY}</div>", head=head))
    assert article.title == "Dam holds as river peaks"
    head = (
        "<title>Dam holds as river peaks - Valley Times</title>"
        "<meta property='og:site_name' content='Valley Times'>"
    )
    assert load(page(f"<div>{STORY}</div>", head=head)).title == "Dam holds as river peaks"


def test_a_dash_in_a_headline_is_not_taken_for_a_site_suffix() -> None:
    head = "<title>Floods - what we know so far</title>"
    assert load(page(f"<div>{STORY}</div>", head=head)).title == "Floods - what we know so far"


def test_the_articles_own_headline_is_its_title_not_a_section_heading() -> None:
    html = page(
        "<header><h2>Weather</h2></header><article><h1>Dam holds as river peaks</h1>"
        f"{STORY}<h2>What happens next</h2></article>",
        head="<title>Dam holds as river peaks | Weather | Valley Times</title>",
    )
    assert load(html).title == "Dam holds as river peaks"


def test_time_element_rel_author_and_itemprop_fill_what_the_head_lacks() -> None:
    html = page(
        "<article><h1>Dam holds as river peaks</h1><p class='meta'>By "
        "<a rel='author' href='/staff/jo'>Jo Lee</a>, <time datetime='2024-05-03T08:00'>"
        "3 May</time></p>"
        "<span itemprop='publisher' itemscope><meta itemprop='name' content='Valley Times'></span>"
        f"{STORY}</article>",
        head="<title>Dam holds as river peaks</title>",
    )
    article = load(html)
    assert (article.author, article.date, article.outlet) == ("Jo Lee", "2024-05-03", "Valley Times")


def test_a_heading_that_links_to_the_front_page_is_the_site_not_the_headline() -> None:
    html = page(
        f"<div id='top'><h1><a href='/'>Valley Notes</a></h1></div><div class='post'>"
        f"<h2>Dam holds as river peaks</h2>{STORY}</div>",
        head="<title>Valley Notes: Dam holds as river peaks</title>",
    )
    assert load(html).title == "Dam holds as river peaks"
