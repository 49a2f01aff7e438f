"""Small hand-built comparisons for the export and excerpt tests.

``flood_comparison`` is a three-source story with one known number discrepancy (1,200 vs
1,500 residents, judged a true conflict), one fact all three share, and one statement unique
to each of two sources. ``hostile_comparison`` is a story whose text and metadata try every
injection a renderer could fall for.
"""

from __future__ import annotations

from tui.core.model import (
    Annotations,
    Article,
    Cluster,
    Comparison,
    Diagnostic,
    DiffPiece,
    Entity,
    Member,
    Mention,
    Orphan,
    Story,
    TextQuote,
    Verdict,
)


def make_article(article_id: str, text: str, **meta: str | None) -> Article:
    """An article whose paragraphs are its blank-line separated blocks, like the loader makes."""
    paragraphs = []
    start = 0
    for block in text.split("\n\n"):
        paragraphs.append((start, start + len(block)))
        start += len(block) + 2
    return Article(
        id=article_id, path=f"story/{article_id}.txt", text=text, paragraphs=tuple(paragraphs), **meta
    )  # type: ignore[arg-type]


def member(
    article: Article, phrase: str, value: str | None = None, *, diff: tuple[DiffPiece, ...] = ()
) -> Member:
    """The member covering the first occurrence of ``phrase``, with its value span located inside it."""
    start = article.text.index(phrase)
    value_start = value_end = None
    if value is not None:
        value_start = article.text.index(value, start)
        value_end = value_start + len(value)
    return Member(
        article.id,
        start,
        start + len(phrase),
        phrase,
        value=value,
        value_start=value_start,
        value_end=value_end,
        diff=diff,
    )


def mention(entity: str, article: Article, phrase: str) -> Mention:
    start = article.text.index(phrase)
    return Mention(entity, article.id, start, start + len(phrase), phrase)


LEDGER = make_article(
    "ledger",
    "Floodwaters forced 1,200 residents from their homes in Millbrook on Tuesday.\n\n"
    "Mayor Ana Ruiz said the levee held overnight.\n\n"
    "Volunteers handed out sandbags at the school.",
    outlet="Daily Ledger",
    title="Millbrook evacuates as river rises",
    date="2024-05-02",
)
TIMES = make_article(
    "times",
    "About 1,500 residents left Millbrook on Tuesday as the river rose.\n\n"
    "Mayor Ana Ruiz said the levee held overnight.\n\n"
    "The governor will visit on Friday.",
    outlet="Valley Times",
    title="Levee holds in Millbrook",
    date="unknown",
)
WIRE = make_article(
    "wire",
    "Officials said 1,200 people were evacuated in Millbrook.\n\nRuiz said that the levee held overnight.",
    outlet="unknown",
    title="Evacuations in Millbrook",
    date="2024-05-03",
)


