"""Choose the elements that hold the article, the way Readability does, plus what markup declares.

Every run of inline text of 25 characters or more is a paragraph worth one point, one per
comma and one per hundred characters (three at most). Its block's parent gets the points,
the grandparent half, and further ancestors a third, a sixth... of them: the element
under which most prose gathers wins, once its score is cut by the share of its text in
links. Tags and class names weigh in (a ``div`` or an ``article-body`` starts ahead, a list
or a ``related`` box behind). The winner then climbs to its parent when siblings score
nearly as well, and siblings that read as prose are taken along.
"""

from __future__ import annotations

from tui.core.load.html.hints import class_weight
from tui.core.load.html.measure import BLOCKS, Stats, link_density
from tui.core.load.html.tree import Node

MIN_PARAGRAPH = 25
"""Characters below which a run of text scores nothing (labels, buttons, dates)."""
_PARAGRAPH_LIKE = frozenset("p pre td th li dd dt blockquote h2 h3 h4 h5 h6 figcaption address".split())
_TAG_WEIGHT = {
    "div": 5,
    "article": 5,
    "section": 3,
    "main": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
_ANCESTORS = 5
PART_SCORE = 0.5
MAX_PART_LINKS = 0.15
MIN_PART_PROSE = 500
_PART_CANDIDATES = 10
NARROW_SHARE = 0.9
"""A child holding this share of the chosen element's prose is the article itself."""


def score_candidates(body: Node, stats: dict[Node, Stats]) -> dict[Node, float]:
    """Readability's content score of every element that gathers paragraphs."""
    scores: dict[Node, float] = {}
    for node, own in stats.items():
        if own.run < MIN_PARAGRAPH or node is body or node.tag not in BLOCKS:
            continue  # an inline element's text is part of its block's run
        points = 1 + own.run_commas + min(own.run // 100, 3)
        # A table cell holding paragraphs or line breaks is a layout column, not a paragraph.
        paragraph = node.tag in _PARAGRAPH_LIKE and not (node.tag in ("td", "th") and own.has_blocks)
        ancestor: Node | None = node.parent if paragraph else node
        for level in range(_ANCESTORS):
            if ancestor is None or ancestor.parent is None:
                break
            if ancestor not in scores:
                scores[ancestor] = _TAG_WEIGHT.get(ancestor.tag, 0) + class_weight(ancestor)
            scores[ancestor] += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            if ancestor is body:
                break
            ancestor = ancestor.parent
    for node in scores:
        if node in stats:
            scores[node] *= 1 - link_density(stats[node])
    return scores


def choose_article(
    body: Node, stats: dict[Node, Stats], declared: list[Node], heading: Node | None = None
) -> list[Node]:
    """The elements to read as the article, in page order (the body when nothing scores).

    An element the page declares as the article body (``declared``) is taken as it is,
    when it holds the chosen text or at least half as much prose: the page's own word
    beats a score, and it needs no siblings.
    """
    scores = score_candidates(body, stats)
    if not scores:
        return [body]
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    top = ranked[0]
    top = _common_ancestor(top, ranked[1:5], scores, body)
    top = _climb(top, scores, body)
    prose = stats[top].prose if top in stats else 0
    for node in sorted(declared, key=lambda node: -stats[node].prose if node in stats else 0):
        own = stats.get(node)
        if own is not None and own.prose > 0 and (_is_inside(top, node) or own.prose * 2 >= prose):
            return [node]
    chosen = _with_siblings(top, scores, stats, body, heading)
    chosen = [_descend(chosen[0], stats)] if len(chosen) == 1 else chosen
    return _with_other_parts(chosen, ranked, scores, stats, body, heading)


def _with_other_parts(
    chosen: list[Node],
    ranked: list[Node],
    scores: dict[Node, float],
    stats: dict[Node, Stats],
    body: Node,
    heading: Node | None,
) -> list[Node]:
    """Add the parts of an article that a page splits across distant containers.

    A strong candidate outside the chosen elements is another part of the same article when
    the smallest element holding both holds little else: the page put the lead and the rest
    of the story in separate sections of one article wrapper. A list of teasers, or a block
    with a headline of its own or in an ``<article>`` of its own, is another story.
    """
    best = scores[ranked[0]]
    for candidate in ranked[1:_PART_CANDIDATES]:
        own = stats.get(candidate)
        if scores[candidate] < PART_SCORE * best or own is None or own.prose < MIN_PART_PROSE:
            continue
        if candidate.tag in ("ul", "ol") or link_density(own) > MAX_PART_LINKS:
            continue  # a list of teasers with excerpts, not prose
        if any(_is_inside(candidate, root) or _is_inside(root, candidate) for root in chosen):
            continue
        if _another_article(candidate, chosen[0], heading):
            continue
        common = _common(chosen[0], candidate)
        covered = sum(stats[root].prose for root in chosen if root in stats) + stats[candidate].prose
        if (
            common is not None
            and common is not body
            and common in stats
            and stats[common].prose <= 1.1 * covered
        ):
            chosen = [*chosen, candidate]
    if len(chosen) > 1:
        order = {node: index for index, node in enumerate(body.iter())}
        chosen.sort(key=order.__getitem__)
    return chosen


def _another_article(candidate: Node, chosen: Node, heading: Node | None) -> bool:
    """True when ``candidate`` is a story of its own: it has its own headline, or sits in an
    ``<article>`` that the chosen text is not in (the next story of an endless page)."""
    if _other_headline(candidate, heading):
        return True
    node = candidate.parent
    while node is not None:
        if node.tag == "article":
            return not _is_inside(chosen, node)
        node = node.parent
    return False


def _common(first: Node, second: Node) -> Node | None:
    ancestors: set[Node] = set()
    node: Node | None = first
    while node is not None:
        ancestors.add(node)
        node = node.parent
    node = second
    while node is not None and node not in ancestors:
        node = node.parent
    return node


def _descend(top: Node, stats: dict[Node, Stats]) -> Node:
    """Narrow a wrapper down to the child that holds nearly all of its prose.

    Class names weigh as much as a short article's paragraphs, so the winner can be the
    page's ``site-content`` wrapper, sidebar and all; the article is the child within it
    that holds the prose.
    """
    while True:
        prose = stats[top].prose if top in stats else 0
        inner = next(
            (
                child
                for child in top.children
                if isinstance(child, Node)
                and child in stats
                and stats[child].prose >= NARROW_SHARE * prose > 0
            ),
            None,
        )
        if inner is None:
            return top
        top = inner


def _common_ancestor(top: Node, runners: list[Node], scores: dict[Node, float], body: Node) -> Node:
    """When three or more near-equal candidates share an ancestor, the article is that ancestor."""
    close = [node for node in runners if scores[node] >= 0.75 * scores[top]]
    if len(close) < 3:
        return top
    parent = top.parent
    while parent is not None and parent is not body:
        if sum(1 for node in close if _is_inside(node, parent)) >= 3:
            return parent
        parent = parent.parent
    return top


def _climb(top: Node, scores: dict[Node, float], body: Node) -> Node:
    """Move up to a parent that scores better than the candidate below it."""
    last = scores.get(top, 0.0)
    threshold = last / 3
    parent = top.parent
    while parent is not None and parent is not body:
        if parent not in scores:
            parent = parent.parent
            continue
        score = scores[parent]
        if score < threshold:
            break
        if score > last:
            top = parent
            break
        last = score
        parent = parent.parent
    while top.parent is not None and top.parent is not body and _element_children(top.parent) == [top]:
        top = top.parent
    return top


def _other_headline(node: Node, heading: Node | None) -> bool:
    """True when ``node`` holds an ``<h1>`` that is not the page's own headline."""
    return any(inner.tag == "h1" and inner is not heading for inner in node.iter())


def _with_siblings(
    top: Node, scores: dict[Node, float], stats: dict[Node, Stats], body: Node, heading: Node | None
) -> list[Node]:
    """The candidate and the siblings that score or read like part of it.

    A sibling with a headline of its own (an ``<h1>`` that is not the page's) is the next
    story, not more of this one.
    """
    parent = top.parent
    if parent is None or top is body:
        return [top]
    threshold = max(10.0, scores.get(top, 0.0) * 0.2)
    chosen: list[Node] = []
    for sibling in _element_children(parent):
        if sibling is top:
            chosen.append(sibling)
            continue
        own = stats.get(sibling)
        if own is None or _other_headline(sibling, heading):
            continue
        if scores.get(sibling, -1e9) >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            density = link_density(own)
            text = " ".join(sibling.text().split())
            long_prose = own.chars > 80 and density < 0.25
            short_sentence = 0 < own.chars <= 80 and density == 0 and text.endswith(".")
            if long_prose or short_sentence:
                chosen.append(sibling)
    return chosen


def _element_children(node: Node) -> list[Node]:
    return [child for child in node.children if isinstance(child, Node)]


def _is_inside(node: Node, ancestor: Node) -> bool:
    current: Node | None = node
    while current is not None:
        if current is ancestor:
            return True
        current = current.parent
    return False
