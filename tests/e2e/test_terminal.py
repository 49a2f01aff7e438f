"""The installed ``storydiff`` command in a real terminal (tmux), driven like a user would.

These tests read the screen as text (``tmux capture-pane``), so they check what actually
reaches a terminal: the story's words, the status line, the discrepancy the user jumped to,
and that hostile article text neither styles itself nor retitles the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Callable

import pytest

from tests.e2e.tmux import Terminal, storydiff_command, tmux_path
from tui.core.annotations import load_annotations
from tui.core.corpus import load_story
from tui.core.model import Article, Comparison
from tui.core.pipeline import build_comparison
from tui.core.resources import bundled_story

pytestmark = pytest.mark.e2e

SCROLLBAR = "▁▂▃▄▅▆▇█"
HOSTILE_BODY = (
    "Officials said 40 people were hurt [bold]literal[/] in the blast on Monday.\x1b]0;PWNED\x07\n"
    "\x1b[2JWitnesses saw [link=http://x]y[/link] smoke over the harbour.\n"
)
CLEAN_BODY = (
    "Officials said 45 people were hurt in the blast on Monday.\n"
    "Witnesses saw thick smoke over the harbour.\n"
)


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Start ``storydiff ARGS`` in a fresh terminal whose working folder is ``tmp_path``."""
    if tmux_path() is None:
        pytest.skip("tmux is not installed; the end-to-end tests need a real terminal "
                    "(apt-get install tmux, as .ci/run does)")
    command = storydiff_command()
    if command is None:
        pytest.fail("the storydiff command is not installed: run `pip install .` first")
    terminals: list[Terminal] = []

    def start(*args: str) -> Terminal:
        terminal = Terminal([command, *args], cwd=tmp_path)
        terminals.append(terminal)
        return terminal

    try:
        yield start
    finally:
        for terminal in terminals:
            terminal.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _opening(text: str, limit: int = 20) -> str:
    """The first words of ``text`` that fit in ``limit`` cells: short enough never to be wrapped."""
    words: list[str] = []
    for word in text.split():
        if words and len(" ".join([*words, word])) > limit:
            break
        words.append(word)
    return " ".join(words)


def _pane_tops(screen: str, rows_shown: int = 4) -> dict[str, str]:
    """The first text rows of each visible pane's scrolling body, by the label in its top border.

    A pane row is ``│`` + two gutter cells + text (+ scrollbar) + ``│``; panes sit side by
    side; a row of ``─`` separates each pane's header (title, date) from its body.
    """
    rows = screen.splitlines()
    top = next(i for i, row in enumerate(rows) if row.startswith("╭─ "))
    labels = re.findall(r"╭─ (.*?) ─", rows[top])
    cells: list[list[str]] = [[] for _ in labels]
    for row in rows[top + 1:]:
        if row.startswith("╰"):
            break
        for index, cell in enumerate(row.strip().strip("│").split("││")[:len(labels)]):
            cells[index].append(cell)
    tops = {}
    for label, column in zip(labels, cells):
        body = column[next(i for i, c in enumerate(column) if set(c) == {"─"}) + 1:]
        tops[label] = _flat(" ".join(c[2:].rstrip().rstrip(SCROLLBAR) for c in body[:rows_shown]))
    return tops


def _current_lines(screen: str) -> list[str]:
    """The text beside each pane's current-statement marker (▶), gutter glyph and scrollbar removed."""
    found = []
    for row in screen.splitlines():
        for cell in row.split("│"):
            if "▶" in cell:
                after = cell.split("▶", 1)[1][1:]
                found.append(_flat(after.rstrip().rstrip(SCROLLBAR)))
    return found


def _paragraph(article: Article, offset: int) -> str:
    start, end = article.paragraphs[article.paragraph_at(offset)]
    return _flat(article.text[start:end])


def _bundled() -> Comparison:
    story = load_story([bundled_story()])
    annotations_path = Path(story.annotations_path) if story.annotations_path else None
    return build_comparison(story, load_annotations(annotations_path))


def test_next_discrepancy_scrolls_every_pane_to_it_and_names_it(launch: Callable[..., Terminal]) -> None:
    comparison = _bundled()
    first = comparison.clusters_of("discrepancy")[0]
    opening = comparison.articles[0]
    summary = f"{len(comparison.clusters_of('discrepancy'))} discrepancies"

    terminal = launch()
    screen = terminal.wait_for(
        lambda s: f"─ {opening.label} ─" in s and _opening(opening.text) in _flat(s) and summary in s,
        "the first article's pane with its text, and the finished comparison's summary",
    )
    assert "DISCREPANCY" not in screen and "▶" not in screen

    terminal.send("]")
    screen = terminal.wait_for(lambda s: "DISCREPANCY" in s and "▶" in s,
                               "the first discrepancy to become current")
    assert f"DISCREPANCY ({first.discrepancy_type})" in screen
    assert f"{first.support} source(s)" in screen
    for value in first.values.values():
        assert _opening(value, 15) in _flat(screen)

    markers = _current_lines(screen)
    articles = {a.id: a for a in comparison.articles}
    paragraphs = {m.article: _paragraph(articles[m.article], m.start) for m in first.members}
    assert markers and all(any(line in p for p in paragraphs.values()) for line in markers), (
        f"a pane's current line is not a statement of the discrepancy: {markers}")
    tops = _pane_tops(screen)
    shown = [m for m in first.members if articles[m.article].label in tops]
    assert shown, f"no pane holding the discrepancy is shown: {list(tops)}"
    for member in shown:
        label = articles[member.article].label
        assert _opening(member.text) in tops[label], (
            f"the {label} pane did not scroll its statement to the top: {tops[label]!r}")

    terminal.send("q")
    assert terminal.wait_exit(), "q did not end storydiff"
    assert terminal.exit_status() == 0


def test_hostile_article_is_shown_literally_and_cannot_retitle_the_window(
    launch: Callable[..., Terminal], tmp_path: Path
) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "[bold]x[link=y].txt").write_text(
        "---\ntitle: '[b]Blast[/b] at the harbour'\noutlet: '[red]Evil[/red] Times'\n---\n" + HOSTILE_BODY,
        encoding="utf-8")
    (story / "clean.txt").write_text("---\ntitle: Blast at the harbour\n---\n" + CLEAN_BODY,
                                     encoding="utf-8")
    # Unreadable, so its name is shown in the reader's problem banner.
    (story / "\x1b]0;PWNED\x07.txt").write_bytes(b"binary\x00junk")

    terminal = launch("story")
    screen = terminal.wait_for(lambda s: "Witnesses saw thick smoke" in s and "[bold]literal[/]" in s,
                               "both articles' text")
    assert "[link=http://x]y[/link]" in screen
    assert "[red]Evil[/red] Times" in screen
    assert "PWNED" not in terminal.display("#{pane_title}"), "article or file name text retitled the window"
    assert "PWNED" not in screen
    assert "binary file" in screen, "the unreadable file should be reported in the banner"

    terminal.send("q")
    assert terminal.wait_exit(), "q did not end storydiff"
    assert terminal.exit_status() == 0
