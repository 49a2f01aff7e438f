"""Load a story: a folder of article files, or article files named one by one.

Articles come from the web and are treated as hostile. Each file is decoded (invalid UTF-8
replaced, with a warning that names the byte), refused if binary, split into optional YAML
front matter and body, reduced to text if it is HTML, sanitised once, cut into paragraphs
and scanned for boilerplate. Problems that spoil one file become diagnostics and the rest of
the story still loads; only problems that leave nothing to read raise ``StoryError``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.load.boilerplate import find_boilerplate, fold_line
from tui.core.load.dateline import parse_dateline
from tui.core.load.files import FileRefused, UnusablePath, named_mode, not_regular, outside_link, read_regular
from tui.core.load.frontmatter import read_plain
from tui.core.load.sanitize import clean_line, clean_text, visible_text
from tui.core.story import Article, Boilerplate, Diagnostic, Story

if TYPE_CHECKING:
    from tui.core.load.html import HtmlDocument

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
ANNOTATION_NAMES = ("annotations.yaml", "annotations.yml")
KNOWN_FIELDS = ("title", "outlet", "date", "author", "url", "note")
MAX_ARTICLE_BYTES = 64 * 1024 * 1024

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n?^---[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


class StoryError(Exception):
    """A problem that leaves nothing to read: a missing path, an empty folder, no articles."""


@dataclass(frozen=True)
class StoryFiles:
    """A story before its files are read: its article files in reading order with the ids
    they get, its title, and the problems found listing them.

    ``load_story`` reads every file; the reader reads only the first few (``read_first``),
    so that its first screen does not wait for hundreds of files, and the rest after.
    """

    title: str
    path: str
    named: tuple[Path, ...]
    """The paths the user named, for messages."""
    files: tuple[tuple[Path, str], ...]
    """Each article file with its article id, in the story's order."""
    annotations_path: str | None
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class StoryStart:
    """The first articles of a story, read; the whole story when ``complete``."""

    story: Story
    files: StoryFiles
    complete: bool


def load_story(paths: Sequence[Path], *, title: str | None = None) -> Story:
    """Load the articles named by ``paths`` (one folder, or article files) as one story.

    Articles are ordered by file name, so the same files give the same story whatever order
    they are named in.
    """
    return read_story(list_story(paths, title=title))


def list_story(paths: Sequence[Path], *, title: str | None = None) -> StoryFiles:
    """Find the story's article files and their ids without reading them; a missing path or
    a story with no article files is a ``StoryError``."""
    if not paths:
        raise StoryError("no story given: name a folder of articles or one or more article files")
    files: list[Path] = []
    annotations: Path | None = None
    diagnostics: list[Diagnostic] = []
    for path in paths:
        if _named_kind(path) == "folder":
            files.extend(_article_files(path, diagnostics))
            annotations = annotations or _annotations_in(path, diagnostics)
        elif path.name in ANNOTATION_NAMES:
            annotations = path
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(path)
        else:
            raise StoryError(
                f"{path}: not an article file; use {', '.join(ARTICLE_SUFFIXES)} files or a folder"
            )
    if not files:
        where = ", ".join(str(p) for p in paths)
        raise StoryError(f"{where}: no article files ({', '.join(ARTICLE_SUFFIXES)}) found")
    used_ids: set[str] = set()
    ordered = tuple(
        (path, _unique_id(_ID_UNSAFE.sub("-", path.stem).strip("-") or "article", used_ids))
        for path in sorted(dict.fromkeys(files), key=lambda p: (p.name, str(p)))
    )
    return StoryFiles(
        title=title or _story_title(paths),
        path=str(paths[0]) if len(paths) == 1 else os.path.commonpath([str(p) for p in paths]),
        named=tuple(paths),
        files=ordered,
        annotations_path=str(annotations) if annotations else None,
        diagnostics=tuple(diagnostics),
    )


def read_story(files: StoryFiles, *, progress: Callable[[int, int], None] | None = None) -> Story:
    """Read every article of ``files``; ``progress(read, total)`` after each file."""
    story, _ = _read(files, None, progress)
    return story


