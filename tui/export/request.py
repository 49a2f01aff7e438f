"""What a caller asks the exporters for: the format and the selection."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportRequest:
    """What to export and how.

    ``only`` is the ``--only`` filter (a cluster kind or ``entity:ID``). ``clusters`` names the
    clusters a caller chose itself (the reader's current or marked facts), in the order to
    export them; it wins over ``only``, and so does ``entity``. ``pretty`` asks the JSON writer
    to indent every level.
    """

    format: str = "json"
    only: str | None = None
    clusters: tuple[str, ...] | None = None
    entity: str | None = None
    pretty: bool = False
    """JSON only: indent every level rather than one record per line (same document)."""
