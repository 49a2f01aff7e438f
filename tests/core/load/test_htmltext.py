"""HTML pages are reduced to their story text and metadata with the standard library."""

from __future__ import annotations

from tui.core.load.htmltext import reduce_html

PAGE = """<!doctype html><html><head><title>Site | Dam holds</title>
<meta property="og:site_name" content="Valley &amp; Times">
<meta property="article:published_time" content="2024-05-03T10:00:00Z">
<meta name="author" content="Jo Lee"><style>p {color: red}</style>
<script>alert("x")</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam holds as river peaks</h1>
<p>The river rose by <b>two metres</b> overnight.</p><p>Officials said &ldquo;the dam held&rdquo;.</p>
<figure><img src="x.jpg"><figcaption>Sandbags (Jo Lee)</figcaption></figure></article>
<footer>© 2024 Valley Times</footer><form><input name="q"></form></body></html>"""


def test_story_text_survives_and_page_furniture_goes() -> None:
    document = reduce_html(PAGE)
    assert document.text.split("\n") == [
        "Dam holds as river peaks",
        "The river rose by two metres overnight.",
        "Officials said “the dam held”.",
    ]


def test_metadata_comes_from_meta_tags_and_the_headline() -> None:
    metadata = reduce_html(PAGE).metadata
    assert metadata["outlet"] == "Valley & Times"
    assert metadata["date"] == "2024-05-03T10:00:00Z"
    assert metadata["author"] == "Jo Lee"
    assert metadata["title"] == "Dam holds as river peaks"


def test_broken_html_does_not_raise() -> None:
    document = reduce_html("<p>unclosed <b>bold <script>x = '</p>'")
    assert document.text.startswith("unclosed bold")
