"""Hostile input from end to end: files on disk -> load_story -> build_comparison -> every export / CLI.

Article bodies, titles, outlets, entity names and file names carry Rich markup, terminal
escapes, bidi overrides and HTML. Nothing may crash, nothing unsafe may reach an output or
the user's terminal, and markup must come out as the literal text the source printed.
Broken annotation files must produce located diagnostics, never an exception or a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.export.checks import assert_safe_html
from tests.fuzzing import FORBIDDEN, check_comparison, check_export
from tui.core.annotate.schema import load_annotations
from tui.core.load.corpus import load_story
from tui.core.model import Comparison
from tui.core.pipeline import build_comparison
from tui.export import FORMATS, ExportRequest, render

HOSTILE_BODY = (
    "Officials said 40 people were hurt [bold]literal[/] in the blast on Monday.\x1b]0;PWNED\x07\n\n"
    "\x1b[2JWitnesses saw [link=http://x]y[/link] smoke \u202eover the harbour.\x1b[31m\n\n"
    "<script>alert(1)</script> The mayor said \u201cwe [/] will rebuild\u201d [/ on Tuesday.\x9b7m\n"
)
CLEAN_BODY = (
    "Officials said 45 people were hurt in the blast on Monday.\n\n"
    "Witnesses saw thick smoke over the harbour.\n\n"
    "The mayor said \u201cwe will rebuild\u201d on Tuesday.\n"
)
ANNOTATIONS = """\
types:
  "[red]org[/]": {colour: red}
entities:
  - id: officials
    name: "[bold]Officials[/]"
    type: "[red]org[/]"
    aliases: [Officials, "\\e]0;PWNED\\a"]
    description: "[link=http://x]click[/link]"
