"""Find teasers: blocks that promote another page under a heading that links to it.

A story's own subheadings are plain text; a teaser's heading is a link to the story it
advertises (``<h3><a href="/other-story">…</a></h3>`` and an excerpt). Each such heading is
widened to the largest block around it that holds no other teaser heading and only a small
share of the page's prose: the card, list item or nested article that is the teaser.
Links to the same page (``#entry-12`` in a live blog) are not teasers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from tui.core.load.html.tree import Node

_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MAX_TEASER_SHARE = 0.25
MAX_TEASER_PROSE = 800
"""A teaser holds at most this share of the page's prose, and this many characters of it
(its excerpt): a block holding more is the story, whatever heading sits in it."""


class Sizes(Protocol):
    """How much of the page's prose an element holds."""

    def share(self, node: Node) -> float: ...

    def prose(self, node: Node) -> int: ...


def find_teasers(body: Node, sizes: Sizes, skip: Callable[[Node], bool]) -> list[Node]:
    """The teaser blocks under ``body``; ``skip`` says which elements may not be one."""
    headings = [node for node in body.iter() if node.tag in _HEADINGS and _links_away(node)]
    counts: dict[Node, int] = {}
    for heading in headings:
        node: Node | None = heading
        while node is not None:
            counts[node] = counts.get(node, 0) + 1
            node = node.parent
    teasers: list[Node] = []
    for heading in headings:
        block = heading
        parent = heading.parent
        while (
            parent is not None
            and parent is not body
            and counts.get(parent) == 1
            and not skip(parent)
            and sizes.share(parent) <= MAX_TEASER_SHARE
            and sizes.prose(parent) <= MAX_TEASER_PROSE
        ):
            block, parent = parent, parent.parent
        if not skip(block):
            teasers.append(block)
    return teasers


def _links_away(heading: Node) -> bool:
    """True when the heading's text is (almost) all a link to another page."""
    text = len("".join(heading.text().split()))
    if not text:
        return False
    linked = 0
    for node in heading.iter():
        href = node.attrs.get("href", "").strip() if node.tag == "a" else ""
        if href and not href.startswith(("#", "javascript:")):
            linked += len("".join(node.text().split()))
    ancestor = heading.parent
    for _ in range(2):  # <a href><h3>...</h3></a>
        if ancestor is None:
            break
        href = ancestor.attrs.get("href", "").strip() if ancestor.tag == "a" else ""
        if href and not href.startswith(("#", "javascript:")):
            return True
        ancestor = ancestor.parent
    return linked >= 0.9 * text
