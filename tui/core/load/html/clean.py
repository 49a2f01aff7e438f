"""Clean the chosen article: link lists, teasers and widgets that sit inside it.

The element that gathers a story's paragraphs often also holds a "read more" list, a row of
teasers, related posts or a photo strip. Readability's conditional cleaning finds them by
shape: few commas (prose has them), and text mostly in links, more list items than
paragraphs, or more images than paragraphs. A paragraph that is only a link is a
cross-link; articles nested in the article are related posts; a heading or a short label
that introduces only such things goes with them. All are kept as boilerplate: the reader
can show them with ``b``, but they are never compared as the story.
"""

from __future__ import annotations

import re

from tui.core.load.html.hints import class_weight
from tui.core.load.html.measure import Stats, link_density
from tui.core.load.html.tree import Node

LINK_LIST = "link list"
RELATED = "related links"
MIN_OWN_PROSE = 200
"""Characters of prose the article must hold outside nested articles to set them aside."""
_CONDITIONAL = frozenset("div section ul ol dl table form aside header footer figure nav center span".split())
_LISTS = frozenset({"ul", "ol", "dl"})
_LINES = frozenset({"p", "li", "dd", "dt"})
CROSS_LINK = "cross-link"
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 40
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?。！？][\"'”’」)]*$")
ALL_LINK = 0.9
"""Share of a paragraph's text in links above which it is a cross-link, not a sentence."""
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def clean_article(roots: list[Node], marks: dict[Node, str], stats: dict[Node, Stats]) -> None:
    """Mark the link lists, widgets and nested articles inside ``roots`` as boilerplate."""
    _mark_nested_articles(roots, marks, stats)
    _clean_conditionally(roots, marks, stats)
    _mark_headings_of_boilerplate(roots, marks)


def _clean_conditionally(roots: list[Node], marks: dict[Node, str], stats: dict[Node, Stats]) -> None:
    stack = [child for root in roots for child in root.children if isinstance(child, Node)]
    while stack:
        node = stack.pop()
        own = stats.get(node)
        if own is None or node in marks:
            continue
        layout_cell = node.tag in ("td", "th") and own.has_blocks
        if (node.tag in _CONDITIONAL or layout_cell) and _is_junk(node, own):
            marks[node] = LINK_LIST
            continue
        if node.tag in _LINES and not own.has_blocks and link_density(own) >= ALL_LINK:
            marks[node] = CROSS_LINK  # a paragraph that is only a link to another page
            continue
        stack.extend(child for child in reversed(node.children) if isinstance(child, Node))


def _is_junk(node: Node, own: Stats) -> bool:
    if own.chars == 0:
        return False
    weight = class_weight(node)
    if weight < 0 and own.commas < 10 and not (own.prose and own.quotes):  # an embedded post is quoted
        return True
    if own.commas >= 10:
        return False
    density = link_density(own)
    is_list = node.tag in _LISTS
    if own.images > 1 and own.paragraphs / own.images < 0.5 and own.chars < 200:
        return True
    if not is_list and own.items > own.paragraphs + 2 and density > 0.3:
        return True
    if weight < 25 and density > (0.5 if is_list else 0.33):
        return True
    return weight >= 25 and density > 0.5


def _mark_nested_articles(roots: list[Node], marks: dict[Node, str], stats: dict[Node, Stats]) -> None:
    """Articles inside the article are related posts, unless they are the story's own parts.

    HTML5 nests ``<article>`` elements for content "related to the outer article" (teasers,
    comments). A live blog nests its entries the same way, so they are only set aside when
    the article's own prose outside them outweighs the largest of them and a quarter of
    them all (a live blog's entries far outweigh its summary).
    """
    nested = [node for root in roots for node in _outermost(root, "article", marks)]
    if not nested:
        return
    prose = sum(stats[root].prose for root in roots if root in stats)
    largest = max(stats[node].prose if node in stats else 0 for node in nested)
    inside = sum(stats[node].prose for node in nested if node in stats)
    if prose - inside < max(largest, inside / 4, MIN_OWN_PROSE):
        return
    for node in nested:
        marks[node] = RELATED


def _outermost(root: Node, tag: str, marks: dict[Node, str]) -> list[Node]:
    found: list[Node] = []
    stack = [child for child in root.children if isinstance(child, Node)]
    while stack:
        node = stack.pop()
        if node in marks:
            continue
        if node.tag == tag:
            found.append(node)
            continue
        stack.extend(child for child in node.children if isinstance(child, Node))
    return found


def _mark_headings_of_boilerplate(roots: list[Node], marks: dict[Node, str]) -> None:
    """A heading that introduces only boilerplate is boilerplate too.

    So is a label written as a paragraph ("You may also like...", "Related:"): a few words
    that do not end a sentence. What a heading introduces runs to the next heading; each
    parent's children are read once, from the last, so a page of thousands of headings stays
    linear.
    """
    for root in roots:
        for parent in root.iter():
            following_marked = True  # everything from here to the next heading is boilerplate
            following: Node | None = None  # the element right after, unless it is a heading
            for item in reversed(parent.children):
                if isinstance(item, str):
                    if item.strip():
                        following_marked, following = False, None
                    continue
                heading = item.tag in _HEADINGS
                if (
                    (heading or _is_label(item))
                    and item not in marks
                    and following is not None
                    and following_marked
                ):
                    marks[item] = marks[following]
                if heading:
                    following_marked, following = True, None
                else:
                    following_marked = following_marked and item in marks
                    following = item


def _is_label(node: Node) -> bool:
    if node.tag != "p":
        return False
    text = " ".join(node.text().split())
    short = 0 < len(text) <= MAX_LABEL_CHARS and len(text.split()) <= MAX_LABEL_WORDS
    return short and not _SENTENCE_END.search(text)
