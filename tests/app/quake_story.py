"""A small hand-built story and comparison for fast, deterministic reader tests.

Three sources report one quake. The facts sit at different depths in each article (so
"scroll every pane to its member" and synced scrolling are observable), with one number
discrepancy, one date discrepancy, two shared facts, one unique statement, an entity and a
boilerplate line.
"""

from __future__ import annotations

from tui.core.model import (
    Annotations,
    Article,
    Boilerplate,
    Cluster,
    Comparison,
    DiffPiece,
    Entity,
    Member,
    Mention,
    Story,
)

FILLER = "Background paragraph {i} of {source}: it repeats context that every reader already knows well."


def build_article(
    article_id: str,
    outlet: str,
    title: str,
    facts: dict[int, str],
    *,
    count: int = 40,
    editorial: bool = False,
    boilerplate_line: str | None = None,
) -> Article:
    """An article of ``count`` paragraphs: filler, with ``facts`` at the given paragraph indexes."""
    paragraphs = [facts.get(i, FILLER.format(i=i, source=outlet)) for i in range(count)]
    if boilerplate_line is not None:
        paragraphs.append(boilerplate_line)
    text = "\n".join(paragraphs)
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 1
    boilerplate = ()
    if boilerplate_line is not None:
        boilerplate = (Boilerplate(spans[-1][0], spans[-1][1], "donation plea"),)
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=title,
        text=text,
        outlet=outlet,
        date="2026-03-02",
        title_is_editorial=editorial,
        paragraphs=tuple(spans),
        boilerplate=boilerplate,
    )


def member(
    article: Article, sentence: str, value: str | None = None, diff: tuple[DiffPiece, ...] = ()
) -> Member:
    """The member of ``article`` whose text is ``sentence`` (found in the text)."""
    start = article.text.index(sentence)
    value_start = value_end = None
    if value is not None:
        value_start = article.text.index(value, start)
        value_end = value_start + len(value)
    return Member(
        article.id,
        start,
        start + len(sentence),
        sentence,
        value=value,
        value_start=value_start,
        value_end=value_end,
        diff=diff,
    )


def diff_of(sentence: str, value: str) -> tuple[DiffPiece, ...]:
    before, after = sentence.split(value, 1)
    return (DiffPiece(before, False), DiffPiece(value, True), DiffPiece(after, False))


QUAKE = "A strong earthquake struck the northern coast."
DEATHS_A = "At least 12 people were killed, officials said."
DEATHS_B = "At least 15 people were killed, officials said."
MAGNITUDE = "The Red Cross said the quake had a magnitude of 6.1."
DAY_A = "Rescue teams arrived on Monday."
DAY_B = "Rescue teams arrived on Tuesday."
BAKERY = "A local bakery stayed open all night to feed the rescuers."


def build_comparison(
    texts: dict[str, str] | None = None, annotations: Annotations | None = None
) -> Comparison:
    """The three-source quake comparison; ``texts`` can override outlets/titles (hostile tests)."""
    texts = texts or {}
    a = build_article(
        "a",
        texts.get("a_outlet", "Wire One"),
        texts.get("a_title", "Quake hits coast"),
        {0: QUAKE, 20: DEATHS_A, 35: MAGNITUDE, 38: DAY_A},
        boilerplate_line="Support our journalism: donate today.",
    )
    b = build_article(
        "b",
        "Daily Two",
        "Dozens feared dead",
        {0: QUAKE, 5: DEATHS_B, 30: MAGNITUDE, 36: DAY_B},
        editorial=True,
    )
    c = build_article("c", "Radio Three", "Coast shaken", {2: QUAKE, 10: MAGNITUDE, 25: DEATHS_A, 30: BAKERY})
    story = Story(title="Quake on the coast", path="quake", articles=(a, b, c))
    clusters = (
        Cluster(
            "shared-quake",
            "shared",
            "A strong earthquake struck the coast",
            (member(a, QUAKE), member(b, QUAKE), member(c, QUAKE)),
        ),
        Cluster(
            "disc-deaths",
            "discrepancy",
            "Death toll: 12 or 15",
            (
                member(a, DEATHS_A, "12", diff_of(DEATHS_A, "12")),
                member(b, DEATHS_B, "15", diff_of(DEATHS_B, "15")),
                member(c, DEATHS_A, "12", diff_of(DEATHS_A, "12")),
            ),
            discrepancy_type="number",
            values={"a": "12", "b": "15", "c": "12"},
        ),
        Cluster(
            "shared-magnitude",
            "shared",
            "The quake had a magnitude of 6.1",
            (member(a, MAGNITUDE), member(b, MAGNITUDE), member(c, MAGNITUDE)),
            entities=("red-cross",),
        ),
        Cluster("unique-bakery", "unique", "A bakery fed the rescuers", (member(c, BAKERY),)),
        Cluster(
            "disc-day",
            "discrepancy",
            "Rescue arrival: Monday or Tuesday",
            (
                member(a, DAY_A, "Monday", diff_of(DAY_A, "Monday")),
                member(b, DAY_B, "Tuesday", diff_of(DAY_B, "Tuesday")),
            ),
            discrepancy_type="date",
            values={"a": "Monday", "b": "Tuesday"},
        ),
    )
    entity = Entity("red-cross", "Red Cross", "organization")
    mentions = tuple(
        Mention(
            "red-cross",
            article.id,
            article.text.index("Red Cross"),
            article.text.index("Red Cross") + len("Red Cross"),
            "Red Cross",
        )
        for article in (a, b, c)
    )
    return Comparison(
        story=story,
        units={},
        clusters=clusters,
        annotations=annotations or Annotations(path=None, entities=(entity,)),
        mentions=mentions,
    )
