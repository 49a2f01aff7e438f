"""Write a file so that readers only ever see the old content or the complete new one.

Exports and annotation edits both go through here: a crash, a full disk or a Ctrl+C halfway
through must never leave a truncated file where the user's work was. The data goes to a
temporary file in the same folder (so the final rename stays on one file system), is
fsynced, then takes the target's name in one step. When overwriting is not allowed the
final step is a hard link, which fails atomically if the name exists, so a file that
appears between our check and our write is never clobbered.

Only a regular file is ever replaced, and never one that is read-only or belongs to someone
else (a rename would silently make it writable, or ours): a device node, a FIFO, or a link
that leads out of the folder the write is confined to (``within``; by default the folder the
link is in, so that ``story/shadow.txt -> /etc/shadow`` is never written through) is refused
with the reason. ``expect`` guards against lost updates: the target must still hold exactly those
bytes when the new file takes its place, else ``TargetChanged`` is raised and nothing is
written. Temporary files left by a killed writer are removed by the next write to the same
name, once no writer holds them.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from tui.core.load.files import FileRefused, not_regular, read_regular

_flock: Callable[[int], None] | None
try:
    import fcntl

    def _flock(fd: int) -> None:
        """Lock ``fd`` for this writer, or raise OSError when another process holds it."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

except ImportError:  # not on Windows: orphans are then left alone
    _flock = None

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
TEMP_STEM_BYTES = 200
"""Bytes of the target's name kept in the temporary name, so that ``.NAME.XXXXXXXXXXXX.tmp``
fits the usual 255-byte limit for any name that fits it itself."""
_SURROGATE = re.compile("[\ud800-\udfff]")
ORPHAN_SECONDS = 10.0
"""A temporary file no writer holds and untouched this long was left by a killed writer."""


class TargetChanged(OSError):
    """The target no longer holds what the caller read from it: another program wrote it meanwhile."""


def atomic_write_text(
    path: Path | str,
    text: str,
    *,
    overwrite: bool = False,
    within: Path | str | None = None,
    expect: bytes | None = None,
) -> None:
    """Write ``text`` as UTF-8, exactly as given (no newline translation), atomically.

    A name that is not valid UTF-8 is not a problem (the bytes of the name are kept); text
    that is not (lone surrogates) is written with them replaced by U+FFFD.
    """
    _atomic_write(path, (_utf8(text),), overwrite, within, expect)


