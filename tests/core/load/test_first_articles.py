"""Reading only a story's first articles (what the reader's first screen shows) gives exactly
the whole story's first articles: same files, ids, order and text, with the same files
refused, and a story with nothing readable still fails before anything opens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.load.corpus import StoryError, list_story, load_story, read_first, read_story

BODY = "Officials said {n} people were hurt in the blast on Monday.\n"


def _folder(tmp_path: Path) -> Path:
    """Names whose sort order, suffixes and clashing ids the loader decides: b-2 and b_2
    both want the id "b-2"; an empty file, a binary one, a link out of the folder and a
    README are left out."""
    folder = tmp_path / "story"
    folder.mkdir()
    for name, n in [("c.txt", 3), ("a.md", 1), ("b-2.txt", 2), ("b 2.html", 4), ("d e.txt", 5)]:
        (folder / name).write_text(BODY.format(n=n), encoding="utf-8")
    (folder / "b.txt").write_text("   \n", encoding="utf-8")  # empty: skipped, keeps no id
    (folder / "ab.txt").write_bytes(b"text\x00binary")  # binary: refused
    (folder / "README.md").write_text("About this folder.\n", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("root:secret-hash\n", encoding="utf-8")
    (folder / "aa.txt").symlink_to(outside)  # out of the folder: skipped
    return folder


def test_the_first_articles_are_the_whole_storys_first_articles(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    whole = load_story([folder])
    files = list_story([folder])
    ids = [article_id for _path, article_id in files.files]
    assert ids == ["a", "ab", "b-2", "b-2-2", "b", "c", "d-e"]  # ids taken by name, read or not
    assert [a.id for a in whole.articles] == ["a", "b-2", "b-2-2", "c", "d-e"]
    for count in range(1, len(whole.articles) + 2):
        start = read_first(files, count)
        assert start.story.articles == whole.articles[:count]
        assert [a.id for a in start.story.articles] == [a.id for a in whole.articles][:count]
        assert start.story.title == whole.title and start.story.path == whole.path
        assert start.story.annotations_path == whole.annotations_path
        assert start.complete == (count >= len(whole.articles))
    assert read_story(files) == whole


def test_refused_files_stay_refused_and_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    start = read_first(list_story([folder]), 1)
    (first,) = start.story.articles
    assert first.id == "a"
    assert all("secret-hash" not in article.text for article in load_story([folder]).articles)
    problems = [str(d) for d in start.story.diagnostics]
    assert any("aa.txt" in p and "outside the story folder" in p for p in problems)
    assert not any("ab.txt" in p for p in problems)  # not read yet: the worker reads it
    whole = [str(d) for d in load_story([folder]).diagnostics]
    assert problems == whole[: len(problems)]
    assert any("ab.txt" in p and "binary" in p for p in whole)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_among_the_first_names_is_skipped_not_opened(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "a0.txt")  # among the first names: would block if it were opened
    start = read_first(list_story([folder]), 2)
    assert [a.id for a in start.story.articles] == ["a", "b-2"]
    assert any("a0.txt" in str(d) for d in start.story.diagnostics)


def test_a_story_with_nothing_readable_fails_even_when_reading_one(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00")
    (folder / "b.txt").write_text("", encoding="utf-8")
    with pytest.raises(StoryError, match="no readable articles"):
        read_first(list_story([folder]), 1)
    with pytest.raises(StoryError, match="no such file or folder"):
        list_story([tmp_path / "nothing-here"])
