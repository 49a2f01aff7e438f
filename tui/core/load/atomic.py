"""Write a file so that readers only ever see the old content or the complete new one.

Exports and annotation edits both go through here: a crash, a full disk or a Ctrl+C halfway
through must never leave a truncated file where the user's work was. The data goes to a
temporary file in the same folder (so the final rename stays on one file system), is
fsynced, then takes the target's name in one step. When overwriting is not allowed the
final step is a hard link, which fails atomically if the name exists, so a file that
appears between our check and our write is never clobbered.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

# Errors from os.link that mean "this file system cannot hard-link", not "the name exists".
_NO_LINK = {
    errno.EPERM,
    errno.EACCES,
    errno.ENOTSUP,
    errno.EOPNOTSUPP,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
}


def atomic_write_text(path: Path | str, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` as UTF-8, exactly as given (no newline translation), atomically."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def atomic_write_chunks(path: Path | str, chunks: Iterable[str], *, overwrite: bool = False) -> None:
    """:func:`atomic_write_text` for text made piece by piece: each piece is encoded and
    written as it comes, so a large export is never held whole (nor its bytes beside it)."""
    _atomic_write(path, (chunk.encode("utf-8") for chunk in chunks), overwrite)


def atomic_write_bytes(path: Path | str, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically.

    Raises ``FileExistsError`` when ``path`` exists and ``overwrite`` is False. On any
    failure the previous file (if any) is untouched and no temporary file is left behind.
    A symbolic link is followed, so the file it points to is replaced, not the link.
    """
    _atomic_write(path, (data,), overwrite)


def _atomic_write(path: Path | str, data: Iterable[bytes], overwrite: bool) -> None:
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder (name a file to write)", str(target))
    if not overwrite and target.exists():
        raise FileExistsError(
            errno.EEXIST, "file exists (choose another name or allow overwriting)", str(target)
        )
    mode = _mode_for(target)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        _write_new(temp, data, mode)
        if overwrite:
            os.replace(temp, target)
        else:
            _publish_exclusive(temp, target)
        _fsync_dir(target.parent)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temp)


def _mode_for(target: Path) -> int | None:
    """An existing file's permissions, kept on replacement; None for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return None


def _write_new(temp: Path, data: Iterable[bytes], mode: int | None) -> None:
    """Create ``temp`` (0o666 less the umask, like any new file) and make its bytes durable."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        for piece in data:
            handle.write(piece)
        handle.flush()
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(temp, mode)


def _publish_exclusive(temp: Path, target: Path) -> None:
    """Give ``temp`` the name ``target`` only if nothing holds that name yet."""
    try:
        os.link(temp, target)
        return
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINK:
            raise
    # No hard links here (FAT, some network shares): claim the name with O_EXCL, then
    # replace the empty placeholder; if that fails, give the name back.
    placeholder = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(placeholder)
    try:
        os.replace(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(target)
        raise


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
