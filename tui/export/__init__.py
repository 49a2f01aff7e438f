"""Exporters: Rich allowed, Textual never. One request, one report, one registry of formats.

The command line (``storydiff export``) and the reader's export dialog both say what they want
as an ``ExportRequest`` and call ``render``; the selection is resolved once into a
``report.Report``, which every writer (json / md / html / txt) turns into text. This module
stays light (the report and the writers load on first use), so importing it for ``FORMATS``
costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from tui.export.request import ExportRequest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from tui.core.model import Comparison
    from tui.export.report import Report

__all__ = [
    "FORMATS",
    "REGISTRY",
    "ExportFormat",
    "ExportRequest",
    "export_format",
    "format_for_file",
    "render",
    "render_pieces",
]


@dataclass(frozen=True)
class ExportFormat:
    """One output format: its name (also the usual file extension) and where its writer lives.

    ``pieces`` names, when the format has one, a writer that yields the text piece by piece
    (a file can then be written without holding the whole text).
    """

    name: str
    module: str
    writer: str
    suffixes: tuple[str, ...] = ()
    """File extensions that mean this format (``-o report.md``), besides ``.<name>``."""
    pieces: str | None = None

    def load(self) -> Callable[[Report], str]:
        """The writer, imported on first use."""
        writer: Callable[[Report], str] = getattr(import_module(self.module), self.writer)
        return writer

    def load_pieces(self) -> Callable[[Report], Iterator[str]]:
        """The piece-by-piece writer (the whole text as one piece for a format without one)."""
        if self.pieces is None:
            whole = self.load()
            return lambda report: iter((whole(report),))
        pieces: Callable[[Report], Iterator[str]] = getattr(import_module(self.module), self.pieces)
        return pieces


REGISTRY: tuple[ExportFormat, ...] = (
    ExportFormat("json", "tui.export.json_export", "to_json", pieces="json_pieces"),
    ExportFormat("md", "tui.export.markdown", "to_markdown", (".markdown",)),
    ExportFormat("html", "tui.export.html", "to_html", (".htm",)),
    ExportFormat("txt", "tui.export.text", "to_text", (".text",)),
)
FORMATS = tuple(f.name for f in REGISTRY)
"""The values ``storydiff export --format`` accepts, in the order the dialog lists them."""


def export_format(name: str) -> ExportFormat:
    """The registered format called ``name``.

    Raises ``ValueError`` (with a message fit to show the user) for an unknown name.
    """
    for candidate in REGISTRY:
        if candidate.name == name:
            return candidate
    raise ValueError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")


def format_for_file(name: str) -> str | None:
    """The format a file name's extension asks for (``out.md`` -> "md"), or None."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for candidate in REGISTRY:
        if suffix and suffix in (f".{candidate.name}", *candidate.suffixes):
            return candidate.name
    return None


def render(comparison: Comparison, request: ExportRequest) -> str:
    """The comparison, limited to what ``request`` selects, in the requested format.

    Raises ``ValueError`` (with a message fit to show the user) for an unknown format or a
    selection that names nothing known.
    """
    writer = export_format(request.format).load()
    from tui.export.report import build_report

    return writer(build_report(comparison, request))


def render_pieces(comparison: Comparison, request: ExportRequest) -> Iterator[str]:
    """:func:`render`, piece by piece (their concatenation is what ``render`` returns).

    The selection is resolved before this returns, so its ``ValueError`` (unknown format,
    unknown cluster) comes from the call, not from the first piece.
    """
    writer = export_format(request.format).load_pieces()
    from tui.export.report import build_report

    return writer(build_report(comparison, request))
