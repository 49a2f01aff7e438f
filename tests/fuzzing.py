"""A seeded fuzzer for the whole pipeline: article bytes -> Article -> Comparison -> every export.

Shared by tests/test_fuzz.py (a few seconds, fixed seeds) and tests/benchmarks/fuzz_long.py
(as many cases as asked). Inputs mix plausible news sentences (numbers, dates, quotes,
names, so the engine finds agreements and discrepancies) with markup, terminal escapes,
HTML, odd Unicode, invalid UTF-8, very long lines, text pasted over and over, long
sentences full of numbers, and front matter that abuses YAML (alias bombs, recursive
aliases, deep nesting) with any line endings. ``run_folder_case`` builds a story folder on
disk the way a hostile sender would: names with escapes and bytes that are not UTF-8,
FIFOs, links to devices and to secrets outside the folder, annotation files that are bombs,
links or read-only; then loads, compares, exports and edits it, checking that nothing
outside the folder is read or written, nothing hangs, and no special file is replaced.
``key_flood`` makes bursts of keys for the reader (driven by the Pilot in the tests and in
``fuzz_long.py --floods``). ``run_case`` never raises: it returns every broken invariant as
a message, so a long run can count failures instead of stopping.
"""

from __future__ import annotations

import errno
import html
import json
import os
import random
import re
import signal
import stat
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.annotate.schema import load_annotations
from tui.core.annotate.write_back import AnnotationEditError, add_entity
from tui.core.load.atomic import atomic_write_text
from tui.core.load.corpus import StoryError, load_story, parse_article_bytes
from tui.core.load.files import FileRefused
from tui.core.load.sanitize import visible_text
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
FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What must never reach a terminal or a file: C0 (except newline; tabs are expanded), DEL, C1,
bidi controls, and lone surrogates (a file name's undecodable bytes)."""
SECRET = "root:$6$fuzz-secret-hash:19000:0:99999:7:::"
"""The content of a file outside every story folder: it must never reach an article or an export."""
YAML_ABUSE = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    + "title: *i\n",
    "title: &t [x, *t]\n",
    "outlet: &o {a: *o}\n",
    "title: " + "[" * 300 + "]" * 300 + "\n",
    "note: " + "{a: " * 80 + "x" + "}" * 80 + "\n",
    'title: "Blast \\e]0;PWNED\\a at the \\x9b2J harbour \\u202Egnp.exe"\n',
    "title: !!python/object/apply:os.system ['echo PWNED']\n",
    "title: [unclosed\n",
)
"""Front matter and annotation values that abuse YAML: an alias bomb, recursive aliases, deep
nesting, escapes that spell terminal controls, a Python tag, a syntax error."""


@dataclass
class Tally:
    """What a fuzz run went through, and every broken invariant it found."""

    cases: int = 0
    articles: int = 0
    clusters: int = 0
    discrepancies: int = 0
    folders: int = 0
    """Cases that built a story folder on disk (``run_folder_case``)."""
    refused: int = 0
    """Files, links and writes refused or skipped with a diagnostic in those folders."""
    floods: int = 0
    """Key floods the reader went through (``fuzz_long.py --floods``)."""
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.articles += other.articles
        self.clusters += other.clusters
        self.discrepancies += other.discrepancies
        self.folders += other.folders
        self.refused += other.refused
        self.floods += other.floods
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
    if rng.random() < 0.05:  # a very long line: hundreds of sentences without a line break
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(100, 400))))
    elif rng.random() < 0.05:
        # One long sentence without an end. Kept under 1,200 words: two of 4,500 words made
        # the engine diff them in each of 265 clusters (three minutes; see the README).
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(300, 1200))))
    if rng.random() < 0.1:
        paragraphs.append(rng.choice(HOSTILE) * rng.randint(50, 400))
    if rng.random() < 0.05:  # the same line pasted over and over (quotes' context must stay bounded)
        paragraphs.extend([_sentence(rng)] * rng.randint(20, 300))
    if rng.random() < 0.03:
        paragraphs.append(_numbers_sentence(rng))
    return rng.choice(("\n", "\n\n", "\r\n", "\r")).join(paragraphs)