def flood_comparison() -> Comparison:
    """Three sources; clusters d1 (number), s1 (shared, 3 sources), u1 and u2 (unique)."""
    articles = (LEDGER, TIMES, WIRE)
    clusters = (
        Cluster(
            "d1",
            "discrepancy",
            "How many residents left Millbrook",
            (
                member(
                    LEDGER,
                    "Floodwaters forced 1,200 residents from their homes in Millbrook on Tuesday.",
                    "1,200",
                ),
                member(TIMES, "About 1,500 residents left Millbrook on Tuesday as the river rose.", "1,500"),
            ),
            discrepancy_type="number",
            values={"ledger": "1,200", "times": "about 1,500"},
            independent_support=2,
            verdict=Verdict("true-conflict", "The Ledger counts households"),
        ),
        Cluster(
            "s1",
            "shared",
            "The mayor says the levee held",
            (
                member(LEDGER, "Mayor Ana Ruiz said the levee held overnight."),
                member(TIMES, "Mayor Ana Ruiz said the levee held overnight."),
                member(
                    WIRE,
                    "Ruiz said that the levee held overnight.",
                    diff=(
                        DiffPiece("Ruiz said ", False),
                        DiffPiece("that ", True),
                        DiffPiece("the levee held overnight.", False),
                    ),
                ),
            ),
            independent_support=2,
        ),
        Cluster(
            "u1",
            "unique",
            "Sandbag help from volunteers",
            (member(LEDGER, "Volunteers handed out sandbags at the school."),),
        ),
        Cluster(
            "u2",
            "unique",
            "Governor plans a visit",
            (member(TIMES, "The governor will visit on Friday."),),
            entities=("governor",),
        ),
    )
    entities = (
        Entity("ruiz", "Ana Ruiz", "person", aliases=("Ruiz", "Mayor Ana Ruiz")),
        Entity("millbrook", "Millbrook", "place"),
        Entity("governor", "the governor", "person"),
        Entity("nobody", "Nobody Mentioned", "person"),
    )
    mentions = (
        mention("millbrook", LEDGER, "Millbrook"),
        mention("ruiz", LEDGER, "Mayor Ana Ruiz"),
        mention("millbrook", TIMES, "Millbrook"),
        mention("ruiz", TIMES, "Mayor Ana Ruiz"),
        mention("governor", TIMES, "The governor"),
        mention("millbrook", WIRE, "Millbrook"),
        mention("ruiz", WIRE, "Ruiz"),
    )
    story = Story(
        "Millbrook flood",
        "story",
        articles,
        diagnostics=(Diagnostic("warning", "story/times.txt", "date is unknown", line=4, field="date"),),
    )
    annotations = Annotations("story/annotations.yaml", entities=entities)
    orphans = (Orphan("c9", TextQuote("the dam broke", article="wire"), 0, "quote not found in wire"),)
    return Comparison(story, {}, clusters, annotations, mentions=mentions, orphans=orphans)


HOSTILE_BITS = (
    "[bold]",
    "[/]",
    "[link=http://x]",
    "<script>alert(1)</script>",
    "& < > \" '",
    "[x](javascript:alert(1))",
    "**",
    "`",
    "\x1b[31m",
)
HOSTILE_TEXT = (
    "[bold]Breaking[/] [link=http://x]news[/link]: <script>alert(1)</script> & < > \" ' "
    "[x](javascript:alert(1)) **loud** `code` \x1b[31mred\x1b[0m and 42 <b>dead</b>.\n\n"
    "# Not a heading\n- not a list\n1. not a list <img src=x onerror=alert(1)> ![i](http://x/i.png)"
)


def hostile_comparison() -> Comparison:
    """Two sources whose every string tries markup, HTML, Markdown or terminal injection."""
    evil = make_article(
        "evil",
        HOSTILE_TEXT,
        outlet="[bold]Evil[/] <b>Outlet</b> & *Co*",
        title="<script>alert(1)</script> [x](javascript:alert(1)) `t`",
        date="\x1b[31m2024",
    )
    other = make_article(
        "other",
        "A calm report: 41 <b>dead</b>, says [link=http://x]the town[/link].\n\nNothing else.",
        outlet="Calm ** News",
        title="A [/] title",
        date="2024-01-01",
    )
    clusters = (
        Cluster(
            "d1",
            "discrepancy",
            "Death toll <script>alert(1)</script> [bold]x[/]",
            (
                member(evil, HOSTILE_TEXT.split("\n\n")[0], "42 <b>dead</b>"),
                member(
                    other,
                    "A calm report: 41 <b>dead</b>, says [link=http://x]the town[/link].",
                    "41 <b>dead</b>",
                ),
            ),
            discrepancy_type="number",
            values={"evil": "42 <b>dead</b>", "other": "41 <b>dead</b>"},
            verdict=Verdict("paraphrase", "[bold]note[/] <i>x</i> [x](javascript:alert(1))"),
        ),
        Cluster(
            "u1",
            "unique",
            "**Only** `here`",
            (member(evil, HOSTILE_TEXT.split("\n\n")[1]),),
            entities=("evil-co",),
        ),
    )
    entities = (Entity("evil-co", "[bold]Evil[/] <i>Corp</i> [x](javascript:alert(1))", "org"),)
    mentions = (mention("evil-co", evil, "[bold]Breaking[/]"),)
    story = Story("<script>alert('story')</script> [bold]T[/]", "hostile", (evil, other))
    return Comparison(story, {}, clusters, Annotations(None, entities=entities), mentions=mentions)
