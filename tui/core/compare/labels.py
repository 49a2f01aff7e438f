"""The one-line summaries a reader sees in lists and exports ("Number differs: 60,000 (a) /
55,000 (b) troops"), and the short source names they use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tui.core.compare.finding import Finding
from tui.core.model import Member

SNIPPET = 72
VALUE_SNIPPET = 48
LABEL_IDS = 5
_TITLES: dict[str, str] = {
    "number": "Number differs",
    "date": "Date differs",
    "name": "Name differs",
    "spelling": "Spelled differently",
    "quote-wording": "Quote worded differently",
    "contradiction": "Contradiction",
    "other": "Differs",
}


def short_ids(article_ids: Sequence[str]) -> dict[str, str]:
    """Short names for labels: the id's leading part before the first dash when that is unique."""
    heads = {a: a.split("-", 1)[0] for a in article_ids}
    if len(set(heads.values())) == len(heads) and all(heads.values()):
        return heads
    return {a: a for a in article_ids}


def snippet(text: str, limit: int = SNIPPET) -> str:
    """One line of at most ``limit`` characters, cut at a word."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _id_list(ids: Sequence[str]) -> str:
    if len(ids) <= LABEL_IDS:
        return ", ".join(ids)
    return ", ".join(ids[: LABEL_IDS - 1]) + f" +{len(ids) - LABEL_IDS + 1} more"


def label_for(
    kind: str,
    finding: Finding | None,
    members: Sequence[Member],
    total: int,
    short: Mapping[str, str],
    over_time: bool,
) -> str:
    """The one-line summary a reader sees in lists and exports."""
    first = members[0]
    if kind == "unique":
        return f"Only in {short.get(first.article, first.article)}: {snippet(first.text)}"
    if kind == "shared" or finding is None:
        count = len({m.article for m in members})
        return f"Shared by {count} of {total}: {snippet(first.text)}"
    title = _TITLES[finding.type]
    if over_time:
        title += " (change over time)"
    parts = []
    for group in finding.groups:
        shown = [a for a in group if a in finding.values]
        if not shown:
            continue
        ids = _id_list([short.get(a, a) for a in shown])
        parts.append(f"{snippet(finding.values[shown[0]].text, VALUE_SNIPPET)} ({ids})")
    text = f"{title}: {' / '.join(parts)}"
    if finding.subject:
        text += f" {finding.subject}" if finding.type == "number" else f" [{finding.subject}]"
    if finding.caveat:
        text += f" ({finding.caveat})"
    return text
