"""Every test runs with its own empty state folder: what the reader remembers between runs
(theme, marks, export format) never leaks from the user's home into a test, or between tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``XDG_STATE_HOME`` pointed at a fresh folder for this test (returned)."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder
