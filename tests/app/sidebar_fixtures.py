"""A tiny hand-built comparison for the sidebar, grid, export and clipboard tests.

Three sources about one made-up event. Known facts the tests rely on:
- "Mara Voss" is named twice by the Ledger, once by the Courier, never by the Gazette.
- "[bold]x[/]" (an entity whose name is markup) is named once, by the Gazette only.
- Cluster "c1" is shared by all three; "c2" is a number discrepancy (300 vs 350).
"""

from __future__ import annotations

from tui.core.model import (
    Annotations,
    Article,
    Cluster,
    Comparison,
    Diagnostic,
    Entity,
    EntityType,
    Member,
    Mention,
    Story,
    SuggestedEntity,
)

LEDGER = "Mara Voss opened the bridge on Monday.\nVoss said 300 workers built it."
COURIER = "The bridge opened on Monday, said mayor Mara Voss.\nAbout 350 workers built it."
GAZETTE = "A bridge opened on Monday.\nThe [bold]x[/] crew of 300 workers finished early."


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(spans)


def _article(id: str, outlet: str, title: str, text: str) -> Article:
    return Article(
        id=id,
        path=f"/stories/bridge/{id}.txt",
        title=title,
        text=text,
        outlet=outlet,
        date="2025-03-10",
        paragraphs=_paragraphs(text),
    )


def _span(article: Article, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(needle, start + 1)
    return start, start + len(needle)


def _mention(entity: str, article: Article, needle: str, occurrence: int = 0) -> Mention:
    start, end = _span(article, needle, occurrence)
    return Mention(entity, article.id, start, end, needle)


def _member(article: Article, needle: str, value: str | None = None) -> Member:
    start, end = _span(article, needle)
    if value is None:
        return Member(article.id, start, end, needle)
    v_start = article.text.index(value, start)
    return Member(
        article.id, start, end, needle, value=value, value_start=v_start, value_end=v_start + len(value)
    )


def tiny_comparison(*, errors: bool = False, annotations_path: str | None = None) -> Comparison:
    """The three-source comparison described in the module docstring."""
    ledger = _article("ledger", "The Ledger", "Bridge opens", LEDGER)
    courier = _article("courier", "Courier [/]", "Mayor opens bridge", COURIER)
    gazette = _article("gazette", "Gazette", "A new bridge", GAZETTE)
    story = Story(title="Bridge", path="/stories/bridge", articles=(ledger, courier, gazette))
    entities = (
        Entity("mara-voss", "Mara Voss", "person", aliases=("Voss",)),
        Entity("bold-x", "[bold]x[/]", "group"),
        Entity("slash", "[/]", "group"),
    )
    mentions = (
        _mention("mara-voss", ledger, "Mara Voss"),
        _mention("mara-voss", ledger, "Voss", 1),
        _mention("mara-voss", courier, "Mara Voss"),
        _mention("bold-x", gazette, "[bold]x[/]"),
    )
    clusters = (
        Cluster(
            "c1",
            "shared",
            "The bridge opened on Monday",
            (
                _member(ledger, "Mara Voss opened the bridge on Monday."),
                _member(courier, "The bridge opened on Monday, said mayor Mara Voss."),
                _member(gazette, "A bridge opened on Monday."),
            ),
            entities=("mara-voss",),
        ),
        Cluster(
            "c2",
            "discrepancy",
            "How many workers built it",
            (
                _member(ledger, "Voss said 300 workers built it.", "300"),
                _member(courier, "About 350 workers built it.", "350"),
                _member(gazette, "The [bold]x[/] crew of 300 workers finished early.", "300"),
            ),
            discrepancy_type="number",
            values={"ledger": "300", "courier": "350", "gazette": "300"},
            entities=("mara-voss", "bold-x"),
        ),
    )
    diagnostics = (
        (Diagnostic("error", "annotations.yaml", "entity [/] has no type", line=7),) if errors else ()
    )
    annotations = Annotations(
        annotations_path,
        entities,
        (EntityType("person", "#ff8800"), EntityType("group", "not-a-colour")),
        diagnostics=diagnostics,
    )
    return Comparison(
        story=story,
        units={},
        clusters=clusters,
        annotations=annotations,
        mentions=mentions,
        suggestions=(SuggestedEntity("Monday Crew [/]", ("ledger", "courier"), 2),),
    )
