"""Atomic writes: the old file survives every failure, and an existing file is never clobbered."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.untrusted import special_files
from tui.core.load import atomic
from tui.core.load.atomic import TargetChanged, atomic_write_bytes, atomic_write_chunks, atomic_write_text
from tui.core.load.files import FileRefused


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    atomic_write_text(target, "line one\r\nline two\n\u00e9")
    assert target.read_bytes() == "line one\r\nline two\n\u00e9".encode()
    assert _leftovers(tmp_path) == []


def test_refuses_to_overwrite_by_default(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert _leftovers(tmp_path) == []


def test_overwrite_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_failed_rename_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old content", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "disk went away")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk went away"):
        atomic_write_text(target, "new content", overwrite=True)
    assert target.read_text(encoding="utf-8") == "old content"
    assert _leftovers(tmp_path) == []


def test_failure_while_writing_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old content", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(target, "half a file", overwrite=True)
    assert target.read_text(encoding="utf-8") == "old content"
    assert _leftovers(tmp_path) == []


def test_a_file_appearing_after_the_check_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process creates the file between our exists() check and our write."""
    target = tmp_path / "race.txt"
    real_write = atomic._write_new

    def write_then_race(temp: Path, data: bytes, existing: os.stat_result | None) -> int:
        fd = real_write(temp, data, existing)
        target.write_text("the other writer's work", encoding="utf-8")
        return fd

    monkeypatch.setattr(atomic, "_write_new", write_then_race)
    with pytest.raises(FileExistsError):
        atomic_write_text(target, "ours")
    assert target.read_text(encoding="utf-8") == "the other writer's work"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("racing", [False, True])
def test_works_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, racing: bool) -> None:
    """On file systems without hard links the exclusive create still refuses to clobber."""
    target = tmp_path / "fat.txt"

    def no_links(src: object, dst: object) -> None:
        if racing:
            target.write_text("theirs", encoding="utf-8")
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    if racing:
        with pytest.raises(FileExistsError):
            atomic_write_text(target, "ours")
        assert target.read_text(encoding="utf-8") == "theirs"
    else:
        atomic_write_text(target, "ours")
        assert target.read_text(encoding="utf-8") == "ours"
    assert _leftovers(tmp_path) == []


def test_follows_a_symlink_to_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new", overwrite=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_missing_folder_is_an_error_not_a_stray_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "nowhere" / "out.txt", "x")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_is_never_a_target(tmp_path: Path, overwrite: bool) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(IsADirectoryError, match="is a folder"):
        atomic_write_text(tmp_path / "out", "x", overwrite=overwrite)
    assert (tmp_path / "out").is_dir() and _leftovers(tmp_path) == []


