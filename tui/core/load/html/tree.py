"""Build an element tree from an HTML page the way a browser would, within fixed bounds.

``html.parser`` only tokenises: it reports tags as written, and real pages leave elements
open (``<p>`` and ``<li>`` without end tags are valid HTML5; an unclosed ``<form>`` or
``<button>`` is a common mistake). A loader that pops only on an exact match lets one such
tag swallow the rest of the page. Here the HTML5 rules that matter for text are applied:
elements that imply the end of an open ``<p>``, ``<li>``, ``<dd>``, table cell or row; end tags
that close every element left open inside them, but never reach past a table cell or the
element that scopes them; inline end tags that never close a block; a ``<head>`` that ends
where body content starts. Depth and element count are bounded, so hostile input stays
cheap: past the bounds, tags are ignored and their text joins the enclosing element.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_DEPTH = 160
"""Deeper elements are flattened into their ancestor (real pages stay under ~60)."""
MAX_ELEMENTS = 100_000
"""Past this many elements, further tags are ignored (news pages have a few thousand; a very
long encyclopedia article some tens of thousands)."""

VOID = frozenset(
    (
        "area base br col embed hr img input keygen link meta param source track wbr basefont bgsound frame"
    ).split()
)
HEAD_CONTENT = frozenset("base basefont bgsound link meta noscript script style template title".split())
_CLOSES_P = frozenset(
    (
        "address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
        "footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table "
        "ul listing xmp search li dd dt"
    ).split()
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SCOPE = frozenset("applet caption html table td th marquee object template body #document".split())
"""Elements an end tag never closes through (HTML5's "has an element in scope")."""
_SPECIAL = frozenset(
    (
        "address applet area article aside blockquote body button caption center dd details dialog "
        "dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li "
        "main marquee menu nav object ol p pre section select summary table tbody td tfoot th thead "
        "tr ul #document template textarea iframe noscript search"
    ).split()
)
"""Block-level elements: an inline end tag (``</b>``, ``</span>``) never closes one."""
_RAW_KEPT = frozenset({"script"})
_DECLARATION_SECTION = re.compile(r"<!\[")
_COMMENT_CLOSE = re.compile(r"--\s*>")


class Node:
    """One element: its tag, attributes, children (elements and text) and parent.

    A plain slotted class rather than a frozen dataclass: the tree is built by mutation and
    thrown away once the page is reduced, and a page has tens of thousands of elements.
    """

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str) -> str:
        """An attribute's value, ``""`` when absent."""
        return self.attrs.get(name, "")

    def iter(self) -> list[Node]:
        """This element and every element under it, in document order."""
        found: list[Node] = []
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(child for child in reversed(node.children) if isinstance(child, Node))
        return found

    def text(self) -> str:
        """All text under this element, as written (whitespace not collapsed)."""
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            else:
                stack.extend(reversed(item.children))
        return "".join(parts)

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs!r}>"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack: list[Node] = [self.root]
        self.open: dict[str, int] = {}
        """How many elements of each tag are open: most implied-end checks end here at once."""
        self.elements = 0
        self.seen_head = False
        self.seen_body = False

    # -- tokens ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # XHTML-style <x/> is honoured for every element: pages written as XHTML mean it.
        self._start(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            self._start("br", [], True)  # browsers read </br> as <br>
            return
        if tag in ("html", "body") or self.stack[-1].tag == "#document":
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        current = self.stack[-1]
        if current.tag in ("script", "style"):
            if current.tag in _RAW_KEPT and "json" in current.get("type"):
                current.children.append(data)
            return
        if current.tag == "head" and data.strip():
            self._pop_to("head")
        self.stack[-1].children.append(data)

    # -- tree construction ----------------------------------------------------------------

    def _start(self, tag: str, raw_attrs: list[tuple[str, str | None]], empty: bool) -> None:
        if tag == "html" or (tag == "body" and self.seen_body) or (tag == "head" and self.seen_head):
            return
        if self.elements >= MAX_ELEMENTS:
            return
        self._imply_end_tags(tag)
        if tag == "head":
            self.seen_head = True
        elif tag == "body":
            self.seen_body = True
        attrs: dict[str, str] = {}
        for name, value in raw_attrs:
            attrs.setdefault(name, value or "")
        parent = self.stack[-1]
        node = Node(tag, attrs, parent)
        parent.children.append(node)
        self.elements += 1
        if not empty and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)
            self.open[tag] = self.open.get(tag, 0) + 1

    def _imply_end_tags(self, tag: str) -> None:
        """Close what HTML5 closes implicitly when ``tag`` starts."""
        stack = self.stack
        if self.open.get("head") and tag not in HEAD_CONTENT:
            self._pop_to("head")
        if tag in _CLOSES_P:
            self._close_in_scope("p", _SCOPE | {"button"})
        if tag == "li":
            self._close_in_scope("li", _SCOPE | {"ul", "ol"})
        elif tag in ("dd", "dt"):
            self._close_in_scope("dd", _SCOPE | {"dl"})
            self._close_in_scope("dt", _SCOPE | {"dl"})
        elif tag in _HEADINGS and stack[-1].tag in _HEADINGS:
            self._pop_from(len(stack) - 1)
        elif tag in ("td", "th"):
            self._close_in_scope("td", {"table", "tr", "template"})
            self._close_in_scope("th", {"table", "tr", "template"})
        elif tag == "tr":
            self._close_in_scope("tr", {"table", "template", "thead", "tbody", "tfoot"})
        elif tag in ("thead", "tbody", "tfoot"):
            for section in ("thead", "tbody", "tfoot"):
                self._close_in_scope(section, {"table", "template"})
        elif tag in ("option", "optgroup") and stack[-1].tag == "option":
            self._pop_from(len(stack) - 1)
        elif tag == "a":
            self._close_in_scope("a", _SPECIAL)

    def _close_in_scope(self, tag: str, boundaries: frozenset[str] | set[str]) -> None:
        if not self.open.get(tag):
            return
        stack = self.stack
        for index in range(len(stack) - 1, 0, -1):
            name = stack[index].tag
            if name == tag:
                self._pop_from(index)
                return
            if name in boundaries:
                return

    def _close(self, tag: str) -> None:
        """An end tag closes its element and everything left open inside it, within scope."""
        boundaries = _SPECIAL if tag not in _SPECIAL else _SCOPE
        if tag in ("td", "th", "tr", "table", "thead", "tbody", "tfoot", "caption"):
            boundaries = frozenset({"table", "html", "template", "#document"}) - {tag}
        self._close_in_scope(tag, boundaries)

    def _pop_from(self, index: int) -> None:
        for node in self.stack[index:]:
            self.open[node.tag] -= 1
        del self.stack[index:]

    def _pop_to(self, tag: str) -> None:
        self._close_in_scope(tag, frozenset({"#document"}))


