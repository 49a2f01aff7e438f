"""Atomic writes: the old file survives every failure, and an existing file is never clobbered."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.load import atomic
from tui.core.load.atomic import atomic_write_bytes, atomic_write_chunks, atomic_write_text


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

    def write_then_race(temp: Path, data: bytes, mode: int | None) -> None:
        real_write(temp, data, mode)
        target.write_text("the other writer's work", encoding="utf-8")

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
