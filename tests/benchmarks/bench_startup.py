"""How fast storydiff opens and answers ``]`` in a real terminal (prints a Markdown table; asserts nothing).

Run from the repository root (tmux needed):
    /work/venv/bin/python tests/benchmarks/bench_startup.py [--repeat 5] [--articles 200]

Each run starts the program in a fresh 160x48 tmux pane and polls ``capture-pane`` every
~20 ms. It measures, as medians over the repetitions:
- launch -> the first article's text on screen, for the installed ``storydiff`` on the bundled
  story and for a bare Textual app (a header, a label and a footer, run by the same Python),
  and their ratio (target: at most 1.5x);
- pressing ``]`` (once the comparison has finished) -> the first repaint (the screen changes),
  and -> every pane showing the discrepancy's statement (the current-statement marker drawn);
- for reference, a plain Textual app showing the bundled story's first four texts in
  bordered scrolling panes with a status line and a footer (no storydiff code, no
  highlights): how much of the time any Textual reader of these texts pays;
- the same storydiff figures for a synthetic story of ``--articles`` articles
  (bench_engine.write_story: the bundled texts with numbers changed, words swapped,
  sentences dropped and shuffled; fixed seed).
The 20 ms polling (and a tmux round trip per poll) limits the resolution to a few tens of ms.

storydiff's bytecode is written first, as ``pip install`` does: an editable install run with
PYTHONDONTWRITEBYTECODE set (as on the development machine) would otherwise compile every
module of the package on each launch, which no installed copy does (the bare app's Textual
is already compiled in site-packages).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

# A script run by path gets its own folder on sys.path, not the repository root that holds
# the shared tmux driver and story generator.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import tui
from tests.benchmarks.bench_engine import write_story
from tests.e2e.tmux import Terminal, storydiff_command, tmux_path
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story
from tui.core.views.names import source_names

POLL = 0.02
TIMEOUT = 600.0
BARE_MARK = "bare textual app ready"
BARE_APP = f"""\
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label({BARE_MARK!r})
        yield Footer()


Bare().run()
"""

PANES_TITLE = "plain pane 0"
PANES_APP = """\
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

TEXTS = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:5]]


class Panes(App[None]):
    CSS = \"\"\"
    Horizontal { height: 1fr; }
    VerticalScroll { width: 1fr; height: 1fr; border: round $panel-lighten-2; }
    VerticalScroll Static { padding-right: 1; }
    \"\"\"
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("status line")
        with Horizontal():
            for index, text in enumerate(TEXTS):
                pane = VerticalScroll(Static(Content(text)))
                pane.border_title = f"plain pane {index}"
                yield pane
        yield Footer()


Panes().run()
"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _opening(folder: Path) -> tuple[str, str]:
    """The first pane's title and the first words of its text: what shows the story is on screen."""
    articles = load_story([folder]).articles
    article = articles[0]
    words: list[str] = []
    for word in article.text.split():
        if words and len(" ".join([*words, word])) > 20:
            break
        words.append(word)
    return f"─ {source_names(articles)[article.id]} ─", " ".join(words)


def time_launch(argv: list[str], ready: tuple[str, ...], cwd: Path) -> tuple[float, Terminal]:
    """Seconds from starting ``argv`` to every string of ``ready`` being on screen."""
    started = time.perf_counter()
    terminal = Terminal(argv, cwd=cwd)
    terminal.wait_for(
        lambda s: all(part in _flat(s) for part in ready), "the first screen", timeout=TIMEOUT, poll=POLL
    )
    return time.perf_counter() - started, terminal


def time_next_discrepancy(terminal: Terminal) -> tuple[float, float]:
    """Seconds from ``]`` to the first repaint, and to the current-statement marker being drawn."""
    terminal.wait_for(
        lambda s: " discrepancies · " in s, "the comparison to finish", timeout=TIMEOUT, poll=POLL
    )
    before = terminal.screen()
    terminal.send("]")
    started = time.perf_counter()
    terminal.wait_for(lambda s: s != before, "a repaint", timeout=TIMEOUT, poll=POLL)
    first = time.perf_counter() - started
    terminal.wait_for(
        lambda s: "▶" in s and "DISCREPANCY" in s, "the discrepancy", timeout=TIMEOUT, poll=POLL
    )
    return first, time.perf_counter() - started