def build_tree(source: str) -> Node:
    """Parse ``source`` into a tree rooted at a ``#document`` node; never raises on bad HTML."""
    builder = _TreeBuilder()
    try:
        builder.feed(_tame(source))
        builder.close()
    except AssertionError:  # html.parser's last resort on a declaration it cannot read
        pass
    return builder.root


def _tame(source: str) -> str:
    """Rewrite the constructs ``html.parser`` rescans to the end of the page, once per use.

    An unterminated comment, ``<![`` section or tag makes the tokeniser search the rest of
    the page again at every later ``<``: quadratic time on hostile input. HTML5 reads
    ``<![...>`` as a bogus comment ending at the next ``>``, which ``<!x[`` also is; a ``<``
    after the page's last ``>``, and a ``<!--`` after its last ``-->``, can start nothing that
    ends, so they become text.
    """
    source = _DECLARATION_SECTION.sub("<!x[", source)
    last_gt = source.rfind(">")
    if "<" in source[last_gt + 1 :]:
        source = source[: last_gt + 1] + source[last_gt + 1 :].replace("<", "&lt;")
    closes = [match.end() for match in _COMMENT_CLOSE.finditer(source)]
    last_close = closes[-1] if closes else 0
    if "<!--" in source[last_close:]:
        source = source[:last_close] + source[last_close:].replace("<!--", "&lt;!--")
    return source
