"""Fold mode: an article shown as only what differs, runs of agreed text folded into one line.

Like vimdiff's folds of equal lines, every run of statements that are not shown becomes one
``Fold`` ("12 shared statements") that the reader can open. A statement is shown when it is a
member of a discrepancy (it *differs*), or, when the user asks for them, when only this
source makes it (*unique*). Everything else (shared statements, statements in no cluster,
boilerplate) is folded, counted by kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.core.model import Comparison, Unit
from tui.core.views.statements import statement_clusters

StatementKind = Literal["differs", "unique", "shared", "other", "boilerplate"]
FOLDED_ORDER: tuple[StatementKind, ...] = ("shared", "unique", "other", "boilerplate")


@dataclass(frozen=True)
class Shown:
    """A statement shown in full: why (``kind``), its clusters, and its differing values.

    ``clusters`` are the ids of the discrepancies it is in (for "differs") or of its unique
    cluster; ``values`` the (start, end) spans of the differing values in the article text.
    """

    unit: Unit
    kind: Literal["differs", "unique"]
    clusters: tuple[str, ...]
    values: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Fold:
    """A run of statements not shown: what they are, and how many of each kind."""

    units: tuple[Unit, ...]
    kinds: tuple[StatementKind, ...]

    @property
    def start(self) -> int:
        """Where the first folded statement starts in the article."""
        return self.units[0].start

    def count(self, kind: StatementKind) -> int:
        """How many folded statements are of one kind."""
        return self.kinds.count(kind)

    @property
    def label(self) -> str:
        """'12 shared statements', '12 shared, 2 unique statements', '1 boilerplate line'."""
        parts = [f"{self.count(kind)} {kind}" for kind in FOLDED_ORDER if self.count(kind)]
        only_boilerplate = self.count("boilerplate") == len(self.kinds)
        noun = "line" if only_boilerplate else "statement"
        return ", ".join(parts) + f" {noun}{'s' if len(self.kinds) != 1 else ''}"


Entry = Shown | Fold


def statement_kinds(comparison: Comparison, article_id: str) -> list[tuple[Unit, Shown | StatementKind]]:
    """Every statement of an article with what it is: a ``Shown`` differing or unique
    statement (unique ones always come back as ``Shown``), or the kind it is folded as."""
    memberships = statement_clusters(comparison, article_id)
    kinds: list[tuple[Unit, Shown | StatementKind]] = []
    for unit in comparison.units.get(article_id, ()):
        mine = memberships.get(unit.id, [])
        differing = [m for m in mine if m.cluster.kind == "discrepancy"]
        if differing:
            values = tuple(
                sorted(
                    {
                        (m.member.value_start, m.member.value_end)
                        for m in differing
                        if m.member.value_start is not None
                        and m.member.value_end is not None
                        and unit.start <= m.member.value_start < m.member.value_end <= unit.end
                    }
                )
            )
            ids = tuple(dict.fromkeys(m.cluster.id for m in differing))
            kinds.append((unit, Shown(unit, "differs", ids, values)))
        elif unit.is_boilerplate:
            kinds.append((unit, "boilerplate"))
        elif any(m.cluster.kind == "shared" for m in mine):
            kinds.append((unit, "shared"))
        elif mine:
            ids = tuple(dict.fromkeys(m.cluster.id for m in mine))
            kinds.append((unit, Shown(unit, "unique", ids, ())))
        else:
            kinds.append((unit, "other"))
    return kinds


def fold_article(comparison: Comparison, article_id: str, *, unique: bool = False) -> tuple[Entry, ...]:
    """The article as shown statements and folds, in text order; ``unique`` shows the
    statements only this source makes instead of folding them."""
    entries: list[Entry] = []
    run: list[tuple[Unit, StatementKind]] = []
    for unit, what in statement_kinds(comparison, article_id):
        if isinstance(what, Shown) and (what.kind == "differs" or unique):
            if run:
                entries.append(_fold(run))
                run = []
            entries.append(what)
        else:
            run.append((unit, what.kind if isinstance(what, Shown) else what))
    if run:
        entries.append(_fold(run))
    return tuple(entries)


def _fold(run: list[tuple[Unit, StatementKind]]) -> Fold:
    return Fold(tuple(unit for unit, _ in run), tuple(kind for _, kind in run))
