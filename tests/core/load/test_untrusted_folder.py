"""A story folder someone sent: FIFOs, devices, links out of the folder, huge and badly named files.

Only regular files are read, never past a size limit, and nothing outside the folder unless
the user named it; what is skipped is named in a warning. Tests that would wait forever on a
FIFO if it were opened start a helper that opens its other end after a few seconds, so a
regression fails instead of hanging.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.untrusted import unblocked_after
from tui.core.annotate.schema import load_annotations
from tui.core.load import corpus
from tui.core.load.corpus import StoryError, load_story

BODY = "Officials said 40 people were hurt in the blast on Monday.\n"
SECRET = "root:$6$secret-hash:19000:0:99999:7:::\n"


def _story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text(BODY.replace("40", "45"), encoding="utf-8")
    return folder


def _secret(tmp_path: Path) -> Path:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    secret = outside / "shadow.txt"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def test_a_link_out_of_the_folder_is_skipped_with_a_warning_that_names_it(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    (folder / "x.txt").symlink_to(_secret(tmp_path))
    story = load_story([folder])
    assert [a.id for a in story.articles] == ["a", "b"]
    assert all("secret-hash" not in a.text for a in story.articles)
    (warning,) = story.diagnostics
    assert str(warning) == (
        f"{folder / 'x.txt'}: warning: a link to a file outside the story folder; skipped; "
        "copy the file into the folder, or name it on the command line to read it"
    )


def test_a_link_to_a_file_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    (folder / "drafts").mkdir()
    (folder / "drafts" / "c.txt").write_text(BODY.replace("40", "50"), encoding="utf-8")
    (folder / "c.txt").symlink_to(folder / "drafts" / "c.txt")
    story = load_story([folder])
    assert [a.id for a in story.articles] == ["a", "b", "c"] and story.diagnostics == ()


def test_a_file_the_user_names_is_read_wherever_it_is(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(BODY.replace("40", "60"), encoding="utf-8")
    link = tmp_path / "named.txt"
    link.symlink_to(elsewhere)
    story = load_story([folder / "a.txt", link])
    assert [a.id for a in story.articles] == ["a", "named"]


def test_an_annotation_file_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    secret = _secret(tmp_path).with_name("annotations.yaml")
    secret.write_text("entities:\n  - {id: a, name: Secret Name, type: person}\n", encoding="utf-8")
    (folder / "annotations.yaml").symlink_to(secret)
    story = load_story([folder])
    assert story.annotations_path is None
    (warning,) = story.diagnostics
    assert warning.file == str(folder / "annotations.yaml") and "outside the story folder" in warning.message


def test_a_fifo_named_as_an_article_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "f.md"
    os.mkfifo(fifo)
    with unblocked_after(fifo), pytest.raises(StoryError) as raised:
        load_story([fifo])
    assert "FIFO" in str(raised.value) and "\n" not in str(raised.value)


def test_a_fifo_in_the_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = _story(tmp_path)
    fifo = folder / "f.md"
    os.mkfifo(fifo)
    with unblocked_after(fifo):
        story = load_story([folder])
    assert [a.id for a in story.articles] == ["a", "b"]
    (warning,) = story.diagnostics
    assert warning.file == str(fifo) and warning.message.startswith(
        "is a FIFO (named pipe), not a regular file"
    )


def test_a_link_to_an_endless_device_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """``ln -s /dev/zero z.md``: reading it would fill the memory."""
    link = tmp_path / "z.md"
    link.symlink_to("/dev/zero")
    with pytest.raises(StoryError, match="character device"):
        load_story([link])


def test_an_annotation_file_that_is_a_device_or_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    device = load_annotations(Path("/dev/zero"))
    (error,) = device.diagnostics
    assert error.severity == "error" and "character device" in error.message
    fifo = tmp_path / "annotations.yaml"
    os.mkfifo(fifo)
    with unblocked_after(fifo):
        (error,) = load_annotations(fifo).diagnostics
    assert error.file == str(fifo) and "FIFO" in error.message


def test_an_article_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _story(tmp_path)
    (folder / "huge.txt").write_text(BODY * 100, encoding="utf-8")
    monkeypatch.setattr(corpus, "MAX_ARTICLE_BYTES", 1000)
    story = load_story([folder])
    assert [a.id for a in story.articles] == ["a", "b"]
    (error,) = story.diagnostics
    assert error.file == str(folder / "huge.txt")
    assert error.message == f"file is {len(BODY) * 100} bytes; the limit is 1000 bytes; skipped"


def test_a_name_too_long_for_the_file_system_is_a_one_line_error(tmp_path: Path) -> None:
    name = tmp_path / ("s" * 300)
    with pytest.raises(StoryError) as raised:
        load_story([name])
    assert str(raised.value).startswith(str(name)) and "\n" not in str(raised.value)
    (error,) = load_annotations(tmp_path / ("a" * 300 + ".yaml")).diagnostics
    assert error.severity == "error" and "name too long" in error.message.lower()