"""
BROKEN_ANNOTATIONS = {
    "syntax": "entities:\n  - id: a\n    name: [unclosed\n",
    "types": "entities:\n  - id: 5\n    name: {x: 1}\n    type: [1, 2]\n    aliases: 7\ntypes: nope\n",
    "not-a-mapping": "- just\n- a list\n",
    "self-reference": "entities: &a [*a, *a]\n",
    "billion-laughs": "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))
    + "entities: *j\n",
}


def _hostile_story(folder: Path) -> Path:
    folder.mkdir()
    # YAML's own escapes (\\e, \\a) put ESC and BEL into the title, as a hostile file could.
    (folder / "[bold]x[link=y].txt").write_text(
        '---\ntitle: "[b]Blast[/b] at the \\e]0;PWNED\\a harbour"\noutlet: "[red]Evil[/red] Times"\n---\n'
        + HOSTILE_BODY,
        encoding="utf-8",
    )
    (folder / "\x1b[31mred.txt").write_text(
        "---\ntitle: Blast at the harbour\n---\n" + CLEAN_BODY, encoding="utf-8"
    )
    (folder / "\x1b]0;PWNED\x07.txt").write_bytes(b"binary\x00junk")
    (folder / "annotations.yaml").write_text(ANNOTATIONS, encoding="utf-8")
    return folder


def _compare(folder: Path) -> Comparison:
    story = load_story([folder])
    annotations = load_annotations(Path(story.annotations_path) if story.annotations_path else None)
    return build_comparison(story, annotations)


def _storydiff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        errors="surrogateescape",
    )


def test_hostile_story_loads_compares_and_keeps_markup_literal(tmp_path: Path) -> None:
    comparison = _compare(_hostile_story(tmp_path / "story"))
    assert check_comparison(comparison) == []
    assert len(comparison.articles) == 2
    hostile = next(a for a in comparison.articles if "[bold]literal[/]" in a.text)
    assert "[link=http://x]y[/link]" in hostile.text
    assert hostile.outlet == "[red]Evil[/red] Times"
    assert hostile.title.startswith("[b]Blast[/b] at the") and "\x1b" not in hostile.title
    assert comparison.entities[0].name == "[bold]Officials[/]"
    assert comparison.mentions_of("officials"), "the entity's plain alias should still be found"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("only", [None, "shared", "discrepancy", "unique", "entity:officials"])
def test_every_export_of_a_hostile_story_is_clean(tmp_path: Path, fmt: str, only: str | None) -> None:
    comparison = _compare(_hostile_story(tmp_path / "story"))
    output = render(comparison, ExportRequest(fmt, only=only))
    assert check_export(comparison, fmt, output) == []
    if fmt == "html":
        assert_safe_html(output)
    if fmt == "txt" and only is None:
        assert "[bold]literal[/]" in output
    if fmt == "json" and only is None:
        document = json.loads(output)
        assert any("[bold]literal[/]" in article["text"] for article in document["articles"])
        assert [entity["name"] for entity in document["entities"]] == ["[bold]Officials[/]"]


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "txt"], ["export", "--format", "md"]])
def test_the_cli_never_prints_escapes_from_file_names_or_text(tmp_path: Path, command: list[str]) -> None:
    """A file called ``ESC]0;PWNED BEL.txt`` would retitle the user's terminal if echoed raw."""
    _hostile_story(tmp_path / "story")
    result = _storydiff(*command, "story", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert "binary file" in result.stderr, "the unreadable file should still be reported"
    for stream in (result.stdout, result.stderr):
        bad = FORBIDDEN.search(stream)
        assert bad is None, (
            f"{bad.group()!r} reached the terminal: {stream[max(bad.start() - 40, 0) : bad.end() + 40]!r}"
        )


@pytest.mark.parametrize("name", sorted(BROKEN_ANNOTATIONS))
def test_broken_annotations_give_located_diagnostics_and_never_raise(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(BROKEN_ANNOTATIONS[name], encoding="utf-8")
    annotations = load_annotations(path)
    errors = [d for d in annotations.diagnostics if d.severity == "error"]
    assert errors, f"{name}: a broken file must be reported as an error"
    for diagnostic in errors:
        assert diagnostic.file == str(path) and diagnostic.line is not None
        assert str(diagnostic).startswith(f"{path}:{diagnostic.line}")


def test_non_utf8_annotations_are_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("entities:\n  - id: cafe\n    name: Caf\xe9\n    type: place\n".encode("latin-1"))
    annotations = load_annotations(path)
    assert annotations.has_errors
    assert all(d.file == str(path) for d in annotations.diagnostics)


@pytest.mark.parametrize("name", sorted(BROKEN_ANNOTATIONS))
def test_the_cli_reports_broken_annotations_without_a_traceback(tmp_path: Path, name: str) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(CLEAN_BODY, encoding="utf-8")
    (story / "b.txt").write_text(CLEAN_BODY.replace("45", "50"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(BROKEN_ANNOTATIONS[name], encoding="utf-8")
    checked = _storydiff("check", "story", "--annotations", "bad.yaml", cwd=tmp_path)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert "bad.yaml:" in checked.stderr and "error" in checked.stderr
    exported = _storydiff("export", "story", "--annotations", "bad.yaml", cwd=tmp_path)
    assert "Traceback" not in exported.stderr
    assert json.loads(exported.stdout)["schema"] == "storydiff/1"


def _hostile_page(depth: int = 0, filler: int = 0) -> str:
    """A web page whose markup, entities and metadata try to smuggle escapes and bidi controls."""
    evil = "&#27;]0;PWNED&#7; &#x1b;[2J &#x9b;7m &#155;31m &#x202E;revo &#8238; &#x2066; &#0; &#x85;"
    return (
        "<!doctype html><html><head>"
        f"<title>[b]Blast[/b] {evil} at the harbour | [red]Evil[/red] Times</title>"
        f"<meta property='og:site_name' content='[red]Evil[/red] {evil} Times'>"
        "<meta property='article:author' content='https://evil.example/&#27;]0;x&#7;'>"
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", "author": '
        '{"name": "Jo \\u001b[31mLee\\u202e"}, "headline": "[bold]Blast[/] \\u001b]0;t\\u0007"}</script>'
        "<body><form><nav><a href='/'>Home</a><button>Menu</nav>"
        + "<div>" * depth
        + "<span>filler</span>" * filler
        + f"<article><h1>Blast {evil}</h1><p>Officials said 40 people were hurt [bold]literal[/] in the "
        f"blast on Monday.{evil}</p><p hidden>\x1b]0;hidden PWNED\x07</p>"
        f"<p>Witnesses saw <b>smoke</b> {evil} over the harbour.<p>The mayor said \u201cwe [/] will "
        "rebuild\u201d on Tuesday.</p><!-- never closed"
    )


@pytest.mark.parametrize(("depth", "filler"), [(0, 0), (50_000, 0), (0, 200_000)])
def test_a_hostile_web_page_loads_compares_and_exports_clean(tmp_path: Path, depth: int, filler: int) -> None:
    """Deep nesting and huge pages stay within the tree's bounds; no escape survives an entity."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "page.html").write_text(_hostile_page(depth, filler), encoding="utf-8")
    (folder / "clean.txt").write_text(CLEAN_BODY, encoding="utf-8")
    comparison = _compare(folder)
    assert check_comparison(comparison) == []
    page = next(a for a in comparison.articles if a.id == "page")
    assert "[bold]literal[/]" in page.text and "hidden" not in page.text
    assert page.outlet is not None and page.outlet.startswith("[red]Evil[/red]")
    assert page.author is not None and "evil.example" not in page.author
    for fmt in FORMATS:
        assert check_export(comparison, fmt, render(comparison, ExportRequest(fmt))) == []


def test_the_cli_never_prints_escapes_from_a_web_page(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "page.html").write_text(_hostile_page(), encoding="utf-8")
    (folder / "empty.html").write_text(
        "<html><body><nav>&#27;]0;PWNED&#7;</nav></body></html>", encoding="utf-8"
    )
    result = _storydiff("export", "--format", "txt", "story", cwd=tmp_path)
    assert "Traceback" not in result.stderr and "no article text" in result.stderr
    for stream in (result.stdout, result.stderr):
        assert FORBIDDEN.search(stream) is None
