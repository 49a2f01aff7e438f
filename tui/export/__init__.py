"""Exporters: Rich allowed, Textual never. json / md / html / txt, each a pure function of a Comparison.

This module stays light (the format modules load on first use), so importing it for
``FORMATS`` costs nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.model import Comparison

FORMATS = ("json", "md", "html", "txt")
"""The values ``storydiff export --format`` accepts, also the usual file extensions."""

_RENDERERS = {
    "json": ("tui.export.json_export", "to_json"),
    "md": ("tui.export.markdown", "to_markdown"),
    "html": ("tui.export.html", "to_html"),
    "txt": ("tui.export.text", "to_text"),
}


def render(comparison: Comparison, fmt: str, only: str | None = None) -> str:
    """The comparison in format ``fmt``, limited to what ``only`` selects.

    Raises ``ValueError`` (with a message fit to show the user) for an unknown format or
    an ``only`` value that selects nothing known.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    module, function = _RENDERERS[fmt]
    renderer = getattr(import_module(module), function)
    return renderer(comparison, only)
