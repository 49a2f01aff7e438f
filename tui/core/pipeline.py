"""From a loaded story to the one ``Comparison`` every view and export reads.

annotations -> mentions -> units -> alignment -> classification -> story-level checks ->
shared phrases and wire copy -> curated claims -> entity suggestions. The app runs this in a
worker, so it reports progress and stops early when asked.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from tui.core.annotate.claims import apply_claims
from tui.core.compare.align import Cancelled, align_units, token_weights
from tui.core.compare.checks import StatementContext, statement_findings, story_findings
from tui.core.compare.checks.substituted_name import common_name_words
from tui.core.compare.cluster import build_cluster
from tui.core.compare.finding import Finding
from tui.core.compare.labels import short_ids
from tui.core.compare.phrases import find_reuse, origins
from tui.core.compare.timing import change_over_time
from tui.core.model import Annotations, Article, Cluster, Comparison, Mention, Orphan, Quote, Story, Unit
from tui.core.text.memo import clear_story_caches
from tui.core.text.mentions import find_mentions, suggest_entities
from tui.core.text.normalize import fold
from tui.core.text.segment import segment_article

Progress = Callable[[float, str], None]


class ComparisonCancelled(Exception):
    """The caller asked the comparison to stop (the user opened another story or quit)."""


def build_comparison(
    story: Story,
    annotations: Annotations | None = None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare every article of ``story`` with every other and return the whole result.

    The result depends only on the articles' ids and contents, never on the order they were
    given in. Raises ``ComparisonCancelled`` when ``should_stop()`` turns true.

    The cyclic garbage collector is paused meanwhile: the comparison makes millions of
    objects and no reference cycles, and each full collection over that growing heap held
    the interpreter lock for up to a second, freezing the reader that runs this in a worker
    (and costing the export ~13% of its time on a 10 MB article). The per-text caches of
    :mod:`tui.core.text.memo` are emptied when it ends.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(story, annotations, progress, should_stop)
    finally:
        clear_story_caches()
        if collecting:
            gc.enable()


def _build(
    story: Story,
    annotations: Annotations | None,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> Comparison:
    def step(fraction: float, message: str) -> None:
        if should_stop is not None and should_stop():
            raise ComparisonCancelled()
        if progress is not None:
            progress(fraction, message)

    step(0.0, "Reading annotations")
    if annotations is None:
        annotations = _annotations_of(story)
    articles = sorted(story.articles, key=lambda a: a.id)
    by_id = {a.id: a for a in articles}
    story_order = {a.id: i for i, a in enumerate(articles)}
    short = short_ids([a.id for a in articles])

    step(0.02, "Finding entity mentions")
    mentions: tuple[Mention, ...] = tuple(find_mentions(articles, annotations.entities))
    mentions_of: dict[str, list[Mention]] = {a.id: [] for a in articles}
    for mention in mentions:
        mentions_of.setdefault(mention.article, []).append(mention)

    units: dict[str, tuple[Unit, ...]] = {}
    for done, article in enumerate(articles):
        step(0.05 + 0.2 * done / max(len(articles), 1), f"Cutting {article.id} into statements")
        units[article.id] = segment_article(article, mentions_of[article.id])
    compared = [u for a in articles for u in units[a.id] if not u.is_boilerplate]

    step(0.25, "Aligning statements")
    try:
        groups = align_units(
            compared,
            mentions_of,
            progress=lambda f: step(0.25 + 0.35 * f, "Aligning statements"),
            should_stop=should_stop,
        )
    except Cancelled as stop:
        raise ComparisonCancelled() from stop

    step(0.6, "Comparing what the statements say")
    context = StatementContext(
        story_order, by_id, _quotes_by_unit(units), common_name_words(compared, len(articles))
    )
    found: list[list[Finding]] = []
    for done, group in enumerate(groups):
        if done % 256 == 0:
            step(0.6 + 0.15 * done / max(len(groups), 1), "Comparing what the statements say")
        found.append(statement_findings(group, context))

    step(0.75, "Checking the story as a whole")
    group_of = {u.id: g for g, group in enumerate(groups) for u in group if len(group) > 1}
    shown = _shown_values(f for findings in found for f in findings)
    across = [
        f
        for f in story_findings(compared, token_weights(compared), story_order, mentions_of, group_of, by_id)
        if not _already_shown(f, shown)
    ]
    clusters: list[Cluster] = []
    for group, findings in zip(groups, found, strict=True):
        kept = [f for f in findings if not _repeats_story_figures(f, across) and not _later_quote(f, by_id)]
        for finding in kept or (None,):
            clusters.append(
                build_cluster(group, finding, articles=by_id, story_order=story_order, short=short)
            )
    for finding in across:
        clusters.append(
            build_cluster(
                finding.units, finding, articles=by_id, story_order=story_order, short=short, scope="story"
            )
        )

    step(0.85, "Finding shared phrases and wire copy")
    phrases, wire = find_reuse(articles)
    origin = origins([a.id for a in articles], wire)
    clusters = _numbered([_with_support(c, origin) for c in clusters], story_order)

    step(0.92, "Applying curated claims")
    orphans: tuple[Orphan, ...] = ()
    if annotations.claims:
        curated, orphans = apply_claims(tuple(clusters), annotations.claims, articles)
        clusters = list(curated)

    step(0.96, "Suggesting entities")
    suggestions = tuple(suggest_entities(articles, annotations.entities, mentions))
    step(1.0, "Done")
    return Comparison(
        story=story,
        units=units,
        clusters=tuple(clusters),
        annotations=annotations,
        mentions=mentions,
        phrases=phrases,
        wire=wire,
        suggestions=suggestions,
        orphans=tuple(orphans),
    )


def _annotations_of(story: Story) -> Annotations:
    """The story's annotation file, read; without one, nothing (and no YAML parser loaded)."""
    if not story.annotations_path:
        return Annotations(path=None)
    from tui.core.annotate.schema import load_annotations

    return load_annotations(Path(story.annotations_path))


