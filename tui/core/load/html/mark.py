"""Mark what is not the story: hidden elements, page chrome and asides, with safeguards.

A mark is a verdict on a whole subtree: ``DROPPED`` (never shown) or the reason an aside is
kept as boilerplate. Class names lie often enough that a mark must never cost the story
itself: an element is spared when it holds the page's headline, an element that declares
the article body (``itemprop=articleBody``, ``<main>``, ``role=main``), or most of the page's
text (a page whose whole body sits in a ``sidebar-layout`` wrapper keeps its text). Reader
comments get no such bulk safeguard: a long thread can outweigh the post it follows.
"""

from __future__ import annotations

from tui.core.load.html.hints import DROPPED, NON_CONTENT_TAGS, aside_reason, chrome_reason, is_hidden
from tui.core.load.html.tree import Node

_NEVER_MARKED = frozenset({"#document", "html", "body", "main"})
_STRUCTURAL = frozenset({"nav", "menu", "dialog"})
"""Non-content tags that still get the safeguards (a page can wrap its body in them)."""
BULK_SHARE = 0.6
"""An element holding more than this share of the page's text is never marked by its name."""


def declares_article(node: Node) -> bool:
    """True for elements whose markup says "this is the article body"."""
    return (
        node.tag == "main"
        or node.attrs.get("role", "").lower() == "main"
        or node.attrs.get("itemprop", "").lower() in ("articlebody", "articletext")
    )


def mark_page(body: Node, heading: Node | None, *, by_name: bool) -> dict[Node, str]:
    """Marks for every element under ``body`` that is not the story.

    ``by_name`` applies the class, id and role hints; without it only what cannot be the
    story (scripts, controls, hidden elements) is marked: the fallback when the hints
    leave a page with nothing to read.
    """
    protected = _protected(body, heading)
    sizes = _text_sizes(body)
    total = sizes.get(body, 0) or 1
    marks: dict[Node, str] = {}
    stack = [child for child in reversed(body.children) if isinstance(child, Node)]
    while stack:
        node = stack.pop()
        verdict = _verdict(node, node in protected, sizes.get(node, 0) / total, by_name)
        if verdict:
            marks[node] = verdict
            if verdict == DROPPED:
                continue
        stack.extend(child for child in reversed(node.children) if isinstance(child, Node))
    return marks


def _verdict(node: Node, protected: bool, share: float, by_name: bool) -> str | None:
    tag = node.tag
    if tag in NON_CONTENT_TAGS and tag not in _STRUCTURAL:
        return DROPPED
    if tag in _NEVER_MARKED or protected:
        return None
    if is_hidden(node):
        return DROPPED if share <= BULK_SHARE else None
    if tag in _STRUCTURAL:
        return DROPPED if share <= BULK_SHARE or not by_name else None
    if not by_name:
        return None
    reason = chrome_reason(node)
    if reason is not None:
        return DROPPED if share <= BULK_SHARE or reason == "comments" else None
    reason = aside_reason(node)
    if reason is not None and share <= BULK_SHARE:
        return reason
    return None


def _protected(body: Node, heading: Node | None) -> set[Node]:
    """The headline, the elements that declare the article, and all their ancestors."""
    anchors = [node for node in body.iter() if declares_article(node)]
    if heading is not None:
        anchors.append(heading)
    protected: set[Node] = set()
    for anchor in anchors:
        node: Node | None = anchor
        while node is not None and node not in protected:
            protected.add(node)
            node = node.parent
    return protected


def _text_sizes(body: Node) -> dict[Node, int]:
    """Characters of text under each element, scripts and controls left out."""
    sizes: dict[Node, int] = {}
    stack: list[tuple[Node, bool]] = [(body, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.children
                         if isinstance(child, Node) and child.tag not in NON_CONTENT_TAGS)
            continue
        size = 0
        for child in node.children:
            size += len(child.strip()) if isinstance(child, str) else sizes.get(child, 0)
        sizes[node] = size
    return sizes
