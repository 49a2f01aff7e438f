"""The HTML export: one self-contained page to open in a browser, mail or archive.

No scripts and no external resources (a Content-Security-Policy says so to the browser as
well); every piece of article text and metadata goes through ``html.escape``. Highlights
are ``<mark>`` elements whose kind shows as a text label and a distinct underline style,
never by colour alone, and the colours work in light and dark schemes.
"""

from __future__ import annotations

import html
from dataclasses import replace

from tui import __version__
from tui.core.model import Article, ClusterKind, Comparison, Mark
from tui.core.views.excerpts import Excerpt
from tui.core.views.marks import LAYER_ORDER, all_marks
from tui.export.glance import overview_of
from tui.export.glance_html import overview_css, overview_html
from tui.export.phrasing import (
    KIND_NAMES,
    ORPHANS_TITLE,
    citation,
    cluster_facts,
    context,
    counts_line,
    entity_lines,
    filter_line,
    folder_line,
    oneline,
    orphan_line,
    pieces,
    source_name,
    source_row,
    story_title,
    strip_controls,
    verdict_text,
)
from tui.export.report import Report

_CSS = """
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #5a5a5a; --rule: #d0d0d0;
  --shared: #d8f0dc; --discrepancy: #ffe0b8; --unique: #dde6ff; --value: #ffd24d; --value-fg: #000000; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #16181c; --muted: #a8a8a8; --rule: #3a3d44;
    --shared: #1f4a2a; --discrepancy: #5a3a10; --unique: #23305c;
    --value: #e0b000; --value-fg: #000000; }
}
body { font: 16px/1.55 system-ui, sans-serif; color: var(--fg); background: var(--bg);
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
section.cluster { border-top: 1px solid var(--rule); margin-top: 1.5rem; }
.facts, .cite, .context { color: var(--muted); font-size: .9rem; }
blockquote { margin: .8rem 0; padding: .2rem .8rem; border-left: 4px solid var(--rule); }
blockquote.discrepancy { border-left-style: double; border-left-width: 6px; }
mark { color: inherit; padding: 0 .1em; }
mark.shared { background: var(--shared); border-bottom: 2px solid currentColor; }
mark.discrepancy { background: var(--discrepancy); border-bottom: 2px dashed currentColor; }
mark.unique { background: var(--unique); border-bottom: 2px dotted currentColor; }
mark.value { background: var(--value); color: var(--value-fg); font-weight: bold;
  outline: 1px solid currentColor; }
.tag { font: bold .75rem/1 ui-monospace, monospace; text-transform: uppercase; letter-spacing: .04em;
  border: 1px solid currentColor; border-radius: 3px; padding: .1rem .3rem; margin-right: .4rem; }
.verdict { font-weight: bold; }
.text { white-space: pre-wrap; }
.boilerplate { opacity: .6; font-style: italic; }
sup.ref { font: .7rem ui-monospace, monospace; color: var(--muted); }
"""

PAINTED = ("boilerplate", "unique", "shared", "discrepancy", "value")
"""The mark kinds the full article texts show, in painting order (outermost first)."""


def _e(text: str | None) -> str:
    """Escaped for HTML text and attributes, with control characters dropped."""
    return html.escape(strip_controls(text or ""), quote=True)


