"""What a discrepancy check finds: the kind of difference, each source's differing value as
written (with its offsets), and which sources agree with each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.model import DiscrepancyType, Unit


@dataclass(frozen=True)
class Value:
    """A differing value as written, with its article offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """What differs among a set of units: the type, each article's value, and the value groups.

    ``groups`` lists the articles that agree with each other, one tuple per distinct value; it is
    what the change-over-time rule compares.
    """

    type: DiscrepancyType
    values: Mapping[str, Value]
    groups: tuple[tuple[str, ...], ...]
    subject: str | None = None
    units: tuple[Unit, ...] = ()
    caveat: str | None = None
    """What makes the difference uncertain, said in the label rather than hidden: "possibly a
    different count" when a figure is a bound or vague, "possibly one time in two zones"."""
