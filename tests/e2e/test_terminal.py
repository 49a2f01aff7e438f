"""The installed ``storydiff`` command in a real terminal (tmux), driven like a user would.

These tests read the screen as text (``tmux capture-pane``), so they check what actually
reaches a terminal: the story's words, the status line, the discrepancy the user jumped to,
and that hostile article text neither styles itself nor retitles the window.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.tmux import HEIGHT, SCROLLBAR, Terminal, flat, opening, pane_tops, storydiff_command, tmux_path
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

    def start(*args: str, height: int = HEIGHT) -> Terminal:
        terminal = Terminal([command, *args], cwd=tmp_path, height=height)
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


_BACKGROUND = re.compile(r"\x1b\[(?:[0-9;]*;)?48;2;(\d+);(\d+);(\d+)m")


def _pane_backgrounds(coloured: str) -> list[tuple[int, int, int]]:
    """The background colours set on the rows inside the panes (between their top and bottom
    borders), from ``capture-pane -e``."""
    rows = coloured.splitlines()
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", row) for row in rows]
    top = next((i for i, row in enumerate(plain) if row.startswith("╭─ ")), None)
    if top is None:
        return []
    bottom = next((i for i, row in enumerate(plain) if i > top and row.startswith("╰")), len(rows))
    found: list[tuple[int, int, int]] = []
    for row in rows[top + 1 : bottom]:
        found += [(int(r), int(g), int(b)) for r, g, b in _BACKGROUND.findall(row)]
    return found


def _dark(colour: tuple[int, int, int]) -> bool:
    red, green, blue = colour
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 90


def test_the_light_theme_restyles_every_pane_and_is_remembered(launch: Callable[..., Terminal]) -> None:
    terminal = launch()
    terminal.wait_for(lambda s: "discrepancies" in s and "Tampa Free Press" in s, "the finished comparison")
    terminal.send("}")  # a shared fact: tints in every pane
    terminal.wait_for(lambda s: "= shared ·" in s, "the shared fact's variants")
    assert any(_dark(c) for c in _pane_backgrounds(terminal.coloured_screen())), "dark theme first"
    terminal.send("C-p")
    terminal.wait_for(lambda s: "Search for commands" in s or "Theme" in s, "the command palette")
    terminal.send("theme")
    terminal.wait_for(lambda s: "Change the current theme" in s, "the theme command")
    terminal.send("Enter")
    terminal.wait_for(lambda s: "textual-light" in s, "the list of themes")
    terminal.send("textual-light")
    time.sleep(0.5)
    terminal.send("Enter")
    terminal.wait_for(lambda s: "🔎" not in s, "the palette to close")

    def light(shown: Terminal) -> bool:
        colours = _pane_backgrounds(shown.coloured_screen())
        return bool(colours) and not any(_dark(c) for c in colours)

    terminal.wait_for(
        lambda _: light(terminal), "every pane's highlights in light colours (no dark block left)"
    )
    terminal.send("q")
    assert terminal.wait_exit() and terminal.exit_status() == 0

    again = launch()  # the next run starts in the theme chosen last
    again.wait_for(lambda s: "discrepancies" in s and "Tampa Free Press" in s, "the finished comparison")
    again.wait_for(lambda _: light(again), "the panes in light colours from the start")
    again.send("q")
    assert again.wait_exit()


def _current_rows(screen: str) -> dict[str, int]:
    """The first screen row with a ▶ in each pane, by the pane's name."""
    rows = screen.splitlines()
    top = next(i for i, row in enumerate(rows) if row.startswith("╭─ "))
    labels = re.findall(r"╭─ (.*?) ─", rows[top])
    first: dict[str, int] = {}
    for number, row in enumerate(rows[top + 1 :], start=top + 1):
        if row.startswith("╰"):
            break
        for label, cell in zip(labels, row.strip().strip("│").split("││"), strict=False):
            if cell.startswith("▶") and label not in first:
                first[label] = number
    return first


LEVEL_STORY = {
    "coast-wire.txt": (
        "Coast Wire",
        [
            "A strong earthquake struck the northern coast early on Monday.",
            "The regional council met on Sunday to discuss the new ferry timetable.",
            "Local farmers said the harvest had been the best in a decade.",
            "The museum reopened its east wing after two years of repairs.",
            "Officials said rescue teams reached the harbour town by noon.",
            "Schools in the valley stayed closed for the rest of the week.",
        ],
    ),
    "valley-post.txt": (
        "Valley Post",
        [
            "A strong earthquake struck the northern coast early on Monday.",
            "Officials said rescue teams reached the harbour town by noon.",
            "Schools in the valley stayed closed for the rest of the week.",
        ],
    ),
    "harbour-radio.txt": (
        "Harbour Radio",
        [
            "Our morning show was interrupted by the first tremor.",
            "Listeners called in from every village along the bay.",
            "A strong earthquake struck the northern coast early on Monday.",
            "Officials said rescue teams reached the harbour town by noon.",
            "The lighthouse keeper described the sea pulling back from the shore.",
            "Schools in the valley stayed closed for the rest of the week.",
        ],
    ),
}
"""Three reports telling the same three facts in the same order, with different amounts of
other text before and between them: the shared statements can all be level."""


def test_aligned_statements_sit_on_the_same_row_while_scrolling(
    launch: Callable[..., Terminal], tmp_path: Path
) -> None:
    story = tmp_path / "quake"
    story.mkdir()
    for name, (outlet, paragraphs) in LEVEL_STORY.items():
        body = "\n\n".join(paragraphs)
        (story / name).write_text(f"---\ntitle: Quake\noutlet: {outlet}\n---\n{body}\n", encoding="utf-8")
    terminal = launch("quake", height=30)  # short panes: the story needs scrolling
    terminal.wait_for(lambda s: "3 sources · 3 shared" in s, "the finished comparison")
    for fact in range(3):  # each shared fact in turn: level in the three panes
        terminal.send("}")
        screen = terminal.wait_for(
            lambda s, n=fact: f"shared fact {n + 1} of 3" in s and len(_current_rows(s)) == 3,
            f"shared fact {fact + 1} in the three panes",
        )
        rows = _current_rows(screen)
        assert len(set(rows.values())) == 1, f"shared fact {fact + 1} is not level: {rows}\n{screen}"
    terminal.send("g")  # back to the top, then down line by line: the panes stay level
    terminal.wait_for(lambda s: "Our morning show" in flat(s), "the top of the story")
    seen = set()
    for _ in range(12):
        terminal.send("j")
        time.sleep(0.2)
        screen = terminal.screen()
        for words in ("A strong earthquake struck", "Officials said rescue teams", "Schools in the valley"):
            rows = [row for row in screen.splitlines() if words in row and row.startswith("│")]
            if rows:  # on screen: on one row, in all three panes
                assert len(rows) == 1 and rows[0].count(words) == 3, f"“{words}” is not level:\n{screen}"
                seen.add(words)
    assert len(seen) == 3, f"scrolling did not bring every shared statement on screen: {seen}"
    terminal.send("q")
    assert terminal.wait_exit()
