"""Read a page's metadata (headline, outlet, date, author, address) from what it declares.

Pages state their metadata several times over, for search engines and social sites, with
different care. The most structured statement wins: JSON-LD (``@graph`` included), then
Open Graph, Twitter, Dublin Core and ``itemprop`` tags, then ``<time datetime>``, ``rel=author``
links and byline elements. ``og:site_name`` names the outlet before ``application-name``
(which some sites set per article), and an author is a name, never a profile address.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tui.core.load.html.tree import Node

_META_FIELDS: dict[str, tuple[str, int]] = {
    # name, property or itemprop -> (field, priority: lower wins)
    "og:title": ("title", 1),
    "twitter:title": ("title", 2),
    "dc.title": ("title", 3),
    "dcterms.title": ("title", 3),
    "headline": ("title", 4),
    "og:site_name": ("outlet", 1),
    "dc.publisher": ("outlet", 2),
    "dcterms.publisher": ("outlet", 2),
    "application-name": ("outlet", 5),
    "article:published_time": ("date", 1),
    "og:article:published_time": ("date", 1),
    "datepublished": ("date", 2),
    "dc.date.issued": ("date", 3),
    "dc.date": ("date", 3),
    "dcterms.issued": ("date", 3),
    "dcterms.created": ("date", 3),
    "dcterms.date": ("date", 3),
    "date": ("date", 4),
    "pubdate": ("date", 4),
    "publishdate": ("date", 4),
    "publish-date": ("date", 4),
    "publish_date": ("date", 4),
    "article.published": ("date", 4),
    "parsely-pub-date": ("date", 4),
    "sailthru.date": ("date", 5),
    "datecreated": ("date", 5),
    "article:author": ("author", 1),
    "author": ("author", 2),
    "dc.creator": ("author", 3),
    "dcterms.creator": ("author", 3),
    "parsely-author": ("author", 4),
    "sailthru.author": ("author", 4),
    "byl": ("author", 5),
    "og:url": ("url", 1),
    "twitter:url": ("url", 3),
}
_ARTICLE_TYPE = re.compile(r"(?:\w*Article|\w*Posting|Report|Review)$")
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|www\.|/)|^\S*\.\S*/", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door|av|af)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+(?:\||::|»|·|•|—|–|-|/)\s+")
_STRONG_SEPARATOR = re.compile(r"\s+(?:\||::|»|·|•)\s+")
_MAX_JSON = 2_000_000
_BYLINE_CLASSES = re.compile(r"(?:^|[\s_-])(?:byline|author|authors|writer)(?:$|[\s_-])", re.IGNORECASE)


@dataclass
class PageMetadata:
    """What the page says about itself; ``headlines`` are every title it gives, best first."""

    fields: dict[str, str] = field(default_factory=dict)
    headlines: list[str] = field(default_factory=list)
    page_title: str = ""


def read_metadata(root: Node) -> PageMetadata:
    """Collect the page's metadata by priority (see the module docstring)."""
    found: dict[str, tuple[int, str]] = {}

    def offer(name: str, value: str, priority: int) -> None:
        value = " ".join(value.split())
        if not value or (name in ("author", "outlet") and not is_name(value, name == "outlet")):
            return
        if name == "author":
            value = _BYLINE_PREFIX.sub("", value)
        if name not in found or priority < found[name][0]:
            found[name] = (priority, value)

    page_title = ""
    headlines: list[tuple[int, str]] = []
    ld_texts: list[str] = []
    times: list[tuple[int, str]] = []
    for node in root.iter():
        tag, attrs = node.tag, node.attrs
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
            content = attrs.get("content", "")
            if key in _META_FIELDS and content:
                name, priority = _META_FIELDS[key]
                offer(name, content, 10 + priority)
                if name == "title":
                    headlines.append((10 + priority, " ".join(content.split())))
        elif tag == "title" and not page_title:
            page_title = " ".join(node.text().split())
        elif tag == "script" and "ld+json" in attrs.get("type", "").lower():
            ld_texts.append(node.text())
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            offer("url", attrs.get("href", ""), 12)
        elif tag == "time" and attrs.get("datetime"):
            published = attrs.get("itemprop", "").lower() == "datepublished" or "pubdate" in attrs
            times.append((20 if published else 21, attrs["datetime"]))
        elif attrs.get("itemprop"):
            _itemprop(node, offer)
        elif tag == "a" and "author" in attrs.get("rel", "").lower().split():
            offer("author", node.text(), 22)
        elif tag not in ("html", "body") and _BYLINE_CLASSES.search(attrs.get("class", "")):
            text = " ".join(node.text().split())
            if 0 < len(text) <= 80 and len(text.split()) <= 8:
                offer("author", text, 24)
    for priority, value in times[:1] + [t for t in times if t[0] == 20][:1]:
        offer("date", value, priority)
    article = _json_ld_article(ld_texts)
    for name, value in article.items():
        offer(name, value, 0)
        if name == "title":
            headlines.append((0, " ".join(value.split())))
    if page_title:
        headlines.append((30, page_title))
    fields = {name: value for name, (_priority, value) in found.items()}
    return PageMetadata(
        fields=fields, headlines=[text for _p, text in sorted(headlines)], page_title=page_title
    )


