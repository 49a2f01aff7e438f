"""What the reader remembers between runs: the theme, the last export format, whether the
legend has been shown, and each story's marked facts.

It lives in the user's state folder (``$XDG_STATE_HOME/storydiff/state.json``, by default
``~/.local/state/storydiff/state.json``), never in a story folder: a story may be read-only,
shared or under version control, and what one reader marked is not part of the story. The
file is small JSON, rewritten atomically; a missing, unreadable or damaged file means
"nothing remembered", and a file that cannot be written costs only the memory, never the
session.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from tui.core.load.atomic import atomic_write_text

STATE_FILE = "state.json"
MAX_STORIES = 200
"""Stories whose marks are kept; the oldest are forgotten past this."""


def state_dir() -> Path:
    """``$XDG_STATE_HOME/storydiff``, else ``~/.local/state/storydiff`` (the XDG default)."""
    base = os.environ.get("XDG_STATE_HOME", "").strip()
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "state"
    return root / "storydiff"


def story_key(path: str, article_ids: Iterable[str]) -> str:
    """Names one story: its resolved path and which articles it holds (a subset of a folder's
    files is another story)."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()[:16]
    try:
        resolved = str(Path(path).resolve())
    except OSError:
        resolved = path
    return f"{resolved}#{digest}"


class ReaderState:
    """The remembered settings; each setter writes the file at once (a crash loses nothing)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or state_dir()) / STATE_FILE
        self._data: dict[str, object] = self._read()

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(self._data, indent=1, sort_keys=True), overwrite=True)
        except OSError:
            pass  # no state folder (read-only home): the session goes on, unremembered

    def _text(self, key: str) -> str | None:
        value = self._data.get(key)
        return value if isinstance(value, str) else None

    def _set(self, key: str, value: object) -> None:
        if self._data.get(key) != value:
            self._data[key] = value
            self._write()

    @property
    def theme(self) -> str | None:
        """The theme last chosen, if any."""
        return self._text("theme")

    @theme.setter
    def theme(self, name: str) -> None:
        self._set("theme", name)

    @property
    def export_format(self) -> str | None:
        """The export format last used, if any."""
        return self._text("export_format")

    @export_format.setter
    def export_format(self, fmt: str) -> None:
        self._set("export_format", fmt)

    @property
    def legend_seen(self) -> bool:
        """Whether the first-run legend has been shown."""
        return self._data.get("legend_seen") is True

    def see_legend(self) -> None:
        """Remember that the legend was shown."""
        self._set("legend_seen", True)

    def _stories(self) -> dict[str, object]:
        stories = self._data.get("stories")
        if not isinstance(stories, dict):
            stories = {}
            self._data["stories"] = stories
        return stories

    def marks(self, story: str) -> dict[str, str]:
        """The facts marked in ``story`` (a ``story_key``) last time: cluster id -> its label."""
        entry = self._stories().get(story)
        marks = entry.get("marks") if isinstance(entry, dict) else None
        if not isinstance(marks, dict):
            return {}
        return {k: v for k, v in marks.items() if isinstance(k, str) and isinstance(v, str)}

    def set_marks(self, story: str, marks: Mapping[str, str]) -> None:
        """Remember the marked facts of ``story`` (cluster id -> label; empty forgets them)."""
        stories = self._stories()
        stories.pop(story, None)  # re-inserted last: the most recently used story
        if marks:
            stories[story] = {"marks": dict(marks)}
        while len(stories) > MAX_STORIES:
            stories.pop(next(iter(stories)))
        self._write()
