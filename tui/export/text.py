"""The plain-text export: for terminals, pagers and e-mail.

Nothing but printable characters and newlines, wrapped to 78 columns, so it reads the
same in ``less``, a mail client or a ticket. Differing values are marked »like this«,
since there is no bold.
"""

from __future__ import annotations

import textwrap

from tui.core.views.excerpts import Excerpt
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

WIDTH = 78


def _wrap(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    """``text`` as one paragraph wrapped to WIDTH, never splitting a word or a path."""
    return textwrap.wrap(
        oneline(text),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _underline(title: str, char: str) -> list[str]:
    lines = _wrap(title)
    return [*lines, char * min(WIDTH, max(len(line) for line in lines))]


def to_text(report: Report) -> str:
    """The report as plain wrapped text."""
    comparison = report.comparison
    out = [*_underline(story_title(comparison), "="), "", *_wrap(counts_line(report) + ".")]
    note = filter_line(report)
    if note:
        out += _wrap(note)
    for text in entity_lines(report):
        out += _wrap(text, "  ", "    ")
    out += ["", *_underline("Sources", "-"), *_wrap(folder_line(comparison))]
    for number, article in enumerate(comparison.articles, 1):
        name, title, date, file = source_row(comparison, article)
        out += _wrap(f"[{number}] {name}: {title}; {date}; {file}", "", "    ")
    for section in report.sections:
        out += ["", "", *_underline(section.title, "-")]
        for cluster, excerpts in section.clusters:
            out += ["", *_wrap(cluster_heading(cluster), "* ", "  ")]
            out += _wrap(cluster_facts(cluster), "  ", "  ")
            verdict = verdict_text(cluster.verdict)
            out += _wrap(f"Verdict: {verdict}" if verdict else "Verdict: none yet", "  ", "  ")
            if cluster.note:
                out += _wrap(f"Note: {cluster.note}", "  ", "  ")
            for excerpt in excerpts:
                out += ["", *_excerpt(excerpt)]
    if comparison.orphans:
        out += ["", "", *_underline(ORPHANS_TITLE, "-")]
        for orphan in comparison.orphans:
            out += _wrap(f"- {orphan_line(orphan)}", "", "  ")
    return "\n".join(out) + "\n"


def _excerpt(excerpt: Excerpt) -> list[str]:
    """One source's passage: citation, the quote with »values«, the text around it."""
    quote = "".join(f"\u00bb{run}\u00ab" if marked else run for run, marked in pieces(excerpt))
    lines = _wrap(citation(excerpt), "    ", "      ")
    lines += _wrap(oneline(quote).strip(), "    | ", "    | ")
    if excerpt.value:
        lines += _wrap(f"value: \u00bb{excerpt.value}\u00ab", "    ", "      ")
    before, after = context(excerpt)
    lines += _wrap(f"context: {before} [quote] {after}".rstrip(), "    ", "      ")
    return lines
