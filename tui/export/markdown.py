"""The Markdown export: a briefing a person reads, pastes into a ticket or converts to a document.

Article text and metadata are untrusted: every character Markdown (CommonMark or GFM)
could act on is backslash-escaped, and raw HTML can never form because ``<`` and ``&``
are escaped too, so a hostile article cannot inject a link, an image, HTML or formatting.
"""

from __future__ import annotations

import re

from tui.core.views.excerpts import Excerpt
from tui.export.glance import overview_of
from tui.export.glance_markdown import overview_markdown
from tui.export.phrasing import (
    ORPHANS_TITLE,
    citation,
    cluster_facts,
    cluster_heading,
    context,
    counts_line,
    entity_lines,
    filter_line,
    folder_line,
    oneline,
    orphan_line,
    pieces,
    source_row,
    story_title,
    verdict_text,
)
from tui.export.report import Report

# Everything CommonMark lets a backslash escape that can start or end markup mid-line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#~!])")
# Constructs that only mean something at the start of a line (lists, headings, rules).
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """``text`` on one line, with no character left that Markdown would treat as markup."""
    escaped = _SPECIAL.sub(r"\\\1", oneline(text))
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2)[0].isdigit():
        return escaped[: match.end()] + "\\" + escaped[match.end() :]
    return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]


def _bold(text: str) -> str:
    """``text`` escaped and in bold (``**`` must hug non-space text, so it is stripped)."""
    core = text.strip()
    return f"**{escape_markdown(core)}**" if core else ""


def to_markdown(report: Report) -> str:
    """The report as a Markdown briefing."""
    comparison = report.comparison
    out: list[str] = [f"# {escape_markdown(story_title(comparison))}", ""]
    out.append(escape_markdown(counts_line(report) + "."))
    note = filter_line(report)
    if note:
        out += ["", f"*{escape_markdown(note)}*"]
    out += [line for text in entity_lines(report) for line in ("", escape_markdown(text))]
    out += [
        "",
        "## Sources",
        "",
        escape_markdown(folder_line(comparison)),
        "",
        "| Source | Title | Date | File |",
        "| --- | --- | --- | --- |",
    ]
    for article in comparison.articles:
        out.append("| " + " | ".join(escape_markdown(c) for c in source_row(comparison, article)) + " |")
    if report.has_overview:
        out += ["", *overview_markdown(overview_of(comparison), escape_markdown)]
    for section in report.sections:
        out += ["", f"## {escape_markdown(section.title)}"]
        for cluster, excerpts in section.clusters:
            out += ["", f"### {escape_markdown(cluster_heading(cluster))}", ""]
            out.append(escape_markdown(cluster_facts(cluster)))
            verdict = verdict_text(cluster.verdict)
            out += ["", f"**Verdict:** {escape_markdown(verdict)}" if verdict else "Verdict: none yet"]
            if cluster.note:
                out += ["", f"Note: {escape_markdown(cluster.note)}"]
            for excerpt in excerpts:
                out += ["", *_excerpt(excerpt)]
    if comparison.orphans:
        out += ["", f"## {ORPHANS_TITLE}", ""]
        out += [f"- {escape_markdown(orphan_line(orphan))}" for orphan in comparison.orphans]
    return "\n".join(out) + "\n"


def _excerpt(excerpt: Excerpt) -> list[str]:
    """One source's passage: the quote with its differing value in bold, then its citation."""
    quote = "".join(
        _bold(text) if emphasised else escape_markdown(text) for text, emphasised in pieces(excerpt)
    )
    lines = [f"> {quote}", ">"]
    value = f" \u00b7 value: {_bold(excerpt.value)}" if excerpt.value else ""
    lines.append(f"> \u2014 {escape_markdown(citation(excerpt))}{value}")
    before, after = context(excerpt)
    context_line = f"{before}[quote]{after}".strip()
    lines += [">", f"> Context: {escape_markdown(context_line)}"]
    return lines
