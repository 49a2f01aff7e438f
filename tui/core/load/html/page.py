"""Reduce a saved web page to its article: the text, what is boilerplate in it, and metadata.

The steps, one module each: build the element tree (``tree``), read the metadata
(``metadata``), mark hidden elements, chrome and asides (``mark``), measure and score the
rest to choose the article (``measure``, ``choose``), clean link lists and the like out of it
(``clean``), and render it to lines (``render``). When the class and id hints leave nothing
to read, the page is read again without them: a page is never emptied by its own names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.load.html.choose import choose_article
from tui.core.load.html.clean import clean_article
from tui.core.load.html.hints import DROPPED, NON_CONTENT_TAGS, shown
from tui.core.load.html.mark import declares_body, mark_page
from tui.core.load.html.measure import measure
from tui.core.load.html.metadata import fold, read_metadata, trim_site_name
from tui.core.load.html.render import Line, render
from tui.core.load.html.tree import Node, build_tree
from tui.core.load.sanitize import clean_line
from tui.core.story import Boilerplate

HEADLINE = "headline"
_HOME = re.compile(r"^(?:(?:https?:)?//[^/]+)?/?(?:index\.\w+)?$", re.IGNORECASE)
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class HtmlDocument:
    """A page reduced to its article.

    ``text`` is already sanitised (``clean_text`` leaves it unchanged), one paragraph per
    block with a blank line between blocks, so ``boilerplate`` spans index it directly.
    """

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    boilerplate: tuple[Boilerplate, ...] = ()
    why_empty: str = ""
    """When ``text`` is empty: what the page held instead, for the user's warning."""


def reduce_html(source: str) -> HtmlDocument:
    """Return the page's article text, its boilerplate spans and its metadata."""
    root = build_tree(source)
    page = read_metadata(root)
    body = _body(root)
    heading = _main_heading(body, page.headlines)
    lines = _article_lines(body, heading, by_name=True)
    if not any(reason is None for _text, reason in lines):
        lines = _article_lines(body, heading, by_name=False)
    if not any(reason is None for _text, reason in lines):
        # A page whose only text is its headline: that is its story.
        lines = [(text, None if reason == HEADLINE else reason) for text, reason in lines]
    metadata = dict(page.fields)
    title = metadata.get("title") or (" ".join(heading.text().split()) if heading else "") or page.page_title
    if title:
        metadata["title"] = trim_site_name(title, metadata.get("outlet"))
    text, spans = _assemble(lines)
    return HtmlDocument(
        text=text, metadata=metadata, boilerplate=spans, why_empty="" if text else _why_empty(body)
    )


def _article_lines(body: Node, heading: Node | None, *, by_name: bool) -> list[Line]:
    marks = mark_page(body, heading, by_name=by_name)
    stats = measure(body, marks)
    declared = [node for node in body.iter() if node in stats and declares_body(node)]
    roots = choose_article(body, stats, declared, heading)
    clean_article(roots, marks, stats)
    if heading is not None and heading not in marks:
        marks[heading] = HEADLINE
    return render(roots, marks, stats)


def _why_empty(body: Node) -> str:
    controls = {node: DROPPED for node in body.iter() if node.tag in NON_CONTENT_TAGS - {"nav", "menu"}}
    if not measure(body, controls)[body].chars:
        return "the page holds no text of its own (a browser builds it with scripts when it opens it)"
    return "the page holds only menus, buttons and hidden text, no article"


def _body(root: Node) -> Node:
    for node in root.iter():
        if node.tag == "body":
            return node
    return root


def _main_heading(body: Node, headlines: list[str]) -> Node | None:
    """The visible ``<h1>`` (else ``<h2>``) that states the page's headline.

    A heading that links to the site's front page is the site's name, however well it
    matches a ``Blog name: Post title`` title. Without any title to match, a page's only
    ``<h1>`` is taken.
    """
    headings = [node for node in body.iter() if node.tag in ("h1", "h2") and shown(node, body)]
    visible = [node for node in headings if not _links_home(node)]
    ones = [node for node in visible if node.tag == "h1"]
    visible = ones + [node for node in visible if node.tag == "h2"]
    wanted = [fold(form) for headline in headlines for form in (headline, trim_site_name(headline, None))]
    texts = [(node, fold(node.text())) for node in visible]
    for want in filter(None, wanted):
        for node, text in texts:
            shorter, longer = sorted((text, want), key=len)
            if text == want or (len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} "):
                return node
    return ones[0] if len(ones) == 1 and not any(wanted) else None


def _links_home(heading: Node) -> bool:
    for node in heading.iter():
        path = re.split(r"[?#]", node.attrs.get("href", "").strip())[0] if node.tag == "a" else ""
        if path and _HOME.match(path):
            return True
    return False


def _assemble(lines: list[Line]) -> tuple[str, tuple[Boilerplate, ...]]:
    parts: list[str] = []
    spans: list[Boilerplate] = []
    position = 0
    for raw, reason in lines:
        text = clean_line(raw)
        if not text:
            continue
        if parts:
            position += len(PARAGRAPH_BREAK)
        parts.append(text)
        if reason is not None:
            spans.append(Boilerplate(position, position + len(text), reason))
        position += len(text)
    return PARAGRAPH_BREAK.join(parts), tuple(spans)