def measure_storydiff(command: str, folder: Path, repeat: int, cwd: Path) -> dict[str, float]:
    launches, repaints, settled = [], [], []
    ready = _opening(folder)
    for _ in range(repeat):
        seconds, terminal = time_launch([command, str(folder)], tuple(_flat(r) for r in ready), cwd)
        try:
            launches.append(seconds)
            first, done = time_next_discrepancy(terminal)
            repaints.append(first)
            settled.append(done)
        finally:
            terminal.close()
    return {
        "launch": statistics.median(launches),
        "repaint": statistics.median(repaints),
        "settled": statistics.median(settled),
    }


def measure_plain(argv: list[str], ready: tuple[str, ...], repeat: int, cwd: Path) -> float:
    """Median seconds from launch to ``ready`` on screen, for a program that is not storydiff."""
    launches = []
    for _ in range(repeat):
        seconds, terminal = time_launch(argv, ready, cwd)
        terminal.close()
        launches.append(seconds)
    return statistics.median(launches)


def installed_command() -> str | None:
    """The installed ``storydiff`` with its bytecode written (see above), or None (said on
    stderr) without tmux or the command."""
    command = storydiff_command()
    if tmux_path() is None or command is None:
        print("needs tmux and an installed storydiff command", file=sys.stderr)
        return None
    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)
    return command


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="launches per program (default 5)")
    parser.add_argument("--articles", type=int, default=200, help="size of the synthetic story (default 200)")
    options = parser.parse_args()
    command = installed_command()
    if command is None:
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        os.environ["XDG_STATE_HOME"] = str(work / "state")  # every launch a first run, as alike
        script = work / "bare_app.py"
        script.write_text(textwrap.dedent(BARE_APP), encoding="utf-8")
        bare = measure_plain([sys.executable, str(script)], (BARE_MARK,), options.repeat, work)
        panes_script = work / "plain_panes.py"
        panes_script.write_text(PANES_APP, encoding="utf-8")
        texts = []
        for index, article in enumerate(load_story([bundled_story()]).articles[:4]):
            texts.append(work / f"text-{index}.txt")
            texts[-1].write_text(article.text, encoding="utf-8")
        plain = measure_plain(
            [sys.executable, str(panes_script), *map(str, texts)],
            (f"─ {PANES_TITLE} ─", _opening(bundled_story())[1]),
            options.repeat,
            work,
        )
        bundled = measure_storydiff(command, bundled_story(), options.repeat, work)
        large_folder = write_story(work / "synthetic", options.articles)
        large = measure_storydiff(command, large_folder, max(1, options.repeat // 2), work)
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    print(
        f"| measure (median, {options.repeat} runs; 160x48 tmux, polled every 20 ms) "
        f"| bundled story (5 articles) | synthetic, {options.articles} articles |"
    )
    print("|---|---:|---:|")
    print(f"| launch -> story text on screen | {ms(bundled['launch'])} | {ms(large['launch'])} |")
    print(f"| bare Textual app (header, label, footer) -> on screen | {ms(bare)} | |")
    print(
        f"| plain Textual panes with the same four texts -> on screen | {ms(plain)} ({plain / bare:.2f}x) | |"
    )
    print(
        f"| ratio storydiff / bare app (target <= 1.5x) | {bundled['launch'] / bare:.2f}x "
        f"| {large['launch'] / bare:.2f}x |"
    )
    print(f"| `]` -> first repaint | {ms(bundled['repaint'])} | {ms(large['repaint'])} |")
    print(f"| `]` -> every pane at the discrepancy | {ms(bundled['settled'])} | {ms(large['settled'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