def _numbers_sentence(rng: random.Random) -> str:
    """One long sentence with a number every few words. Kept to a few hundred numbers: the
    engine's cost on such a sentence grows faster than its length (see the README)."""
    parts = [
        f"{rng.choice(('crews counted', 'officials reported', 'police said'))} {rng.randint(0, 10**6):,} "
        f"{rng.choice(('boats', 'people', 'homes', 'km'))} near pier {index}"
        for index in range(rng.randint(10, 60))
    ]
    return ", ".join(parts) + "."


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
    if pick < 0.1:
        body = f"---\n{rng.choice(YAML_ABUSE)}---\n{body}"
    elif pick < 0.7:
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
        comparison = random_comparison(rng)
        if comparison is None:
            return tally
        tally.articles = len(comparison.articles)
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


def random_comparison(rng: random.Random) -> Comparison | None:
    """The comparison of a story of a few random articles (None when none of them loads)."""
    articles: list[Article] = []
    for index in range(rng.randint(1, 5)):
        path = rng.choice(
            (
                f"fuzz/{index}.txt",
                f"fuzz/[bold]{index}[/].md",
                f"fuzz/{index}.html",
                f"fuzz/\x1b]0;PWNED\x07{index}.txt",
                os.fsdecode(b"fuzz/caf\xe9-\xff" + str(index).encode() + b".md"),
            )
        )
        article, _ = parse_article_bytes(article_bytes(rng), path, f"a{index}")
        if article is not None:
            articles.append(article)
    if not articles:
        return None
    story = Story(title="fuzz [bold]story[/]", path="fuzz", articles=tuple(articles))
    return build_comparison(story, Annotations(path=None, entities=entities(rng)))


NAMES = (
    "{base}",
    "[bold]{base}[/]",
    "\x1b]0;PWNED\x07{base}",
    "\x1b]52;c;UFdORUQ=\x07{base}",
    "{base}\u202egnp",
    "{base}\x9b2J",
    "{base}\ttab\nline",
    "{base}-" + "n" * 200,
)
"""File and folder names from a hostile sender (``{base}`` keeps them distinct)."""


def _name(rng: random.Random, base: str, suffix: str = "") -> str:
    """A hostile file name; sometimes with bytes that are not UTF-8 (as ``os.fsdecode`` gives them)."""
    name = rng.choice(NAMES).format(base=base).replace("/", "\u2215")  # one name, not a path
    if rng.random() < 0.2:
        name = os.fsdecode(b"caf\xe9-\xff-" + os.fsencode(name))
    return name + suffix


def _annotations_text(rng: random.Random) -> str:
    """An annotation file: entities whose values spell escapes, or YAML abuse."""
    if rng.random() < 0.4:
        return rng.choice(YAML_ABUSE).replace("title:", "entities:").replace("outlet:", "types:")
    names = ("Smith", "Officials", "police", "Acme Corp")
    types = ("person", "t\\e]52;c;QQ==\\a", "org")
    descriptions = ("", "\\x9b2J \\u202Egnp.exe", "plain")
    lines = ["entities:"]
    for index, name in enumerate(rng.sample(names, rng.randint(1, 3))):
        value = rng.choice((name, f"{name}\\e]0;T\\a", f"{name}\\x9b2J", f"\\u202E{name}"))
        lines += [
            f"  - id: e{index}",
            f'    name: "{value}"',
            f'    type: "{rng.choice(types)}"',
            f'    description: "{rng.choice(descriptions)}"',
        ]
    return "\n".join(lines) + "\n"


_SPECIALS = ("fifo", "device", "secret", "inside", "dangling", "folder", "long")


