"""Assertions about exported documents, shared by the hand-built and the bundled-story tests."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tui.core.model import Comparison
from tui.core.views.excerpts import excerpts_for
from tui.core.views.select import select_clusters
from tui.export.phrasing import strip_controls

ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "table",
    "tr",
    "th",
    "td",
    "section",
    "span",
    "mark",
    "blockquote",
    "ul",
    "li",
    "div",
    "sup",
}
MARK_CLASSES = {"shared", "discrepancy", "unique", "value"}


class Page(HTMLParser):
    """Tags, attributes and visible text of an exported page, and the text inside each mark kind."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.open_marks: list[str] = []
        self.mark_text: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self.open_marks.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for kind in self.open_marks:
            self.mark_text.setdefault(kind, []).append(data)


def parse_html(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def assert_safe_html(page: str) -> None:
    """Only our own tags, no scripts, handlers, links or external resources, marks of known kinds."""
    parsed = parse_html(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for tag, attrs in parsed.tags:
        assert not {name for name in attrs if name.startswith("on")}
        assert not {"href", "src", "action", "formaction", "srcset"} & attrs.keys()
        if tag == "mark":
            assert attrs["class"] in MARK_CLASSES
            assert (attrs.get("title") or "").startswith(
                attrs["class"] if attrs["class"] != "value" else "differing"
            )
    assert "\x1b" not in page


def markdown_tokens(markdown: str) -> Iterator[Token]:
    """Every token markdown-it (GFM-like, raw HTML on: the most permissive reader) makes of ``markdown``."""

    def walk(tokens: list[Token]) -> Iterator[Token]:
        for token in tokens:
            yield token
            yield from walk(token.children or [])

    yield from walk(MarkdownIt("gfm-like").parse(markdown))


def markdown_plain(markdown: str) -> str:
    return "".join(t.content for t in markdown_tokens(markdown) if t.type in ("text", "code_inline"))


def assert_safe_markdown(markdown: str) -> None:
    """No raw HTML, images, code or strike-through, and a link only where GFM autolinks a visible URL."""
    for token in markdown_tokens(markdown):
        assert token.type not in {
            "html_inline",
            "html_block",
            "image",
            "code_inline",
            "code_block",
            "fence",
            "s_open",
        }
        if token.type == "link_open":
            assert str(token.attrs["href"]).startswith(("http://", "https://")), token.attrs
    assert "\x1b" not in markdown


def assert_plain_text(text: str) -> None:
    """Nothing but printable characters and newlines."""
    bad = {hex(ord(ch)) for ch in text if ch != "\n" and not ch.isprintable()}
    assert not bad, f"control or invisible characters in export: {sorted(bad)}"


def flatten(out: str, fmt: str) -> str:
    """What a reader sees of an md/html/txt export, as one line: markup, gutters and wrapping removed."""
    if fmt == "txt":
        out = re.sub(r"(?m)^    \| ", "", out)  # the gutter of wrapped quote lines
    flat = " ".join(out.split())
    if fmt == "md":
        flat = flat.replace("\\", "")
    if fmt == "html":
        flat = " ".join(html.unescape(re.sub(r"<[^>]*>", "", flat)).split())
    return flat


def _seen(text: str) -> str:
    """How a string reads in any readable export: controls dropped, whitespace collapsed."""
    return " ".join(strip_controls(text).split())


def _unmarked(text: str) -> str:
    return text.replace("**", "").replace("\u00bb", "").replace("\u00ab", "")


def assert_every_excerpt_cited(comparison: Comparison, out: str, fmt: str, only: str | None) -> None:
    """Outlet, title, date, file and paragraph, offsets, the quote, kind/type/value and verdict of every excerpt."""
    flat = flatten(out, fmt)
    clusters = select_clusters(comparison, only)
    for excerpt in excerpts_for(comparison, clusters):
        assert f"{excerpt.file} \u00b6{excerpt.paragraph}, chars {excerpt.start}\u2013{excerpt.end}" in flat
        assert _seen(excerpt.outlet or "outlet unknown") in flat
        assert f"\u201c{_seen(excerpt.title)}\u201d" in flat if excerpt.title else "untitled" in flat
        assert _seen(excerpt.date or "undated") in flat
        assert _unmarked(_seen(excerpt.exact)) in _unmarked(flat)
        if excerpt.value:
            assert _seen(excerpt.value) in flat
        if excerpt.verdict:
            assert (
                _seen(excerpt.verdict.kind + (f": {excerpt.verdict.note}" if excerpt.verdict.note else ""))
                in flat
            )
    for cluster in clusters:
        assert _seen(cluster.label) in flat
        if cluster.discrepancy_type:
            assert cluster.discrepancy_type in flat