def read_first(files: StoryFiles, count: int) -> StoryStart:
    """Read the story's first ``count`` readable articles (the same articles, ids and order as
    the whole story's first ones) and stop; a story with no readable article at all is a
    ``StoryError``, as from ``load_story``."""
    story, complete = _read(files, max(1, count), None)
    return StoryStart(story, files, complete)


def _read(
    files: StoryFiles, limit: int | None, progress: Callable[[int, int], None] | None
) -> tuple[Story, bool]:
    """The story of the first ``limit`` readable articles (all when None), and whether every
    file was read."""
    articles: list[Article] = []
    diagnostics = list(files.diagnostics)
    total = len(files.files)
    done = 0
    for path, article_id in files.files:
        if limit is not None and len(articles) >= limit:
            break
        article, problems = read_article(path, article_id)
        diagnostics.extend(problems)
        if article is not None:
            articles.append(article)
        done += 1
        if progress is not None:
            progress(done, total)
    if not articles:
        details = "; ".join(str(d) for d in diagnostics[:3])
        raise StoryError(f"no readable articles in {', '.join(str(p) for p in files.named)}: {details}")
    story = Story(
        title=files.title,
        path=files.path,
        articles=tuple(articles),
        annotations_path=files.annotations_path,
        diagnostics=tuple(diagnostics),
    )
    return story, done == total


def read_article(path: Path, article_id: str) -> tuple[Article | None, list[Diagnostic]]:
    """Read one article file; ``None`` (with a diagnostic saying why) when it cannot be used.

    Only a regular file is read, and never more than ``MAX_ARTICLE_BYTES`` of it: a FIFO, a
    device or a link to one is refused before it is opened.
    """
    try:
        data = read_regular(path, MAX_ARTICLE_BYTES)
    except FileRefused as refused:
        return None, [Diagnostic("error", str(path), f"{refused}; skipped", hint=refused.hint)]
    except OSError as error:
        raise StoryError(f"{path}: cannot read the file ({error.strerror or error})") from error
    return parse_article_bytes(data, str(path), article_id)


def parse_article_bytes(data: bytes, path: str, article_id: str) -> tuple[Article | None, list[Diagnostic]]:
    """Decode and parse an article's bytes, refusing binary files and warning on bad UTF-8."""
    if b"\x00" in data:
        return None, [
            Diagnostic(
                "error",
                path,
                "binary file (it contains NUL bytes); skipped",
                byte_offset=data.index(b"\x00"),
                hint="convert it to UTF-8 text",
            )
        ]
    problems: list[Diagnostic] = []
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raw = data.decode("utf-8", errors="replace")
        problems.append(
            Diagnostic(
                "warning",
                path,
                "invalid UTF-8; undecodable bytes were replaced with U+FFFD",
                byte_offset=error.start,
                hint="re-save the file as UTF-8",
            )
        )
    article, more = parse_article(raw, path, article_id)
    return article, problems + more


def parse_article(raw: str, path: str, article_id: str) -> tuple[Article | None, list[Diagnostic]]:
    """Turn an article's text into an ``Article``: front matter, HTML reduction, sanitising."""
    problems: list[Diagnostic] = []
    # Line endings first, so that front matter is found whichever ones the file uses: a file
    # saved with old Mac endings (CR only) would otherwise show its front matter as text.
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    metadata: dict[str, Any] = {}
    body = raw
    document: HtmlDocument | None = None
    match = _FRONT_MATTER.match(raw)
    if match:
        body = raw[match.end() :]
        metadata, problem = _front_matter(match.group(1), path)
        if problem:
            problems.append(problem)
    if path.lower().endswith((".html", ".htm")) or _looks_like_html(body):
        from tui.core.load.html import reduce_html  # html.parser only when a story has HTML

        document = reduce_html(body)
        body = document.text
        for key, value in document.metadata.items():
            metadata.setdefault(key, value)
    text = clean_text(body)
    if not text.strip():
        problems.append(_empty(path, document))
        return None, problems
    fields = {key: _field(metadata.get(key)) for key in KNOWN_FIELDS}
    extra = {clean_line(str(k)): clean_line(_scalar(v)) for k, v in metadata.items() if k not in KNOWN_FIELDS}
    paragraphs = split_paragraphs(text)
    editorial = extra.get("title_editorial", "").lower() in {"true", "yes", "1"}
    title = fields["title"]
    if not title:
        title, editorial = _derived_title(text, paragraphs, Path(path).stem)
    boilerplate = find_boilerplate(text, paragraphs, repeats=document is None)
    if document is not None:
        boilerplate = _merge_boilerplate(document.boilerplate, boilerplate)
    date = _iso_date(fields["date"]) or _first_dateline(text, boilerplate)
    headline = _headline(text, paragraphs, title, editorial)
    boilerplate = tuple(b for b in boilerplate if (b.start, b.end) != headline)
    article = Article(
        id=article_id,
        path=path,
        title=title,
        text=text,
        outlet=fields["outlet"],
        date=date,
        author=fields["author"],
        url=fields["url"],
        note=fields["note"],
        title_is_editorial=editorial,
        metadata=extra,
        paragraphs=paragraphs,
        boilerplate=boilerplate,
        headline=headline,
    )
    return article, problems


