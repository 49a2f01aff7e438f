"""Count what each element holds: its text, the part of it that is links, its commas.

Scoring and cleaning both ask the same questions of many elements (how much text, how
much of it in links, is it a list of links, does it hold blocks), so one post-order pass
answers them for the whole page. Marked elements (chrome, asides) count for nothing: their
text is not the story's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.load.html.tree import Node

BLOCKS = frozenset(
    (
        "#document html body p div section article main aside header footer nav h1 h2 h3 h4 h5 h6 "
        "hgroup ul ol li dl dt dd table thead tbody tfoot tr td th caption blockquote pre figure "
        "figcaption address form fieldset legend details summary hr center menu dialog search listing "
        "xmp noscript br"
    ).split()
)
"""Elements that start a new line of text (``br`` ends one)."""
COMMAS = (",", "，", "、", "،")
MIN_PROSE = 80
"""Characters from which a run of text, mostly not links, reads as prose."""


@dataclass(slots=True)
class Stats:
    """What one element holds, marked parts excluded.

    ``run`` is the text of the element's own inline content (outside any child block): the
    unit Readability scores as one paragraph. ``prose`` counts the runs under the element
    that read as prose: long, and mostly not links.
    """

    chars: int = 0
    links: int = 0
    commas: int = 0
    run: int = 0
    run_commas: int = 0
    run_links: int = 0
    prose: int = 0
    paragraphs: int = 0
    items: int = 0
    images: int = 0
    quotes: int = 0
    has_blocks: bool = False


def measure(root: Node, marks: dict[Node, str]) -> dict[Node, Stats]:
    """Stats for ``root`` and every unmarked element under it."""
    stats: dict[Node, Stats] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            stack.extend(
                (child, False) for child in node.children if isinstance(child, Node) and child not in marks
            )
            continue
        own = Stats()
        for child in node.children:
            if isinstance(child, str):
                size = len(child.strip())
                if size:
                    count = sum(child.count(comma) for comma in COMMAS)
                    own.chars += size + 1
                    own.run += size + 1
                    own.commas += count
                    own.run_commas += count
                continue
            part = stats.get(child)
            if part is None:
                continue
            own.chars += part.chars
            own.links += part.links
            own.commas += part.commas
            own.paragraphs += part.paragraphs
            own.items += part.items
            own.images += part.images
            own.quotes += part.quotes
            own.prose += part.prose
            if child.tag in BLOCKS:
                own.has_blocks = True
            else:
                own.run += part.run
                own.run_commas += part.run_commas
                own.run_links += part.run_links
                own.has_blocks = own.has_blocks or part.has_blocks
        tag = node.tag
        if tag == "a" and "href" in node.attrs:
            own.links = own.chars
            own.run_links = own.run
        elif tag in BLOCKS and own.run >= MIN_PROSE and own.run_links * 10 < own.run * 3:
            own.prose += own.run
        if tag == "p":
            own.paragraphs += 1
        elif tag == "li":
            own.items += 1
        elif tag == "img":
            own.images += 1
        elif tag == "blockquote":
            own.quotes += 1
        stats[node] = own
    return stats


def link_density(stats: Stats) -> float:
    """The share of an element's text that sits inside links."""
    return stats.links / stats.chars if stats.chars else 0.0
