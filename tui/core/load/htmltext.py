"""Reduce an HTML page to the article text a reader would see, with the standard library.

Web pages wrap a story in navigation, scripts, forms and footers. Only the text of the
content blocks is kept, one paragraph per block, and a few ``<meta>`` tags supply the
metadata a news page usually carries (outlet, date, author, headline).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "canvas",
        "button",
        "select",
        "textarea",
        "object",
        "embed",
        "figure",
        "head",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "dl",
        "br",
        "hr",
        "figcaption",
        "address",
        "body",
    }
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_META_FIELDS = {
    "og:site_name": "outlet",
    "application-name": "outlet",
    "article:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "dc.date": "date",
    "author": "author",
    "article:author": "author",
    "og:title": "title",
    "og:url": "url",
}


@dataclass
class HtmlDocument:
    """The visible text of a page and the metadata its head declared."""

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.metadata: dict[str, str] = {}
        self._dropped: list[str] = []
        self._in_title = False
        self._title: list[str] = []
        self._h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "title":
            self._in_title = True
        if tag in _DROPPED and tag not in _VOID:
            self._dropped.append(tag)
            return
        if tag == "h1" and not self._h1:
            self._in_h1 = True
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._dropped and tag == self._dropped[-1]:
            self._dropped.pop()
            return
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._dropped:
            return
        if self._in_h1:
            self._h1.append(data)
        self.parts.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        content = attrs.get("content")
        target = _META_FIELDS.get(key)
        if target and content and target not in self.metadata:
            self.metadata[target] = html.unescape(content).strip()

    @property
    def title(self) -> str:
        return " ".join("".join(self._h1 or self._title).split())


def reduce_html(source: str) -> HtmlDocument:
    """Return the page's readable text (one paragraph per line) and its metadata."""
    reducer = _Reducer()
    reducer.feed(source)
    reducer.close()
    lines = (" ".join(line.split()) for line in "".join(reducer.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    metadata = dict(reducer.metadata)
    if "title" not in metadata and reducer.title:
        metadata["title"] = reducer.title
    return HtmlDocument(text=text, metadata=metadata)
