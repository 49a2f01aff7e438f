"""Where the files that ship with storydiff live, installed or in a source checkout.

A wheel carries ``corpus/`` and ``styles/`` inside the package (``tui/corpus``,
``tui/styles``); a source checkout or editable install has them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]
"""The ``tui`` package folder (this file is ``tui/core/load/resources.py``)."""
BUNDLED_STORY = "usfj-joint-force-hq"


def _first_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"storydiff's {name}/ folder is missing from the installation")


def corpus_dir() -> Path:
    """The folder holding the bundled stories."""
    return _first_dir("corpus")


def styles_dir() -> Path:
    """The folder holding the app's TCSS files."""
    return _first_dir("styles")


def bundled_story() -> Path:
    """The story the reader opens when the user names none."""
    return corpus_dir() / BUNDLED_STORY
