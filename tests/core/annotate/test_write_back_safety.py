"""Edits from the app on a hostile or busy annotation file: nothing outside the folder, nothing but
a regular file the user can write, and nothing another program wrote meanwhile is lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.untrusted import special_files, unblocked_after
from tui.core.annotate import write_back
from tui.core.annotate.schema import load_annotations
from tui.core.annotate.write_back import AnnotationEditError, add_alias, add_entity
from tui.core.load import atomic
from tui.core.model import Entity

ORIGINAL = "entities:\n  - id: alpha\n    name: Alpha Person\n    type: person\n"
APPENDED = "  - id: beta\n    name: Beta Person\n    type: person\n"
NEW = Entity("gamma", "Gamma Person", "unknown")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "annotations.yaml").write_text(ORIGINAL, encoding="utf-8")
    return folder


def _relink(link: Path, target: Path) -> None:
    link.unlink()
    link.symlink_to(target)


def test_a_link_to_a_device_or_a_fifo_is_refused_and_the_device_left_alone(
    tmp_path: Path, story: Path
) -> None:
    """``mknod dev c 1 3; ln -s $PWD/dev s/annotations.yaml``, then ``a`` in the reader."""
    link = story / "annotations.yaml"
    for special in special_files(tmp_path, "dev"):
        kind = stat.S_IFMT(special.stat().st_mode)
        _relink(link, special)
        with (
            unblocked_after(special),
            pytest.raises(AnnotationEditError, match="not a regular file") as refused,
        ):
            add_entity(link, NEW)
        assert "\n" not in str(refused.value)
        assert stat.S_IFMT(special.stat().st_mode) == kind, f"{special.name} was replaced by a file"


def test_a_link_to_a_missing_file_outside_the_folder_creates_nothing_there(
    tmp_path: Path, story: Path
) -> None:
    outside = tmp_path / "elsewhere" / "new.yaml"
    outside.parent.mkdir()
    _relink(story / "annotations.yaml", outside)
    with pytest.raises(AnnotationEditError, match="outside the story folder"):
        add_entity(story / "annotations.yaml", NEW)
    assert not outside.exists()
    assert os.listdir(outside.parent) == []


def test_a_link_to_a_file_outside_the_folder_is_not_edited(tmp_path: Path, story: Path) -> None:
    outside = tmp_path / "dotfile.yaml"
    outside.write_text(ORIGINAL, encoding="utf-8")
    _relink(story / "annotations.yaml", outside)
    with pytest.raises(AnnotationEditError, match="outside the story folder"):
        add_alias(story / "annotations.yaml", "alpha", "Alpha")
    assert outside.read_text(encoding="utf-8") == ORIGINAL


def test_a_read_only_annotation_file_is_refused_with_the_reason(story: Path) -> None:
    path = story / "annotations.yaml"
    path.chmod(0o444)
    with pytest.raises(AnnotationEditError, match="read-only") as refused:
        add_entity(path, NEW)
    assert "chmod" in str(refused.value)
    assert path.read_text(encoding="utf-8") == ORIGINAL and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_lines_another_program_appends_while_saving_are_kept(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other program writes between our read and our rename: the edit is made again on its text."""
    path = story / "annotations.yaml"
    real_write = atomic._write_new
    calls = []

    def write_while_another_appends(temp: Path, data: bytes, existing: os.stat_result | None) -> int:
        calls.append(temp)
        if len(calls) == 1:
            with path.open("a", encoding="utf-8") as other:
                other.write(APPENDED)
        return real_write(temp, data, existing)

    monkeypatch.setattr(atomic, "_write_new", write_while_another_appends)
    add_entity(path, NEW)
    assert len(calls) == 2
    assert [e.id for e in load_annotations(path).entities] == ["alpha", "beta", "gamma"]
    assert path.read_text(encoding="utf-8").startswith(ORIGINAL + APPENDED)


def test_a_file_that_keeps_changing_is_refused_not_overwritten(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = story / "annotations.yaml"
    real_write = atomic._write_new
    counter = iter(range(100))

    def write_while_another_keeps_writing(temp: Path, data: bytes, existing: os.stat_result | None) -> int:
        with path.open("a", encoding="utf-8") as other:
            other.write(f"# edit {next(counter)} by another program\n")
        return real_write(temp, data, existing)

    monkeypatch.setattr(atomic, "_write_new", write_while_another_keeps_writing)
    with pytest.raises(AnnotationEditError, match="kept changing"):
        add_entity(path, NEW)
    text = path.read_text(encoding="utf-8")
    assert text.count("by another program") == write_back.ATTEMPTS and "gamma" not in text