def test_text_written_piece_by_piece_is_the_pieces_joined(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write_chunks(target, iter(["{", "\u00e9", "\r\n", "}"]))
    assert target.read_bytes() == "{\u00e9\r\n}".encode()
    assert _leftovers(tmp_path) == []


def test_a_piece_that_fails_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old content", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "new "
        raise ValueError("the writer broke")

    with pytest.raises(ValueError, match="the writer broke"):
        atomic_write_chunks(target, pieces(), overwrite=True)
    assert target.read_text(encoding="utf-8") == "old content"
    assert _leftovers(tmp_path) == []


# -- what a write must never replace -----------------------------------------------------------


def test_a_device_or_a_fifo_is_never_replaced_even_when_overwriting(tmp_path: Path) -> None:
    for special in special_files(tmp_path, "out.json"):
        kind = stat.S_IFMT(special.stat().st_mode)
        with pytest.raises(FileRefused, match="not a regular file"):
            atomic_write_text(special, "x", overwrite=True)
        assert stat.S_IFMT(special.stat().st_mode) == kind, f"{special.name} was replaced"
        link = tmp_path / f"link-to-{special.name}"
        link.symlink_to(special)
        with pytest.raises(FileRefused, match="not a regular file"):
            atomic_write_text(link, "x", overwrite=True)
        assert stat.S_IFMT(special.stat().st_mode) == kind
    assert _leftovers(tmp_path) == []


def test_a_read_only_file_is_not_overwritten_even_by_root(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(FileRefused, match="read-only"):
        atomic_write_text(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_replacing_another_users_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "notes.yaml"
    target.write_text("old", encoding="utf-8")
    os.chown(target, 4321, 4321)
    atomic_write_text(target, "new", overwrite=True)
    info = target.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4321) and target.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_out_of_the_confined_folder_is_not_followed(tmp_path: Path, dangling: bool) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    outside = tmp_path / "elsewhere" / "annotations.yaml"
    outside.parent.mkdir()
    if not dangling:
        outside.write_text("theirs", encoding="utf-8")
    (folder / "annotations.yaml").symlink_to(outside)
    with pytest.raises(FileRefused, match="outside the story folder"):
        atomic_write_text(folder / "annotations.yaml", "ours", overwrite=True, within=folder)
    if dangling:
        assert not outside.exists(), "a file was created outside the folder"
    else:
        assert outside.read_text(encoding="utf-8") == "theirs"


def test_a_link_inside_the_confined_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("old", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    atomic_write_text(tmp_path / "link.yaml", "new", overwrite=True, within=tmp_path)
    assert (tmp_path / "real.yaml").read_text(encoding="utf-8") == "new"


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "annotations.yaml"
    target.write_text("entities:\n  - a\n  - b\n", encoding="utf-8")
    with pytest.raises(TargetChanged):
        atomic_write_text(target, "entities:\n  - a\n", overwrite=True, expect=b"entities:\n  - a\n")
    assert target.read_text(encoding="utf-8") == "entities:\n  - a\n  - b\n"
    atomic_write_text(target, "new\n", overwrite=True, expect=b"entities:\n  - a\n  - b\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("length", [200, 250, 255])
def test_names_up_to_the_file_system_limit_can_be_written(tmp_path: Path, length: int) -> None:
    """The temporary name is longer than the target's: it must not be what fails."""
    target = tmp_path / ("n" * (length - 5) + ".json")
    atomic_write_text(target, "{}")
    assert target.read_text(encoding="utf-8") == "{}" and _leftovers(tmp_path) == []


def test_a_name_with_invalid_utf8_bytes_and_text_with_lone_surrogates_are_written(tmp_path: Path) -> None:
    target = tmp_path / os.fsdecode(b"caf\xe9-\xff.json")
    atomic_write_text(target, "path: \udcff\n")
    assert os.fsencode(target.name) == b"caf\xe9-\xff.json"
    assert target.read_bytes() == "path: \ufffd\n".encode()


def test_temporary_files_left_by_a_killed_writer_are_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    orphan = tmp_path / ".out.json.0123456789ab.tmp"
    recent = tmp_path / ".out.json.aaaaaaaaaaaa.tmp"
    held = tmp_path / ".out.json.bbbbbbbbbbbb.tmp"
    unrelated = tmp_path / ".other.json.0123456789ab.tmp"
    for path in (orphan, recent, held, unrelated):
        path.write_text("half a file", encoding="utf-8")
    old = time.time() - 3600
    for path in (orphan, held, unrelated):
        os.utime(path, (old, old))
    writer = os.open(held, os.O_RDONLY)  # a live writer still holds this one
    try:
        fcntl.flock(writer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        atomic_write_text(target, "{}")
    finally:
        os.close(writer)
    assert _leftovers(tmp_path) == sorted(p.name for p in (recent, held, unrelated))


def test_a_link_out_of_its_own_folder_is_never_written_through(tmp_path: Path) -> None:
    """``story/shadow.txt -> /etc/shadow``: ``export story -o story/shadow.txt --force`` as root."""
    (tmp_path / "story").mkdir()
    secret = tmp_path / "shadow"
    secret.write_text("root:secret", encoding="utf-8")
    (tmp_path / "story" / "shadow.txt").symlink_to(secret)
    with pytest.raises(FileRefused, match="outside its own folder"):
        atomic_write_text(tmp_path / "story" / "shadow.txt", "{}", overwrite=True)
    assert secret.read_text(encoding="utf-8") == "root:secret"
