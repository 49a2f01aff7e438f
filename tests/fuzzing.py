"""A seeded fuzzer for the whole pipeline: article bytes -> Article -> Comparison -> every export.

Shared by tests/test_fuzz.py (a few seconds, fixed seeds) and tests/benchmarks/fuzz_long.py
(as many cases as asked). Inputs mix plausible news sentences (numbers, dates, quotes,
names, so the engine finds agreements and discrepancies) with markup, terminal escapes,
HTML, odd Unicode, invalid UTF-8 and very long lines. ``run_case`` never raises: it returns
every broken invariant as a message, so a long run can count failures instead of stopping.
"""

from __future__ import annotations

import html
import json
import random
import re
import traceback
from dataclasses import dataclass, field

from tui.core.load.corpus import parse_article_bytes
from tui.core.model import Annotations, Article, Comparison, Entity, Story
from tui.core.pipeline import build_comparison
from tui.core.views.marks import marks_for
from tui.export import FORMATS, ExportRequest, render

HOSTILE = (
    "[bold]",
    "[/]",
    "[/",
    "[link=http://x]y[/link]",
    "[red on blue]",
    "\\[",
    "[0]",
    "[sic]",
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J",
    "\x1b[31m",
    "\x1b[7m",
    "\x1bP1$q\x1b\\",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\x07",
    "\x08",
    "\x00",
    "\x7f",
    "\x85",
    "\r\n",
    "\r",
    "\t",
    "\v\f",
    "\u202e",
    "\u2066",
    "\u200f",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\u2029",
    "e\u0301",
    "\u0301\u0301\u0301",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u05e9\u05dc\u05d5\u05dd",
    "\U0001f600",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\u4e2d\u6587",
    "\uff21",
    "\ufffd",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&lt;",
    "]]>",
    "-->",
    "*",
    "_",
    "`",
    "|",
    "#",
    "> ",
    "---",
    "\\",
    "$",
    "{",
    "}",
    "%s",
    "{0}",
)
WORDS = (
    "the",
    "officials",
    "said",
    "people",
    "were",
    "killed",
    "injured",
    "in",
    "a",
    "blast",
    "on",
    "Monday",
    "Tuesday",
    "Smith",
    "Jones",
    "Mr.",
    "police",
    "fire",
    "about",
    "at least",
    "more than",
    "per cent",
    "km",
    "the minister",
    "told",
    "reporters",
    "harbour",
    "city",
    "council",
    "Acme Corp",
)
SENTENCES = (
    "Officials said {n} people were killed in the blast on {d}.",
    "At least {n} people were injured, police said.",
    "\u201cWe will rebuild,\u201d said Mayor {p}.",
    "The fire started at about {n} a.m. on {d}, the council said.",
    "{p} told reporters the damage would cost ${n} million.",
    "Rescue teams searched the harbour for {n} hours.",
)
TAGS = (
    "p",
    "div",
    "span",
    "b",
    "a",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "form",
    "nav",
    "header",
    "button",
    "article",
    "section",
    "h1",
    "h2",
    "pre",
    "script",
    "style",
    "noscript",
    "aside",
    "figure",
    "figcaption",
    "main",
    "template",
    "select",
    "option",
    "iframe",
    "svg",
    "head",
    "body",
    "title",
)
ATTRIBUTES = (
    "",
    "hidden",
    "aria-hidden='true'",
    "style='display:none'",
    "class='sidebar'",
    "class='comments'",
    "class='related-posts'",
    "class='article-body'",
    "itemprop='articleBody'",
    "role='navigation'",
    "href='https://x'",
    "class='\u202e&#x202E;'",
    "id='&#27;]0;t&#7;'",
)
ENTITIES = (
    "&#27;",
    "&#x1b;",
    "&#x9b;",
    "&#155;",
    "&#x202E;",
    "&#8238;",
    "&#x2066;",
    "&#0;",
    "&#x85;",
    "&#7;",
    "&amp;",
    "&lt;script&gt;",
    "&#x110000;",
    "&#xD800;",
    "&nbsp;",
    "&#x1F600;",
    "&#x2028;",
)
JSON_LD = (
    '{"@type": "NewsArticle", "headline": "Blast \\u001b]0;PWNED\\u0007 at the harbour", '
    '"author": {"name": "https://evil.example/me"}, "datePublished": "2025-03-24"}',
    '{"@graph": [{"@type": "Article", "author": {"@id": "#a"}}, {"@id": "#a", "name": "\\u202eJo"}]}',
    '{"@type": "NewsArticle", "headline": ',
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" * 200,
    "null",
)
FLOOD_KEYS: tuple[tuple[str, str | None], ...] = (
    *((key, None) for key in ("tab", "shift+tab", "enter", "escape", "ctrl+p", "pagedown", "pageup")),
    *((key, None) for key in ("up", "down", "home", "end", "backspace", "ctrl+s")),
    *((name, char) for char, name in (("[", "left_square_bracket"), ("]", "right_square_bracket"))),
    *((name, char) for char, name in (("{", "left_curly_bracket"), ("}", "right_curly_bracket"))),
    *((name, char) for char, name in (("<", "less_than_sign"), (">", "greater_than_sign"))),
    *((name, char) for char, name in (("?", "question_mark"), ("/", "slash"), (" ", "space"))),
    *((char, char) for char in "jkgGnNeEsxyfzpambM12345"),
)
"""Keys a user (or a stuck key, or a paste into the terminal) can send the reader: every binding
and the keys of its dialogs, as (key, character) the way a terminal driver reports them."""
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal or a file: C0 (except newline; tabs are expanded), DEL, C1,
bidi controls."""


@dataclass
class Tally:
    """What a fuzz run went through, and every broken invariant it found."""

    cases: int = 0
    articles: int = 0
    clusters: int = 0
    discrepancies: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.articles += other.articles
        self.clusters += other.clusters
        self.discrepancies += other.discrepancies
        self.failures.extend(other.failures)


def _noise(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return rng.choice(HOSTILE)
    if pick < 0.8:
        return rng.choice(WORDS)
    return chr(rng.choice((rng.randrange(0x20, 0x2FFF), rng.randrange(0x80, 0xA0), rng.randrange(0, 0x20))))


def _sentence(rng: random.Random) -> str:
    template = rng.choice(SENTENCES)
    text = template.format(
        n=rng.choice(("12", "1,200", "3.5", "40", "forty", "12-15")),
        d=rng.choice(("Monday", "March 24, 2025", "24 March", "yesterday")),
        p=rng.choice(("Smith", "Jones", "[bold]Evil[/]", "O\u2019Brien")),
    )
    words = text.split(" ")
    for _ in range(rng.randrange(3)):
        words.insert(rng.randrange(len(words) + 1), _noise(rng))
    return " ".join(words)


def _body(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
    if rng.random() < 0.1:
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(2000, 6000))))
    if rng.random() < 0.1:
        paragraphs.append(rng.choice(HOSTILE) * rng.randint(50, 400))
    return rng.choice(("\n", "\n\n", "\r\n")).join(paragraphs)


def hostile_page(rng: random.Random, body: str) -> str:
    """A web page around ``body``'s paragraphs: tags left open or closed out of order, hidden and
    junk-named blocks, entities that spell escapes and bidi controls, broken JSON-LD, comments and
    declarations the tokeniser cannot finish, and now and then very deep nesting."""
    parts = [
        "<!doctype html><html><head><title>",
        rng.choice(ENTITIES),
        _noise(rng),
        "</title>",
        rng.choice(
            (
                "<meta property='og:site_name' content='Valley &#x202E;Times'>",
                "<meta name='author' content='https://evil.example/&#27;]0;x&#7;'>",
                "",
            )
        ),
        "<script type='application/ld+json'>",
        rng.choice(JSON_LD),
        "</script>",
    ]
    if rng.random() < 0.5:
        parts.append("</head>")  # omitted half the time, as HTML5 allows
    parts.append("<body>")
    for paragraph in re.split(r"\r?\n+", body):
        for _ in range(rng.randrange(3)):
            parts.append(_markup(rng))
        parts.append(f"<p>{html.escape(paragraph, quote=False)}{rng.choice(ENTITIES)}")
        if rng.random() < 0.7:
            parts.append("</p>")
    if rng.random() < 0.1:
        depth = rng.randint(200, 6000)
        parts.append(rng.choice(("<div>", "<span>", "<b><i>", "<table><tr><td>")) * depth)
        parts.append(html.escape(_sentence(rng), quote=False))
    parts.append(
        rng.choice(
            (
                "",
                "</body></html>",
                "<!-- unterminated",
                "<![if x]>",
                "<a href='x",
                "</div></div></body>",
                "<script>never closed",
            )
        )
    )
    return "".join(parts)


def _markup(rng: random.Random) -> str:
    tag = rng.choice(TAGS)
    attribute = rng.choice(ATTRIBUTES)
    pick = rng.random()
    if pick < 0.5:
        return f"<{tag} {attribute}>{html.escape(_noise(rng), quote=False)}"
    if pick < 0.8:
        return f"</{tag}>"
    return rng.choice(
        (
            "<!-- a comment -->",
            "<![CDATA[x]]>",
            "<?xml x?>",
            "<br/>",
            "<img src=x onerror=alert(1)>",
            "&#27;[31m",
            "&#x9b;2J",
            "&#xD800;",
            "&#x110000;",
            "&#0;",
        )
    )


def article_bytes(rng: random.Random) -> bytes:
    """One random article file: mostly news-like text with hostile pieces, sometimes pure junk."""
    pick = rng.random()
    if pick < 0.05:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    body = _body(rng)
    if pick < 0.15:
        body = (
            "<html><head><title>"
            + _noise(rng)
            + "</title></head><body><p>"
            + body.replace("\n", "</p><p>")
            + "</p><script>alert(1)</script></body></html>"
        )
    elif pick < 0.3:
        body = hostile_page(rng, body)
    if pick < 0.7:
        title = " ".join(_noise(rng) for _ in range(rng.randint(1, 4))).replace("\n", " ")
        outlet = rng.choice(("Daily [b]News[/b]", "The Times", "\u202eSTIMES", "Wire &amp; Co"))
        meta = json.dumps(
            {
                "title": title,
                "outlet": outlet,
                "date": rng.choice(("2025-03-24", "yesterday", "0001-01-01", "9999-12-31")),
            }
        )
        body = f"---\n{meta}\n---\n{body}"
    data = body.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.1:
        cut = rng.randrange(len(data) + 1)
        data = data[:cut] + rng.choice((b"\xed\xa0\x80", b"\xff\xfe", b"\xc3", b"\x80\x80")) + data[cut:]
    return data


def entities(rng: random.Random) -> tuple[Entity, ...]:
    """A few annotated entities, some with names that are markup or escapes."""
    names = ("Smith", "Jones", "Acme Corp", "[bold]Evil[/]", "police", "O\u2019Brien", "\u4e2d\u6587")
    chosen = rng.sample(names, rng.randint(0, 4))
    return tuple(
        Entity(
            id=f"e{i}",
            name=name,
            type=rng.choice(("person", "org")),
            aliases=(name.lower(),) if rng.random() < 0.5 else (),
        )
        for i, name in enumerate(chosen)
    )


def run_case(rng: random.Random, label: str) -> Tally:
    """Fuzz one story of a few random articles through every stage; report broken invariants."""
    tally = Tally(cases=1)
    try:
        articles: list[Article] = []
        for index in range(rng.randint(1, 5)):
            path = rng.choice((f"fuzz/{index}.txt", f"fuzz/[bold]{index}[/].md", f"fuzz/{index}.html"))
            article, _ = parse_article_bytes(article_bytes(rng), path, f"a{index}")
            if article is not None:
                articles.append(article)
        tally.articles = len(articles)
        if not articles:
            return tally
        story = Story(title="fuzz [bold]story[/]", path="fuzz", articles=tuple(articles))
        comparison = build_comparison(story, Annotations(path=None, entities=entities(rng)))
        tally.clusters = len(comparison.clusters)
        tally.discrepancies = len(comparison.clusters_of("discrepancy"))
        tally.failures.extend(f"{label}: {problem}" for problem in check_comparison(comparison))
        for fmt in FORMATS:
            for only in (None, "discrepancy"):
                output = render(comparison, ExportRequest(fmt, only=only))
                tally.failures.extend(
                    f"{label} [{fmt} only={only}]: {problem}"
                    for problem in check_export(comparison, fmt, output)
                )
    except Exception:  # the point of fuzzing: any exception is a failure to report
        tally.failures.append(f"{label}: {traceback.format_exc(limit=-3)}")
    return tally


def check_comparison(comparison: Comparison) -> list[str]:
    """Every offset slices to its text, and nothing unsafe survived loading."""
    problems: list[str] = []
    texts = {article.id: article.text for article in comparison.articles}

    def spans(kind: str, article: str, start: int, end: int, text: str | None) -> None:
        body = texts.get(article)
        if body is None or not 0 <= start <= end <= len(body):
            problems.append(f"{kind} [{start}:{end}] is outside article {article!r}")
        elif text is not None and body[start:end] != text:
            problems.append(f"{kind} [{start}:{end}] slices to {body[start:end]!r}, not {text!r}")

    for article in comparison.articles:
        for name in ("title", "text", "outlet", "author", "date", "url", "note"):
            value = getattr(article, name)
            if value and FORBIDDEN.search(value.replace("\n", "") if name == "text" else value):
                problems.append(f"article {article.id} {name} keeps a control character: {value[:80]!r}")
        for start, end in article.paragraphs:
            spans("paragraph", article.id, start, end, None)
        for boilerplate in article.boilerplate:
            spans("boilerplate", article.id, boilerplate.start, boilerplate.end, None)
    for article_id, units in comparison.units.items():
        for unit in units:
            spans("unit", article_id, unit.start, unit.end, unit.text)
            for part in (*unit.quantities, *unit.dates, *unit.quotes):
                spans(type(part).__name__, article_id, part.start, part.end, part.text)
    for cluster in comparison.clusters:
        for member in cluster.members:
            spans(f"member of {cluster.id}", member.article, member.start, member.end, member.text)
            if member.value_start is not None and member.value_end is not None:
                spans(f"value of {cluster.id}", member.article, member.value_start, member.value_end, None)
            if member.diff and "".join(piece.text for piece in member.diff) != member.text:
                problems.append(f"diff of {cluster.id} does not rebuild its member text")
    for mention in comparison.mentions:
        spans("mention", mention.article, mention.start, mention.end, mention.text)
    for phrase in comparison.phrases:
        for occurrence in phrase.occurrences:
            spans("phrase", occurrence.article, occurrence.start, occurrence.end, None)
    for article in comparison.articles:
        for mark in marks_for(comparison, article.id):
            spans(f"{mark.kind} mark", article.id, mark.start, mark.end, None)
    return problems


def check_export(comparison: Comparison, fmt: str, output: str) -> list[str]:
    """No control character in any export; JSON parses and its offsets slice; HTML runs no script."""
    problems: list[str] = []
    bad = FORBIDDEN.search(output)
    if bad:
        around = output[max(bad.start() - 30, 0) : bad.end() + 30]
        problems.append(f"control character {bad.group()!r} in the output near {around!r}")
    if fmt == "html" and "<script" in output.lower():
        problems.append("an unescaped <script in the HTML")
    if fmt == "json":
        try:
            document = json.loads(output)
        except ValueError as error:
            return [*problems, f"the JSON does not parse: {error}"]
        texts = {article["id"]: article["text"] for article in document["articles"]}
        for cluster in document["clusters"]:
            for member in cluster["members"]:
                if texts[member["article"]][member["start"] : member["end"]] != member["text"]:
                    problems.append(f"JSON member of {cluster['id']} does not slice to its text")
        for entity in document.get("entities", ()):
            for mention in entity.get("mentions", ()):
                if texts[mention["article"]][mention["start"] : mention["end"]] != mention["text"]:
                    problems.append(f"JSON mention of {entity['id']} does not slice to its text")
    return problems


def key_flood(rng: random.Random, count: int, *, quit_at_end: bool = False) -> list[tuple[str, str | None]]:
    """``count`` random keys sent as one burst (300 keys a second from a terminal arrive this way);
    now and then ``q`` inside the burst, so that the keys after it reach a reader closing down."""
    keys = [rng.choice(FLOOD_KEYS) for _ in range(count)]
    if rng.random() < 0.2:
        keys.insert(rng.randrange(len(keys) + 1), ("q", "q"))
    if quit_at_end:
        keys.append(("q", "q"))
    return keys


def fuzz(seed: int, cases: int) -> Tally:
    """Run ``cases`` random stories from one seed."""
    rng = random.Random(seed)
    tally = Tally()
    for number in range(cases):
        tally.add(run_case(rng, f"seed {seed} case {number}"))
    return tally
