"""On land or at sea: "the quake struck inland" against "the quake struck off the coast".

Where an event happened is a fact a reader checks first, and one kind of it is said in a word:
inland, onshore, on land, against offshore, off the coast, at sea, or the event's verb with
"off" and a place ("struck off Sumatra", "sank off Tarawa"). Among aligned statements the two
sides are compared; across the story, the first such word each source gives for the story's
own event (in a sentence that dates no past event).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.compare.checks.base import DiscrepancyCheck, StatementContext, StoryContext
from tui.core.compare.checks.pairs import not_within_one_group
from tui.core.compare.finding import Finding, Value
from tui.core.model import Unit
from tui.core.text.memo import story_cache

_EVENT = r"(?:struck|strikes?|hit|hits|occurred|happened|erupted|sank|capsized|crashed|exploded|rocked|centred|centered)"
_SETTING = re.compile(
    rf"(?P<land>\b(?:inland|onshore|on land|ashore)\b)"
    rf"|(?P<sea>\b(?:offshore|off the (?:\w+ )?coast|at sea|undersea|underwater|out at sea)\b"
    rf"|\b{_EVENT}\s+off\s+(?:the\s+)?[A-Z][\w’'-]*)",
    re.IGNORECASE,
)


def setting(unit: Unit) -> tuple[str, Value] | None:
    """Whether the statement puts its event on land or at sea, with the words that say so."""
    found = _text_setting(unit.text)
    if found is None:
        return None
    kind, words, start, end = found
    return kind, Value(words, unit.start + start, unit.start + end)


@story_cache
def _text_setting(text: str) -> tuple[str, str, int, int] | None:
    match = _SETTING.search(text)
    if match is None:
        return None
    return "land" if match.group("land") else "sea", match.group(), match.start(), match.end()


def _finding(found: Sequence[tuple[Unit, str, Value]]) -> Finding | None:
    if len({kind for _u, kind, _v in found}) < 2:
        return None
    values = {u.article: v for u, _k, v in found}
    groups = tuple(
        tuple(u.article for u, k, _v in found if k == kind)
        for kind in dict.fromkeys(k for _u, k, _v in found)
    )
    return Finding("contradiction", values, groups, "on land or at sea", tuple(u for u, _k, _v in found))


def settings_in_statement(units: Sequence[Unit], context: StatementContext) -> list[Finding]:
    """Aligned statements that put one event on land and at sea."""
    found = [(u, *s) for u in units if (s := setting(u)) is not None]
    first: dict[str, tuple[Unit, str, Value]] = {}
    for entry in found:
        first.setdefault(entry[0].article, entry)
    result = _finding(list(first.values()))
    return [] if result is None else [result]


def settings_across_story(units: Sequence[Unit], context: StoryContext) -> list[Finding]:
    """The first land-or-sea word each source gives for the story's own event, when they differ."""
    first: dict[str, tuple[Unit, str, Value]] = {}
    for unit in sorted(units, key=lambda u: (context.story_order[u.article], u.start)):
        if unit.article in first:
            continue
        own = (context.articles[unit.article].date or "")[:4]
        if any(d.iso and d.iso[:4] != own and d.kind in ("year", "absolute", "month") for d in unit.dates):
            continue
        found = setting(unit)
        if found is not None:
            first[unit.article] = (unit, *found)
    ordered = [first[a] for a in sorted(first, key=lambda a: context.story_order[a])]
    result = _finding(ordered)
    return not_within_one_group([result], context.group_of) if result is not None else []


CHECK = DiscrepancyCheck("setting", settings_in_statement, settings_across_story)
