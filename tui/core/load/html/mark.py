"""Mark what is not the story: hidden elements, page chrome and asides, with safeguards.

A mark is a verdict on a whole subtree: ``DROPPED`` (never shown) or the reason an aside is
kept as boilerplate. Class names lie often enough that a mark must never cost the story
itself: an element is spared when it holds the page's headline, an element that declares
the article body (``itemprop=articleBody``, ``<main>``, ``role=main``), or most of the page's
prose (a page whose body sits in a ``content-with-sidebar`` wrapper keeps its text). Reader
comments get no such bulk safeguard: a long thread can outweigh the post it follows. A
"social" block that holds prose is an embedded post (a quoted tweet), not a share bar.
"""

from __future__ import annotations

from tui.core.load.html.hints import DROPPED, NON_CONTENT_TAGS, aside_reason, chrome_reason, is_hidden, shown
from tui.core.load.html.measure import Stats, measure
from tui.core.load.html.teasers import find_teasers
from tui.core.load.html.tree import Node

_NEVER_MARKED = frozenset({"#document", "html", "body", "main"})
_STRUCTURAL = frozenset({"nav", "menu", "dialog"})
"""Non-content tags spared, like hidden elements, when they hold most of the page's prose (a
page can wrap its body in them, or hide it behind an open dialog); on a page without prose,
they are only menus and labels."""
BULK_SHARE = 0.5
"""An element holding more than this share of the page's prose is never marked by its name."""
_MIN_PROSE_PAGE = 200
TEASER = "related links"


def declares_body(node: Node) -> bool:
    """True for an element that says it is the article's text (``itemprop=articleBody``)."""
    return node.attrs.get("itemprop", "").lower() in ("articlebody", "articletext")


def declares_article(node: Node) -> bool:
    """True for elements whose markup says "the article is in here"."""
    return node.tag == "main" or node.attrs.get("role", "").lower() == "main" or declares_body(node)


class _Page:
    """What the safeguards ask of the page: each element's share of its prose, and copies."""

    def __init__(self, body: Node, stats: dict[Node, Stats]) -> None:
        self.body = body
        self.stats = stats
        page = stats[body]
        self.has_prose = page.prose >= _MIN_PROSE_PAGE
        self.total = (page.prose if self.has_prose else page.chars) or 1
        self._text: str | None = None

    def share(self, node: Node) -> float:
        """The share of the page's prose an element holds (of its text, on a page without prose)."""
        own = self.stats.get(node)
        if own is None:
            return 0.0
        return (own.prose if self.has_prose else own.chars) / self.total

    def prose(self, node: Node) -> int:
        own = self.stats.get(node)
        return own.prose if own is not None else 0

    def duplicated(self, node: Node) -> bool:
        """True when the start of the element's text appears elsewhere on the page too.

        Pages hide a copy of the article for search engines (microdata, print versions); a
        hidden element that holds most of the prose is only the story when it is the one copy.
        """
        if self._text is None:
            self._text = " ".join(self.body.text().split())
        sample = " ".join(node.text().split())[:200]
        return len(sample) >= 40 and self._text.count(sample) >= 2


def mark_page(body: Node, heading: Node | None, *, by_name: bool) -> dict[Node, str]:
    """Marks for every element under ``body`` that is not the story.

    ``by_name`` applies the class, id and role hints and the teaser shape (see ``teasers``);
    without it only what cannot be the story (scripts, controls, hidden elements) is marked:
    the fallback when the hints leave a page with nothing to read.
    """
    marks: dict[Node, str] = {
        node: DROPPED for node in body.iter() if node.tag in NON_CONTENT_TAGS and node.tag not in _STRUCTURAL
    }
    page = _Page(body, measure(body, marks))
    protected = _protected(body, heading)
    if by_name:
        for teaser in find_teasers(body, page, lambda node: node in protected or node in marks):
            marks[teaser] = TEASER
    stack = [child for child in reversed(body.children) if isinstance(child, Node)]
    while stack:
        node = stack.pop()
        if node in marks:
            continue
        verdict = None if node in protected else _verdict(node, page, by_name)
        if verdict:
            marks[node] = verdict
            if verdict == DROPPED:
                continue
        stack.extend(child for child in reversed(node.children) if isinstance(child, Node))
    return marks


def _verdict(node: Node, page: _Page, by_name: bool) -> str | None:
    if node.tag in _NEVER_MARKED:
        return None
    share = page.share(node)
    if node.tag in _STRUCTURAL or is_hidden(node):
        spared = share > BULK_SHARE and page.has_prose and not page.duplicated(node)
        return None if spared else DROPPED
    if not by_name:
        return None
    reason = chrome_reason(node)
    if reason == "sharing" and page.prose(node):
        reason = None
    if reason is not None:
        return DROPPED if share <= BULK_SHARE or reason == "comments" else None
    reason = aside_reason(node)
    if reason is not None and share <= BULK_SHARE:
        return reason
    return None


def _protected(body: Node, heading: Node | None) -> set[Node]:
    """The headline, the elements that declare the article, and all their ancestors."""
    anchors = [node for node in body.iter() if declares_article(node) and shown(node, body)]
    if heading is not None:
        anchors.append(heading)
    protected: set[Node] = set()
    for anchor in anchors:
        node: Node | None = anchor
        while node is not None and node not in protected:
            protected.add(node)
            node = node.parent
    return protected
