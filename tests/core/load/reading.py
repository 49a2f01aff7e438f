"""Load an invented web page as storydiff would, and read it as the user sees it."""

from __future__ import annotations

from tui.core.load.corpus import parse_article
from tui.core.story import Article

STORY = (
    "<p>The river rose by two metres overnight, flooding the lower town for the first time since 1998.</p>"
    "<p>Officials said the dam held, although engineers will inspect its eastern wall on Monday.</p>"
    "<p>About 300 people spent the night in the school gym, where volunteers served soup and tea.</p>"
)
STORY_LINES = [
    "The river rose by two metres overnight, flooding the lower town for the first time since 1998.",
    "Officials said the dam held, although engineers will inspect its eastern wall on Monday.",
    "About 300 people spent the night in the school gym, where volunteers served soup and tea.",
]


def page(body: str, head: str = "<title>Dam holds as river peaks | Valley Times</title>") -> str:
    """A whole HTML document around ``body``."""
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def load(html: str, name: str = "page.html") -> Article:
    """The article storydiff makes of ``html`` (the test fails when it makes none)."""
    article, problems = parse_article(html, f"story/{name}", "page")
    assert article is not None, problems
    return article


def story(article: Article) -> list[str]:
    """The body the reader compares: the text minus its boilerplate and its headline (a
    statement of its own, compared too, but not the page's article body)."""
    return [
        article.text[start:end]
        for start, end in article.paragraphs
        if not article.is_boilerplate(start, end) and (start, end) != article.headline
    ]


def boilerplate(article: Article) -> dict[str, str]:
    """Each boilerplate paragraph (shown with ``b``) and why it was set aside."""
    return {article.text[b.start : b.end]: b.reason for b in article.boilerplate}