def _add_special(kind: str, folder: Path, root: Path, first: Path, specials: dict[Path, int]) -> None:
    """One of the things a hostile story folder holds besides articles."""
    if kind == "fifo":
        os.mkfifo(folder / "fifo.md")
        specials[folder / "fifo.md"] = stat.S_IFIFO
    elif kind == "device":
        (folder / "zero.md").symlink_to("/dev/zero")
    elif kind == "secret":
        (folder / "shadow.txt").symlink_to(root / "secret.txt")
    elif kind == "inside":
        (folder / "again.txt").symlink_to(first)
    elif kind == "dangling":
        (folder / "gone.txt").symlink_to(root / "missing.txt")
    elif kind == "folder":
        (folder / "chapter.md").mkdir()
    elif kind == "long":
        (folder / ("l" * 240 + ".txt")).write_text("Officials said 40 people were hurt.\n", encoding="utf-8")


def _annotations_file(rng: random.Random, folder: Path, root: Path, specials: dict[Path, int]) -> None:
    """annotations.yaml as a regular file (sometimes read-only), a FIFO, or a link out of the folder."""
    target = folder / "annotations.yaml"
    pick = rng.random()
    if pick < 0.5:
        target.write_text(_annotations_text(rng), encoding="utf-8")
        if rng.random() < 0.2:
            target.chmod(0o444)
    elif pick < 0.6:
        os.mkfifo(target)
        specials[target] = stat.S_IFIFO
    elif pick < 0.7:
        target.symlink_to(root / "secret.yaml")
    elif pick < 0.8:
        target.symlink_to(root / "elsewhere" / "annotations.yaml")  # a missing file outside
    elif pick < 0.9:
        target.symlink_to("/dev/zero")


def _outside(root: Path, folder: Path) -> dict[str, tuple[int, int, int]]:
    """Everything under ``root`` but outside ``folder``: (type, size, mtime) by path, links unfollowed."""
    seen: dict[str, tuple[int, int, int]] = {}
    for path in root.rglob("*"):
        if path == folder or folder in path.parents:
            continue
        info = path.lstat()
        seen[str(path)] = (stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns)
    return seen


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the main thread if the block runs longer than ``seconds`` (a hang)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_folder_case(rng: random.Random, label: str) -> Tally:
    """A story folder on disk as a hostile sender makes it, loaded, compared, exported and edited.

    Nothing outside the folder may be read (the secret never shows) or changed, no special
    file may be replaced, nothing may hang, and every message must be one clean line.
    """
    tally = Tally(cases=1, folders=1)
    with tempfile.TemporaryDirectory(prefix="storydiff-fuzz-") as temp:
        root = Path(temp)
        try:
            with _watchdog(120):
                _folder_case(rng, root, tally)
        except Exception:  # the point of fuzzing: any exception is a failure to report
            tally.failures.append(f"{label}: {traceback.format_exc(limit=-3)}")
    tally.failures[:] = [f if f.startswith(label) else f"{label}: {f}" for f in tally.failures]
    return tally


def _folder_case(rng: random.Random, root: Path, tally: Tally) -> None:
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (root / "secret.yaml").write_text(
        f"entities:\n  - {{id: s, name: '{SECRET}', type: x}}\n", encoding="utf-8"
    )
    (root / "elsewhere").mkdir()
    folder = root / _name(rng, "story")
    folder.mkdir()
    files = [
        folder / _name(rng, str(index), rng.choice((".txt", ".md", ".html")))
        for index in range(rng.randint(1, 4))
    ]
    for path in files:
        path.write_bytes(article_bytes(rng))
    specials: dict[Path, int] = {}
    for kind in rng.sample(_SPECIALS, rng.randint(0, 3)):
        _add_special(kind, folder, root, files[0], specials)
    if rng.random() < 0.8:
        _annotations_file(rng, folder, root, specials)
    before = _outside(root, folder)
    try:
        story = load_story([folder])
    except StoryError as error:
        if "\n" in str(error).replace(str(folder), ""):  # the folder's name may hold one
            tally.failures.append(f"StoryError is not one clean line: {str(error)!r}")
        story = None
    if story is not None:
        _check_loaded(story, tally)
    _check_writes(rng, folder, tally)
    after = _outside(root, folder)
    if after != before:
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        tally.failures.append(f"outside the story folder, created or changed: {visible_text(str(changed))}")
    for path, kind in specials.items():
        if stat.S_IFMT(path.lstat().st_mode) != kind:
            tally.failures.append(f"{visible_text(path.name)} was replaced by a write")


def _check_loaded(story: Story, tally: Tally) -> None:
    tally.articles += len(story.articles)
    tally.refused += sum(1 for d in story.diagnostics if "skipped" in d.message)
    for diagnostic in story.diagnostics:
        if FORBIDDEN.search(str(diagnostic)):
            tally.failures.append(f"a diagnostic is not clean: {str(diagnostic)!r}")
    for article in story.articles:
        if SECRET in article.text or SECRET in (article.title or ""):
            tally.failures.append(f"a file from outside the folder was read: {visible_text(article.path)}")
    if FORBIDDEN.search(story.title):
        tally.failures.append(f"the story title is not clean: {story.title!r}")
    annotations = load_annotations(Path(story.annotations_path) if story.annotations_path else None)
    for entity in annotations.entities:
        for value in (entity.name, entity.type, entity.description or "", *entity.aliases):
            if FORBIDDEN.search(value.replace("\n", "")) or SECRET in value:
                tally.failures.append(f"an annotation value is not clean: {value!r}")
    comparison = build_comparison(story, annotations)
    tally.clusters += len(comparison.clusters)
    tally.discrepancies += len(comparison.clusters_of("discrepancy"))
    tally.failures.extend(check_comparison(comparison))
    for fmt in FORMATS:
        output = render(comparison, ExportRequest(fmt))
        tally.failures.extend(f"[{fmt}] {problem}" for problem in check_export(comparison, fmt, output))


def _check_writes(rng: random.Random, folder: Path, tally: Tally) -> None:
    """Edit the annotation file and write an export into the folder, as the reader and the CLI do."""
    target = folder / "annotations.yaml"
    entity = Entity(
        f"n{rng.randrange(1000)}", rng.choice(("Mara Voss", "[b]X[/]", "O\u2019Brien")), "unknown"
    )
    try:
        add_entity(target, entity)
    except AnnotationEditError as refused:
        tally.refused += 1
        if "\n" in str(refused).replace(str(target), ""):  # the name itself may hold one
            tally.failures.append(f"a refused edit is not one line: {str(refused)!r}")
    else:
        if not any(e.id == entity.id for e in load_annotations(target).entities):
            tally.failures.append("an edit reported as made is not in the annotation file")
    name = rng.choice(
        ("out.json", "fifo.md", "zero.md", "shadow.txt", "annotations.yaml", _name(rng, "out", ".json"))
    )
    try:
        atomic_write_text(folder / name, "{}\n", overwrite=rng.random() < 0.5)
    except (FileRefused, FileExistsError):
        tally.refused += 1
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise


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
    if SECRET in output:
        problems.append("a file from outside the story folder reached the output")
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


FOLDER_SHARE = 0.25
"""Share of the cases that build a story folder on disk rather than articles in memory."""


def fuzz(seed: int, cases: int) -> Tally:
    """Run ``cases`` random stories from one seed (a quarter of them as folders on disk)."""
    rng = random.Random(seed)
    tally = Tally()
    for number in range(cases):
        label = f"seed {seed} case {number}"
        if rng.random() < FOLDER_SHARE:
            tally.add(run_folder_case(rng, label))
        else:
            tally.add(run_case(rng, label))
    return tally
