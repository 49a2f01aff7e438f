"""Wording shared by the Markdown, HTML and text exports.

Each format escapes differently, but they say the same things in the same order: this
module decides what (citation line, cluster heading, support, verdict), the format module
decides how it is escaped and laid out.
"""

from __future__ import annotations

import re
import unicodedata

from tui.core.load.sanitize import visible_text
from tui.core.model import CLUSTER_KINDS, Article, Cluster, ClusterKind, Comparison, Orphan, Verdict
from tui.core.views.excerpts import Excerpt, known, story_file
from tui.export.report import SECTION_ORDER, Report

ORPHANS_TITLE = "Curated claims that no longer match"
KIND_NAMES: dict[ClusterKind, str] = {
    "discrepancy": "Discrepancy",
    "shared": "Shared",
    "unique": "Unique",
}

_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_SPACE = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """Drop control characters (except newline), lone surrogates and bidi overrides.

    Article text is sanitised at load; this is the exporters' own last guard, because an
    export goes to terminals, mail clients and browsers that would act on such characters.
    """
    if text.isprintable():
        return text
    return "".join(
        ch for ch in text if ch == "\n" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in _BIDI)
    )


def oneline(text: str) -> str:
    """Text for a single display line: controls dropped, every run of whitespace one space."""
    return strip_controls(_SPACE.sub(" ", text))


def source_row(comparison: Comparison, article: Article) -> tuple[str, str, str, str]:
    """(source, title, date, file) of one article for the sources table, unknowns spelled out."""
    return (
        known(article.outlet) or f"{article.id} (outlet unknown)",
        known(article.title) or "untitled",
        known(article.date) or "undated",
        story_file(article.path, comparison.story.path),
    )


def folder_line(comparison: Comparison) -> str:
    """Where the story's files are, named once so citations can use short relative paths."""
    return f"Story folder: {visible_text(comparison.story.path)}"


def story_title(comparison: Comparison) -> str:
    """The story title, or its folder name when the title is unknown."""
    return known(comparison.story.title) or visible_text(comparison.story.path) or "Untitled story"


def counts_line(report: Report) -> str:
    """'5 sources; 3 discrepancies, 7 shared facts, 4 unique statements' for the selected clusters."""
    numbers = {
        kind: sum(len(s.clusters) for s in report.sections if s.kind == kind) for kind in CLUSTER_KINDS
    }
    words = {
        "discrepancy": ("discrepancy", "discrepancies"),
        "shared": ("shared fact", "shared facts"),
        "unique": ("unique statement", "unique statements"),
    }
    parts = [f"{numbers[k]} {words[k][numbers[k] != 1]}" for k in SECTION_ORDER]
    sources = len(report.comparison.articles)
    return f"{sources} source{'s' if sources != 1 else ''}; " + ", ".join(parts)


def filter_line(report: Report) -> str | None:
    """Says which part of the story this export holds, or None for all of it."""
    if report.entity is not None:
        return f"Only clusters that mention {report.entity.name} ({report.entity.id})."
    if report.only and report.only.strip():
        return f"Only {report.only.strip().lower()} clusters."
    return None


def entity_lines(report: Report) -> list[str]:
    """For an entity filter: who the entity is, which sources name it how often, which never do."""
    entity = report.entity
    if entity is None:
        return []
    comparison = report.comparison
    lines = [f"{entity.name}: {entity.type}" + (f"; {entity.description}" if entity.description else "")]
    aliases = [name for name in entity.names if name != entity.name]
    if aliases:
        lines.append("Also called: " + ", ".join(aliases))
    counts: dict[str, int] = {}
    for mention in comparison.mentions_of(entity.id):
        counts[mention.article] = counts.get(mention.article, 0) + 1
    named = [f"{_name(a)} ({counts[a.id]})" for a in comparison.articles if a.id in counts]
    silent = [_name(article) for article in comparison.articles if article.id not in counts]
    lines.append("Named by: " + (", ".join(named) if named else "no source"))
    if silent and named:
        lines.append("Never named by: " + ", ".join(silent))
    return lines


