"""What the reader remembers lives in the user's state folder and survives bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.state import ReaderState, state_dir, story_key


def test_the_state_folder_follows_xdg_and_defaults_to_local_state(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert state_dir() == tmp_path / "storydiff"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")  # XDG: relative paths are invalid
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_dir() == tmp_path / "home" / ".local" / "state" / "storydiff"


def test_settings_and_marks_are_written_at_once_and_read_back(private_state: Path) -> None:
    state = ReaderState()
    state.theme = "textual-light"
    state.export_format = "md"
    state.see_legend()
    key = story_key("/stories/quake", ["b", "a"])
    state.set_marks(key, {"c001": "Death toll: 12 or 15"})
    again = ReaderState()
    assert (again.theme, again.export_format, again.legend_seen) == ("textual-light", "md", True)
    assert again.marks(key) == {"c001": "Death toll: 12 or 15"}
    assert again.marks(story_key("/stories/quake", ["a"])) == {}  # another set of articles
    again.set_marks(key, {})
    assert ReaderState().marks(key) == {}
    assert (private_state / "storydiff" / "state.json").exists()


def test_a_damaged_or_unwritable_state_is_only_forgotten(private_state: Path) -> None:
    folder = private_state / "storydiff"
    folder.mkdir()
    (folder / "state.json").write_text("{not json", encoding="utf-8")
    state = ReaderState()
    assert state.theme is None and not state.legend_seen
    (folder / "state.json").write_text('{"theme": 3, "stories": []}', encoding="utf-8")
    assert ReaderState().theme is None and ReaderState().marks("x") == {}
    blocked = ReaderState(private_state / "a-file")
    (private_state / "a-file").write_text("", encoding="utf-8")  # the folder is a file: cannot write
    blocked.theme = "textual-light"  # no error: the session goes on
    assert blocked.theme == "textual-light"
