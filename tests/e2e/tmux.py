"""Drive a command in a real terminal: a detached tmux session on a private tmux server.

Each ``Terminal`` gets its own server socket (``tmux -L``), so tests never see or disturb the
user's tmux sessions or each other's, and ``close()`` removes everything it started. Waiting
is always by polling the screen for a condition, bounded by a generous timeout: nothing
here measures or asserts elapsed time.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

WIDTH = 160
HEIGHT = 48
SCROLLBAR = "▁▂▃▄▅▆▇█"
TERM = "xterm-256color"
_EXIT_MARK = "<<tmux-test exit status"
_EXIT_REPORT = re.compile(re.escape(_EXIT_MARK) + r" (\d+)>>")
POLL_SECONDS = 0.2
STARTUP_TIMEOUT = 60.0
"""Startup on a loaded 2-core CI machine can be slow; the bound only stops a hung test."""


def tmux_path() -> str | None:
    """The tmux executable, or None when it is not installed."""
    return shutil.which("tmux")


def storydiff_command() -> str | None:
    """The installed ``storydiff`` script: on PATH, or beside the interpreter running the tests."""
    beside = Path(sys.executable).parent
    return shutil.which("storydiff", path=os.pathsep.join([str(beside), os.environ.get("PATH", "")]))


def _server_environment() -> dict[str, str]:
    """This process's environment without what would mislead the program about its terminal.

    The tmux server passes its environment on to the program: COLUMNS/LINES (pytest and
    Textual's test harness set them) would make Textual draw at that size instead of the
    pane's, and TMUX would make tmux refuse to nest.
    """
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLUMNS", "LINES", "TMUX", "TMUX_PANE", "TERM"}
    }


class Terminal:
    """One command running in a WIDTH x HEIGHT tmux pane, with helpers to read and type."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        cwd: Path,
        env: Mapping[str, str] | None = None,
        width: int = WIDTH,
        height: int = HEIGHT,
    ) -> None:
        tmux = tmux_path()
        if tmux is None:
            raise RuntimeError("tmux is not installed")
        self.tmux = tmux
        self.server = f"storydiff-test-{uuid.uuid4().hex[:12]}"
        self.target = "app"
        # A shell runs the program and prints its exit status: tmux itself sometimes leaves
        # an exited program unreaped for a long time, so its pane_dead flag is not reliable.
        wrapped = ["sh", "-c", f'"$@"; echo "{_EXIT_MARK} $?>>"', "sh", *argv]
        exports = [f"-e{key}={value}" for key, value in {"COLORTERM": "truecolor", **(env or {})}.items()]
        # One tmux call, so the options hold before the program starts: TERM comes from
        # default-terminal, and remain-on-exit keeps the pane's last screen (with the exit
        # report) readable after the shell ends.
        self._tmux(
            "start-server",
            ";",
            "set-option",
            "-g",
            "default-terminal",
            TERM,
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            self.target,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(cwd),
            *exports,
            shlex.join(wrapped),
        )

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-L", self.server, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=30,
            env=_server_environment(),
        )

    def screen(self) -> str:
        """The visible screen as plain text, one line per row."""
        return self._tmux("capture-pane", "-p", "-t", self.target).stdout

    def coloured_screen(self) -> str:
        """The visible screen with its colours and styles, as escape sequences (``capture-pane -e``)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", self.target).stdout

    def send(self, *keys: str) -> None:
        """Type keys (tmux key names or literal characters).

        A lone brace is sent literally: tmux's command parser takes ``{`` and ``}`` for the
        brackets of a command block and would drop them."""
        for key in keys:
            literal = ["-l"] if key in ("{", "}") else []
            self._tmux("send-keys", "-t", self.target, *literal, key)

    def display(self, format_: str) -> str:
        """A tmux format evaluated for the pane, e.g. ``#{pane_title}``."""
        return self._tmux("display-message", "-p", "-t", self.target, format_).stdout.rstrip("\n")

    def exit_status(self) -> int | None:
        """The program's exit status once it has ended, else None (read from the shell's report)."""
        # The report may have scrolled into the history (the program can exit with the
        # cursor on the last row), so search that too.
        history = self._tmux("capture-pane", "-p", "-S", "-", "-t", self.target).stdout
        found = _EXIT_REPORT.search(history)
        return int(found.group(1)) if found else None

    def exited(self) -> bool:
        """True once the program has ended."""
        return self.exit_status() is not None

    def wait_for(
        self,
        condition: Callable[[str], bool],
        what: str,
        timeout: float = STARTUP_TIMEOUT,
        poll: float = POLL_SECONDS,
    ) -> str:
        """Poll the screen until ``condition(screen)`` holds; fail with the last screen if it never does."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not condition(screen):
            if self.exited():
                raise AssertionError(f"the program ended while waiting for {what}; last screen:\n{screen}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; last screen:\n{screen}")
            time.sleep(poll)
            screen = self.screen()
        return screen

    def wait_exit(self, timeout: float = STARTUP_TIMEOUT) -> bool:
        """Poll until the program ends; False if it is still running at the timeout."""
        deadline = time.monotonic() + timeout
        while not self.exited():
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL_SECONDS)
        return True

    def close(self) -> None:
        """Kill this test's private tmux server and everything running in it."""
        self._tmux("kill-server", check=False)


def flat(text: str) -> str:
    """Text with every run of whitespace (line ends included) made one space."""
    return " ".join(text.split())


def opening(text: str, limit: int = 20) -> str:
    """The first words of ``text`` that fit in ``limit`` cells: short enough never to be wrapped."""
    words: list[str] = []
    for word in text.split():
        if words and len(" ".join([*words, word])) > limit:
            break
        words.append(word)
    return " ".join(words)


def pane_tops(screen: str, rows_shown: int = 4) -> dict[str, str]:
    """The first text rows of each visible pane's scrolling body, by the label in its top border.

    A pane row is ``│`` + two gutter cells + text (+ scrollbar) + ``│``; panes sit side by
    side; a row of ``─`` separates each pane's header (title, date) from its body.
    """
    rows = screen.splitlines()
    top = next((i for i, row in enumerate(rows) if row.startswith("╭─ ")), None)
    if top is None:
        return {}
    labels = re.findall(r"╭─ (.*?) ─", rows[top])
    cells: list[list[str]] = [[] for _ in labels]
    for row in rows[top + 1 :]:
        if row.startswith("╰"):
            break
        for index, cell in enumerate(row.strip().strip("│").split("││")[: len(labels)]):
            cells[index].append(cell)
    tops = {}
    for label, column in zip(labels, cells, strict=False):
        separator = next((i for i, c in enumerate(column) if set(c) == {"─"}), None)
        if separator is None:
            continue
        body = column[separator + 1 :]
        tops[label] = flat(" ".join(c[2:].rstrip().rstrip(SCROLLBAR) for c in body[:rows_shown]))
    return tops