def _name(article: Article) -> str:
    return known(article.outlet) or article.id


def cluster_heading(cluster: Cluster) -> str:
    """'Discrepancy (number): label' / 'Shared: label'."""
    kind = KIND_NAMES[cluster.kind]
    if cluster.discrepancy_type:
        kind += f" ({cluster.discrepancy_type})"
    return f"{kind}: {cluster.label}"


def cluster_facts(cluster: Cluster) -> str:
    """Id, support and flags of a cluster in one line."""
    parts = [f"cluster {cluster.id}", support_text(cluster)]
    if cluster.scope == "story":
        parts.append("story-level")
    if cluster.change_over_time:
        parts.append("may be a change over time")
    if cluster.wire:
        parts.append("wire copy")
    if cluster.origin == "curated":
        parts.append("curated")
    return "; ".join(parts)


def support_text(cluster: Cluster) -> str:
    """'3 sources (1 independent)'."""
    text = f"{cluster.support} source{'s' if cluster.support != 1 else ''}"
    if cluster.independent_support and cluster.independent_support != cluster.support:
        text += f" ({cluster.independent_support} independent)"
    return text


def verdict_text(verdict: Verdict | None) -> str | None:
    """'true-conflict: note', or None when the user has given no verdict."""
    if verdict is None:
        return None
    return f"{verdict.kind}: {verdict.note}" if verdict.note else verdict.kind


def source_name(excerpt: Excerpt) -> str:
    """The outlet, or the article id when the outlet is unknown."""
    return excerpt.outlet or excerpt.article


def citation(excerpt: Excerpt) -> str:
    """'Outlet, "Title", 2025-03, path ¶4, chars 120-180': enough to find the passage by hand."""
    parts = [excerpt.outlet or "outlet unknown"]
    parts.append(f"\u201c{excerpt.title}\u201d" if excerpt.title else "untitled")
    parts.append(excerpt.date or "undated")
    parts.append(f"{excerpt.file or excerpt.path} \u00b6{excerpt.paragraph}")
    parts.append(f"chars {excerpt.start}\u2013{excerpt.end}")
    return oneline(", ".join(parts))


def orphan_line(orphan: Orphan) -> str:
    """One curated claim whose quote no longer matches exactly once, said plainly."""
    where = f" in {orphan.quote.article}" if orphan.quote.article else ""
    return (
        f"{orphan.claim}: \u201c{orphan.quote.exact}\u201d{where} matches {orphan.matches} times: "
        f"{orphan.message}"
    )


def pieces(excerpt: Excerpt) -> list[tuple[str, bool]]:
    """The quote cut into (text, emphasised) runs from the excerpt's emphasis spans.

    Emphasised runs never start or end with whitespace (Markdown's ``**`` and the text
    format's »« need the marked text to hug its markers).
    """
    runs: list[tuple[str, bool]] = []
    cursor = 0
    exact = excerpt.exact
    for start, end in sorted(excerpt.emphasis):
        while start < end and exact[start].isspace():
            start += 1
        while end > start and exact[end - 1].isspace():
            end -= 1
        if start < cursor or start == end:
            continue
        if start > cursor:
            runs.append((exact[cursor:start], False))
        runs.append((exact[start:end], True))
        cursor = end
    if cursor < len(exact):
        runs.append((exact[cursor:], False))
    return runs


def context(excerpt: Excerpt) -> tuple[str, str]:
    """The text just before and after the quote, one line each, with … where it was cut."""
    before = oneline(excerpt.prefix).lstrip()
    after = oneline(excerpt.suffix).rstrip()
    if excerpt.prefix_cut:
        before = "\u2026" + before
    if excerpt.suffix_cut:
        after += "\u2026"
    return before, after