def to_html(report: Report) -> str:
    """The report as one standalone HTML document."""
    comparison = report.comparison
    title = story_title(comparison)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f'<meta name="generator" content="storydiff {_e(__version__)}">',
        f"<title>{_e(title)}: storydiff</title>",
        f"<style>{_CSS}\n{overview_css() if report.has_overview else ''}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(counts_line(report))}.</p>",
    ]
    note = filter_line(report)
    if note:
        out.append(f'<p class="facts">{_e(note)}</p>')
    out += [f"<p>{_e(text)}</p>" for text in entity_lines(report)]
    out += [
        "<h2>Sources</h2>",
        f'<p class="facts">{_e(folder_line(comparison))}</p>',
        "<table>",
        "<tr><th>Source</th><th>Title</th><th>Date</th><th>File</th></tr>",
    ]
    for article in comparison.articles:
        cells = "".join(f"<td>{_e(oneline(cell))}</td>" for cell in source_row(comparison, article))
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    if report.has_overview:
        out += overview_html(overview_of(comparison), _e)
    for section in report.sections:
        out.append(f"<h2>{_e(section.title)}</h2>")
        for cluster, excerpts in section.clusters:
            out.append(f'<section class="cluster" id="{_e(cluster.id)}">')
            tag = _e(_label(cluster.kind, cluster.discrepancy_type))
            out.append(f'<h3><span class="tag">{tag}</span>{_e(cluster.label)}</h3>')
            out.append(f'<p class="facts">{_e(cluster_facts(cluster))}</p>')
            verdict = verdict_text(cluster.verdict)
            out.append(
                f'<p class="verdict">Verdict: {_e(verdict)}</p>'
                if verdict
                else '<p class="facts">Verdict: none yet</p>'
            )
            if cluster.note:
                out.append(f"<p>Note: {_e(cluster.note)}</p>")
            out += [_excerpt(excerpt) for excerpt in excerpts]
            out.append("</section>")
    if comparison.articles:
        chosen = tuple(cluster for section in report.sections for cluster, _ in section.clusters)
        painted = replace(comparison, clusters=chosen)
        out += [
            "<h2>Articles</h2>",
            '<p class="facts">Highlighted: <mark class="shared" title="shared">shared</mark> [S], '
            '<mark class="discrepancy" title="discrepancy">discrepancy</mark> [D], '
            '<mark class="unique" title="unique">unique</mark> [U], '
            '<mark class="value" title="differing value">differing value</mark>; '
            '<span class="boilerplate">not part of the story</span>. '
            "The label after each highlight names its cluster.</p>",
        ]
        marks = all_marks(painted)  # one pass over the clusters, not one per article
        out += [_article(painted, article, marks[article.id]) for article in comparison.articles]
    if comparison.orphans:
        out += [f"<h2>{_e(ORPHANS_TITLE)}</h2>", "<ul>"]
        out += [f"<li>{_e(orphan_line(orphan))}</li>" for orphan in comparison.orphans]
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _label(kind: ClusterKind, discrepancy_type: str | None) -> str:
    """The visible label of a highlight kind ("discrepancy · number"): colour is never the only cue."""
    label = KIND_NAMES[kind].lower()
    return f"{label} \u00b7 {discrepancy_type}" if discrepancy_type else label


def _excerpt(excerpt: Excerpt) -> str:
    """One source's passage: context, the quote in a labelled mark, the value marked inside it."""
    inner = "".join(
        f'<mark class="value" title="differing value">{_e(text)}</mark>' if emphasised else _e(text)
        for text, emphasised in pieces(excerpt)
    )
    label = _label(excerpt.kind, excerpt.discrepancy_type)
    before, after = context(excerpt)
    value = ""
    if excerpt.value:
        value = f' \u00b7 value: <mark class="value" title="differing value">{_e(excerpt.value)}</mark>'
    return (
        f'<blockquote class="{excerpt.kind}">'
        f'<p><span class="tag">{_e(source_name(excerpt))}</span>'
        f'<span class="context">{_e(before)}</span>'
        f'<mark class="{excerpt.kind}" title="{_e(label)}">{inner}</mark>'
        f'<span class="context">{_e(after)}</span></p>'
        f'<p class="cite">{_e(label)} \u2014 {_e(citation(excerpt))}{value}</p>'
        "</blockquote>"
    )


def _article(comparison: Comparison, article: Article, highlights: tuple[Mark, ...]) -> str:
    """One article's whole text with its highlights; overlapping marks are split so they nest."""
    layer = {kind: index for index, kind in enumerate(LAYER_ORDER)}
    painted = (m for m in highlights if m.kind in PAINTED)
    marks = sorted(painted, key=lambda m: layer[m.kind])
    cuts = sorted({0, len(article.text), *(m.start for m in marks), *(m.end for m in marks)})
    ends: dict[int, list[Mark]] = {}
    for mark in marks:
        if mark.kind in ("shared", "discrepancy", "unique"):
            ends.setdefault(mark.end, []).append(mark)
    body: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        chunk = _e(article.text[start:end])
        for mark in reversed([m for m in marks if m.start <= start and end <= m.end]):
            chunk = _wrap(mark, chunk)
        body.append(chunk)
        for mark in ends.get(end, ()):
            body.append(f'<sup class="ref">[{mark.kind[0].upper()} {_e(mark.cluster)}]</sup>')
    heading = ", ".join(source_row(comparison, article))
    return (
        f'<section class="article" id="article-{_e(article.id)}">'
        f"<h3>{_e(oneline(heading))}</h3>"
        f'<div class="text">{"".join(body)}</div></section>'
    )


def _wrap(mark: Mark, chunk: str) -> str:
    if mark.kind == "boilerplate":
        return f'<span class="boilerplate" title="not part of the story">{chunk}</span>'
    title = "differing value" if mark.kind == "value" else f"{mark.kind} {mark.cluster or ''}".strip()
    return f'<mark class="{mark.kind}" title="{_e(title)}">{chunk}</mark>'
