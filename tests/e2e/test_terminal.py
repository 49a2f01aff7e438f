"""The installed ``storydiff`` command in a real terminal (tmux), driven like a user would.

These tests read the screen as text (``tmux capture-pane``), so they check what actually
reaches a terminal: the story's words, the status line, the discrepancy the user jumped to,
and that hostile article text neither styles itself nor retitles the window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import SCROLLBAR, Terminal, flat, opening, pane_tops, storydiff_command, tmux_path
from tui.core.annotate.schema import load_annotations
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.model import Article, Comparison
from tui.core.pipeline import build_comparison
from tui.core.views.names import source_names

pytestmark = pytest.mark.e2e

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
        pytest.skip(
            "tmux is not installed; the end-to-end tests need a real terminal "
            "(apt-get install tmux, as .ci/run does)"
        )
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


def _current_lines(screen: str) -> list[str]:
    """The text beside each pane's current-statement marker (▶), gutter glyph and scrollbar removed."""
    found = []
    for row in screen.splitlines():
        if "What the marks mean" in row:  # the first run's legend shows a ▶ too
            continue
        for cell in row.split("│"):
            if "▶" in cell:
                after = cell.split("▶", 1)[1][1:]
                found.append(flat(after.rstrip().rstrip(SCROLLBAR)))
    return found


def _paragraph(article: Article, offset: int) -> str:
    start, end = article.paragraphs[article.paragraph_at(offset)]
    return flat(article.text[start:end])


def _bundled() -> Comparison:
    story = load_story([bundled_story()])
    annotations_path = Path(story.annotations_path) if story.annotations_path else None
    return build_comparison(story, load_annotations(annotations_path))


def test_next_discrepancy_scrolls_every_pane_to_it_and_names_it(launch: Callable[..., Terminal]) -> None:
    comparison = _bundled()
    first = comparison.clusters_of("discrepancy")[0]
    names = source_names(comparison.articles)
    summary = f"{len(comparison.clusters_of('discrepancy'))} discrepancies"
    third = comparison.articles[2]  # its text starts the pane; the first two open on filler

    terminal = launch()
    screen = terminal.wait_for(
        lambda s: f"─ {names[third.id]} ─" in s and opening(third.text) in flat(s) and summary in s,
        "the third article's pane with its text, and the finished comparison's summary",
    )
    assert "No fact selected" in screen and "DISCREPANCY (" not in screen

    terminal.send("]")
    articles = {a.id: a for a in comparison.articles}

    def scrolled(screen: str) -> bool:
        if "DISCREPANCY" not in screen:
            return False
        tops = pane_tops(screen)
        shown = [m for m in first.members if names[m.article] in tops]
        return bool(shown) and all(opening(m.text) in tops[names[m.article]] for m in shown)

    # The panes scroll a frame after the discrepancy becomes current: wait for the final screen.
    screen = terminal.wait_for(
        scrolled, "every shown pane to bring its statement of the first discrepancy to the top"
    )
    assert f"DISCREPANCY ({first.discrepancy_type})" in screen
    assert f"{first.support} sources" in screen
    assert all(names[m.article] in pane_tops(screen) for m in first.members)  # every side shown
    for value in first.values.values():
        assert opening(value, 15) in flat(screen)
    paragraphs = [_paragraph(articles[m.article], m.start) for m in first.members]
    markers = _current_lines(screen)
    assert markers and all(any(line in p for p in paragraphs) for line in markers), (
        f"a pane marks as current a line that is not a statement of the discrepancy: {markers}"
    )

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
        encoding="utf-8",
    )
    (story / "clean.txt").write_text("---\ntitle: Blast at the harbour\n---\n" + CLEAN_BODY, encoding="utf-8")
    # Unreadable, so its name is shown in the reader's problem banner.
    (story / "\x1b]0;PWNED\x07.txt").write_bytes(b"binary\x00junk")

    terminal = launch("story")
    screen = terminal.wait_for(
        lambda s: "Witnesses saw thick smoke" in s and "[bold]literal[/]" in s, "both articles' text"
    )
    assert "[link=http://x]y[/link]" in screen
    assert "[red]Evil[/red] Times" in screen
    assert "PWNED" not in terminal.display("#{pane_title}"), "article or file name text retitled the window"
    assert "binary file" in screen, "the unreadable file should be reported in the banner"
    assert "\\x1b]0;PWNED\\x07.txt" in screen, "the banner should spell the file name's escapes out"

    terminal.send("q")
    assert terminal.wait_exit(), "q did not end storydiff"
    assert terminal.exit_status() == 0
