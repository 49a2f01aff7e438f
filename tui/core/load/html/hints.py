"""What an element's tag, class, id and role say it holds: page chrome, an aside, or the story.

Authors name their blocks for what they are (``related-posts``, ``share-bar``,
``cookie-consent``, ``article-body``), and ARIA roles and HTML5 tags say the same in a
standard way. Names are cut into words (``relatedPosts`` and ``related_posts`` both give
``related``, ``posts``) and matched whole, so ``header`` never reads as ``ad`` and
``shadow`` never as ``ad``. Two kinds of junk are told apart:

- *chrome* (navigation, share buttons, comments, cookie banners, sign-up boxes, ads,
  dialogs, screen-reader-only labels) is dropped wherever it is;
- *asides* (related links, captions and credits, bylines and datelines, tag lists, boxes
  and footers) are not the story either, but when they sit inside the article the reader
  keeps them as boilerplate, shown dimmed or hidden with ``b``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.load.html.tree import Node

DROPPED = "dropped"
"""The mark of chrome: removed from the page, not kept as boilerplate."""

NON_CONTENT_TAGS = frozenset(
    (
        "script style noscript template svg math canvas iframe object embed video audio map input "
        "select textarea button option optgroup datalist label head title meta link base frame "
        "frameset applet noembed noframes dialog menu nav output progress meter"
    ).split()
)
"""Elements whose text is never part of an article (controls, embeds, scripts, menus)."""

_CHROME_WORDS: tuple[tuple[str, str], ...] = (
    (
        "navigation",
        r"nav|navs|navbar|navigation|navlinks?|subnav|sitenav|menus?|menuitems?|submenu|"
        r"megamenu|breadcrumb\w*|crumbs?|pagination|pager|paging|skip|skiplinks?|toolbar|"
        r"topbar|masthead|search|searchform|searchbox|jump|jumplinks?",
    ),
    ("comments", r"comments?|commentlist|commenting|disqus\w*|respond|replies|reply"),
    (
        "sharing",
        r"share|shares|sharing|sharebar\w*|sharetools|social\w*|"
        r"addthis|sharethis|follow",
    ),
    ("cookie notice", r"cookie\w*|consent|gdpr|cmp|onetrust"),
    (
        "sign-up box",
        r"newsletter\w*|subscribe|subscription|signup|paywall|regwall|login|signin|"
        r"register|registration|donate",
    ),
    (
        "advertising",
        r"ad|ads|adv|advert\w*|adslot|adunit|adblock|dfp|"
        r"sponsor\w*|promo|promos|promoted|outbrain\w*|taboola\w*|commercial|"
        r"banners?|affiliates?",
    ),
    ("dialog", r"modal|popup|popups|overlay|dialog|lightbox|interstitial|tooltip|dropdown"),
    ("sidebar", r"sidebar\w*|rail|rightrail|leftrail|sidebox"),
)
_ASIDE_WORDS: tuple[tuple[str, str], ...] = (
    (
        "related links",
        r"related\w*|recommended|recommendations?|recirc|"
        r"recirculation|readmore|seealso|alsoread|morestories|trending|popular|"
        r"mostpopular|mostread|teasers?|tease",
    ),
    ("photo caption or credit", r"captions?|figcaption|credits?|photocredit|gallery|slideshow"),
    (
        "byline or date",
        r"byline|bylines|authors?|dateline|timestamp|published|updated|posted|"
        r"postmeta|entrymeta|meta|bio|date",
    ),
    ("tags", r"tags|taglist|tagcloud|keywords|topics|categories"),
    ("footer", r"footer|footers|colophon|copyright|disclaimer|signoff"),
    ("header", r"header"),
)
_HIDDEN_CLASSES = frozenset(
    (
        "sr-only screen-reader-text screen-reader-only visually-hidden visuallyhidden screenreader "
        "offscreen off-screen sr-text a11y-hidden hide-text hidden is-hidden u-hidden hide invisible"
    ).split()
)
_SHOWN = ("-block", "-flex", "-inline", "-inline-block", "-grid", "-table")
_POSITIVE = re.compile(
    r"article|articlebody|articletext|body|content|contents|entry|entrycontent|"
    r"hentry|main|post|postbody|postcontent|story|storybody|text|blog|prose|"
    r"richtext|column"
)
_NEGATIVE = re.compile(
    r"widget|widgets|media|contact|shopping|scroll|hidden|hide|thumbnail|thumb|"
    r"icon|icons|logo"
)
_CHROME = [(reason, re.compile(words)) for reason, words in _CHROME_WORDS]
_ASIDE = [(reason, re.compile(words)) for reason, words in _ASIDE_WORDS]
_HAVING = frozenset({"with", "has", "have", "no", "without", "hide", "show", "and"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_ROLE_CHROME = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "toolbar": "navigation",
    "search": "navigation",
    "tablist": "navigation",
    "banner": "navigation",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "alert": "dialog",
}
_ROLE_ASIDE = {"complementary": "aside", "contentinfo": "footer", "note": "aside"}
MAX_TAG_LABEL = 40
"""Characters of text besides its ``rel=tag`` links that a tag list may hold (its label)."""
_PROP_ASIDE = {
    "datepublished": "byline or date",
    "datemodified": "byline or date",
    "datecreated": "byline or date",
    "author": "byline or date",
    "creator": "byline or date",
    "keywords": "tags",
}
"""Microdata properties that state the article's metadata, not its text."""
_TAG_ASIDE = {
    "aside": "aside",
    "footer": "footer",
    "header": "header",
    "figcaption": "photo caption or credit",
}


@lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """The words of a class or id that say what it is: split at camelCase, dashes,
    underscores and spaces, without those that say what it has (``with-sidebar``,
    ``has-comments``, ``no-ads`` name a layout, not a sidebar)."""
    found = [word for word in _NOT_WORD.split(_CAMEL.sub(" ", name).lower()) if word]
    return tuple(word for index, word in enumerate(found) if not (index and found[index - 1] in _HAVING))


def is_hidden(node: Node) -> bool:
    """True when the page does not show the element (screen-reader-only labels included).

    Only class names that hide at every screen size count: ``hidden-xs`` or ``d-none
    d-md-block`` show the element on a desktop.
    """
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if node.tag == "input" and attrs.get("type", "").lower() == "hidden":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = attrs.get("class", "").lower().split()
    if "d-none" in classes and not any(name.startswith("d-") and name.endswith(_SHOWN) for name in classes):
        return True
    return not _HIDDEN_CLASSES.isdisjoint(classes)


def shown(node: Node, body: Node) -> bool:
    """True unless the element, or one of its ancestors below ``body``, is hidden or not content."""
    current: Node | None = node
    while current is not None and current is not body:
        if current.tag in NON_CONTENT_TAGS or is_hidden(current):
            return False
        current = current.parent
    return True


def chrome_reason(node: Node) -> str | None:
    """Why the element is page chrome (dropped everywhere), or ``None``."""
    role = node.attrs.get("role", "").strip().lower()
    if role in _ROLE_CHROME:
        return _ROLE_CHROME[role]
    return _match(node, "chrome")


def aside_reason(node: Node) -> str | None:
    """Why the element is an aside (boilerplate inside an article), or ``None``."""
    if node.tag in _TAG_ASIDE:
        return _TAG_ASIDE[node.tag]
    role = node.attrs.get("role", "").strip().lower()
    if role in _ROLE_ASIDE:
        return _ROLE_ASIDE[role]
    prop = node.attrs.get("itemprop", "").strip().lower()
    if prop in _PROP_ASIDE:
        return _PROP_ASIDE[prop]
    if _is_tag_link(node) or _lists_tag_links(node):
        return "tags"
    return _match(node, "aside")


def _is_tag_link(node: Node | str) -> bool:
    return isinstance(node, Node) and node.tag == "a" and "tag" in node.attrs.get("rel", "").lower().split()


def _lists_tag_links(node: Node) -> bool:
    """True for an element made of ``rel=tag`` links and a label ("Tags: a, b")."""
    links = [child for child in node.children if _is_tag_link(child)]
    if not links:
        return False
    rest = sum(
        len(child.strip()) if isinstance(child, str) else len(child.text().strip())
        for child in node.children
        if not _is_tag_link(child)
    )
    return rest <= MAX_TAG_LABEL


def class_weight(node: Node) -> int:
    """Readability's class weight: +25 per name that says content, -25 per name that says not."""
    return _weight(node.attrs.get("class", "")) + _weight(node.attrs.get("id", ""))


@lru_cache(maxsize=4096)
def _weight(value: str) -> int:
    if not value:
        return 0
    found = words(value)
    weight = 25 if any(_POSITIVE.fullmatch(word) for word in found) else 0
    if any(_NEGATIVE.fullmatch(word) for word in found) or _hint(value, "chrome") or _hint(value, "aside"):
        weight -= 25
    return weight


def _match(node: Node, kind: str) -> str | None:
    names = (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).strip()
    return _hint(names, kind) if names else None


@lru_cache(maxsize=8192)
def _hint(names: str, kind: str) -> str | None:
    """The first reason of the ``kind`` table one of the words of ``names`` gives."""
    found = words(names)
    for reason, pattern in _CHROME if kind == "chrome" else _ASIDE:
        if any(pattern.fullmatch(word) for word in found):
            return reason
    return None