def atomic_write_chunks(path: Path | str, chunks: Iterable[str], *, overwrite: bool = False) -> None:
    """:func:`atomic_write_text` for text made piece by piece: each piece is encoded and
    written as it comes, so a large export is never held whole (nor its bytes beside it)."""
    _atomic_write(path, (_utf8(chunk) for chunk in chunks), overwrite, None, None)


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a file name decoded with surrogateescape, shown in the text
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def atomic_write_bytes(
    path: Path | str,
    data: bytes,
    *,
    overwrite: bool = False,
    within: Path | str | None = None,
    expect: bytes | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically.

    Raises ``FileExistsError`` when ``path`` exists and ``overwrite`` is False, ``FileRefused``
    when the target is not a regular file, is read-only, belongs to another user or is a link
    out of ``within`` (by default its own folder), and ``TargetChanged`` when ``expect`` is
    given and the file no longer holds it. On any failure the previous file (if any) is
    untouched and no temporary file is left behind. A symbolic link that stays in that
    folder is followed, so the file it points to is replaced, not the link.
    """
    _atomic_write(path, (data,), overwrite, within, expect)


def _atomic_write(
    path: Path | str,
    data: Iterable[bytes],
    overwrite: bool,
    within: Path | str | None,
    expect: bytes | None,
) -> None:
    target = _real_target(Path(path), within)
    existing = _existing(target)
    if existing is not None and not overwrite:
        raise FileExistsError(
            errno.EEXIST, "file exists (choose another name or allow overwriting)", str(target)
        )
    if existing is not None:
        _check_replaceable(existing)
    _remove_orphans(target)
    temp = target.with_name(_temp_name(target.name))
    try:
        fd = _write_new(temp, data, existing)
        try:
            if expect is not None and _current(target, len(expect)) != expect:
                raise TargetChanged(
                    errno.EAGAIN, "the file changed since it was read; nothing was written", str(target)
                )
            if overwrite:
                os.replace(temp, target)
            else:
                _publish_exclusive(temp, target)
        finally:
            os.close(fd)  # releases the writer's lock on the temporary file
        _fsync_dir(target.parent)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temp)


def _real_target(path: Path, within: Path | str | None) -> Path:
    """The file a write to ``path`` replaces: the link's target, which must stay ``within``
    (by default, the folder the link itself is in)."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    root = os.path.realpath(path.parent if within is None else within)
    if os.path.commonpath([root, str(target)]) != root:
        where = "its own folder" if within is None else "the story folder"
        raise FileRefused(
            f"is a link to a file outside {where}; not written",
            "write to the file it points to by its own name, or replace the link with a copy",
        )
    return target


def _existing(target: Path) -> os.stat_result | None:
    """The target's status, None when it does not exist; a folder is never a target."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder (name a file to write)", str(target))
    return info


def _check_replaceable(info: os.stat_result) -> None:
    """Refuse to replace what a rename would destroy or silently change: a device, a FIFO or a
    socket, a read-only file (even for root, who may write anything), another user's file."""
    if not stat.S_ISREG(info.st_mode):
        raise not_regular(info.st_mode)
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FileRefused(
            "is read-only; not overwritten", "make it writable first (chmod u+w) if it should be replaced"
        )
    euid = os.geteuid() if hasattr(os, "geteuid") else info.st_uid
    if info.st_uid != euid and euid != 0:
        raise FileRefused(
            "belongs to another user; not replaced (the new file would be yours)", "write to another file"
        )


def _temp_name(name: str) -> str:
    return f".{_temp_stem(name)}.{secrets.token_hex(6)}.tmp"


def _temp_stem(name: str) -> str:
    return os.fsdecode(os.fsencode(name)[:TEMP_STEM_BYTES])


def _write_new(temp: Path, data: Iterable[bytes], existing: os.stat_result | None) -> int:
    """Create ``temp`` (0o666 less the umask, like any new file) and make its bytes durable.

    Returns the open descriptor, locked for as long as it is open, so that another writer's
    clean-up can tell this temporary file from an orphan. An existing target's permissions,
    and its owner when we are root, carry over to the new file.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        if _flock is not None:
            with suppress(OSError):
                _flock(fd)
        for piece in data:
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view) :]
        os.fsync(fd)
        if existing is not None:
            os.chmod(temp, stat.S_IMODE(existing.st_mode))
            if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != _owner(fd):
                with suppress(PermissionError):  # a group we are not in: keep ours
                    os.chown(temp, existing.st_uid, existing.st_gid)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _owner(fd: int) -> tuple[int, int]:
    info = os.fstat(fd)
    return info.st_uid, info.st_gid


def _current(target: Path, size: int) -> bytes | None:
    """What the target holds now, if it is ``size`` bytes; None when it is gone, of another size
    or no longer a regular file."""
    try:
        return read_regular(target, size)
    except OSError:
        return None


def _remove_orphans(target: Path) -> None:
    """Delete the temporary files of earlier writes to ``target`` that a killed writer left.

    Only names this module makes for this target are considered, only when no writer holds
    their lock, and only once they have been untouched for ``ORPHAN_SECONDS``.
    """
    if _flock is None:
        return
    prefix = f".{_temp_stem(target.name)}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    now = time.time()
    for name in names:
        middle = name[len(prefix) : -len(".tmp")]
        if not (name.startswith(prefix) and name.endswith(".tmp") and len(middle) == 12):
            continue
        if any(c not in "0123456789abcdef" for c in middle):
            continue
        _remove_if_orphan(target.parent / name, now)


def _remove_if_orphan(path: Path, now: float) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < ORPHAN_SECONDS:
            return
        if _flock is None:
            return
        _flock(fd)  # held by a live writer: OSError, and the file is left alone
        os.unlink(path)
    except OSError:
        return
    finally:
        os.close(fd)


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
