"""The overview's colours, read from the app's own stylesheet (``styles/overview.tcss``).

The terminal grid and the HTML export must look alike; rather than keep two lists of colours
in step, the HTML export takes the hex colours of the stylesheet's rules. Only plain hex
values are read: a rule that uses a theme variable (``$text-muted``) has no fixed colour, and
the HTML export uses its own light/dark variables for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tui.core.load.resources import styles_dir

STYLESHEET = "overview.tcss"
_RULE = re.compile(r"\.(?P<name>[\w-]+)\s*\{(?P<body>[^}]*)\}")
_HEX = r"(#[0-9A-Fa-f]{6}\b)"
_BACKGROUND = re.compile(r"(?:^|;)\s*background:\s*" + _HEX)
_COLOUR = re.compile(r"(?:^|;)\s*color:\s*" + _HEX)


class Colours(NamedTuple):
    """A rule's fixed background and text colours (None where it sets none, or a variable)."""

    background: str | None
    color: str | None


def parse_palette(text: str) -> dict[str, Colours]:
    """Every class rule of a stylesheet that sets a hex background or text colour."""
    found: dict[str, Colours] = {}
    for rule in _RULE.finditer(text):
        body = rule["body"]
        background, colour = _BACKGROUND.search(body), _COLOUR.search(body)
        if background or colour:
            found[rule["name"]] = Colours(
                background.group(1) if background else None, colour.group(1) if colour else None
            )
    return found


@lru_cache(maxsize=1)
def overview_palette() -> dict[str, Colours]:
    """The overview stylesheet's fixed colours by class name (``value--1``, ``share--unique``...)."""
    return parse_palette((styles_dir() / STYLESHEET).read_text(encoding="utf-8"))