def _value_key(text: str) -> str:
    return " ".join(fold(text).split())


def _shown_values(findings: Iterable[Finding]) -> dict[tuple[str, int, int], set[str]]:
    """Each value span a statement discrepancy shows, with all the values that finding gives."""
    shown: dict[tuple[str, int, int], set[str]] = {}
    for finding in findings:
        values = {_value_key(v.text) for v in finding.values.values()}
        for article, value in finding.values.items():
            shown[(article, value.start, value.end)] = values
    return shown


def _repeats_story_figures(finding: Finding, across: Sequence[Finding]) -> bool:
    """A statement's figures that only repeat, source by source, the figures a story-level
    finding already shows (the headline's "five dead" against another source's quote of its
    toll) add nothing: the statement is shown as shared, the toll once."""
    if finding.type != "number":
        return False
    mine = {a: _digits(v.text) for a, v in finding.values.items()}
    return any(
        story.type == "number"
        and all(a in story.values and _digits(story.values[a].text) == figure for a, figure in mine.items())
        for story in across
    )


def _later_quote(finding: Finding, articles: Mapping[str, Article]) -> bool:
    """Words a speaker says months apart are two quotes, not one quote worded two ways."""
    return finding.type == "quote-wording" and change_over_time(finding.groups, articles)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit()) or _value_key(text)


def _already_shown(finding: Finding, shown: Mapping[tuple[str, int, int], set[str]]) -> bool:
    """A story-level finding adds nothing when an aligned statement already shows one of its
    values and every value it gives (it may only add sources that repeat a known value)."""
    values = {_value_key(v.text) for v in finding.values.values()}
    return any(values <= shown.get((a, v.start, v.end), set()) for a, v in finding.values.items())


def _quotes_by_unit(units: Mapping[str, Sequence[Unit]]) -> Callable[[Unit], Sequence[Quote]]:
    """Quotes that overlap a unit, wherever they were attributed: a quotation running over
    several sentences is compared in each of them."""
    by_article: dict[str, list[Quote]] = {}
    for article, article_units in units.items():
        spans = {(q.start, q.end): q for u in article_units for q in u.quotes}
        by_article[article] = [spans[k] for k in sorted(spans)]

    def quotes_of(unit: Unit) -> Sequence[Quote]:
        return [q for q in by_article.get(unit.article, ()) if q.start < unit.end and unit.start < q.end]

    return quotes_of


def _with_support(cluster: Cluster, origin: Mapping[str, str]) -> Cluster:
    articles = cluster.articles
    independent = len({origin.get(a, a) for a in articles})
    return replace(cluster, wire=independent < len(articles), independent_support=independent)


def _numbered(clusters: Sequence[Cluster], story_order: Mapping[str, int]) -> list[Cluster]:
    """Order clusters by where they first appear (first carrying article, then offset) and give
    them ids in that order, so ids are stable for the same story."""

    def position(cluster: Cluster) -> tuple[object, ...]:
        first = cluster.members[0]
        return (
            story_order[first.article],
            first.start,
            cluster.scope != "statement",
            first.end,
            cluster.label,
            tuple((m.article, m.start) for m in cluster.members),
        )

    ordered = sorted(clusters, key=position)
    width = max(3, len(str(len(ordered))))
    return [replace(c, id=f"c{n:0{width}d}") for n, c in enumerate(ordered, start=1)]
