"""The line above the panes: what is loading, how far the comparison has got, and problems.

The progress bar is mounted by ``add_progress_bar`` once the reader's first frame is up:
the comparison, whose progress it shows, starts only then, and the text shows sooner
without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from tui.core.load.sanitize import visible_text
from tui.core.story import Diagnostic

if TYPE_CHECKING:
    from textual.widgets import ProgressBar


class StatusBar(Vertical):
    """Progress of the analysis, a summary once done, and an error banner when needed.

    Everything it shows passes through ``visible_text``: summaries name the story, hints the
    sources, problems the files, and all of those come from a story folder.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bar: ProgressBar | None = None
        self._progress: float | None = 0.0
        """The last fraction shown, or None once the summary replaced the progress."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="status-line"):
            yield Static("", id="status-text", markup=False)
            yield Static("", id="status-hint", markup=False)
        yield Static("", id="banner", markup=False)

    def on_mount(self) -> None:
        self.query_one("#banner").display = False

    async def add_progress_bar(self) -> None:
        """Mount the progress bar, showing the progress reported so far (if still running)."""
        from textual.widgets import ProgressBar

        bar = ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="progress")
        bar.display = self._progress is not None
        bar.update(progress=self._progress or 0.0)
        await self.query_one("#status-line").mount(bar)
        self.bar = bar

    def show_progress(self, fraction: float, text: str) -> None:
        """Show the worker's progress (fraction in [0, 1]) and what it is doing."""
        self._progress = min(max(fraction, 0.0), 1.0)
        if self.bar is not None:
            self.bar.display = True
            self.bar.update(progress=self._progress)
        self.query_one("#status-text", Static).update(Content(visible_text(text)))

    def show_summary(self, text: str) -> None:
        """Replace the progress with a one-line summary of the finished comparison."""
        self._progress = None
        if self.bar is not None:
            self.bar.display = False
        self.query_one("#status-text", Static).update(Content(visible_text(text)))

    def show_hint(self, text: str) -> None:
        """A short right-aligned note: which sources are shown, which search match..."""
        self.query_one("#status-hint", Static).update(Content(visible_text(text)))

    @property
    def hint_text(self) -> str:
        """The hint's plain text."""
        return str(self.query_one("#status-hint", Static).content)

    def show_problems(self, title: str, problems: Sequence[Diagnostic | str]) -> None:
        """Show a banner listing problems (e.g. a broken annotation file); the reader stays usable."""
        banner = self.query_one("#banner", Static)
        lines = [visible_text(str(problem)) for problem in problems[:5]]
        if len(problems) > 5:
            lines.append(f"... and {len(problems) - 5} more")
        banner.update(Content.assemble((visible_text(title), "bold"), "\n", "\n".join(lines)))
        banner.display = True

    def hide_problems(self) -> None:
        """Hide the banner (the problems stay in ``storydiff check`` and the exports)."""
        self.query_one("#banner", Static).display = False

    @property
    def banner_text(self) -> str:
        """The banner's plain text ("" while hidden)."""
        banner = self.query_one("#banner", Static)
        return str(banner.content) if banner.display else ""