def trim_site_name(title: str, outlet: str | None) -> str:
    """A title without the outlet's name tacked on (``Dam holds | Valley Times``).

    Parts naming the outlet go at either end; failing that, strong separators (``|``,
    ``::``, ``»``, ``·``) divide a headline from section and site names, and the longest
    part is the headline. A dash alone is not enough: headlines use dashes.
    """
    parts = _SEPARATOR.split(title)
    if len(parts) > 1 and outlet:
        site = fold(outlet)
        kept = list(parts)
        while len(kept) > 1 and _names_site(kept[-1], site):
            kept.pop()
        while len(kept) > 1 and _names_site(kept[0], site):
            kept.pop(0)
        if len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    strong = _STRONG_SEPARATOR.split(title)
    if len(strong) > 1:
        return max(strong, key=lambda part: len(part.split()))
    return title


def is_name(value: str, domain_ok: bool) -> bool:
    """True unless ``value`` is an address (a profile URL is not an author's name)."""
    return not _ADDRESS.match(value) and (domain_ok or not _DOMAIN.match(value))


def fold(text: str) -> str:
    """Text reduced to lower-case words, to compare titles and names."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _names_site(part: str, site: str) -> bool:
    folded = fold(part)
    return bool(folded) and (
        folded == site or folded in site or site in folded and len(folded) <= len(site) + 8
    )


def _itemprop(node: Node, offer: Callable[[str, str, int], None]) -> None:
    prop = node.attrs.get("itemprop", "").lower()
    if prop == "author" or prop == "creator":
        names = [child for child in node.iter() if child.attrs.get("itemprop", "").lower() == "name"]
        source = names[0] if names else node
        text = source.attrs.get("content") or source.text()
        if len(text.split()) <= 8:
            offer("author", text, 21)
    elif prop in ("datepublished", "datecreated"):
        offer("date", node.attrs.get("content") or node.attrs.get("datetime") or node.text(), 19)
    elif prop == "headline":
        offer("title", node.attrs.get("content") or node.text(), 19)
    elif prop == "publisher":
        names = [child for child in node.iter() if child.attrs.get("itemprop", "").lower() == "name"]
        if names:
            offer("outlet", names[0].attrs.get("content") or names[0].text(), 19)


def _json_ld_article(texts: list[str]) -> dict[str, str]:
    """The fields of the page's article object in its JSON-LD, ``@graph`` included."""
    objects: list[dict[str, Any]] = []
    for text in texts:
        text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
        if not text or len(text) > _MAX_JSON:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        _collect(data, objects)
    article = next((obj for obj in objects if any(_ARTICLE_TYPE.match(t) for t in _types(obj))), None)
    if article is None:
        article = next((obj for obj in objects if isinstance(obj.get("headline"), str)), None)
    fields: dict[str, str] = {}
    site = next((obj for obj in objects if {"WebSite", "NewsMediaOrganization"} & set(_types(obj))), None)
    if site is not None and isinstance(site.get("name"), str):
        fields["outlet"] = site["name"]
    if article is None:
        return fields
    headline = article.get("headline") or article.get("name")
    if isinstance(headline, str):
        fields["title"] = headline
    for key in ("datePublished", "dateCreated", "uploadDate"):
        if isinstance(article.get(key), str):
            fields["date"] = article[key]
            break
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    author = _names(article.get("author") or article.get("creator"), by_id)
    if author:
        fields["author"] = author
    publisher = _names(article.get("publisher"), by_id)
    if publisher:
        fields["outlet"] = publisher
    url = article.get("url") or article.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if isinstance(url, str):
        fields["url"] = url
    return fields


def _collect(data: Any, objects: list[dict[str, Any]]) -> None:
    items = data if isinstance(data, list) else [data]
    for item in items[:200]:
        if not isinstance(item, dict):
            continue
        objects.append(item)
        graph = item.get("@graph")
        if isinstance(graph, list):
            objects.extend(obj for obj in graph[:200] if isinstance(obj, dict))


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> str:
    """People or organisations as ``A, B``: names only, never an address.

    A ``{"@id": ...}`` reference (as ``@graph`` pages give their author) is looked up.
    """
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        if isinstance(name, str):
            name = " ".join(name.split())
            if name and is_name(name, False) and name not in names:
                names.append(name)
    return ", ".join(names)