def _headline(
    text: str, paragraphs: Sequence[tuple[int, int]], title: str, editorial: bool
) -> tuple[int, int] | None:
    """The first paragraph when it is the outlet's headline (the title, unless the title is ours)."""
    if not paragraphs or editorial:
        return None
    start, end = paragraphs[0]
    return (start, end) if fold_line(text[start:end]) == fold_line(title) else None


def _first_dateline(text: str, boilerplate: Sequence[Boilerplate]) -> str | None:
    """The publication date a dateline gives, for an article whose metadata has none."""
    for span in boilerplate:
        if span.reason == "dateline":
            return parse_dateline(text[span.start : span.end])
    return None


def _merge_boilerplate(
    structural: tuple[Boilerplate, ...], textual: tuple[Boilerplate, ...]
) -> tuple[Boilerplate, ...]:
    """A web page's own boilerplate (asides, link lists) with the text rules' finds, in order."""
    if not structural:
        return textual
    taken = {(b.start, b.end) for b in structural}
    extra = tuple(b for b in textual if (b.start, b.end) not in taken)
    return tuple(sorted(structural + extra, key=lambda b: (b.start, b.end)))


def _empty(path: str, document: HtmlDocument | None) -> Diagnostic:
    if document is None:
        return Diagnostic(
            "warning", path, "empty article; skipped", hint="add the article text below the front matter"
        )
    return Diagnostic(
        "warning",
        path,
        f"no article text in this web page: {document.why_empty}; skipped (the file is left as it is)",
        hint="save the page again once the article shows in the browser, or paste "
        "the article's text into a .txt file beside it",
    )


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Cut text into paragraphs: one per line, except that hard-wrapped lines are rejoined.

    News copy pasted from the web has one paragraph per line; Markdown and e-mail wrap
    paragraphs at a width and separate them with blank lines. A line break counts as a
    paragraph break unless the line is long, does not end a sentence, and the next line
    continues in lower case.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if not stripped:
            if start is not None:
                spans.append((start, _rstrip_end(text, start, line_start - 1)))
                start = None
            continue
        if start is None:
            start = line_start + (len(line) - len(line.lstrip()))
        following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
        wrapped = len(stripped) >= 50 and not _TERMINAL.search(stripped) and following[:1].islower()
        if not wrapped:
            spans.append((start, _rstrip_end(text, start, line_end)))
            start = None
    if start is not None:
        spans.append((start, _rstrip_end(text, start, len(text))))
    return tuple(spans)


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _named_kind(path: Path) -> str:
    """ "folder" or "file" for a path the user named; a missing or unusable one is a StoryError."""
    try:
        mode = named_mode(path, "no such file or folder")
    except UnusablePath as error:
        raise StoryError(str(error)) from error
    return "folder" if stat.S_ISDIR(mode) else "file"


