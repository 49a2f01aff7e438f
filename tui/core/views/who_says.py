"""Who says what: for every discrepancy, the value each source gives, grouped by agreement.

A discrepancy cluster names each source's value as written (``Cluster.values``, or the
member's ``value``). Sources that write the same value (case, typographic quotes and spacing
aside, as the engine compares them) agree and form one ``ValueGroup``; a member without a
value carries the statement but does not give this figure or name ("silent"); a source that
is no member at all does not mention it ("absent"). Support is counted twice: raw (sources)
and independent (wire-copy origins, so a story run by forty outlets from one wire counts
once), and the value most independent origins give is marked as the majority.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.model import Cluster, Comparison, DiscrepancyType, Member
from tui.core.text.normalize import fold

PALETTE = 7
"""Value groups that get a colour of their own (``colour`` 1..PALETTE); the rest share 0."""

SILENT = -1
"""A cell of a source that carries the statement but gives no value."""

ABSENT = -2
"""A cell of a source that does not mention the statement."""

FRAME_WORDS = 4
"""Words kept on each side of the value in a row's frame."""

_WORD = re.compile(r"\S+")


@lru_cache(maxsize=1 << 15)
def value_key(text: str) -> str:
    """What makes two written values the same value: case, typographic marks and spacing aside.

    Cached: the rows and the agreement grid both ask for every value of every discrepancy.
    """
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class ValueGroup:
    """One value and the sources that give it.

    ``text`` is its most common wording; ``wordings`` every wording, most common first.
    ``articles`` are in the overview's source order; ``independent`` counts their origins.
    ``colour`` is 1..PALETTE by rank, 0 for the ranks past the palette.
    """

    text: str
    wordings: tuple[str, ...]
    articles: tuple[str, ...]
    independent: int
    colour: int

    @property
    def support(self) -> int:
        """How many sources give this value."""
        return len(self.articles)


@dataclass(frozen=True)
class ValueRow:
    """One discrepancy as a row: its values, who gives which, who is silent or absent.

    ``groups`` are ordered by independent support, then raw support, then first appearance;
    ``majority`` indexes the group most independent origins give (None on a tie).
    ``cells`` holds, per source of the overview's order, a group index, ``SILENT`` or
    ``ABSENT``. ``frame`` is the statement around the majority's value, the value itself
    replaced by ``[?]``: what the row is about, in the sources' own words.
    """

    cluster: str
    type: DiscrepancyType | None
    label: str
    scope: str
    change_over_time: bool
    groups: tuple[ValueGroup, ...]
    majority: int | None
    cells: tuple[int, ...]
    frame: str

    @property
    def silent(self) -> int:
        """Sources that carry the statement without giving a value."""
        return self.cells.count(SILENT)

    @property
    def absent(self) -> int:
        """Sources that do not mention the statement."""
        return self.cells.count(ABSENT)

    def cell_of(self, index: int) -> ValueGroup | None:
        """The value group of the source at ``index`` of the order, None when silent or absent."""
        cell = self.cells[index]
        return self.groups[cell] if cell >= 0 else None


def article_values(cluster: Cluster) -> dict[str, tuple[str, Member | None]]:
    """Each source's value in a discrepancy cluster and the member that gives it.

    ``Cluster.values`` is the engine's one value per source; a member's own ``value`` fills
    in for a source the mapping leaves out.
    """
    found: dict[str, tuple[str, Member | None]] = {}
    for member in cluster.members:
        if member.article in found:
            continue
        value = cluster.values.get(member.article)
        if value is not None:
            giver = member if member.value is not None else None
            found[member.article] = (value, giver)
        elif member.value is not None:
            found[member.article] = (member.value, member)
    for article, value in cluster.values.items():
        found.setdefault(article, (value, None))
    return found


def value_rows(
    comparison: Comparison, order: Sequence[str], origin: Mapping[str, str]
) -> tuple[ValueRow, ...]:
    """One row per discrepancy cluster, in story order, with cells in ``order``."""
    position = {article: index for index, article in enumerate(order)}
    return tuple(
        _row(cluster, order, position, origin)
        for cluster in comparison.clusters
        if cluster.kind == "discrepancy"
    )


def _row(
    cluster: Cluster, order: Sequence[str], position: Mapping[str, int], origin: Mapping[str, str]
) -> ValueRow:
    given = {a: v for a, v in article_values(cluster).items() if a in position}
    by_key: dict[str, list[str]] = {}
    first_seen: dict[str, int] = {}
    for article, (value, _member) in given.items():
        key = value_key(value)
        by_key.setdefault(key, []).append(article)
        first_seen.setdefault(key, len(first_seen))
    ranked = sorted(
        by_key,
        key=lambda k: (
            -len({origin.get(a, a) for a in by_key[k]}),
            -len(by_key[k]),
            first_seen[k],
        ),
    )
    groups: list[ValueGroup] = []
    for rank, key in enumerate(ranked):
        articles = sorted(by_key[key], key=position.__getitem__)
        wordings = Counter(given[a][0] for a in articles)
        ordered = tuple(w for w, _ in sorted(wordings.items(), key=lambda item: (-item[1], item[0])))
        groups.append(
            ValueGroup(
                text=ordered[0],
                wordings=ordered,
                articles=tuple(articles),
                independent=len({origin.get(a, a) for a in articles}),
                colour=rank + 1 if rank < PALETTE else 0,
            )
        )
    group_of = {a: index for index, group in enumerate(groups) for a in group.articles}
    members = set(cluster.articles)
    cells = tuple(group_of.get(a, SILENT if a in members else ABSENT) for a in order)
    return ValueRow(
        cluster=cluster.id,
        type=cluster.discrepancy_type,
        label=cluster.label,
        scope=cluster.scope,
        change_over_time=cluster.change_over_time,
        groups=tuple(groups),
        majority=_majority(groups),
        cells=cells,
        frame=_frame(cluster, given, groups),
    )


def _majority(groups: Sequence[ValueGroup]) -> int | None:
    """The group most independent origins give; raw support breaks a tie; None if still tied."""
    if not groups:
        return None
    if len(groups) > 1:
        first, second = groups[0], groups[1]
        if (first.independent, first.support) == (second.independent, second.support):
            return None
    return 0


def _frame(
    cluster: Cluster, given: Mapping[str, tuple[str, Member | None]], groups: Sequence[ValueGroup]
) -> str:
    """The words around the leading value in its sentence, the value replaced by ``[?]``."""
    for group in groups:
        for article in group.articles:
            member = given[article][1]
            if member is None or member.value_start is None or member.value_end is None:
                continue
            if not member.start <= member.value_start <= member.value_end <= member.end:
                continue
            before = member.text[: member.value_start - member.start]
            after = member.text[member.value_end - member.start :]
            return " ".join(f"{_last_words(before)}[?]{_first_words(after)}".split())
    return " ".join(cluster.members[0].text.split()[: FRAME_WORDS * 2]) if cluster.members else ""


def _last_words(text: str) -> str:
    """The end of ``text`` holding its last ``FRAME_WORDS`` words, spacing as written."""
    starts = [match.start() for match in _WORD.finditer(text)]
    return text[starts[-FRAME_WORDS] :] if len(starts) >= FRAME_WORDS else text


def _first_words(text: str) -> str:
    """The start of ``text`` holding its first ``FRAME_WORDS`` words, spacing as written."""
    ends = [match.end() for match in _WORD.finditer(text)]
    return text[: ends[FRAME_WORDS - 1]] if len(ends) >= FRAME_WORDS else text
