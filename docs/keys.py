"""Print the README's key table, made from the reader's own bindings (as the help screen is).

Run: ``python docs/keys.py`` and paste the output between the ``KEYS`` markers of README.md;
``tests/test_readme.py`` fails while the README and the bindings disagree.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from tui.app.app import ReaderApp
from tui.app.screens.help import key_table_markdown
from tui.app.state import ReaderState
from tui.core.load.corpus import load_story
from tui.core.load.resources import bundled_story


async def reader_keys_markdown() -> str:
    """The key table of a reader open on the bundled story."""
    with tempfile.TemporaryDirectory() as folder:  # the user's own state stays untouched
        app = ReaderApp(load_story([bundled_story()]), state=ReaderState(Path(folder)))
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            return key_table_markdown(app.screen)


if __name__ == "__main__":
    print(asyncio.run(reader_keys_markdown()), end="")