def _article_files(folder: Path, diagnostics: list[Diagnostic]) -> list[Path]:
    """The article files in ``folder``: regular files inside it, by suffix.

    A link that leads out of the folder and an article name that is not a regular file (a
    FIFO, a device) are skipped with a warning that names them.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise StoryError(f"{folder}: cannot list the folder ({error.strerror or error})") from error
    files = []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if entry.name.lower() == "readme.md":
            continue
        if _usable(entry, folder, diagnostics):
            files.append(entry)
    return files


def _usable(entry: Path, folder: Path, diagnostics: list[Diagnostic]) -> bool:
    """Whether a file found in the story folder may be read; a warning says why not."""
    if outside_link(entry, folder):
        diagnostics.append(
            Diagnostic(
                "warning",
                str(entry),
                "a link to a file outside the story folder; skipped",
                hint="copy the file into the folder, or name it on the command line to read it",
            )
        )
        return False
    try:
        mode = entry.stat().st_mode
    except OSError:
        return False  # a broken link: nothing to read
    if stat.S_ISDIR(mode):
        return False
    if not stat.S_ISREG(mode):
        refused = not_regular(mode)
        diagnostics.append(Diagnostic("warning", str(entry), f"{refused}; skipped", hint=refused.hint))
        return False
    return True


def _annotations_in(folder: Path, diagnostics: list[Diagnostic]) -> Path | None:
    for name in ANNOTATION_NAMES:
        candidate = folder / name
        if (candidate.exists() or candidate.is_symlink()) and _usable(candidate, folder, diagnostics):
            return candidate
    return None


def _front_matter(block: str, path: str) -> tuple[dict[str, Any], Diagnostic | None]:
    plain = read_plain(block)
    if plain is not None:
        return plain, None
    # PyYAML only for front matter beyond plain key: value lines (see tui.core.load.frontmatter),
    # through the loader that refuses alias bombs and recursion as it does in annotation files.
    import yaml

    from tui.core.load.safe_yaml import UnsafeYamlError, load_checked

    try:
        data = load_checked(block)
    except UnsafeYamlError as refused:
        return {}, Diagnostic(
            "warning",
            path,
            f"front matter refused: {refused.message}; its fields were ignored",
            line=refused.mark.line + 2 if refused.mark is not None else 1,
            hint=refused.hint,
        )
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        # A value YAML parses but cannot build (an impossible date: 2025-02-30) raises a
        # plain ValueError from the constructor, with no position.
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for the opening ---, +1 for 1-based
        column = mark.column + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error) or "invalid YAML"
        return {}, Diagnostic(
            "warning",
            path,
            f"front matter is not valid YAML ({reason}); its fields were ignored",
            line=line,
            column=column,
            hint="fix the YAML between the --- lines",
        )
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, Diagnostic(
            "warning",
            path,
            "front matter is not a mapping of fields; ignored",
            line=2,
            hint="write it as 'title: ...' lines",
        )
    return data, None


def _scalar(value: Any) -> str:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_scalar(v) for v in value)
    return "" if value is None else str(value)


def _field(value: Any) -> str | None:
    """A metadata field's text; ``None`` when absent or stated as unknown."""
    text = clean_line(_scalar(value))
    return None if not text or text.casefold() in {"unknown", "n/a", "none", "null"} else text


def _iso_date(value: str | None) -> str | None:
    """Keep ISO dates (at any precision) as given; anything else is kept verbatim."""
    if value is None:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match:
        return value[:10] if match.group(3) else match.group(0)
    return value


def _derived_title(text: str, paragraphs: tuple[tuple[int, int], ...], stem: str) -> tuple[str, bool]:
    """A title from the first line when it reads like a headline, else from the file name."""
    if paragraphs:
        start, end = paragraphs[0]
        first = text[start:end].strip()
        if 3 <= len(first) <= 160 and not first.endswith((".", "!", "?", "…")):
            return first, False
    words = visible_text(re.sub(r"[_-]+", " ", stem).strip())  # a file name: its escapes spelled out
    return (words[:1].upper() + words[1:]) if words else "Untitled", True


def _story_title(paths: Sequence[Path]) -> str:
    base = paths[0] if len(paths) == 1 and paths[0].is_dir() else paths[0].parent
    name = base.resolve().name or "story"
    return visible_text(re.sub(r"[_-]+", " ", name).strip())  # a folder name: its escapes spelled out


def _unique_id(candidate: str, used: set[str]) -> str:
    article_id, counter = candidate, 2
    while article_id in used:
        article_id, counter = f"{candidate}-{counter}", counter + 1
    used.add(article_id)
    return article_id


def _looks_like_html(body: str) -> bool:
    head = body.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))
