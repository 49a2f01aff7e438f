"""What a source is called on screen: one short, human name per article.

The pane titles, the variants, the status line and the pickers all name sources the same
way: by the outlet when it is known, else by the site its address is on, else by its place
in the story ("Source 2"), never by a file name beside an outlet's name. Two sources with
the same name are told apart by their place ("Reuters (1)", "Reuters (4)").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from tui.core.story import Article

UNKNOWN = "unknown"


def known(value: str | None) -> str | None:
    """Metadata as shown and exported: ``None`` for missing, empty or "unknown" values."""
    if value is None:
        return None
    stripped = value.strip()
    return None if not stripped or stripped.lower() == UNKNOWN else value


def site_of(url: str | None) -> str | None:
    """The host of a known address, without ``www.`` ("https://www.stripes.com/x" -> "stripes.com")."""
    address = known(url)
    if address is None:
        return None
    try:
        host = urlsplit(address if "//" in address else f"//{address}").hostname
    except ValueError:
        return None
    if not host or "." not in host or any(c.isspace() for c in host):
        return None  # not an address: the user's note, or a local name
    return host.removeprefix("www.")


def source_names(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the name the reader shows for it, unique within the story."""
    base = {
        article.id: known(article.outlet) or site_of(article.url) or f"Source {position}"
        for position, article in enumerate(articles, start=1)
    }
    repeated = Counter(base.values())
    return {
        article.id: f"{base[article.id]} ({position})" if repeated[base[article.id]] > 1 else base[article.id]
        for position, article in enumerate(articles, start=1)
    }
