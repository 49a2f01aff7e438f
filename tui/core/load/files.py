"""Open files from a story folder that someone else made: regular files only, bounded, never a link out.

A story folder is downloaded or sent, so its names are hostile too: ``f.md`` may be a FIFO
(reading it waits forever), ``z.md`` a link to ``/dev/zero`` (reading it never ends) and
``x.txt`` a link to ``/etc/shadow`` (reading it puts a secret into an export). Every file
storydiff reads goes through :func:`read_regular`, which refuses anything but a regular
file and stops at a size limit however the file grows while it is read; folders are listed
through :func:`outside_link`, which tells the links that leave the folder, so that only files
the user named are read from elsewhere.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check cannot block the open
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 20


class FileRefused(OSError):
    """A file storydiff will not read (or write): not a regular file, too big, or outside the folder.

    ``str()`` is the one-line reason; ``hint`` says what to do about it; ``size`` is set when
    the file was refused for its size.
    """

    def __init__(self, reason: str, hint: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint
        self.size = size

    def __str__(self) -> str:
        return self.reason


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a FIFO", "a character device")."""
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def not_regular(mode: int) -> FileRefused:
    """The refusal for a file of this ``mode`` (anything but a regular file)."""
    return FileRefused(
        f"is {kind_of(mode)}, not a regular file; storydiff reads and writes only regular files",
        "name a regular file",
    )


def too_large(size: int, limit: int) -> FileRefused:
    """The refusal for a file over ``limit`` bytes."""
    return FileRefused(
        f"file is {size} bytes; the limit is {limit} bytes",
        "split the file or remove what is not needed",
        size,
    )


class UnusablePath(Exception):
    """A path the user named that cannot be used: ``str()`` is the one-line message naming it."""


def named_mode(path: Path, missing: str) -> int:
    """The mode (``st_mode``) of ``path``, a path the user named, links followed.

    Raises ``UnusablePath`` saying ``missing`` when nothing is there, and what the system
    said (a name too long, a loop of links, no permission) when it cannot be looked at.
    """
    try:
        return path.stat().st_mode
    except FileNotFoundError as error:
        raise UnusablePath(f"{path}: {missing}") from error
    except OSError as error:
        raise UnusablePath(f"{path}: cannot open it ({error.strerror or error}); check the name") from error


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Raises ``FileRefused`` for anything else (checked before the file is opened, so opening a
    device has no side effect, and again on the open file, so a file swapped in between is
    caught too) and ``OSError`` when the file cannot be opened. Never reads more than
    ``limit + 1`` bytes, even from a file that grows as it is read.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise not_regular(mode)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(info.st_mode)
        if info.st_size > limit:
            raise too_large(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise too_large(total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def outside_link(path: Path, folder: Path) -> bool:
    """True when ``path`` (an entry of ``folder``) is a symbolic link that leads out of ``folder``."""
    if not path.is_symlink():
        return False
    target = os.path.realpath(path)
    root = os.path.realpath(folder)
    return os.path.commonpath([root, target]) != root
