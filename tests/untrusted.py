"""What the tests of hostile story folders share: special files, and a guard against hanging on a FIFO."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def unblocked_after(fifo: Path, seconds: float = 3.0) -> Iterator[None]:
    """Open ``fifo``'s other end after ``seconds`` and close it, so that code blocked opening or
    reading it (the bug under test) sees the end of the file instead of hanging the test run."""
    done = threading.Event()

    def release() -> None:
        deadline = time.monotonic() + seconds
        while not done.wait(0.05):
            if time.monotonic() < deadline:
                continue
            for flags in (os.O_WRONLY | os.O_NONBLOCK, os.O_RDONLY | os.O_NONBLOCK):
                with suppress(OSError):  # nobody waiting on that side (yet)
                    os.close(os.open(fifo, flags))

    helper = threading.Thread(target=release, daemon=True)
    helper.start()
    try:
        yield
    finally:
        done.set()
        helper.join()


def special_files(folder: Path, stem: str) -> list[Path]:
    """A FIFO, and a character device like /dev/null when this user may make one (root can)."""
    fifo = folder / f"{stem}-fifo"
    os.mkfifo(fifo)
    made = [fifo]
    with suppress(PermissionError):
        os.mknod(folder / f"{stem}-null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        made.append(folder / f"{stem}-null")
    return made
